package dev.roster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's door over plain HTTP, without a browser (so it runs everywhere): an admin named with the CLI signs
 * in, the cookie's attributes, and forms without the login nonce or the session's token are refused.
 */
class ConsoleHttpTest {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void anAdminNamedWithTheCliSignsInAndTheCookieIsHttpOnlyStrictAndSecureBehindHttps() throws Exception {
        Storage storage = Storage.fresh(Engine.SQLITE);
        try (TestServer server = TestServer.start(storage); HttpClient client = HttpClient.newHttpClient()) {
            Http api = server.http().as(TestServer.ADMIN_KEY);
            String login = "cli-admin@example.com";
            Reply user = api.post("/v2/users/human", Http.json(
                    "profile", Http.json("givenName", "Cli", "familyName", "Admin"),
                    "email", Http.json("email", login), "password", Http.json("password", ConsoleSite.PASSWORD)));
            String userId = user.json().path("userId").asText();

            Cli.Run run = Cli.roster(storage, "user", "make-admin", "--org", ConsoleSite.ORG, userId);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(userId + "\tadmin");
            assertThat(api.get("/v1/viewer/users/" + userId).json().path("level").asText()).isEqualTo("admin");

            URI base = server.http().base();
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(base.resolve("/console/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String nonceCookie = cookie(form, "roster_console_login");
            String nonce = hidden(form.body());

            HttpResponse<String> noNonce = postForm(client, base.resolve("/console/login"), "",
                    "organization", ConsoleSite.ORG, "loginName", login, "password", ConsoleSite.PASSWORD);
            assertThat(noNonce.statusCode()).isEqualTo(403);

            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(base.resolve("/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", nonceCookie)
                    .header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString(body("_csrf", nonce, "organization", ConsoleSite.ORG,
                            "loginName", login, "password", ConsoleSite.PASSWORD)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            String setCookie = signedIn.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("roster_console=")).findFirst().orElseThrow();
            assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/console", "Secure");
            String session = setCookie.substring(0, setCookie.indexOf(';'));

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/console/customers"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Signed in as " + login, "<html lang=\"en\">", "name=\"viewport\"");
            assertThat(page.headers().firstValue("content-security-policy")).isPresent();

            HttpResponse<String> noToken = postForm(client, base.resolve("/console/customers"), session,
                    "name", "Without a token");
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(api.get("/v1/express").json().get("expressCustomers").size()).isZero();

            // Demoted: out at the next request.
            api.patch("/v1/viewer/users/" + userId, Http.json("level", "member"));
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(base.resolve("/console/customers"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(303);
            assertThat(after.headers().firstValue("location")).contains("/console/login");
        }
    }

    private static HttpResponse<String> postForm(HttpClient client, URI uri, String cookie, String... pairs)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(pairs)));
        if (!cookie.isEmpty()) {
            req.header("Cookie", cookie);
        }
        return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        List<String> all = response.headers().allValues("set-cookie");
        String c = all.stream().filter(v -> v.startsWith(name + "=")).findFirst().orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private static String hidden(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
