package dev.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * zitadel-v2.md §5 as a table, including INITIAL, which Roster's v2 API never produces and so only this test
 * reaches: each cell is the next state or the FAILED_PRECONDITION ID.
 */
class UserStateMachineTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static User in(UserState state, boolean password) {
        return new User("org_1", "usr_1", "ada", Profile.of("Ada", "Lovelace", null, null, null, null),
                new Contact("ada@example.com", true), Contact.NONE, state, password ? "hash" : null, false, null, 0,
                NOW, NOW, 7);
    }

    private static BiFunction<User, Instant, User> op(String name) {
        return switch (name) {
            case "deactivate" -> User::deactivate;
            case "reactivate" -> User::reactivate;
            case "lock" -> User::lock;
            case "unlock" -> User::unlock;
            case "delete" -> User::delete;
            case "password" -> (u, now) -> u.withPassword("new", false, now);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "ACTIVE, deactivate, INACTIVE",
        "ACTIVE, reactivate, COMMAND-s5qqcz97hf",
        "ACTIVE, lock, LOCKED",
        "ACTIVE, unlock, COMMAND-olb9vb0oca",
        "ACTIVE, delete, DELETED",
        "ACTIVE, password, ACTIVE",
        "INACTIVE, deactivate, COMMAND-5gunjw0cd7",
        "INACTIVE, reactivate, ACTIVE",
        "INACTIVE, lock, COMMAND-lgws8wtsqf",
        "INACTIVE, unlock, COMMAND-olb9vb0oca",
        "INACTIVE, delete, DELETED",
        "INACTIVE, password, INACTIVE",
        "LOCKED, deactivate, INACTIVE",
        "LOCKED, reactivate, COMMAND-s5qqcz97hf",
        "LOCKED, lock, COMMAND-lgws8wtsqf",
        "LOCKED, unlock, ACTIVE",
        "LOCKED, delete, DELETED",
        "LOCKED, password, LOCKED",
        "INITIAL, deactivate, COMMAND-gvx4kct9r2",
        "INITIAL, reactivate, COMMAND-s5qqcz97hf",
        "INITIAL, lock, LOCKED",
        "INITIAL, unlock, COMMAND-olb9vb0oca",
        "INITIAL, delete, DELETED",
        "INITIAL, password, COMMAND-M9dse",
    })
    void transition(UserState from, String operation, String expected) {
        User before = in(from, true);
        if (expected.contains("-")) {
            assertThatThrownBy(() -> op(operation).apply(before, NOW))
                    .isInstanceOfSatisfying(DomainError.class, e -> {
                        assertThat(e.id()).isEqualTo(expected);
                        assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION);
                    });
            return;
        }
        User after = op(operation).apply(before, NOW.plusSeconds(1));
        assertThat(after.state()).isEqualTo(UserState.valueOf(expected));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.changedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, true, true", "INACTIVE, true, false", "LOCKED, true, false", "INITIAL, true, true",
        "INITIAL, false, false", "DELETED, true, false"})
    void whoMayLogIn(UserState state, boolean password, boolean canLogIn) {
        assertThat(in(state, password).canLogIn()).isEqualTo(canLogIn);
    }

    @ParameterizedTest
    @CsvSource({"0, 100, false", "3, 2, false", "3, 3, true"})
    void lockoutLimit(int limit, int failures, boolean locks) {
        User u = in(UserState.ACTIVE, true);
        for (int i = 0; i < failures; i++) {
            u = u.afterFailedPasswordCheck(NOW);
        }
        assertThat(u.reachedLockout(limit)).isEqualTo(locks);
        assertThat(u.failedPasswordAttempts()).isEqualTo(failures);
    }
}
