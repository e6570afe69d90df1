package dev.pincer.sensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StackSummaryTest {
    @Test
    void keepsInnermostApplicationFramesOnly() {
        StackTraceElement[] frames = {
            new StackTraceElement("dev.pincer.sensor.internal.Decider", "decide", "Decider.java", 1),
            new StackTraceElement("java.sql.Statement", "executeQuery", null, -1),
            new StackTraceElement("org.h2.jdbc.JdbcStatement", "executeQuery", "JdbcStatement.java", 91),
            new StackTraceElement("com.shop.UserDao", "find", "UserDao.java", 42),
            new StackTraceElement("javax.servlet.http.HttpServlet", "service", "HttpServlet.java", 750),
        };
        assertEquals("org.h2.jdbc.JdbcStatement.executeQuery(JdbcStatement.java:91)\ncom.shop.UserDao.find(UserDao.java:42)",
                StackSummary.summarize(frames));
    }

    @Test
    void atMostEightFramesAnd2KiB() {
        StackTraceElement[] many = new StackTraceElement[50];
        for (int i = 0; i < many.length; i++) {
            many[i] = new StackTraceElement("com.app.C" + i, "m", "C.java", i);
        }
        assertEquals(8, StackSummary.summarize(many).split("\n").length);
        StackTraceElement[] long_ = new StackTraceElement[8];
        for (int i = 0; i < long_.length; i++) {
            long_[i] = new StackTraceElement("com.app." + "x".repeat(600) + i, "m", "C.java", i);
        }
        assertTrue(StackSummary.summarize(long_).length() <= 2048);
    }
}
