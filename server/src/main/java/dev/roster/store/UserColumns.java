package dev.roster.store;

import dev.roster.domain.User;
import java.util.HashMap;
import java.util.Map;

/** A user as named bind parameters, shared by insert and update so the two never disagree on a column. */
final class UserColumns {
    private UserColumns() {
    }

    static Map<String, Object> of(User u) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", u.organizationId());
        p.put("id", u.id());
        p.put("username", u.username());
        p.put("usernameLower", UserStore.lower(u.username()));
        p.put("givenName", u.profile().givenName());
        p.put("familyName", u.profile().familyName());
        p.put("nickName", u.profile().nickName());
        p.put("displayName", u.profile().displayName());
        p.put("language", u.profile().preferredLanguage());
        p.put("gender", u.profile().gender().name());
        p.put("email", u.email().value());
        p.put("emailVerified", u.email().verified());
        p.put("phone", u.phone().value());
        p.put("phoneVerified", u.phone().verified());
        p.put("state", u.state().name());
        p.put("passwordHash", u.passwordHash());
        p.put("changeRequired", u.passwordChangeRequired());
        p.put("passwordChangedAt", Times.millisOrNull(u.passwordChangedAt()));
        p.put("failedAttempts", u.failedPasswordAttempts());
        p.put("createdAt", Times.millis(u.createdAt()));
        p.put("changedAt", Times.millis(u.changedAt()));
        p.put("version", u.version());
        return p;
    }
}
