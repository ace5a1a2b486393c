package dev.roster.http;

import com.linecorp.armeria.common.RequestHeaders;
import dev.roster.domain.DomainError;
import dev.roster.domain.Text;

/** The optional {@code Roster-Reason} header: why a change was made, kept with its event in the audit log. */
public final class Reasons {
    public static final String HEADER = "roster-reason";
    static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    public static String of(RequestHeaders headers) {
        String reason = headers.get(HEADER);
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (Text.length(reason) > MAX_LENGTH) {
            throw DomainError.invalidField("Roster-Reason header", "must be at most " + MAX_LENGTH + " characters");
        }
        return reason.strip();
    }
}
