package io.github.camelaerona;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every line the named loggers write at TRACE and above while open, each with its level, logger and causes. */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<String> loggers;

    private CapturedLogs(List<String> loggers) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        this.loggers = loggers;
    }

    static CapturedLogs of(String... loggers) {
        CapturedLogs capture = new CapturedLogs(List.of(loggers));
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration config = logs.getConfiguration();
        capture.start();
        config.addAppender(capture);
        for (String name : loggers) {
            LoggerConfig logger = new LoggerConfig(name, Level.TRACE, false);
            logger.addAppender(capture, Level.TRACE, null);
            config.addLogger(name, logger);
        }
        logs.updateLoggers();
        return capture;
    }

    /** A copy of the lines so far. */
    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": ")
                .append(event.getMessage().getFormattedMessage());
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    @Override
    public void close() {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration config = logs.getConfiguration();
        loggers.forEach(config::removeLogger);
        logs.updateLoggers();
        stop();
    }
}
