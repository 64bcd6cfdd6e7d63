package dk.rammearkitektur.testkit.serviceplatform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dk.rammearkitektur.core.PersonalData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the SDK at debug level for the whole test JVM and fails a test class (after
 * all its tests) when any captured line, including exception messages, holds a CPR-shaped number.
 */
public final class LogCapture implements BeforeAllCallback, AfterAllCallback {
    static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    static final AtomicInteger EVENTS = new AtomicInteger();
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!LEAKS.isEmpty()) {
            throw new AssertionError("log lines with a CPR number: " + LEAKS.size() + ", first (masked): "
                    + PersonalData.maskCprNumbers(LEAKS.get(0)));
        }
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender a = new Appender();
        a.setContext(ctx);
        a.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(a);
        ctx.getLogger("dk.rammearkitektur").setLevel(Level.DEBUG);
        installed = true;
    }

    /** Checks one text; public for the test that proves the guard can fail. */
    static void check(String text) {
        if (text != null && PersonalData.containsCprNumber(text)) {
            LEAKS.add(text);
        }
    }

    private static final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            EVENTS.incrementAndGet();
            check(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                check(t.getMessage());
            }
        }
    }
}
