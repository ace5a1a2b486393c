-- POST /v1/express/{id}/deactivate and /reactivate over the first BENCH_LIFECYCLE customers (all active when a
-- run starts). Each thread owns every n-th customer and walks them in turn, deactivating on one pass and
-- reactivating on the next, so every request is a real transition (a new version and an event), never an
-- idempotent repeat, and no two requests in flight touch the same customer.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local mine, at, pass = {}, 0, 0

function init(args)
  local all = bench_ids(tonumber(os.getenv("BENCH_LIFECYCLE")))
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for i = thread_index + 1, #all, threads do
    mine[#mine + 1] = all[i]
  end
end

function request()
  at = at + 1
  if at > #mine then
    at, pass = 1, pass + 1
  end
  local action = pass % 2 == 0 and "/deactivate" or "/reactivate"
  return wrk.format("POST", "/v1/express/" .. mine[at] .. action, bench_headers, "")
end
