package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Avara's standard success response (avara-v1.md §2.2); {@code success} is true on every 2xx. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SuccessJson(boolean success, String message) {
    static SuccessJson ok(String message) {
        return new SuccessJson(true, message);
    }
}
