-- lifecycle.lua at a steady rate instead of flat out: each connection waits BENCH_PACE_MS (default 7) between
-- requests, about 2k requests/s at 16 connections, the rate the webhook delivery lag is judged at.
dofile(os.getenv("BENCH_LUA") .. "/lifecycle.lua")
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "7")
function delay()
  return pace
end
