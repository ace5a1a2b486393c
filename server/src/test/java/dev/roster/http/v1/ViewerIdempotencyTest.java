package dev.roster.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDKs retry creates without a deduplication key (avara-v1.md §1.12); a caller who adds {@code Idempotency-Key}
 * gets one study and one invited user however often the request is repeated.
 */
class ViewerIdempotencyTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRepeatedKeyedStudyCreateOrInviteRunsOnce(Engine engine) {
        Http api = servers.newTenant(engine);
        var study = Viewer.createStudyBody();
        var invite = Viewer.inviteBody();
        Http keyedStudy = api.with("Idempotency-Key", "study-" + Viewer.uid());
        Http keyedInvite = api.with("Idempotency-Key", "invite-" + Viewer.uid());

        Reply first = keyedStudy.post("/v1/viewer/studies", study);
        Reply retry = keyedStudy.post("/v1/viewer/studies", study);
        Reply invited = keyedInvite.post("/v1/viewer/users", invite);
        Reply reinvited = keyedInvite.post("/v1/viewer/users", invite);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(StudyListTest.ids(api, "")).containsExactly(first.json().get("studyId").asText());
        assertThat(reinvited.json()).isEqualTo(invited.json());
        assertThat(ViewerUserListTest.ids(api, "")).containsExactly(invited.json().get("userId").asText());
    }
}
