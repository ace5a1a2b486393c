package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.study;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.app.StudyLinks;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** reroute-url (avara-v1.md §6.0 item 18): a link to Roster's study page with a signed token that lives 5 minutes. */
class RerouteUrlTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    record Link(String studyId, String token, Instant before, Instant after) {
    }

    static Link link(TestServer server, Http api, Object... identify) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Reply r = api.post("/v1/viewer/studies/reroute-url", json(identify));
        Instant after = Instant.now();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        URI url = URI.create(r.json().get("url").asText());
        assertThat(url.getScheme()).isEqualTo("http");
        assertThat(url.getHost()).isEqualTo("localhost");
        assertThat(url.getPort()).isEqualTo(server.port());
        assertThat(url.getPath()).startsWith("/viewer/studies/stu_");
        assertThat(url.getRawQuery()).matches("^token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
        return new Link(url.getPath().substring("/viewer/studies/".length()),
                url.getRawQuery().substring("token=".length()), before, after);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLinkOpensItsStudyForFiveMinutesAndNothingElse(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        JsonNode s = study(api);
        String id = s.get("studyId").asText();
        StudyLinks links = server.roster().studyLinks();

        Link byId = link(server, api, "studyId", id);
        Link byUid = link(server, api, "studyInstanceUid", s.get("studyInstanceUid").asText());

        for (Link l : new Link[] {byId, byUid}) {
            assertThat(l.studyId()).isEqualTo(id);
            var grant = links.verify(l.token(), id, l.after());
            assertThat(grant).isPresent();
            assertThat(grant.get().studyId()).isEqualTo(id);
            assertThat(grant.get().expiresAt()).isBetween(l.before().plus(StudyLinks.LIFETIME),
                    l.after().plus(StudyLinks.LIFETIME));
            assertThat(links.verify(l.token(), id, l.before().plus(StudyLinks.LIFETIME).minusMillis(1))).isPresent();
            assertThat(links.verify(l.token(), id, l.after().plus(StudyLinks.LIFETIME).plusMillis(1))).isEmpty();
        }
        String otherStudy = study(api).get("studyId").asText();
        assertThat(links.verify(byId.token(), otherStudy, byId.after())).isEmpty();
        assertThat(links.verify(tamper(byId.token()), id, byId.after())).isEmpty();
        assertThat(links.verify(byId.token() + "x", id, byId.after())).isEmpty();
        assertThat(links.verify("", id, byId.after())).isEmpty();
        assertThat(links.verify("a.b.c", id, byId.after())).isEmpty();
        assertThat(links.verify(null, id, byId.after())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void issuingALinkChangesNothingAndWorksOnACancelledStudy(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        JsonNode s = study(api);
        String id = s.get("studyId").asText();
        api.post("/v1/viewer/studies/cancel", json("studyId", id));
        JsonNode cancelled = api.get("/v1/viewer/studies/" + id).json();
        long events = Viewer.eventCount(server);

        Link l = link(server, api, "studyId", id);

        assertThat(server.roster().studyLinks().verify(l.token(), id, l.after())).isPresent();
        assertThat(api.get("/v1/viewer/studies/" + id).json()).isEqualTo(cancelled);
        assertThat(Viewer.eventCount(server)).isEqualTo(events);
    }

    /** The signing key is made once and kept in the database: a restarted server verifies earlier links. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSigningKeySurvivesARestartAndIsStoredOnce(Engine engine) {
        try (TestServer server = TestServer.start(engine)) {
            String key = server.newOrganizationKey();
            String id = study(server.http().as(key)).get("studyId").asText();
            Link l = link(server, server.http().as(key), "studyId", id);

            server.restart();
            Http api = server.http().as(key);

            assertThat(server.roster().studyLinks().verify(l.token(), id, l.after())).isPresent();
            assertThat(server.roster().studyLinks().verify(link(server, api, "studyId", id).token(), id,
                    Instant.now())).isPresent();
            long keys = server.database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM instance_secrets WHERE name = 'study-link-signing-key'")
                    .mapTo(Long.class).one());
            assertThat(keys).isEqualTo(1);
        }
    }

    /** Changes the first character of the claims: a full 6 bits of them, never only padding bits. */
    private static String tamper(String token) {
        char c = token.charAt(0);
        return (c == 'A' ? 'B' : 'A') + token.substring(1);
    }
}
