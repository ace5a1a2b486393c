-- POST /v1/express: a new customer per request (a durable insert of the row and its event).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
bench_headers["Content-Type"] = "application/json"
wrk.method = "POST"
wrk.path = "/v1/express"
wrk.body = '{"expressCustomerName":"Bench Customer","metadata":{"source":"bench"}}'
wrk.headers = bench_headers
