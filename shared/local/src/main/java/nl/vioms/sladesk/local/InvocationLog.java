package nl.vioms.sladesk.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.DatabindJson;

/**
 * One line per invocation of the local runtime: when (the runtime's clock, Amsterdam time), which
 * function, what triggered it, the outcome and how long it took. {@code text} is logfmt (readable,
 * and still one key=value record per line); {@code json} is one object per line like the
 * handlers' own logs.
 */
final class InvocationLog {
    enum Format {
        TEXT,
        JSON
    }

    /** What became of one invocation. */
    enum Outcome {
        OK,
        ERROR,
        PARTIAL,
        RETRY,
        DEAD_LETTER,
        FILTERED;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final PrintStream out;
    private final Format format;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Observer observer;

    /** Told of every invocation as it is logged (the storm benchmark times intake-email with it). */
    interface Observer {
        void invoked(String function, Outcome outcome, Duration took);
    }

    InvocationLog(PrintStream out, Format format) {
        this.out = out;
        this.format = format;
    }

    void log(Instant at, String function, String trigger, Outcome outcome, Duration took, String detail) {
        // a partial batch is a note on an invocation already counted
        if (outcome == Outcome.OK || outcome == Outcome.ERROR) {
            invocations.incrementAndGet();
        }
        if (outcome == Outcome.ERROR) {
            errors.incrementAndGet();
        }
        Observer watching = observer;
        if (watching != null) {
            watching.invoked(function, outcome, took);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", TIME.format(at.atZone(Amsterdam.ZONE)));
        line.put(
                "level",
                outcome == Outcome.ERROR || outcome == Outcome.DEAD_LETTER
                        ? "ERROR"
                        : outcome == Outcome.PARTIAL || outcome == Outcome.RETRY ? "WARN" : "INFO");
        line.put("event", "invocation");
        line.put("function", function);
        line.put("trigger", trigger);
        line.put("outcome", outcome.wire());
        if (took != null) {
            line.put("durationMs", took.toMillis());
        }
        if (detail != null && !detail.isBlank()) {
            line.put("detail", detail);
        }
        String text = format == Format.JSON ? DatabindJson.write(line) : logfmt(line);
        synchronized (out) {
            out.println(text);
        }
    }

    void observe(Observer observer) {
        this.observer = observer;
    }

    long invocations() {
        return invocations.get();
    }

    long errors() {
        return errors.get();
    }

    private static String logfmt(Map<String, Object> line) {
        StringBuilder text = new StringBuilder();
        line.forEach((key, value) -> {
            if (key.equals("event")) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String v = String.valueOf(value);
            if (key.equals("durationMs")) {
                text.append("duration=").append(v).append("ms");
                return;
            }
            text.append(key).append('=');
            text.append(v.matches("[A-Za-z0-9_.:+\\-/#@]+") ? v : DatabindJson.write(v));
        });
        return text.toString();
    }

    /** The detail of a log line: what the trigger said, then the handler's result (shortened) or error. */
    static String detail(String detail, Object result) {
        return join(detail, summary(result));
    }

    private static String summary(Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return null;
        }
        String text = value instanceof String s ? s : DatabindJson.write(value);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a + "; " + b;
    }
}
