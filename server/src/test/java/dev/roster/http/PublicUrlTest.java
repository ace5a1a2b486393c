package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The base of the links Roster hands out: configured by the operator, else the local listening port. */
class PublicUrlTest {
    @Test
    void withoutConfigurationTheListeningPortOnLocalhostIsUsed() {
        assertThat(PublicUrl.of(null, () -> 8181).resolve("/viewer/studies/x")).isEqualTo("http://localhost:8181/viewer/studies/x");
        assertThat(PublicUrl.of("  ", () -> 9)).satisfies(u -> assertThat(u.resolve("/a")).isEqualTo("http://localhost:9/a"));
    }

    @Test
    void aConfiguredUrlIsUsedAsGivenWithoutItsTrailingSlash() {
        assertThat(PublicUrl.of("https://roster.example.com/", () -> 1).resolve("/viewer/studies/x"))
                .isEqualTo("https://roster.example.com/viewer/studies/x");
        assertThat(PublicUrl.of("https://example.com:8443/roster", () -> 1).resolve("/p"))
                .isEqualTo("https://example.com:8443/roster/p");
    }

    @Test
    void aMalformedOrNonHttpUrlIsRefused() {
        for (String bad : new String[] {"roster.example.com", "ftp://example.com", "https://", "http://a/?x=1",
                "http://a/#f", "http://exa mple.com"}) {
            assertThatThrownBy(() -> PublicUrl.of(bad, () -> 1)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
