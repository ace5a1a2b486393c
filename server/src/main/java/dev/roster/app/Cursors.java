package dev.roster.app;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.Keyset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque list cursors: base64url (no padding) of the keyset position plus a fingerprint of the query that
 * produced it, so a cursor sent back with other filters or another limit is refused instead of skipping rows.
 */
public final class Cursors {
    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    public static String encode(Keyset position, String query) {
        String plain = VERSION + "|" + position.createdAtMillis() + "|" + position.id() + "|" + fingerprint(query);
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty cursor parameter means the first page; a cursor not made for {@code query} is 400. */
    public static Optional<Keyset> decode(Optional<String> cursor, String query, Ids idKind) {
        if (cursor.isEmpty() || cursor.get().isEmpty()) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(DECODER.decode(cursor.get()), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this server issued");
        }
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !idKind.matches(parts[2])) {
            throw invalid("is not a cursor this server issued");
        }
        if (!fingerprint(query).equals(parts[3])) {
            throw invalid("was issued for other filters or another limit; repeat the original query");
        }
        try {
            return Optional.of(new Keyset(Long.parseLong(parts[1]), parts[2]));
        } catch (NumberFormatException e) {
            throw invalid("is not a cursor this server issued");
        }
    }

    private static DomainError invalid(String reason) {
        return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.INVALID_CURSOR, "invalid cursor: " + reason);
    }

    private static String fingerprint(String query) {
        return Secrets.sha256(query).substring(0, 16);
    }
}
