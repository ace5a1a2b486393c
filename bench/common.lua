-- Shared by every scenario. The key and the files come from the environment bench/run sets; done() prints one
-- machine-readable line that bench/run collects (latencies in milliseconds).
bench_headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_KEY") or "") }

-- The ids bench/run wrote, one a line (the customers unless the name of another file's variable is given); only
-- the first `limit` when a limit is given.
function bench_ids(limit, variable)
  local ids = {}
  for line in io.lines(os.getenv(variable or "BENCH_IDS")) do
    if limit and #ids >= limit then break end
    ids[#ids + 1] = line
  end
  return ids
end

-- With several replicas (bench/run --replicas), each thread talks to one of them in turn.
local ports = {}
for p in string.gmatch(os.getenv("BENCH_PORTS") or "", "%d+") do ports[#ports + 1] = p end

local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  if #ports > 1 then
    thread.addr = wrk.lookup("127.0.0.1", ports[threads % #ports + 1])[1]
  end
  threads = threads + 1
end

-- Defines the scenario's init and request: deactivate and reactivate over the ids `load_ids` returns (all active
-- when a run starts). Each thread owns every n-th id and walks them in turn, deactivating on one pass and
-- reactivating on the next, so every request is a real transition (a new version and an event), never an
-- idempotent repeat, and no two requests in flight touch the same one. wrk only calls request() per request when
-- the script defines it as it loads, hence here and not in init.
function bench_walk(load_ids, prefix, body)
  local mine, at, pass = {}, 0, 0
  -- Before the load starts, wrk calls thread 0's request() once to inspect what it returns and never sends that
  -- request; advancing the walk there would skip a user, whose next transition would then be a repeat.
  local unsent

  function init(args)
    unsent = thread_index == 0
    local ids, stride = load_ids(), tonumber(os.getenv("BENCH_THREADS"))
    for i = thread_index + 1, #ids, stride do
      mine[#mine + 1] = ids[i]
    end
  end

  function request()
    if unsent then
      unsent = false
      return wrk.format("POST", prefix .. mine[1] .. "/deactivate", bench_headers, body)
    end
    at = at + 1
    if at > #mine then
      at, pass = 1, pass + 1
    end
    local action = pass % 2 == 0 and "/deactivate" or "/reactivate"
    return wrk.format("POST", prefix .. mine[at] .. action, bench_headers, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
