package dev.roster.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Roster's logging, set up in code: one line per event on standard error, at {@code ROSTER_LOG_LEVEL} (INFO unless
 * set), with the chattiest libraries held at WARN. Logback finds this class as a service before it looks for XML;
 * configuring from XML loads Logback's Joran and the JDK's XML parser, about 400 classes that every start then
 * loaded (or mapped from the start-up cache) for a dozen lines of settings.
 *
 * <p>An operator's own configuration still wins: with {@code -Dlogback.configurationFile=…}, or a
 * {@code logback.xml} / {@code logback-test.xml} on the class path (the test suite has one), this steps aside and
 * Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{30} - %msg%n";
    private static final String LEVEL_VARIABLE = "ROSTER_LOG_LEVEL";

    /** Libraries that say at INFO what an operator of Roster need not read. */
    private static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.linecorp.armeria", Level.WARN,
            "io.netty", Level.WARN,
            // Micrometer cannot instrument the virtual-thread executor and says so once at start; nothing is lost.
            "io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null
                || LogConfigurator.class.getClassLoader().getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, rootLevel(System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE))));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A level Logback does not know (a typo) falls back to INFO rather than stopping the server. */
    static Level rootLevel(String setting) {
        return setting == null || setting.isBlank() ? Level.INFO : Level.toLevel(setting.trim(), Level.INFO);
    }

    static void configure(LoggerContext context, Level rootLevel) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel);
        root.addAppender(stderr);
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
