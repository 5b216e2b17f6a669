package nl.vioms.sladesk.local;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * A progress bar over a span of simulated time: redrawn in place on a terminal, or one line per
 * simulated day when the output is a file or a CI log.
 */
final class ProgressBar {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final Instant from;
    private final Instant to;
    private final boolean terminal;
    private final long startedNanos = System.nanoTime();
    private long lastDrawNanos;
    private long lastDay = -1;

    ProgressBar(PrintWriter out, Instant from, Instant to, boolean terminal) {
        this.out = out;
        this.from = from;
        this.to = to;
        this.terminal = terminal;
    }

    /** Shows where the simulated clock is, with a short status. */
    void update(Instant now, String status) {
        long day = Duration.between(from, now).toDays();
        long nanos = System.nanoTime();
        if (terminal) {
            if (nanos - lastDrawNanos < 100_000_000L && now.isBefore(to)) {
                return;
            }
            lastDrawNanos = nanos;
            out.print("\r" + line(now, status) + "\033[K");
            out.flush();
        } else if (day != lastDay) {
            lastDay = day;
            out.println(line(now, status));
            out.flush();
        }
    }

    void finish(Instant now, String status) {
        if (terminal) {
            out.print("\r" + line(now, status) + "\033[K\n");
        } else {
            out.println(line(now, status));
        }
        out.flush();
    }

    String line(Instant now, String status) {
        double total = Math.max(1, Duration.between(from, to).toSeconds());
        double share = Math.min(1, Math.max(0, Duration.between(from, now).toSeconds() / total));
        int filled = (int) Math.round(share * WIDTH);
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return String.format(
                Locale.ROOT,
                "[%s%s] %3d%%  %s  %3ds  %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                Math.round(share * 100),
                DAY.format(now.atZone(Amsterdam.ZONE)),
                seconds,
                status);
    }
}
