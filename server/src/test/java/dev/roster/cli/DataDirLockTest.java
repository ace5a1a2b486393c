package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedUntilTheFirstLetsGo() throws Exception {
        Optional<DataDirLock> first = DataDirLock.tryAcquire(dir);
        assertThat(first).isPresent();
        assertThat(DataDirLock.tryAcquire(dir)).isEmpty();

        first.get().close();
        try (DataDirLock again = DataDirLock.tryAcquire(dir).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void otherDirectoriesAreIndependent() throws Exception {
        try (DataDirLock a = DataDirLock.tryAcquire(dir.resolve("a")).orElseThrow();
             DataDirLock b = DataDirLock.tryAcquire(dir.resolve("b")).orElseThrow()) {
            assertThat(a).isNotSameAs(b);
        }
    }
}
