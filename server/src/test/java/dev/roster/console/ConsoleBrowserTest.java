package dev.roster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console in a real browser on SQLite: sign-in, every page, changes and their audit trail, and the refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private ConsoleSite site;

    @BeforeAll
    void start() {
        site = new ConsoleSite(Engine.SQLITE);
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theOwnerSignsInAndOut() {
        site.open("/console/login");
        Browser.screenshot(site.chrome, "login");
        site.signInAsOwner();
        assertThat(site.text()).contains("Signed in as " + site.ownerLogin);
        site.click(By.cssSelector(".me button"));
        assertThat(site.text()).contains("You are signed out.");
        site.open("/console/customers");
        assertThat(site.heading()).isEqualTo("Sign in");
    }

    @Test
    void aWrongPasswordAnUnknownLoginALockedUserAndAMemberAreRefused() {
        site.signIn(site.ownerLogin, "wrong password!");
        assertThat(site.text()).contains("The login name or the password is wrong.");
        site.signIn("nobody-" + ConsoleSite.shortId() + "@example.com", "whatever password");
        assertThat(site.text()).contains("The login name or the password is wrong.");

        String login = "locked-" + ConsoleSite.shortId() + "@example.com";
        String locked = site.user(login, ConsoleSite.PASSWORD);
        site.api.patch("/v1/viewer/users/" + locked, Http.json("level", "admin", "hasDashboardAccess", true));
        assertThat(site.api.post("/v2/users/" + locked + "/lock").status()).isEqualTo(200);
        site.signIn(login, ConsoleSite.PASSWORD);
        assertThat(site.text()).contains("locked or inactive");

        String memberLogin = "member-" + ConsoleSite.shortId() + "@example.com";
        String member = site.user(memberLogin, ConsoleSite.PASSWORD);
        site.signIn(memberLogin, ConsoleSite.PASSWORD);
        assertThat(site.text()).contains("Only the organization's owner and admins may use the console");
        assertThat(site.chrome.manage().getCookieNamed("roster_console")).isNull();
        // The password was right, so a session was made; it is ended at once, not left for the member to use.
        List<String> made = sessionsOf(site.api, "session.created", member);
        assertThat(made).isNotEmpty();
        assertThat(sessionsOf(site.api, "session.terminated", member)).containsAll(made);
    }

    @Test
    void anAdminSignsIn() {
        String login = "admin-" + ConsoleSite.shortId() + "@example.com";
        String admin = site.user(login, ConsoleSite.PASSWORD);
        Reply made = site.api.patch("/v1/viewer/users/" + admin, Http.json("level", "admin", "hasDashboardAccess", true));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        site.signIn(login, ConsoleSite.PASSWORD);
        assertThat(site.heading()).isEqualTo("Express customers");
        var cookie = site.chrome.manage().getCookieNamed("roster_console");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/console");
    }

    @Test
    void aCustomerIsCreatedDeactivatedWithAReasonAndItsTimelineSaysWhoAndWhy() {
        site.signInAsOwner();
        String name = "Console Clinic " + ConsoleSite.shortId();
        site.byId("name").sendKeys(name);
        site.byId("metadata").sendKeys("region=northeast");
        site.click(By.xpath("//button[text()='Create customer']"));
        assertThat(site.heading()).isEqualTo(name);
        assertThat(site.text()).contains("The customer was created.", "region", "northeast");
        String id = site.chrome.getCurrentUrl().replaceAll(".*/customers/([^?]+).*", "$1");

        JsonNode created = site.api.get("/v1/express/" + id).json();
        assertThat(created.path("createdByUserId").asText()).isEqualTo(site.ownerId);
        assertThat(created.has("createdByApiKeyId")).isFalse();

        site.byId("lifecycle-reason").sendKeys("contract ended in March");
        site.click(By.xpath("//button[text()='Deactivate customer']"));
        assertThat(site.text()).contains("The customer was deactivated.");
        WebElement timeline = site.chrome.findElement(By.cssSelector("table.timeline"));
        assertThat(timeline.getText()).contains("express_customer.deactivated", "contract ended in March",
                "user " + site.ownerLogin, site.ownerId);
        assertThat(site.api.get("/v1/express/" + id).json().path("isActive").asBoolean()).isFalse();
        Browser.screenshot(site.chrome, "customer");

        site.byId("lifecycle-reason").sendKeys("renewed");
        site.click(By.xpath("//button[text()='Reactivate customer']"));
        assertThat(site.chrome.findElement(By.cssSelector("table.timeline")).getText())
                .contains("express_customer.reactivated", "renewed");
    }

    @Test
    void usersAreAddedToAndRemovedFromACustomer() {
        String login = "linked-" + ConsoleSite.shortId() + "@example.com";
        String userId = site.user(login, ConsoleSite.PASSWORD);
        String id = site.customer(site.api, "Linking " + ConsoleSite.shortId());
        Reply study = site.api.post("/v1/viewer/studies", Http.json("studyInstanceUid", "1.2.840." + System.nanoTime(),
                "studyDescription", "Knee MRI of the linking customer", "severity", "normal", "expressCustomerId", id));
        assertThat(study.status()).as(study.toString()).isEqualTo(200);
        site.signInAsOwner();
        site.open("/console/customers/" + id);
        assertThat(site.text()).contains("Knee MRI of the linking customer");
        site.byId("add-user").sendKeys(login);
        site.click(By.xpath("//button[text()='Add user']"));
        assertThat(site.text()).contains("The user was added.", userId);
        assertThat(site.api.get("/v1/express/" + id).json().path("userCount").asLong()).isEqualTo(1);
        site.click(By.cssSelector("ul.rows button"));
        assertThat(site.text()).contains("The user was removed.", "No users are linked.");
        assertThat(site.chrome.findElement(By.cssSelector("table.timeline")).getText())
                .contains("express_customer.user_linked", "express_customer.user_unlinked");
    }

    @Test
    void customersAreSearchedFilteredAndPaged() {
        String tag = "Paged" + ConsoleSite.shortId();
        for (int i = 0; i < 23; i++) {
            site.customer(site.api, tag + " " + i);
        }
        String inactive = site.customer(site.api, tag + " closed");
        site.api.post("/v1/express/" + inactive + "/deactivate");
        site.signInAsOwner();
        site.byId("q").sendKeys(tag.toLowerCase());
        site.click(By.xpath("//button[text()='Search']"));
        assertThat(site.text()).contains("Showing 1–20 of 24");
        site.click(By.linkText("Next page"));
        assertThat(site.text()).contains("Showing 21–24 of 24");
        Browser.screenshot(site.chrome, "customers");

        new Select(site.byId("state")).selectByValue("inactive");
        site.click(By.xpath("//button[text()='Search']"));
        assertThat(site.text()).contains("Showing 1–1 of 1", tag + " closed");

        site.chrome.manage().window().setSize(new Dimension(375, 812));
        try {
            site.open("/console/customers?q=" + tag);
            Long scrollWidth = (Long) site.chrome.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("no sideways scrolling at phone width").isLessThanOrEqualTo(375L);
            Browser.screenshot(site.chrome, "customers-phone");
        } finally {
            site.chrome.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void selectedCustomersAreDeactivatedTogetherWithOneReasonAndAResultEach() {
        String tag = "Bulk" + ConsoleSite.shortId();
        String a = site.customer(site.api, tag + " A");
        String b = site.customer(site.api, tag + " B");
        site.signInAsOwner();
        site.open("/console/customers?q=" + tag);
        site.chrome.findElement(By.id("sel-" + a)).click();
        site.chrome.findElement(By.id("sel-" + b)).click();
        site.byId("bulk-reason").sendKeys("merged into the north clinic");
        site.click(By.xpath("//button[text()='Apply to selected']"));
        assertThat(site.heading()).isEqualTo("Bulk deactivate");
        List<WebElement> rows = site.chrome.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("Inactive"));
        for (String id : List.of(a, b)) {
            assertThat(site.api.get("/v1/express/" + id).json().path("isActive").asBoolean()).isFalse();
            site.open("/console/customers/" + id);
            assertThat(site.chrome.findElement(By.cssSelector("table.timeline")).getText())
                    .contains("merged into the north clinic");
        }
    }

    @Test
    void usersAreLockedAndUnlockedWithAReasonAndTheLockEndsTheirSessions() {
        String login = "lockme-" + ConsoleSite.shortId() + "@example.com";
        String userId = site.user(login, ConsoleSite.PASSWORD);
        Reply session = site.api.post("/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", userId), "password", Http.json("password", ConsoleSite.PASSWORD))));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().path("sessionId").asText();

        site.signInAsOwner();
        site.open("/console/users?q=" + login);
        assertThat(site.text()).contains(login);
        Browser.screenshot(site.chrome, "users");
        new Select(site.byId("act-" + userId)).selectByValue("lock");
        site.byId("reason-" + userId).sendKeys("suspicious sign-ins");
        site.click(By.cssSelector("li.card button[type=submit]"));
        assertThat(site.text()).contains("The user was locked.");
        assertThat(site.api.get("/v2/users/" + userId).json().path("user").path("state").asText())
                .isEqualTo("USER_STATE_LOCKED");
        assertThat(site.api.get("/v2/sessions/" + sessionId).status()).isEqualTo(404);

        site.open("/console/users?state=locked&q=" + login);
        assertThat(site.text()).contains(login);
        new Select(site.byId("act-" + userId)).selectByValue("unlock");
        site.byId("reason-" + userId).sendKeys("checked with them");
        site.click(By.cssSelector("li.card button[type=submit]"));
        assertThat(site.text()).contains("The user was unlocked.");

        site.open("/console/users?q=" + site.ownerLogin);
        new Select(site.byId("act-" + site.ownerId)).selectByValue("delete");
        site.byId("reason-" + site.ownerId).sendKeys("trying");
        site.click(By.cssSelector("li.card button[type=submit]"));
        assertThat(site.text()).contains("The owner cannot be changed");
    }

    @Test
    void anApiKeyIsShownOnceWorksAndIsRevoked() {
        site.signInAsOwner();
        site.open("/console/api-keys");
        String name = "integration " + ConsoleSite.shortId();
        site.byId("key-name").sendKeys(name);
        site.click(By.xpath("//button[text()='Create key']"));
        String secret = site.byId("secret").getAttribute("value");
        assertThat(secret).startsWith("sk_live_");
        Http withKey = site.server.http().as(secret);
        assertThat(withKey.get("/v1/express").status()).isEqualTo(200);
        Browser.screenshot(site.chrome, "api-keys");

        site.open("/console/api-keys");
        assertThat(site.text()).contains(name).doesNotContain(secret);
        WebElement row = site.chrome.findElement(By.xpath("//tr[td[contains(., '" + name + "')]]"));
        site.click(row.findElement(By.tagName("button")));
        assertThat(site.text()).contains("The API key was revoked.");
        assertThat(withKey.get("/v1/express").status()).isEqualTo(401);
    }

    @Test
    void aFormWithoutTheSessionsTokenOrFromAnotherSiteChangesNothing() throws Exception {
        String id = site.customer(site.api, "Forged " + ConsoleSite.shortId());
        site.signInAsOwner();
        site.open("/console/customers/" + id);
        site.chrome.executeScript("document.querySelectorAll('input[name=_csrf]').forEach(i => i.value = 'forged')");
        site.byId("lifecycle-reason").sendKeys("forged");
        site.click(By.xpath("//button[text()='Deactivate customer']"));
        assertThat(site.heading()).isEqualTo("Request refused");
        assertThat(site.api.get("/v1/express/" + id).json().path("isActive").asBoolean()).isTrue();

        // The right token, sent from another site's page: refused by its Origin.
        site.open("/console/customers/" + id);
        String token = site.chrome.findElement(By.name("_csrf")).getAttribute("value");
        HttpResponse<String> crossSite = post("/console/customers/" + id + "/deactivate",
                "_csrf=" + token + "&reason=x", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> sameSite = post("/console/customers/" + id + "/deactivate",
                "_csrf=" + token + "&reason=x", null);
        assertThat(sameSite.statusCode()).isEqualTo(303);
        assertThat(site.api.get("/v1/express/" + id).json().path("isActive").asBoolean()).isFalse();
    }

    @Test
    void anotherOrganizationsCustomersAndKeysAreOutOfReach() throws Exception {
        String otherKey = site.server.newOrganizationKey();
        String theirs = site.customer(site.server.http().as(otherKey), "Theirs " + ConsoleSite.shortId());
        site.signInAsOwner();
        site.open("/console/customers/" + theirs);
        assertThat(site.heading()).isEqualTo("Not found");
        site.open("/console/customers?q=Theirs");
        assertThat(site.text()).doesNotContain("Theirs");

        String token = site.chrome.findElement(By.name("_csrf")).getAttribute("value");
        assertThat(post("/console/customers/" + theirs + "/deactivate", "_csrf=" + token + "&reason=x", null)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> bulk = post("/console/customers/bulk",
                "_csrf=" + token + "&action=deactivate&reason=x&id=" + theirs, null);
        assertThat(bulk.body()).contains("Express customer could not be found");
        assertThat(site.server.http().as(otherKey).get("/v1/express/" + theirs).json().path("isActive").asBoolean())
                .isTrue();

        // Their users and keys: a change aimed at one is "not found", and it stays as it was.
        Http other = site.server.http().as(otherKey);
        String theirUser = other.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "Their", "familyName", "User"),
                "email", Http.json("email", "their-" + ConsoleSite.shortId() + "@example.com"))).json()
                .get("userId").asText();
        String theirKeyId = other.get("/v1/events?type=api_key.created").json().get("events").get(0)
                .get("data").get("apiKeyId").asText();
        assertThat(post("/console/users/" + theirUser, "_csrf=" + token + "&action=lock&reason=x", null)
                .statusCode()).isEqualTo(404);
        assertThat(post("/console/api-keys/" + theirKeyId + "/revoke", "_csrf=" + token, null).statusCode())
                .isEqualTo(404);
        assertThat(other.get("/v2/users/" + theirUser).json().at("/user/state").asText())
                .isEqualTo("USER_STATE_ACTIVE");
        assertThat(other.get("/v1/express").status()).as("their key still works").isEqualTo(200);
    }

    /** The sessions of {@code userId} that events of {@code type} are about, read from the events feed. */
    private static List<String> sessionsOf(Http api, String type, String userId) {
        List<String> sessions = new java.util.ArrayList<>();
        String after = null;
        JsonNode page;
        do {
            page = api.get("/v1/events?limit=100&type=" + type + (after == null ? "" : "&starting_after=" + after))
                    .json();
            for (JsonNode e : page.get("events")) {
                after = e.get("id").asText();
                if (userId.equals(e.at("/data/factors/user/id").asText())) {
                    sessions.add(e.get("object").get("id").asText());
                }
            }
        } while (page.get("hasMore").asBoolean());
        return sessions;
    }

    @Test
    void everyControlOnEveryPageHasALabelAndThePagesHaveALanguageAndHeadings() {
        String id = site.customer(site.api, "Labelled " + ConsoleSite.shortId());
        site.signInAsOwner();
        for (String page : List.of("/console/customers", "/console/customers/" + id, "/console/users",
                "/console/api-keys")) {
            site.open(page);
            Object unlabelled = site.chrome.executeScript("""
                    return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                        .filter(c => !c.id || !document.querySelector('label[for="' + c.id + '"]'))
                        .map(c => c.outerHTML);""");
            assertThat((List<?>) unlabelled).as(page).isEmpty();
            assertThat(site.chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(site.chrome.findElements(By.tagName("h1"))).hasSize(1);
        }
        // Keyboard: the first Tab reaches the skip link, which leads to the main content.
        site.chrome.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(site.chrome.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    }

    /** A form post beside the browser, with its session cookie and optionally an Origin. */
    private HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", site.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            req.header("Origin", origin);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
