package dev.roster.http.v2;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.QueryLimits;
import dev.roster.domain.UserFilter;
import dev.roster.domain.UserState;
import dev.roster.proto.zitadel.object.v2.TextQueryMethod;
import dev.roster.proto.zitadel.user.v2.SearchQuery;
import dev.roster.proto.zitadel.user.v2.UserFieldName;
import java.util.ArrayList;
import java.util.List;

/** ListUsers' search queries (zitadel-v2.md §3.6) as a {@link UserFilter}; top-level queries are ANDed. */
final class UserQueries {
    private UserQueries() {
    }

    static UserFilter filter(List<SearchQuery> queries) {
        return new UserFilter.And(all(queries, 1, new QueryLimits()));
    }

    private static List<UserFilter> all(List<SearchQuery> queries, int depth, QueryLimits limits) {
        List<UserFilter> filters = new ArrayList<>(Math.min(queries.size(), QueryLimits.MAX_QUERIES));
        for (SearchQuery q : queries) {
            filters.add(one(q, depth, limits));
        }
        return filters;
    }

    private static UserFilter one(SearchQuery q, int depth, QueryLimits limits) {
        limits.countQuery("queries");
        if (depth > UserFilter.MAX_DEPTH) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.TOO_MANY_NESTING_LEVELS,
                    "Too many query nesting levels (Max 20)");
        }
        return switch (q.getQueryCase()) {
            case USER_NAME_QUERY -> text(UserFilter.Field.USERNAME, required("userNameQuery.userName",
                    q.getUserNameQuery().getUserName()), q.getUserNameQuery().getMethod());
            case FIRST_NAME_QUERY -> text(UserFilter.Field.GIVEN_NAME, q.getFirstNameQuery().getFirstName(),
                    q.getFirstNameQuery().getMethod());
            case LAST_NAME_QUERY -> text(UserFilter.Field.FAMILY_NAME, q.getLastNameQuery().getLastName(),
                    q.getLastNameQuery().getMethod());
            case NICK_NAME_QUERY -> text(UserFilter.Field.NICK_NAME, q.getNickNameQuery().getNickName(),
                    q.getNickNameQuery().getMethod());
            case DISPLAY_NAME_QUERY -> text(UserFilter.Field.DISPLAY_NAME, q.getDisplayNameQuery().getDisplayName(),
                    q.getDisplayNameQuery().getMethod());
            case EMAIL_QUERY -> text(UserFilter.Field.EMAIL, q.getEmailQuery().getEmailAddress(),
                    q.getEmailQuery().getMethod());
            case LOGIN_NAME_QUERY -> text(UserFilter.Field.USERNAME, required("loginNameQuery.loginName",
                    q.getLoginNameQuery().getLoginName()), q.getLoginNameQuery().getMethod());
            case PHONE_QUERY -> text(UserFilter.Field.PHONE, q.getPhoneQuery().getNumber(), q.getPhoneQuery().getMethod());
            case STATE_QUERY -> state(q.getStateQuery().getState());
            // Roster has human users only.
            case TYPE_QUERY -> new UserFilter.Human(
                    q.getTypeQuery().getType() == dev.roster.proto.zitadel.user.v2.Type.TYPE_HUMAN);
            case IN_USER_IDS_QUERY -> new UserFilter.IdIn(limits.countValues("inUserIdsQuery.userIds",
                    q.getInUserIdsQuery().getUserIdsList()));
            case IN_USER_EMAILS_QUERY -> new UserFilter.EmailIn(limits.countValues("inUserEmailsQuery.userEmails",
                    q.getInUserEmailsQuery().getUserEmailsList()));
            case ORGANIZATION_ID_QUERY -> new UserFilter.OrganizationIs(required("organizationIdQuery.organizationId",
                    q.getOrganizationIdQuery().getOrganizationId()));
            case OR_QUERY -> new UserFilter.Or(all(q.getOrQuery().getQueriesList(), depth + 1, limits));
            case AND_QUERY -> new UserFilter.And(all(q.getAndQuery().getQueriesList(), depth + 1, limits));
            case NOT_QUERY -> new UserFilter.Not(one(q.getNotQuery().getQuery(), depth + 1, limits));
            case QUERY_NOT_SET -> throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.USER_QUERY_INVALID,
                    "Invalid search query");
        };
    }

    /** v2 numbers, mapped properly (ZITADEL passes them through and so never matches INITIAL). */
    private static UserFilter state(dev.roster.proto.zitadel.user.v2.UserState state) {
        return switch (state) {
            case USER_STATE_ACTIVE -> new UserFilter.StateIs(UserState.ACTIVE);
            case USER_STATE_INACTIVE -> new UserFilter.StateIs(UserState.INACTIVE);
            case USER_STATE_LOCKED -> new UserFilter.StateIs(UserState.LOCKED);
            case USER_STATE_INITIAL -> new UserFilter.StateIs(UserState.INITIAL);
            // Deleted users are never listed, and no user is in the unspecified state.
            case USER_STATE_DELETED, USER_STATE_UNSPECIFIED -> new UserFilter.Or(List.of());
            case UNRECOGNIZED -> throw DomainError.invalidField("stateQuery.state", "value must be one of the defined enum values");
        };
    }

    private static UserFilter text(UserFilter.Field field, String value, TextQueryMethod method) {
        if (value.length() > 200) {
            throw DomainError.invalidField("query", "value length must be at most 200 characters");
        }
        return switch (method) {
            case TEXT_QUERY_METHOD_EQUALS -> new UserFilter.Text(field, value, UserFilter.Match.EQUALS, false);
            case TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE -> new UserFilter.Text(field, value, UserFilter.Match.EQUALS, true);
            case TEXT_QUERY_METHOD_STARTS_WITH -> new UserFilter.Text(field, value, UserFilter.Match.STARTS_WITH, false);
            case TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE -> new UserFilter.Text(field, value, UserFilter.Match.STARTS_WITH, true);
            case TEXT_QUERY_METHOD_CONTAINS -> new UserFilter.Text(field, value, UserFilter.Match.CONTAINS, false);
            case TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE -> new UserFilter.Text(field, value, UserFilter.Match.CONTAINS, true);
            case TEXT_QUERY_METHOD_ENDS_WITH -> new UserFilter.Text(field, value, UserFilter.Match.ENDS_WITH, false);
            case TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE -> new UserFilter.Text(field, value, UserFilter.Match.ENDS_WITH, true);
            case UNRECOGNIZED -> throw DomainError.invalidField("method", "value must be one of the defined enum values");
        };
    }

    private static String required(String field, String value) {
        if (value.isEmpty()) {
            throw DomainError.invalidField(field, "value length must be between 1 and 200 runes, inclusive");
        }
        return value;
    }

    /** USER_FIELD_NAME_UNSPECIFIED sorts by creation (Roster's IDs are random, so "by ID" would be no order). */
    static UserFilter.Sort sort(UserFieldName column) {
        return switch (column) {
            case USER_FIELD_NAME_UNSPECIFIED, USER_FIELD_NAME_CREATION_DATE, UNRECOGNIZED -> UserFilter.Sort.CREATION_DATE;
            case USER_FIELD_NAME_USER_NAME -> UserFilter.Sort.USERNAME;
            case USER_FIELD_NAME_FIRST_NAME -> UserFilter.Sort.GIVEN_NAME;
            case USER_FIELD_NAME_LAST_NAME -> UserFilter.Sort.FAMILY_NAME;
            case USER_FIELD_NAME_NICK_NAME -> UserFilter.Sort.NICK_NAME;
            case USER_FIELD_NAME_DISPLAY_NAME -> UserFilter.Sort.DISPLAY_NAME;
            case USER_FIELD_NAME_EMAIL -> UserFilter.Sort.EMAIL;
            case USER_FIELD_NAME_STATE -> UserFilter.Sort.STATE;
            case USER_FIELD_NAME_TYPE -> UserFilter.Sort.TYPE;
        };
    }
}
