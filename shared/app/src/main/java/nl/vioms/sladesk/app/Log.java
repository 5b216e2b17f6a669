package nl.vioms.sladesk.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda ships to CloudWatch. Every
 * line that concerns a ticket or probe target carries it as a field.
 */
public final class Log {
    /** Lambda logs in real time; the local runtime's simulated clock (the demo) may stand in. */
    private static volatile java.time.Clock clock = java.time.Clock.systemUTC();

    private Log() {
    }

    /** The clock log lines are stamped with (the local runtime's demo sets its simulated one). */
    public static void useClock(java.time.Clock logClock) {
        clock = logClock == null ? java.time.Clock.systemUTC() : logClock;
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

    private static void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
