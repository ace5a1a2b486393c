package dev.roster.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through the chromedriver installed with it, both found on the PATH, so Selenium never
 * downloads a browser or a driver. Without them the browser tests are skipped with a message, except where the
 * environment says {@code CI=true}: there a missing browser fails the build.
 */
final class Browser {
    private static final String[] BROWSERS = {"chromium", "chromium-browser", "google-chrome"};

    private Browser() {
    }

    static ChromeDriver start() {
        Optional<Path> driver = onPath("chromedriver");
        Optional<Path> browser = Optional.empty();
        for (String name : BROWSERS) {
            browser = browser.or(() -> onPath(name));
        }
        if (driver.isEmpty() || browser.isEmpty()) {
            String message = "the console's browser tests need chromium and chromedriver on the PATH "
                    + "(Debian: apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI=true, so they may not be skipped");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.get().toFile())
                // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--lang=en-US");
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        return chrome;
    }

    /** An executable file of this name in one of the PATH's directories. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Saves the whole page (the window grows to fit it) as {@code <name>.png}: in the repository's {@code docs/console/}
     * when run with {@code -Droster.screenshots=docs}, otherwise under {@code target/}, so an ordinary build leaves the
     * working tree as it found it.
     */
    static void screenshot(ChromeDriver chrome, String name) {
        Path docs = "docs".equals(System.getProperty("roster.screenshots"))
                ? repositoryRoot().resolve("docs").resolve("console")
                : Path.of("target", "console-screenshots");
        Dimension before = chrome.manage().window().getSize();
        long height = (Long) chrome.executeScript("return document.documentElement.scrollHeight");
        chrome.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        try {
            Files.createDirectories(docs);
            File shot = chrome.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chrome.manage().window().setSize(before);
        }
    }

    /** Maven runs the tests in the module's directory; the repository root is the one holding the wrapper. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }
}
