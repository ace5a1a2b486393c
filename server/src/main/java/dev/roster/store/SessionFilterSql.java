package dev.roster.store;

import dev.roster.domain.SessionFilter;
import java.util.List;
import java.util.Map;

/** Session filters, ANDed, as a SQL condition with bound parameters. */
public record SessionFilterSql(String sql, Map<String, Object> parameters) {
    public static SessionFilterSql of(List<SessionFilter> filters) {
        SqlParameters p = new SqlParameters("s");
        StringBuilder sql = new StringBuilder("1 = 1");
        for (SessionFilter f : filters) {
            sql.append(" AND ").append(switch (f) {
                case SessionFilter.IdIn in -> p.in("id", in.ids());
                case SessionFilter.UserIs u -> "user_id = " + p.bind(u.userId());
                case SessionFilter.CreatedAt c -> "created_at " + operator(c.compare()) + " " + p.bind(Times.millis(c.at()));
            });
        }
        return new SessionFilterSql(sql.toString(), p.values());
    }

    private static String operator(SessionFilter.Compare compare) {
        return switch (compare) {
            case EQUALS -> "=";
            case GREATER -> ">";
            case GREATER_OR_EQUALS -> ">=";
            case LESS -> "<";
            case LESS_OR_EQUALS -> "<=";
        };
    }
}
