package dev.roster.app;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.Keyset;
import dev.roster.store.Database;
import dev.roster.store.InstanceSecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque list cursors: base64url (no padding) of the keyset position, a fingerprint of the query that produced it,
 * and an HMAC-SHA256 over both and the organization they were issued to, with a key of this installation. A cursor
 * this server did not issue, altered, or issued to another organization is refused; one sent back with other filters
 * or another limit is refused too, with a message saying so, instead of skipping rows.
 */
public final class Cursors {
    static final String KEY_NAME = "cursor-signing-key";
    private static final String VERSION = "c2";
    private static final int SIGNATURE_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final InstanceKey key;

    Cursors(Database db, InstanceSecretStore secrets, Clock clock) {
        this.key = new InstanceKey(db, secrets, KEY_NAME, clock);
    }

    /** Loads the signing key before requests arrive: a list answered on the event loop must not wait for it. */
    public void prepare() {
        key.load();
    }

    String encode(Keyset position, String organizationId, String query) {
        byte[] claims = (VERSION + "|" + position.createdAtMillis() + "|" + position.id() + "|" + fingerprint(query))
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(signed(organizationId, claims));
        byte[] token = Arrays.copyOf(claims, claims.length + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, token, claims.length, SIGNATURE_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** An empty cursor parameter means the first page; one not issued to this organization for {@code query} is 400. */
    Optional<Keyset> decode(Optional<String> cursor, String organizationId, String query, Ids idKind) {
        if (cursor.isEmpty() || cursor.get().isEmpty()) {
            return Optional.empty();
        }
        byte[] token;
        try {
            token = DECODER.decode(cursor.get());
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        if (token.length <= SIGNATURE_BYTES) {
            throw notIssued();
        }
        byte[] claims = Arrays.copyOf(token, token.length - SIGNATURE_BYTES);
        byte[] signature = Arrays.copyOfRange(token, claims.length, token.length);
        if (!key.signs(signed(organizationId, claims), signature)) {
            throw notIssued();
        }
        String[] parts = new String(claims, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw notIssued();
        }
        if (!fingerprint(query).equals(parts[3]) || !idKind.matches(parts[2])) {
            throw invalid("was issued for other filters or another limit; repeat the original query");
        }
        return Optional.of(new Keyset(Long.parseLong(parts[1]), parts[2]));
    }

    /** Organization ids hold no {@code |}, so the signed text names exactly one organization and one set of claims. */
    private static byte[] signed(String organizationId, byte[] claims) {
        byte[] prefix = (organizationId + "|").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + claims.length);
        System.arraycopy(claims, 0, all, prefix.length, claims.length);
        return all;
    }

    private static DomainError notIssued() {
        return invalid("is not a cursor this server issued to this organization");
    }

    private static DomainError invalid(String reason) {
        return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.INVALID_CURSOR, "invalid cursor: " + reason);
    }

    private static String fingerprint(String query) {
        return Secrets.sha256(query).substring(0, 16);
    }
}
