package nl.vioms.sladesk.console;

import java.time.Duration;
import java.time.Instant;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;

/**
 * One SLA deadline of a ticket as a page shows it: running (with a live countdown, amber from the
 * warning, red once breached), paused, met, or without target (best effort, R14).
 *
 * @param due     the deadline; null without target or while paused
 * @param metAt   when it was met (response given, fault resolved); null while it runs
 * @param warning from when it shows amber
 */
public record Deadline(String label, Instant due, Instant metAt, Instant warning, State state) {

    /** Where a deadline stands now. */
    public enum State {
        RUNNING,
        WARNING,
        BREACHED,
        PAUSED,
        MET,
        LATE,
        NONE
    }

    /** The response deadline (R13): amber from 75 % of its span from the clock's start (decision in docs). */
    public static Deadline response(Ticket ticket, ClockResult clocks, Instant now) {
        Instant due = clocks.responseDue();
        Instant warning = due == null ? null : threeQuarters(clocks.clockStart(), due);
        return of("Reactie", due, ticket.timeline().respondedAt(), warning, clocks.responseBreached(), false, now);
    }

    /** The restore deadline (R13): amber from R17's 75 % warning; unknown while paused (R16). */
    public static Deadline restore(Ticket ticket, ClockResult clocks, Instant now) {
        return of(
                "Herstel",
                clocks.restoreDue(),
                ticket.timeline().resolvedAt(),
                clocks.warningAt(),
                clocks.restoreBreached(),
                clocks.paused(),
                now);
    }

    static Deadline of(
            String label, Instant due, Instant metAt, Instant warning, boolean breached, boolean paused, Instant now) {
        if (metAt != null) {
            return new Deadline(label, due, metAt, warning, breached ? State.LATE : State.MET);
        }
        if (paused) {
            return new Deadline(label, null, null, null, State.PAUSED);
        }
        if (due == null) {
            return new Deadline(label, null, null, null, State.NONE);
        }
        if (breached || !now.isBefore(due)) {
            return new Deadline(label, due, null, warning, State.BREACHED);
        }
        if (warning != null && !now.isBefore(warning)) {
            return new Deadline(label, due, null, warning, State.WARNING);
        }
        return new Deadline(label, due, null, warning, State.RUNNING);
    }

    private static Instant threeQuarters(Instant start, Instant due) {
        if (!due.isAfter(start)) {
            return due;
        }
        return start.plus(Duration.between(start, due).multipliedBy(3).dividedBy(4));
    }

    /** Whether it still counts down (a countdown is shown). */
    public boolean running() {
        return state == State.RUNNING || state == State.WARNING || state == State.BREACHED;
    }

    /** The CSS classes: {@code due}, plus {@code warning} (amber) or {@code breached} (red). */
    public String css() {
        switch (state) {
            case WARNING:
                return "due warning";
            case BREACHED:
            case LATE:
                return "due breached";
            default:
                return "due";
        }
    }

    /** The ISO instant console.js counts down to; null when nothing runs (no attribute). */
    public String dataDue() {
        return running() ? due.toString() : null;
    }

    /** The time left as console.js writes it ("1u 5m", "-12m 3s"), so the page reads well without script. */
    public String left(Instant now) {
        return left(now, Language.NL);
    }

    /** {@link #left(Instant)} in the page's language: hours are "u" in Dutch, "h" in English (as console.js). */
    public String left(Instant now, Language lang) {
        if (!running()) {
            return "";
        }
        long ms = Duration.between(now, due).toMillis();
        long s = Math.abs(ms) / 1000;
        long d = s / 86400;
        long h = (s % 86400) / 3600;
        long m = (s % 3600) / 60;
        String hour = lang == Language.EN ? "h" : "u";
        String text = d > 0 ? d + "d " + h + hour : h > 0 ? h + hour + " " + m + "m" : m + "m " + (s % 60) + "s";
        return (ms < 0 ? "-" : "") + text;
    }

    /** What the cell says besides the countdown, in Dutch. */
    public String text() {
        switch (state) {
            case RUNNING:
                return ConsoleText.time(due);
            case WARNING:
                return ConsoleText.time(due) + " (75 % verstreken)";
            case BREACHED:
                return "verlopen " + ConsoleText.time(due);
            case PAUSED:
                return "gepauzeerd";
            case MET:
                return "gehaald " + ConsoleText.time(metAt);
            case LATE:
                return "te laat " + ConsoleText.time(metAt);
            default:
                return "geen termijn";
        }
    }
}
