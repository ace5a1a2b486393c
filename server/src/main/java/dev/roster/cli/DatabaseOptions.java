package dev.roster.cli;

import dev.roster.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: SQLite in the data directory by default, PostgreSQL when a URL is given. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "${env:ROSTER_DATA_DIR:-./data}",
            description = "Directory of the embedded SQLite database (env ROSTER_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--database-url", defaultValue = "${env:ROSTER_DATABASE_URL}",
            description = "jdbc:postgresql://… to use PostgreSQL instead of SQLite (env ROSTER_DATABASE_URL).")
    String databaseUrl;

    /** Opens the database without migrating it: the caller migrates before anything else uses it. */
    Database connect() {
        return Database.open(databaseUrl, dataDir);
    }

    /** Opens and migrates the database. */
    Database open() {
        Database db = connect();
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    boolean usesSqlite() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    String describe() {
        return usesSqlite()
                ? "SQLite " + dataDir.resolve("roster.db")
                : "PostgreSQL " + redact(databaseUrl);
    }

    /** Never print a password that came in the URL. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }
}
