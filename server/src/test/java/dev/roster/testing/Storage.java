package dev.roster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a test's data lives: a temporary SQLite data directory, or a fresh database on the embedded PostgreSQL. */
public record Storage(Engine engine, Path dataDir, String databaseUrl) {
    public static Storage fresh(Engine engine) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("roster-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Storage(engine, dataDir, engine == Engine.POSTGRES ? EmbeddedPostgresServer.newDatabase() : null);
    }

    /** The command-line options that point {@code roster} at this storage. */
    public List<String> options() {
        List<String> options = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        if (databaseUrl != null) {
            options.addAll(List.of("--database-url", databaseUrl));
        }
        return options;
    }
}
