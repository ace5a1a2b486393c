package dev.roster.http.console;

import dev.roster.domain.DomainError;
import dev.roster.domain.Text;

/** The reason a form gives for a change: required, and as long as the API's {@code Roster-Reason} may be. */
final class Reasons {
    static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainError.invalidField("reason", "a reason is required");
        }
        if (Text.length(reason) > MAX_LENGTH) {
            throw DomainError.invalidField("reason", "must be at most " + MAX_LENGTH + " characters");
        }
        return reason.strip();
    }
}
