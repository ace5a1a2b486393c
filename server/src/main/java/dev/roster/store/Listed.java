package dev.roster.store;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** One offset page of a filtered list and the number of all matches, as ZITADEL's list calls report them. */
public record Listed<T>(List<T> items, long total) {

    /**
     * Runs {@code SELECT columns <scope> ORDER BY … LIMIT … OFFSET …} and {@code SELECT COUNT(*) <scope>} with the
     * same parameters, so the page and the total always describe the same filter.
     */
    static <T> Listed<T> select(Handle h, String columns, String scope, String orderBy, Map<String, Object> parameters,
                                long offset, int limit, RowMapper<T> mapper) {
        List<T> items = h.createQuery("SELECT " + columns + scope + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .bindMap(parameters)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(mapper)
                .list();
        long total = h.createQuery("SELECT COUNT(*)" + scope)
                .bindMap(parameters)
                .mapTo(Long.class)
                .one();
        return new Listed<>(items, total);
    }
}
