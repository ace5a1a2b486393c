package dev.roster.domain;

import java.util.List;

/** A condition on users, as ListUsers' search queries express it. Deleted users never match any filter. */
public sealed interface UserFilter {
    /** ZITADEL allows 20 levels of nested and/or/not. */
    int MAX_DEPTH = 20;

    enum Field { USERNAME, GIVEN_NAME, FAMILY_NAME, NICK_NAME, DISPLAY_NAME, EMAIL, PHONE }

    enum Match { EQUALS, STARTS_WITH, CONTAINS, ENDS_WITH }

    record Text(Field field, String value, Match match, boolean ignoreCase) implements UserFilter {
    }

    record StateIs(UserState state) implements UserFilter {
    }

    /** Roster has only human users: "human" matches all, "machine" none. */
    record Human(boolean human) implements UserFilter {
    }

    record IdIn(List<String> ids) implements UserFilter {
    }

    /** Exact email addresses. */
    record EmailIn(List<String> emails) implements UserFilter {
    }

    record OrganizationIs(String organizationId) implements UserFilter {
    }

    record And(List<UserFilter> filters) implements UserFilter {
    }

    record Or(List<UserFilter> filters) implements UserFilter {
    }

    record Not(UserFilter filter) implements UserFilter {
    }

    enum Sort { CREATION_DATE, USERNAME, GIVEN_NAME, FAMILY_NAME, NICK_NAME, DISPLAY_NAME, EMAIL, STATE, TYPE }
}
