package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Logging is set up in code; a configuration file an operator (or this suite) provides takes over. */
class LogConfiguratorTest {
    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfigurator.class);
    }

    @Test
    void oneLinePerEventOnStandardErrorWithLibrariesQuieter() {
        LoggerContext context = new LoggerContext();
        LogConfigurator.configure(context, Level.DEBUG);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((LayoutWrappingEncoder<?>) stderr.getEncoder()).getLayout().isStarted()).isTrue();
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.roster.http.RosterServer").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void theLevelComesFromTheSettingAndATypoMeansInfo() {
        assertThat(LogConfigurator.rootLevel(null)).isEqualTo(Level.INFO);
        assertThat(LogConfigurator.rootLevel(" ")).isEqualTo(Level.INFO);
        assertThat(LogConfigurator.rootLevel("warn")).isEqualTo(Level.WARN);
        assertThat(LogConfigurator.rootLevel("DEBUG")).isEqualTo(Level.DEBUG);
        assertThat(LogConfigurator.rootLevel("loud")).isEqualTo(Level.INFO);
    }

    @Test
    void stepsAsideForAConfigurationFile() {
        // This suite's class path has logback-test.xml, as an operator's might have a logback.xml.
        LoggerContext context = new LoggerContext();
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }
}
