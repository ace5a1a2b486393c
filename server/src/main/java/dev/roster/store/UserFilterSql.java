package dev.roster.store;

import dev.roster.domain.UserFilter;
import java.util.List;
import java.util.Map;

/**
 * A {@link UserFilter} as a SQL condition with bound parameters, in SQL both engines run alike. Text matching
 * avoids LIKE, which is case-insensitive on SQLite and case-sensitive on PostgreSQL: prefixes and suffixes compare
 * substrings, and "contains" compares lengths around REPLACE, which is case-sensitive on both.
 */
record UserFilterSql(String sql, Map<String, Object> parameters) {
    static UserFilterSql of(UserFilter filter) {
        Builder b = new Builder();
        String sql = b.condition(filter);
        return new UserFilterSql(sql, b.parameters.values());
    }

    private static final class Builder {
        private final SqlParameters parameters = new SqlParameters("f");

        String condition(UserFilter f) {
            return switch (f) {
                case UserFilter.Text t -> text(t);
                case UserFilter.StateIs s -> "state = " + bind(s.state().name());
                case UserFilter.Human hu -> hu.human() ? "1 = 1" : "1 = 0";
                case UserFilter.IdIn in -> parameters.in("id", in.ids());
                case UserFilter.EmailIn in -> parameters.in("email", in.emails());
                case UserFilter.OrganizationIs o -> "org_id = " + bind(o.organizationId());
                case UserFilter.And a -> join(a.filters(), " AND ", "1 = 1");
                case UserFilter.Or o -> join(o.filters(), " OR ", "1 = 0");
                case UserFilter.Not n -> "NOT (" + condition(n.filter()) + ")";
            };
        }

        private String text(UserFilter.Text t) {
            String column = switch (t.field()) {
                case USERNAME -> "username";
                case GIVEN_NAME -> "given_name";
                case FAMILY_NAME -> "family_name";
                case NICK_NAME -> "nick_name";
                case DISPLAY_NAME -> "display_name";
                case EMAIL -> "email";
                case PHONE -> "phone";
            };
            if (t.value().isEmpty() && t.match() != UserFilter.Match.EQUALS) {
                return "1 = 1"; // every string starts with, ends with and contains the empty string
            }
            String col = t.ignoreCase() ? "LOWER(" + column + ")" : column;
            String p = bind(t.ignoreCase() ? UserStore.lower(t.value()) : t.value());
            return switch (t.match()) {
                case EQUALS -> col + " = " + p;
                case STARTS_WITH -> "SUBSTR(" + col + ", 1, LENGTH(" + p + ")) = " + p;
                case ENDS_WITH -> "(LENGTH(" + col + ") >= LENGTH(" + p + ") AND SUBSTR(" + col + ", LENGTH(" + col
                        + ") - LENGTH(" + p + ") + 1) = " + p + ")";
                case CONTAINS -> "LENGTH(REPLACE(" + col + ", " + p + ", '')) < LENGTH(" + col + ")";
            };
        }

        private String join(List<UserFilter> filters, String operator, String empty) {
            if (filters.isEmpty()) {
                return empty;
            }
            StringBuilder sb = new StringBuilder();
            for (UserFilter f : filters) {
                sb.append(sb.isEmpty() ? "" : operator).append('(').append(condition(f)).append(')');
            }
            return sb.toString();
        }

        private String bind(Object value) {
            return parameters.bind(value);
        }
    }
}
