package dev.roster.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One server per SQLite data directory. The server keeps committed customers in memory on the promise that it is
 * the database's only writer, so a second server on the same file would read its own stale copies of what the
 * other one changed. CLI commands (keys, organizations, migrate) do not take the lock: they only touch what the
 * server re-reads. The operating system releases the lock when the process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "roster.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another server (in this process or another) holds it. */
    static Optional<DataDirLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new DataDirLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // fall through: held, like a lock another process has
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** For a shutdown hook: nothing useful can be done about a failure there, the process ends anyway. */
    void release() {
        try {
            close();
        } catch (IOException e) {
            // the operating system drops the lock with the process
        }
    }
}
