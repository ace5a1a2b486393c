-- POST /v2/users/{userId}/deactivate and /reactivate over the seeded v2 users (see bench_walk). ZITADEL answers
-- either one for a user already in the target state with FAILED_PRECONDITION, so a walk out of step shows as
-- non-2xx instead of passing as a cheap no-op.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
bench_headers["Content-Type"] = "application/json"
bench_walk(function() return bench_ids(nil, "BENCH_USER_IDS") end, "/v2/users/", "{}")
