package dev.roster.app;

import dev.roster.store.Database;
import dev.roster.store.InstanceSecretStore;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key of this installation, made once and kept in the database under its name, so that every replica
 * verifies what every other one signed. The key is never logged.
 */
final class InstanceKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final Database db;
    private final InstanceSecretStore secrets;
    private final String name;
    private final Clock clock;
    private volatile byte[] key;
    /** Keyed once and copied for each signature: every list page signs its cursor, and keying costs two hashes. */
    private volatile Mac keyed;

    InstanceKey(Database db, InstanceSecretStore secrets, String name, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.name = name;
        this.clock = clock;
    }

    byte[] sign(byte[] data) {
        Mac prototype = keyed;
        if (prototype == null) {
            prototype = newMac();
            keyed = prototype;
        }
        try {
            return ((Mac) prototype.clone()).doFinal(data);
        } catch (CloneNotSupportedException e) {
            return newMac().doFinal(data);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compared in constant time, so the time an answer takes tells nothing about how much of a forgery was right. */
    boolean signs(byte[] data, byte[] signature) {
        return MessageDigest.isEqual(sign(data), signature);
    }

    /** Loads the key (making and storing it if this installation has none yet), so no request waits for that. */
    void load() {
        key();
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String stored = db.read(h -> secrets.find(h, name)).orElseGet(() -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                String encoded = Base64.getEncoder().encodeToString(fresh);
                return db.write(h -> secrets.putIfAbsent(h, name, encoded, Clocks.now(clock)));
            });
            k = Base64.getDecoder().decode(stored);
            key = k;
        }
        return k;
    }
}
