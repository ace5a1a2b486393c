package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roster's Armeria defaults apply where the operator set nothing, and never over what they set. */
class EdgePreloaderTest {
    private static final String TLS = "com.linecorp.armeria.tlsEngineType";
    private static final String ROUTES = "com.linecorp.armeria.routeCacheSpec";
    private static final String DECORATORS = "com.linecorp.armeria.routeDecoratorCacheSpec";

    private Properties saved;

    @BeforeEach
    void save() {
        saved = (Properties) System.getProperties().clone();
        for (String p : new String[] {TLS, ROUTES, DECORATORS}) {
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void defaultsFillWhatIsNotSetAndLeaveWhatIs() {
        System.setProperty(ROUTES, "maximumSize=100");

        EdgePreloader.serverDefaults();

        assertThat(Map.of(TLS, System.getProperty(TLS), ROUTES, System.getProperty(ROUTES),
                DECORATORS, System.getProperty(DECORATORS)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TLS, "jdk", ROUTES, "maximumSize=100", DECORATORS, "off"));
    }
}
