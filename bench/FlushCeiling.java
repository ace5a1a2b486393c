import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The disk's durable-commit ceiling at this moment: one-row SQLite transactions in WAL mode with
 * synchronous=FULL, one after another, in a scratch file inside DIR. Without group commit a durable write
 * can go no faster than this; bench/run prints it beside the write scenarios, since other work on the machine
 * moves it a lot. Run with the server jar on the class path (it holds the driver):
 *
 * <pre>java -cp roster.jar FlushCeiling.java DIR SECONDS</pre>
 */
public final class FlushCeiling {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0], "flush-ceiling.db");
        long seconds = Long.parseLong(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE t (n INTEGER)");
            }
            c.setAutoCommit(false);
            long commits = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (n) VALUES (?)")) {
                while (System.nanoTime() < end) {
                    insert.setLong(1, commits);
                    insert.executeUpdate();
                    c.commit();
                    commits++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.0f%n", commits / elapsed);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }
}
