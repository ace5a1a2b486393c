package dev.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a webhook endpoint that need no server: event type filters, rotation, the retry schedule. */
class WebhookEndpointRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void eventTypesSelectExactTypesFamiliesOrEverything() {
        assertThat(endpoint(List.of()).wants("user.locked")).isTrue();
        assertThat(endpoint(List.of("*")).wants("user.locked")).isTrue();
        WebhookEndpoint some = endpoint(List.of("express_customer.*", "user.locked"));
        assertThat(some.wants("express_customer.deactivated")).isTrue();
        assertThat(some.wants("user.locked")).isTrue();
        assertThat(some.wants("user.unlocked")).isFalse();
        assertThat(some.wants("express_customer_x.created")).isFalse();
        assertThat(WebhookEndpoint.validEventTypes(List.of("a.b", "a.b", "c.*"))).containsExactly("a.b", "c.*");
        assertThatThrownBy(() -> WebhookEndpoint.validEventTypes(List.of("User Locked")))
                .hasMessageContaining("eventTypes");
    }

    @Test
    void aRotatedOutSecretSignsFor24Hours() {
        WebhookEndpoint rotated = endpoint(List.of()).rotated("whsec_bmV3", NOW);
        assertThat(rotated.signingSecrets(NOW.plus(Duration.ofHours(23)))).containsExactly("whsec_bmV3", "whsec_b2xk");
        assertThat(rotated.signingSecrets(NOW.plus(Duration.ofHours(24)))).containsExactly("whsec_bmV3");
        assertThat(rotated.toString()).doesNotContain("whsec_");
    }

    @Test
    void theStandardScheduleRetriesSevenTimesThenGivesUp() {
        RetrySchedule s = RetrySchedule.STANDARD;
        assertThat(s.after(1)).contains(Duration.ofSeconds(5));
        assertThat(s.after(2)).contains(Duration.ofMinutes(5));
        assertThat(s.after(7)).contains(Duration.ofHours(10));
        assertThat(s.after(8)).isEmpty();
    }

    @Test
    void urlsMustBeHttpOrHttpsWithAHost() {
        assertThat(WebhookEndpoint.validUrl("https://example.com/hook")).isEqualTo("https://example.com/hook");
        for (String bad : List.of("ftp://example.com/", "example.com/hook", "https:///x", "https://u:p@example.com/",
                "javascript:alert(1)", "")) {
            assertThatThrownBy(() -> WebhookEndpoint.validUrl(bad)).as(bad).hasMessageContaining("url");
        }
    }

    private static WebhookEndpoint endpoint(List<String> types) {
        return new WebhookEndpoint("org_1", "wep_1", "https://example.com/hook", types, "", true, null, "whsec_b2xk",
                null, null, NOW, NOW, null, 1);
    }
}
