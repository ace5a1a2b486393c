package dev.roster.app;

import dev.roster.concurrent.PlatformThreads;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Code;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * User passwords: Argon2id (Bouncy Castle's implementation) written as a PHC string
 * {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, so the parameters travel with each hash and can be raised later
 * without breaking stored ones. bcrypt hashes imported through AddHumanUser's {@code hashedPassword} are verified
 * as they are. Hashing is slow on purpose and runs on a few platform threads of its own, outside transactions.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    /**
     * Each Argon2 run holds {@code memoryKib} of memory and a core for a fifth of a second or so: one run per core at
     * most (more gain no throughput and could exhaust the heap), on platform threads so that the virtual threads'
     * carriers stay free to answer everything else.
     */
    private static final PlatformThreads RUNS =
            new PlatformThreads(Math.max(1, Runtime.getRuntime().availableProcessors()), "roster-argon2");
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    /**
     * Argon2id at 9 MiB, 4 iterations, 1 lane: one of the settings OWASP's password storage cheat sheet lists as
     * equally strong (19 MiB and 2 iterations is another), the same work for the CPU, and the one that suits a JVM
     * with a small heap. Bouncy Castle allocates each run's memory anew, in 1 KiB blocks that outlive a young
     * collection and are promoted: at 19 MiB, two runs at once made most collections full ones, and password
     * checks ran at 14/s with 8 s of pauses in 20 s of load. At 9 MiB they run at 30/s.
     */
    public static PasswordHasher standard() {
        return new PasswordHasher(9 * 1024, 4, 1);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}, in time independent of where they differ. */
    public boolean verify(String password, String stored) {
        if (stored == null) {
            return false;
        }
        if (BCRYPT.matcher(stored).matches()) {
            return RUNS.call(() -> OpenBSDBCrypt.checkPassword(stored, password.toCharArray()));
        }
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            throw new IllegalStateException("stored password hash has an unknown format");
        }
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = argon2(password, B64_DECODER.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** An imported hash must be one this class can verify: bcrypt ($2a$, $2b$, $2y$) or our Argon2id form. */
    public static String requireImportable(String hash) {
        if (hash == null || hash.isEmpty()) {
            throw DomainError.invalidField("hashedPassword.hash", "value is required");
        }
        if (!BCRYPT.matcher(hash).matches() && !PHC.matcher(hash).matches()) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.PASSWORD_HASH_NOT_SUPPORTED,
                    "Password hash encoding not supported");
        }
        return hash;
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return RUNS.call(() -> computeArgon2(password, salt, memoryKib, iterations, parallelism, length));
    }

    private static byte[] computeArgon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                        int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
