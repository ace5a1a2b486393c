package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.ClinicRole;
import dev.roster.domain.Contact;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.InvitedSource;
import dev.roster.domain.Keyset;
import dev.roster.domain.Page;
import dev.roster.domain.PhoneNumbers;
import dev.roster.domain.Principal;
import dev.roster.domain.Profile;
import dev.roster.domain.Text;
import dev.roster.domain.User;
import dev.roster.domain.UserLevel;
import dev.roster.domain.UserState;
import dev.roster.domain.ViewerAccess;
import dev.roster.domain.ViewerProfile;
import dev.roster.domain.ViewerUser;
import dev.roster.domain.ViewerUserFilter;
import dev.roster.store.Database;
import dev.roster.store.UserStore;
import dev.roster.store.ViewerUserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Viewer user use cases (avara-v1.md §4) on the same users as the v2 user service: one user, one ID, two
 * contracts. firstName and lastName are the v2 given and family names, email and phoneNumber the v2 email and
 * phone; the Viewer-only attributes live in the Viewer profile. Events use the user aggregate and its versions, so
 * the audit log tells one story whichever contract made the change.
 */
public final class ViewerUsers {
    private final Database db;
    private final UserStore users;
    private final ViewerUserStore store;
    private final SessionTermination sessions;
    private final EventRecorder events;
    private final Cursors cursors;
    private final Clock clock;

    ViewerUsers(Database db, UserStore users, ViewerUserStore store, SessionTermination sessions, EventRecorder events,
                Cursors cursors, Clock clock) {
        this.db = db;
        this.cursors = cursors;
        this.users = users;
        this.store = store;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** An invitation as sent; optional names and the phone number are null when absent. */
    public record Invite(String email, String firstName, String lastName, String middleName, String suffix1,
                         String suffix2, String phoneNumber, ClinicRole clinicRole, UserLevel level,
                         boolean canManageStudies, boolean hasDashboardAccess) {
    }

    /**
     * A partial update: a null part is left unchanged. The nullable fields come as a {@link Change}, whose null value
     * clears the field.
     */
    public record Changes(String firstName, String lastName, Change middleName, Change suffix1, Change suffix2,
                          Change phoneNumber, ClinicRole clinicRole, UserLevel level, Boolean canManageStudies,
                          Boolean hasDashboardAccess) {
    }

    public record Change(String value) {
    }

    public record Listing(Page<ViewerUser> page, Optional<String> nextCursor) {
    }

    public ViewerUser invite(Principal who, String reason, Invite request) {
        String email = email(request.email());
        String first = Text.requireTrimmed("firstName", nonNull(request.firstName()), Profile.MAX_NAME);
        String last = Text.requireTrimmed("lastName", nonNull(request.lastName()), Profile.MAX_NAME);
        Contact phone = request.phoneNumber() == null ? Contact.NONE
                : new Contact(PhoneNumbers.require("phoneNumber", request.phoneNumber()), false);
        if (request.level() == UserLevel.OWNER) {
            throw DomainError.invalidField("level", "must be admin or member");
        }
        ViewerProfile profile = new ViewerProfile(request.clinicRole(), request.level(), request.canManageStudies(),
                request.hasDashboardAccess(), InvitedSource.API,
                ViewerProfile.optionalName("middleName", request.middleName()),
                ViewerProfile.optionalName("suffix1", request.suffix1()),
                ViewerProfile.optionalName("suffix2", request.suffix2()));
        Profile names = Profile.of(first, last, null, null, null, null);
        return db.write(h -> {
            // The email is also the username, so it must be free both as an address and as a login name.
            if (store.emailTaken(h, who.organizationId(), email)
                    || users.findByUsername(h, who.organizationId(), email).isPresent()) {
                throw new DomainError(dev.roster.domain.Code.ALREADY_EXISTS, ErrorIds.USER_EMAIL_TAKEN,
                        "A user with this email already exists");
            }
            Instant now = now();
            User user = new User(who.organizationId(), Ids.USER.next(), email, names, new Contact(email, false), phone,
                    UserState.INITIAL, null, false, null, 0, now, now, 1);
            users.insert(h, user);
            store.put(h, who.organizationId(), user.id(), profile);
            record(h, who, reason, user, profile, "user.invited");
            return load(h, who, user.id());
        });
    }

    public ViewerUser get(Principal who, String userId) {
        Ids.USER.require("userId", userId);
        return db.read(h -> load(h, who, userId));
    }

    public ViewerUser update(Principal who, String reason, String userId, Changes changes) {
        Ids.USER.require("userId", userId);
        String first = changes.firstName() == null ? null
                : Text.requireTrimmed("firstName", changes.firstName(), Profile.MAX_NAME);
        String last = changes.lastName() == null ? null
                : Text.requireTrimmed("lastName", changes.lastName(), Profile.MAX_NAME);
        if (changes.level() == UserLevel.OWNER) {
            throw DomainError.invalidField("level", "must be admin or member");
        }
        Change phoneChange = changes.phoneNumber() == null || changes.phoneNumber().value() == null
                ? changes.phoneNumber()
                : new Change(PhoneNumbers.require("phoneNumber", changes.phoneNumber().value()));
        String middle = optionalName("middleName", changes.middleName());
        String suffix1 = optionalName("suffix1", changes.suffix1());
        String suffix2 = optionalName("suffix2", changes.suffix2());
        return db.write(h -> {
            ViewerUser current = load(h, who, userId);
            ViewerProfile old = current.profile();
            if (changes.level() != null && changes.level() != old.level()) {
                ViewerAccess.requireNotOwner(old); // the owner is never demoted through the API
            }
            ViewerProfile profile = new ViewerProfile(
                    changes.clinicRole() == null ? old.clinicRole() : changes.clinicRole(),
                    changes.level() == null ? old.level() : changes.level(),
                    changes.canManageStudies() == null ? old.canManageStudies() : changes.canManageStudies(),
                    changes.hasDashboardAccess() == null ? old.hasDashboardAccess() : changes.hasDashboardAccess(),
                    old.invitedSource(),
                    changes.middleName() == null ? old.middleName() : middle,
                    changes.suffix1() == null ? old.suffix1() : suffix1,
                    changes.suffix2() == null ? old.suffix2() : suffix2);
            User user = current.user();
            Profile names = renamed(user.profile(), first, last);
            Contact phone = phoneChange == null ? user.phone()
                    : phoneChange.value() == null ? Contact.NONE : new Contact(phoneChange.value(), false);
            if (profile.equals(old) && names.equals(user.profile()) && phone.equals(user.phone())) {
                return current; // nothing changes: no new version, no event
            }
            User changed = user.withDetails(user.username(), names, user.email(), phone, now());
            users.update(h, changed);
            store.put(h, who.organizationId(), userId, profile);
            record(h, who, reason, changed, profile, "user.updated");
            return load(h, who, userId);
        });
    }

    /** Revoke-access ≙ v2 deactivate, idempotent; the user's live sessions end in the same transaction. */
    public void revokeAccess(Principal who, String reason, String userId) {
        Ids.USER.require("userId", userId);
        db.write(h -> {
            ViewerUser current = load(h, who, userId);
            User changed = ViewerAccess.revoke(current.user(), current.profile(), now());
            if (changed != current.user()) {
                users.update(h, changed);
                record(h, who, reason, changed, current.profile(), "user.deactivated");
                sessions.endAllOf(h, who, reason, changed);
            }
            return null;
        });
    }

    /** Reactivate ≙ v2 reactivate (and unlock), idempotent. */
    public void reactivate(Principal who, String reason, String userId) {
        Ids.USER.require("userId", userId);
        db.write(h -> {
            ViewerUser current = load(h, who, userId);
            User changed = ViewerAccess.restore(current.user(), now());
            if (changed != current.user()) {
                users.update(h, changed);
                record(h, who, reason, changed, current.profile(), "user.reactivated");
            }
            return null;
        });
    }

    /**
     * The operator's way to name an organization's owner, whom no API call can make, demote or revoke. An
     * organization has one owner; the owner keeps dashboard access, which the level requires.
     */
    public ViewerUser makeOwner(Actor operator, String organizationId, String userId) {
        Ids.ORGANIZATION.require("organizationId", organizationId);
        Ids.USER.require("userId", userId);
        return db.write(h -> {
            ViewerUser current = load(h, organizationId, userId);
            if (current.profile().owner()) {
                return current;
            }
            store.ownerOf(h, organizationId).ifPresent(other -> {
                throw DomainError.failedPrecondition(ErrorIds.USER_OWNER_EXISTS,
                        "The organization already has an owner: " + other);
            });
            ViewerProfile old = current.profile();
            ViewerProfile owner = new ViewerProfile(old.clinicRole(), UserLevel.OWNER, old.canManageStudies(), true,
                    old.invitedSource(), old.middleName(), old.suffix1(), old.suffix2());
            User user = current.user();
            User changed = user.withDetails(user.username(), user.profile(), user.email(), user.phone(), now());
            users.update(h, changed);
            store.put(h, organizationId, userId, owner);
            record(h, operator, null, changed, owner, "user.made_owner");
            return load(h, organizationId, userId);
        });
    }

    /** One page, newest first. The cursor is bound to the organization, filters and limit it was issued with. */
    public Listing list(Principal who, ViewerUserFilter filter, Optional<String> cursor, int limit) {
        String query = "viewer-users|" + filter.canonical() + "|limit=" + limit;
        String org = who.organizationId();
        Optional<Keyset> after = cursors.decode(cursor, org, query, Ids.USER);
        Page<ViewerUser> page = db.search(org, h -> store.page(h, org, filter, after, limit));
        return new Listing(page, page.next().map(k -> cursors.encode(k, org, query)));
    }

    /** The display name follows the names while it is the default one; a chosen display name is kept. */
    private static Profile renamed(Profile old, String first, String last) {
        if (first == null && last == null) {
            return old;
        }
        String given = first == null ? old.givenName() : first;
        String family = last == null ? old.familyName() : last;
        boolean defaultDisplay = old.displayName().equals(old.givenName() + " " + old.familyName());
        return Profile.of(given, family, old.nickName(), defaultDisplay ? null : old.displayName(),
                old.preferredLanguage(), old.gender());
    }

    /** The email of a new user: a plausible address, within the limit the user store holds. */
    private static String email(String address) {
        try {
            return Contact.email(address, false).value();
        } catch (DomainError e) {
            throw DomainError.invalidField("email", "must be a valid email address of 1 to " + Contact.MAX_EMAIL
                    + " characters");
        }
    }

    private static String optionalName(String field, Change change) {
        return change == null ? null : ViewerProfile.optionalName(field, change.value());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private ViewerUser load(Handle h, Principal who, String userId) {
        return load(h, who.organizationId(), userId);
    }

    private ViewerUser load(Handle h, String organizationId, String userId) {
        return store.find(h, organizationId, userId)
                .orElseThrow(Users::notFound);
    }

    private void record(Handle h, Principal who, String reason, User u, ViewerProfile profile, String type) {
        record(h, who.actor(), reason, u, profile, type);
    }

    private void record(Handle h, Actor actor, String reason, User u, ViewerProfile profile, String type) {
        Events log = new Events(u.organizationId(), Users.AGGREGATE, u.id(), actor, reason, u.changedAt());
        events.append(h, log.event(type, u.version(), events.data().user(u)));
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
