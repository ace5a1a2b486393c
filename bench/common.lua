-- Shared by every scenario. The key and the files come from the environment bench/run sets; done() prints one
-- machine-readable line that bench/run collects (latencies in milliseconds).
bench_headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_KEY") or "") }

-- The customer ids bench/run wrote, one a line; only the first `limit` when a limit is given.
function bench_ids(limit)
  local ids = {}
  for line in io.lines(os.getenv("BENCH_IDS")) do
    if limit and #ids >= limit then break end
    ids[#ids + 1] = line
  end
  return ids
end

local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
