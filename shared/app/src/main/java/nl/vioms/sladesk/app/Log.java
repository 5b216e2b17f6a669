package nl.vioms.sladesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda ships to CloudWatch. Every
 * line that concerns a ticket or probe target carries it as a field; every line of an invocation
 * carries the invocation's {@link LogContext} (request id, function, cold start, trace id).
 */
public final class Log {
    /** Lambda logs in real time; the local runtime's simulated clock (the demo) may stand in. */
    private static volatile Clock clock = Clock.systemUTC();
    /** Errors already logged with their stack trace, so an invocation's failure is logged once. */
    private static final Set<Throwable> LOGGED =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Log() {}

    /** The clock log lines are stamped with (the local runtime's demo sets its simulated one). */
    public static void useClock(Clock logClock) {
        clock = logClock == null ? Clock.systemUTC() : logClock;
    }

    /** The clock lines are stamped with; embedded metrics take their timestamp from it too. */
    static Clock clock() {
        return clock;
    }

    public static void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public static void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public static void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    /**
     * An error with its cause on one line: {@code error} (class and message, unless the fields
     * name it already) and {@code stackTrace}, the whole trace as one string.
     */
    public static void error(String event, Map<String, ?> fields, Throwable error) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("error", String.valueOf(error));
        all.put("stackTrace", stackTrace(error));
        LOGGED.add(error);
        write("ERROR", event, all);
    }

    /** Whether this error, or one it was caused by, was logged with its stack trace. */
    public static boolean logged(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (LOGGED.contains(t)) {
                return true;
            }
        }
        return false;
    }

    static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(LogContext.current());
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
