package dev.roster.store;

import dev.roster.domain.Keyset;
import java.util.Map;
import java.util.Optional;

/** The SQL of keyset paging newest first by (created_at, id), for a table under {@code alias}. */
final class NewestFirst {
    private NewestFirst() {
    }

    /** Appends "strictly older than {@code after}" and the order, and asks for one row more than {@code limit}. */
    static void page(StringBuilder sql, Map<String, Object> parameters, String alias, Optional<Keyset> after,
                     int limit) {
        after.ifPresent(k -> {
            // A row value, not "created_at < x OR (created_at = x AND id < y)": SQLite's planner starts the index
            // range at a row value, but with bound parameters reads the OR form as a filter on a scan from the
            // newest row, so a page cost as much as every page before it. PostgreSQL ranges over either.
            sql.append(" AND (").append(alias).append(".created_at, ").append(alias)
                    .append(".id) < (:afterAt, :afterId)");
            parameters.put("afterAt", k.createdAtMillis());
            parameters.put("afterId", k.id());
        });
        sql.append(" ORDER BY ").append(alias).append(".created_at DESC, ").append(alias).append(".id DESC LIMIT :limit");
        parameters.put("limit", limit + 1);
    }
}
