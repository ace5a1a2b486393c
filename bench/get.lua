-- GET /v1/express/{id}, each request a random one of the seeded customers.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local ids

function init(args)
  ids = bench_ids()
  math.randomseed(os.time() + 7919 * thread_index)
end

function request()
  return wrk.format("GET", "/v1/express/" .. ids[math.random(#ids)], bench_headers)
end
