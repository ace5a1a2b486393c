package dev.roster.http.console;

import dev.roster.domain.DomainError;

/** The reason a form gives for a change: required here, and held to the API's {@code Roster-Reason} limit. */
final class Reasons {
    private Reasons() {
    }

    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainError.invalidField("reason", "a reason is required");
        }
        return dev.roster.http.Reasons.checked("reason", reason);
    }
}
