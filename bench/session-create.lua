-- POST /v2/sessions with a user check and a password check for a random one of the users seeded with a password:
-- a user lookup, one Argon2id verification (bounded to one per core on the server) and a durable session insert.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
bench_headers["Content-Type"] = "application/json"
local ids, password

function init(args)
  ids = bench_ids(nil, "BENCH_SESSION_IDS")
  password = os.getenv("BENCH_PASSWORD")
  math.randomseed(os.time() + 7919 * thread_index)
end

function request()
  local body = string.format('{"checks":{"user":{"userId":"%s"},"password":{"password":"%s"}}}',
    ids[math.random(#ids)], password)
  return wrk.format("POST", "/v2/sessions", bench_headers, body)
end
