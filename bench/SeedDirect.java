import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Grows a Roster SQLite database to a given number of Express customers by inserting rows and their creation
 * events directly, for the list-at-scale scenario: a million creates through HTTP would take longer than the
 * benchmark itself. Rows have the shape the API writes (version 1, one {@code express_customer.created} event each,
 * older than everything seeded through the API). Run with the server jar on the class path (it holds the driver):
 *
 * <pre>java -cp roster.jar SeedDirect.java DATA_DIR/roster.db TOTAL</pre>
 */
public final class SeedDirect {
    private static final int BATCH = 10_000;

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: java -cp roster.jar SeedDirect.java ROSTER_DB TOTAL");
            System.exit(2);
        }
        long total = Long.parseLong(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
            }
            String org = one(c, "SELECT id FROM organizations ORDER BY created_at LIMIT 1");
            String key = one(c, "SELECT id FROM api_keys WHERE org_id = '" + org + "' ORDER BY created_at LIMIT 1");
            long existing = Long.parseLong(one(c, "SELECT count(*) FROM express_customers WHERE org_id = '" + org + "'"));
            long oldest = Long.parseLong(one(c, "SELECT coalesce(min(created_at), 0) FROM express_customers"));
            c.setAutoCommit(false);
            insert(c, org, key, total - existing, oldest == 0 ? System.currentTimeMillis() : oldest);
            System.out.println("seeded " + Math.max(0, total - existing) + " customers directly; total " + total);
        }
    }

    private static void insert(Connection c, String org, String key, long count, long before) throws SQLException {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        try (PreparedStatement row = c.prepareStatement("""
                INSERT INTO express_customers (org_id, id, name, is_active, user_count, metadata, created_at,
                                               updated_at, created_by_api_key_id, created_by_user_id, version)
                VALUES (?, ?, ?, 1, 0, NULL, ?, ?, ?, NULL, 1)""");
             PreparedStatement event = c.prepareStatement("""
                INSERT INTO events (org_id, aggregate_type, aggregate_id, aggregate_version, type, actor_type,
                                    actor_id, reason, payload, created_at)
                VALUES (?, 'express_customer', ?, 1, 'express_customer.created', 'api_key', ?, NULL, ?, ?)""")) {
            for (long i = 0; i < count; i++) {
                random.nextBytes(bytes);
                String id = "cus_" + HexFormat.of().formatHex(bytes);
                String name = "Direct Customer " + i;
                long at = before - 1 - i; // one millisecond apart, all older than the API-made rows
                row.setString(1, org);
                row.setString(2, id);
                row.setString(3, name);
                row.setLong(4, at);
                row.setLong(5, at);
                row.setString(6, key);
                row.addBatch();
                event.setString(1, org);
                event.setString(2, id);
                event.setString(3, key);
                event.setString(4, "{\"expressCustomerId\":\"" + id + "\",\"expressCustomerName\":\"" + name
                        + "\",\"isActive\":true,\"userCount\":0,\"metadata\":{}}");
                event.setLong(5, at);
                event.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == count) {
                    row.executeBatch();
                    event.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no result for " + sql + " (has the server started once?)");
            }
            return rs.getString(1);
        }
    }
}
