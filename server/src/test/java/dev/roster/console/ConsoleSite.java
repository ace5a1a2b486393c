package dev.roster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.Actor;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A test server, its default organization's people, and a browser on its console, with the steps tests repeat. */
final class ConsoleSite implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final String ORG = "org_00000000000000000000000000000001";

    final TestServer server;
    final ChromeDriver chrome;
    final Http api;
    /** The organization's owner, the only user of the console until an admin is named. */
    final String ownerId;
    final String ownerLogin;

    ConsoleSite(Engine engine) {
        ChromeDriver started = Browser.start(); // first: without a browser the test stops before a server starts
        this.chrome = started;
        this.server = TestServer.start(engine);
        this.api = server.http().as(TestServer.ADMIN_KEY);
        this.ownerLogin = "owner-" + shortId() + "@example.com";
        this.ownerId = user(ownerLogin, PASSWORD);
        server.roster().viewerUsers().makeOwner(Actor.cli(), ORG, ownerId);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new active user with a password, made over v2; its login name is its email. */
    String user(String login, String password) {
        Reply r = api.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace " + login.substring(0, 6)),
                "email", Http.json("email", login),
                "password", Http.json("password", password)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("userId").asText();
    }

    String customer(Http as, String name) {
        Reply r = as.post("/v1/express", Http.json("expressCustomerName", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("expressCustomerId").asText();
    }

    String url(String path) {
        return server.http().base().resolve(path).toString();
    }

    void open(String path) {
        chrome.get(url(path));
    }

    /** Fills and sends the login form; the page it lands on is the browser's. */
    void signIn(String login, String password) {
        chrome.manage().deleteAllCookies();
        open("/console/login");
        chrome.findElement(By.id("loginName")).sendKeys(login);
        chrome.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
    }

    void signInAsOwner() {
        signIn(ownerLogin, PASSWORD);
        assertThat(heading()).isEqualTo("Express customers");
    }

    /** Clicks what leads to another page and waits until that page has replaced this one. */
    void click(By what) {
        click(chrome.findElement(what));
    }

    void click(WebElement element) {
        WebElement old = chrome.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        wait.until(d -> gone(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Chromium reports a replaced page's element as stale or, while the new page loads, as foreign to it. */
    private static boolean gone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    String heading() {
        return chrome.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return chrome.findElement(By.tagName("body")).getText();
    }

    WebElement byId(String id) {
        return chrome.findElement(By.id(id));
    }

    /** The console's session cookie as a browser would send it, for requests made beside the browser. */
    String cookieHeader() {
        var c = chrome.manage().getCookieNamed("roster_console");
        return c == null ? "" : c.getName() + "=" + c.getValue();
    }

    @Override
    public void close() {
        try {
            chrome.quit();
        } finally {
            server.close();
        }
    }
}
