package dev.roster.app;

import dev.roster.domain.Code;
import dev.roster.domain.Contact;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Gender;
import dev.roster.domain.Ids;
import dev.roster.domain.Passwords;
import dev.roster.domain.Principal;
import dev.roster.domain.Profile;
import dev.roster.domain.User;
import dev.roster.domain.UserFilter;
import dev.roster.domain.UserState;
import dev.roster.store.Database;
import dev.roster.store.Listed;
import dev.roster.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * User use cases (ZITADEL's v2 user service). Each write is one transaction: scope to the caller's organization,
 * load, apply the domain rule, save, append the event. Deactivate, lock and delete also end the user's live
 * sessions in that same transaction; delete also removes the user from every Express customer. Password hashing
 * is slow, so it happens before the transaction opens.
 */
public final class Users {
    public static final String AGGREGATE = "user";
    static final String NOT_FOUND_TEXT = "User could not be found";

    /** The one answer for a user that does not exist, was deleted or belongs to another organization. */
    static DomainError notFound() {
        return DomainError.notFound(ErrorIds.USER_NOT_FOUND, NOT_FOUND_TEXT);
    }

    private final Database db;
    private final UserStore store;
    private final EventRecorder events;
    private final PasswordHasher hasher;
    private final PasswordChecks passwords;
    private final SessionTermination sessions;
    private final Customers customers;
    private final Studies studies;
    private final OwnerProtection owners;
    private final Clock clock;

    Users(Database db, UserStore store, EventRecorder events, PasswordHasher hasher, PasswordChecks passwords,
          SessionTermination sessions, Customers customers, Studies studies, OwnerProtection owners, Clock clock) {
        this.owners = owners;
        this.studies = studies;
        this.db = db;
        this.store = store;
        this.events = events;
        this.hasher = hasher;
        this.passwords = passwords;
        this.sessions = sessions;
        this.customers = customers;
        this.clock = clock;
    }

    /** A password as a caller sends it: plain text to hash, or an imported hash. */
    public record PasswordInput(String plain, String hash, boolean changeRequired) {
    }

    /** The profile as sent; null optional parts take defaults on create and keep old values on update. */
    public record ProfileInput(String givenName, String familyName, String nickName, String displayName,
                               String preferredLanguage, Gender gender) {
    }

    public record NewUser(String userId, String username, String organizationId, ProfileInput profile, Contact email,
                          Contact phone, PasswordInput password) {
    }

    /** A partial update: null parts are left unchanged. */
    public record UserChanges(String username, ProfileInput profile, Contact email, Contact phone,
                              PasswordChange password) {
    }

    /** SetPassword's request: the new password and how the caller proves it may set it (neither: an admin set). */
    public record PasswordChange(PasswordInput newPassword, String currentPassword, String verificationCode) {
    }

    public User add(Principal who, String reason, NewUser request) {
        if (request.organizationId() != null && !request.organizationId().equals(who.organizationId())) {
            // Another tenant's organization, or one that does not exist: the same answer, so nothing leaks.
            throw DomainError.notFound(ErrorIds.ORGANIZATION_NOT_FOUND, "Organization could not be found");
        }
        String id = request.userId() == null ? Ids.USER.next() : Ids.USER.require("userId", request.userId());
        if (request.profile() == null) {
            throw DomainError.invalidField("profile", "value is required");
        }
        if (request.email() == null) {
            throw DomainError.invalidField("email", "value is required");
        }
        Profile profile = Profile.of(request.profile().givenName(), request.profile().familyName(),
                request.profile().nickName(), request.profile().displayName(), request.profile().preferredLanguage(),
                request.profile().gender());
        String username = User.validUsername("username",
                request.username() == null ? request.email().value() : request.username());
        String hash = request.password() == null ? null : hashOf(request.password());
        boolean changeRequired = request.password() != null && request.password().changeRequired();
        Contact phone = request.phone() == null ? Contact.NONE : request.phone();
        return db.write(h -> {
            if (store.find(h, who.organizationId(), id).isPresent()) {
                throw DomainError.failedPrecondition(ErrorIds.USER_ID_EXISTS, "User already exists");
            }
            requireUsernameFree(h, who.organizationId(), username, id);
            Instant now = now();
            User user = new User(who.organizationId(), id, username, profile, request.email(), phone,
                    UserState.ACTIVE, hash, changeRequired, hash == null ? null : now, 0, now, now, 1);
            store.insert(h, user);
            record(h, who, reason, user, "user.added");
            return user;
        });
    }

    public User get(Principal who, String userId) {
        requireId(userId);
        return db.read(h -> live(h, who, userId, ErrorIds.USER_NOT_FOUND));
    }

    public Listed<User> list(Principal who, UserFilter filter, UserFilter.Sort sort, boolean asc, long offset,
                                  int limit) {
        String org = who.organizationId();
        return db.search(org, h -> store.list(h, org, filter, sort, asc, offset, limit));
    }

    public User update(Principal who, String reason, String userId, UserChanges changes) {
        requireId(userId);
        String username = changes.username() == null ? null : User.validUsername("username", changes.username());
        String newHash = changes.password() == null ? null : passwordFor(who, userId, changes.password());
        return db.write(h -> {
            User current = live(h, who, userId, ErrorIds.USER_NOT_FOUND_UPDATE);
            User changed = applyDetails(h, current, username, changes);
            if (newHash != null) {
                changed = changed.withPassword(newHash, changes.password().newPassword().changeRequired(), now());
            }
            if (changed.equals(current)) {
                return current; // nothing changes: no new version, no event
            }
            changed = sameVersionStep(current, changed);
            store.update(h, changed);
            record(h, who, reason, changed, newHash != null ? "user.updated_with_password" : "user.updated");
            return changed;
        });
    }

    public User deactivate(Principal who, String reason, String userId) {
        return transition(who, reason, userId, ErrorIds.USER_NOT_FOUND_DEACTIVATE, User::deactivate,
                "user.deactivated", true);
    }

    public User reactivate(Principal who, String reason, String userId) {
        return transition(who, reason, userId, ErrorIds.USER_NOT_FOUND_REACTIVATE, User::reactivate,
                "user.reactivated", false);
    }

    public User lock(Principal who, String reason, String userId) {
        return transition(who, reason, userId, ErrorIds.USER_NOT_FOUND_LOCK, User::lock, "user.locked", true);
    }

    public User unlock(Principal who, String reason, String userId) {
        return transition(who, reason, userId, ErrorIds.USER_NOT_FOUND_UNLOCK, User::unlock, "user.unlocked", false);
    }

    public User delete(Principal who, String reason, String userId) {
        requireId(userId);
        return db.write(h -> {
            User current = live(h, who, userId, ErrorIds.USER_NOT_FOUND_DELETE);
            owners.requireNotOwner(h, current);
            User deleted = current.delete(now());
            store.update(h, deleted);
            record(h, who, reason, deleted, "user.deleted");
            sessions.endAllOf(h, who, reason, deleted);
            customers.unlinkEverywhere(h, who, reason, deleted.id(), deleted.changedAt());
            studies.unassignEverywhere(h, who, reason, deleted.id(), deleted.changedAt());
            return deleted;
        });
    }

    public User setPassword(Principal who, String reason, String userId, PasswordChange change) {
        requireId(userId);
        if (change.newPassword() == null) {
            throw DomainError.invalidField("newPassword", "value is required");
        }
        String newHash = passwordFor(who, userId, change);
        return db.write(h -> {
            User current = live(h, who, userId, ErrorIds.USER_NOT_FOUND_PASSWORD);
            User changed = current.withPassword(newHash, change.newPassword().changeRequired(), now());
            store.update(h, changed);
            record(h, who, reason, changed, "user.password_changed");
            return changed;
        });
    }

    /**
     * Checks how the caller proves the change and hashes the new password, outside any transaction. The checks
     * read the user once; the write then re-reads it under its own transaction.
     */
    private String passwordFor(Principal who, String userId, PasswordChange change) {
        PasswordInput next = change.newPassword();
        if (next == null) {
            return null;
        }
        if (change.verificationCode() != null) {
            // Roster issues no password reset codes, so no code can be pending.
            User user = db.read(h -> live(h, who, userId, ErrorIds.USER_NOT_FOUND_PASSWORD));
            requireNotInitial(user);
            throw DomainError.failedPrecondition(ErrorIds.CODE_NOT_FOUND, "Code not found");
        }
        if (change.currentPassword() != null) {
            User user = db.read(h -> live(h, who, userId, ErrorIds.USER_NOT_FOUND_PASSWORD));
            requireNotInitial(user);
            if (!user.hasPassword() || !passwords.matches(user, change.currentPassword())) {
                throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.PASSWORD_INVALID, "Password is invalid");
            }
            if (next.plain() != null && next.plain().equals(change.currentPassword())) {
                throw DomainError.failedPrecondition(ErrorIds.PASSWORD_NOT_CHANGED,
                        "New password cannot be the same as your current password");
            }
        }
        return hashOf(next);
    }

    private static void requireNotInitial(User user) {
        if (user.state() == UserState.INITIAL) {
            throw DomainError.failedPrecondition(ErrorIds.USER_NOT_INITIALISED, "User is not yet initialized");
        }
    }

    private String hashOf(PasswordInput input) {
        if (input.hash() != null) {
            return PasswordHasher.requireImportable(input.hash());
        }
        return hasher.hash(Passwords.requireAcceptable("password.password", input.plain()));
    }

    private User applyDetails(Handle h, User current, String username, UserChanges changes) {
        String newUsername = username == null ? current.username() : username;
        if (!newUsername.equalsIgnoreCase(current.username())) {
            requireUsernameFree(h, current.organizationId(), newUsername, current.id());
        }
        Profile profile = changes.profile() == null ? current.profile() : merge(current.profile(), changes.profile());
        Contact email = changes.email() == null ? current.email() : sameOrUnverified(current.email(), changes.email());
        Contact phone = changes.phone() == null ? current.phone() : changes.phone();
        if (newUsername.equals(current.username()) && profile.equals(current.profile())
                && email.equals(current.email()) && phone.equals(current.phone())) {
            return current;
        }
        return current.withDetails(newUsername, profile, email, phone, now());
    }

    /** Resending the current address keeps its verification; only a changed address starts unverified. */
    private static Contact sameOrUnverified(Contact current, Contact sent) {
        if (sent.value().equals(current.value()) && !sent.verified()) {
            return current;
        }
        return sent;
    }

    /** Several changes in one update still make one new version. */
    private static User sameVersionStep(User current, User changed) {
        if (changed.version() == current.version() + 1) {
            return changed;
        }
        return new User(changed.organizationId(), changed.id(), changed.username(), changed.profile(),
                changed.email(), changed.phone(), changed.state(), changed.passwordHash(),
                changed.passwordChangeRequired(), changed.passwordChangedAt(), changed.failedPasswordAttempts(),
                changed.createdAt(), changed.changedAt(), current.version() + 1);
    }

    private static Profile merge(Profile old, ProfileInput in) {
        return Profile.of(in.givenName(), in.familyName(),
                in.nickName() == null ? old.nickName() : in.nickName(),
                in.displayName() == null ? old.displayName() : in.displayName(),
                in.preferredLanguage() == null ? old.preferredLanguage() : in.preferredLanguage(),
                in.gender() == null ? old.gender() : in.gender());
    }

    private User transition(Principal who, String reason, String userId, String notFoundId,
                            BiFunction<User, Instant, User> rule, String eventType, boolean endsSessions) {
        requireId(userId);
        return db.write(h -> {
            User current = live(h, who, userId, notFoundId);
            if (endsSessions) {
                owners.requireNotOwner(h, current); // deactivate and lock: never the owner
            }
            User changed = rule.apply(current, now());
            store.update(h, changed);
            record(h, who, reason, changed, eventType);
            if (endsSessions) {
                sessions.endAllOf(h, who, reason, changed);
            }
            return changed;
        });
    }

    private void requireUsernameFree(Handle h, String orgId, String username, String exceptUserId) {
        store.findByUsername(h, orgId, username)
                .filter(u -> !u.id().equals(exceptUserId))
                .ifPresent(u -> {
                    throw new DomainError(Code.ALREADY_EXISTS, ErrorIds.USERNAME_TAKEN, "User already exists");
                });
    }

    /** A user of the caller's organization that is not deleted; anything else answers NOT_FOUND with {@code id}. */
    User live(Handle h, Principal who, String userId, String notFoundId) {
        return store.find(h, who.organizationId(), userId)
                .filter(u -> u.state() != UserState.DELETED)
                .orElseThrow(() -> DomainError.notFound(notFoundId, NOT_FOUND_TEXT));
    }

    private static void requireId(String userId) {
        if (userId == null || userId.isEmpty() || userId.length() > 200) {
            throw DomainError.invalidField("userId", "value length must be between 1 and 200 runes, inclusive");
        }
    }

    void record(Handle h, Principal who, String reason, User u, String type) {
        Events log = new Events(u.organizationId(), AGGREGATE, u.id(), who.actor(), reason, u.changedAt());
        events.append(h, log.event(type, u.version(), events.data().user(u)));
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
