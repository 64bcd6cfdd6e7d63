package dk.rammearkitektur.examples.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Listens to one of the SDK's debug loggers while the demo runs, so the demo can show what the clients did (the STS
 * tokens they were issued, with entity id and expiry) from the clients' own records rather than from a description.
 * Works when Logback is the SLF4J binding (as in the cli and the examples); otherwise it hears nothing. The logger's
 * level and additivity are restored on {@link #close()}.
 */
final class ClientLogTap implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final AppenderBase<ILoggingEvent> appender;

    ClientLogTap(String loggerName) {
        Objects.requireNonNull(loggerName, "loggerName == null");
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            logger = context.getLogger(loggerName);
            previousLevel = logger.getLevel();
            previousAdditive = logger.isAdditive();
            appender = new AppenderBase<>() {
                @Override
                protected void append(ILoggingEvent event) {
                    synchronized (messages) {
                        messages.add(event.getFormattedMessage());
                    }
                }
            };
            appender.setContext(context);
            appender.setName("rammearkitektur-demo-tap");
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
        } else {
            logger = null;
            previousLevel = null;
            previousAdditive = true;
            appender = null;
        }
    }

    /** Whether the tap is attached (Logback is the binding). */
    boolean listening() {
        return logger != null;
    }

    /** The messages heard since the last call, oldest first. */
    List<String> drain() {
        synchronized (messages) {
            List<String> out = List.copyOf(messages);
            messages.clear();
            return out;
        }
    }

    @Override
    public void close() {
        if (logger != null) {
            logger.detachAppender(appender);
            appender.stop();
            logger.setLevel(previousLevel);
            logger.setAdditive(previousAdditive);
        }
    }
}
