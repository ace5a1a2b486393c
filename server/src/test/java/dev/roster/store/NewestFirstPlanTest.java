package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.Keyset;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page after the first starts its index range at the cursor on both engines, instead of scanning from the newest
 * row and filtering: otherwise page n costs as much as every page before it.
 */
class NewestFirstPlanTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLaterPageStartsTheIndexRangeAtTheCursor(Engine engine) {
        Storage storage = Storage.fresh(engine);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            StringBuilder sql = new StringBuilder("SELECT c.id FROM express_customers c WHERE c.org_id = :org");
            Map<String, Object> parameters = new HashMap<>(Map.of("org", "org_a"));
            NewestFirst.page(sql, parameters, "c", Optional.of(new Keyset(1_700_000_000_000L, "cus_0a")), 100);

            List<String> lines = db.read(h -> explain(h, engine, sql.toString(), parameters));
            String plan = String.join("\n", lines);

            if (engine == Engine.SQLITE) {
                assertThat(plan).contains("INDEX express_customers_newest (org_id=? AND (created_at,id)<(?,?))");
            } else {
                assertThat(plan).contains("express_customers_newest").contains("Index Cond")
                        .contains("ROW(created_at, id) < ROW(");
            }
        }
    }

    private static List<String> explain(Handle h, Engine engine, String sql, Map<String, Object> parameters) {
        if (engine == Engine.SQLITE) {
            return h.createQuery("EXPLAIN QUERY PLAN " + sql).bindMap(parameters).map((rs, ctx) -> rs.getString("detail")).list();
        }
        // An empty table is read whole by PostgreSQL; what matters is that the index can take the row value.
        h.execute("SET enable_seqscan = off");
        return h.createQuery("EXPLAIN " + sql).bindMap(parameters).mapTo(String.class).list();
    }
}
