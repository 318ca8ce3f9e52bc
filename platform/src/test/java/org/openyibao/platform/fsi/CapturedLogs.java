package org.openyibao.platform.fsi;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Everything logged under org.openyibao while open. */
final class CapturedLogs implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.openyibao");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> warnings() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }

    List<String> all() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
