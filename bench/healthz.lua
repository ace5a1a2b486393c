-- GET /healthz: no authentication, no database; the ceiling of this machine for the other scenarios.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.path = "/healthz"
