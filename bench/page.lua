-- GET /v1/express?limit=100, following each page's cursor to the end and starting again from the newest.
-- Connections of one thread share the cursor, so pages are sometimes fetched twice; each is still a full page.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local cursor

function request()
  local path = "/v1/express?limit=100"
  if cursor then
    path = path .. "&cursor=" .. cursor
  end
  return wrk.format("GET", path, bench_headers)
end

function response(status, headers, body)
  -- The cursor is the last field: search only the tail instead of the whole 30 kB page.
  cursor = string.match(body, '"cursor":"([%w_-]+)"', math.max(1, #body - 400))
end
