-- POST /v1/express/{id}/deactivate and /reactivate over the first BENCH_LIFECYCLE customers (see bench_walk).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
bench_walk(function() return bench_ids(tonumber(os.getenv("BENCH_LIFECYCLE"))) end, "/v1/express/", "")
