package dev.roster.http;

import com.linecorp.armeria.common.RequestHeaders;
import dev.roster.domain.DomainError;
import dev.roster.domain.Text;

/** The optional {@code Roster-Reason} header: why a change was made, kept with its event in the audit log. */
public final class Reasons {
    public static final String HEADER = "roster-reason";
    public static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /** The header decoded as UTF-8; its limit counts characters (code points), not bytes. */
    public static String of(RequestHeaders headers) {
        String raw = headers.get(HEADER);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String reason = Utf8Text.headerValue(raw);
        if (reason == null) {
            throw DomainError.invalidField("Roster-Reason header", "must be UTF-8 text");
        }
        return checked("Roster-Reason header", reason);
    }

    /** A reason given in {@code field}, stripped, within the limit the audit log keeps for every reason. */
    public static String checked(String field, String reason) {
        if (Text.length(reason) > MAX_LENGTH) {
            throw DomainError.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return reason.strip();
    }
}
