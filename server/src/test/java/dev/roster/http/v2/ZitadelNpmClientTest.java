package dev.roster.http.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ZITADEL's own TypeScript client, npm {@code @zitadel/client} 1.3.1, against a running Roster: the contract
 * that matters most. The test installs the package from the npm registry into {@code target/} itself; without
 * Node, npm or the registry it fails rather than skips, because a green build must mean the client works.
 */
class ZitadelNpmClientTest {
    private static final Path CLIENT_DIR = Path.of("target", "zitadel-client");

    @RegisterExtension
    static final Servers servers = new Servers();

    @Test
    void zitadelClientDeactivatesOverGrpcAndReadsTheTypedErrorOverGrpcWeb() throws Exception {
        install();
        TestServer server = servers.on(Engine.SQLITE);
        String baseUrl = "http://127.0.0.1:" + server.port();
        String email = "npm-" + System.nanoTime() + "@example.com";
        Result run = run(List.of("node", "contract.mjs", baseUrl, TestServer.ADMIN_KEY, V2Fixtures.DEFAULT_ORG, email),
                60);
        assertThat(run.exit()).as("node contract.mjs:\n%s", run.output()).isZero();
        String lastLine = run.output().strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode seen = Http.JSON.readTree(lastLine);

        assertThat(seen.path("userId").asText()).matches("usr_[0-9a-f]{32}");
        assertThat(seen.path("addedSequence").asText()).isEqualTo("1");
        assertThat(seen.path("deactivatedSequence").asText()).isEqualTo("2");
        assertThat(seen.path("resourceOwner").asText()).isEqualTo(V2Fixtures.DEFAULT_ORG);
        assertThat(seen.path("failedPrecondition").asBoolean()).as(lastLine).isTrue();
        assertThat(seen.path("rawMessage").asText()).isEqualTo("User already inactive (COMMAND-5gunjw0cd7)");
        assertThat(seen.path("details").size()).isEqualTo(1);
        assertThat(seen.path("details").get(0).path("id").asText()).isEqualTo("COMMAND-5gunjw0cd7");
        assertThat(seen.path("details").get(0).path("message").asText()).isEqualTo("User already inactive");

        // and the server agrees: the user is inactive
        Http http = server.http().as(TestServer.ADMIN_KEY);
        assertThat(http.get("/v2/users/" + seen.path("userId").asText()).json()
                .path("user").path("state").asText()).isEqualTo("USER_STATE_INACTIVE");
    }

    /** Copies the package description and script next to each other under target/ and runs npm install there. */
    private static void install() throws Exception {
        Files.createDirectories(CLIENT_DIR);
        for (String file : List.of("package.json", "contract.mjs")) {
            try (InputStream in = Objects.requireNonNull(ZitadelNpmClientTest.class.getResourceAsStream(
                    "/zitadel-client/" + file), file)) {
                Files.write(CLIENT_DIR.resolve(file), in.readAllBytes());
            }
        }
        Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        assertThat(npm.exit()).as("npm install (the npm registry must be reachable):\n%s", npm.output()).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        // Output goes to a file so a hanging process cannot block the reader past the timeout.
        Path log = Files.createTempFile(CLIENT_DIR, command.getFirst() + "-", ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(CLIENT_DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst() + " is required on PATH for this test (Node 20 or newer)", e);
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
