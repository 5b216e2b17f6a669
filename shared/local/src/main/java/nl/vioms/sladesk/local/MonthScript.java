package nl.vioms.sladesk.local;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The demo's month as data: what people and systems do, and when ({@code events/demo/month.yaml},
 * read by {@link MonthScriptReader}). Tickets are named by the script ({@code kiestoon}); their
 * numbers are learnt as they open. A title is what the runtime log shows for the entry.
 */
record MonthScript(List<Entry> entries) {
    /** The script of {@code ./sladesk demo}, beside the e-mails it sends. */
    static final Path FILE = Path.of("events", "demo", "month.yaml");

    MonthScript {
        entries = List.copyOf(entries);
    }

    /** Refuses a script with a day {@code month} does not have (31 in November), naming the entry. */
    void checkDays(YearMonth month, String source) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            List<DayTime> times = entry instanceof Maintenance window
                    ? List.of(entry.at(), window.from(), window.to())
                    : List.of(entry.at());
            for (DayTime time : times) {
                if (!month.isValidDay(time.day())) {
                    throw new IllegalArgumentException(source + ", entry " + (i + 1) + " (" + entry.at() + "): " + month
                            + " has no day " + time.day());
                }
            }
        }
    }

    /** A day of the month and a wall-clock time in Amsterdam, written {@code "02 09:12"}. */
    record DayTime(int day, LocalTime time) {
        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

        static DayTime parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("\"" + text + "\" is not a day and a time like \"02 09:12\"");
            }
            try {
                int day = Integer.parseInt(parts[0]);
                if (day < 1 || day > 31) {
                    throw new IllegalArgumentException("day " + day + " of \"" + text + "\" is not 1 to 31");
                }
                return new DayTime(day, LocalTime.parse(parts[1]));
            } catch (NumberFormatException | DateTimeException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a day and a time like \"02 09:12\"", e);
            }
        }

        /** This moment in {@code month}; a day the month does not have is refused. */
        Instant in(YearMonth month) {
            if (!month.isValidDay(day)) {
                throw new IllegalArgumentException(month + " has no day " + day);
            }
            return LocalDateTime.of(month.atDay(day), time)
                    .atZone(Amsterdam.ZONE)
                    .toInstant();
        }

        String shown(YearMonth month) {
            return SHOWN.format(in(month).atZone(Amsterdam.ZONE));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%02d %s", day, time);
        }
    }

    /** One thing that happens; {@code title} null: the usual line for its kind. */
    sealed interface Entry {
        DayTime at();

        String title();
    }

    /** An e-mail from this folder, delivered through SES; {@code ticket} names the ticket it opens. */
    record Mail(DayTime at, String title, String file, String ticket) implements Entry {}

    /** A phone call: a new report ({@code priority} optional), or one {@code about} a named ticket (R7). */
    record Call(DayTime at, String title, String from, String summary, String priority, String about, String ticket)
            implements Entry {}

    /** A reseller opens a ticket through the API with its token. */
    record ApiTicket(DayTime at, String title, String token, Map<String, Object> body, String ticket)
            implements Entry {}

    /** Operations record an event on a named ticket; {@code customer} is for {@code assigned}. */
    record TicketEvent(DayTime at, String title, String ticket, String kind, String note, String customer)
            implements Entry {}

    /** Operations announce a planned maintenance window of the platform (R19). */
    record Maintenance(DayTime at, String title, String id, DayTime from, DayTime to, String reason) implements Entry {}

    /** The platform's SBC and softphone port stop answering, or answer again. */
    record Platform(DayTime at, String title, boolean up) implements Entry {}

    /** Operations take the open incident the probes opened as {@code ticket} and record events on it. */
    record MonitoringTicket(DayTime at, String title, String ticket, List<Step> events) implements Entry {
        MonitoringTicket {
            events = List.copyOf(events);
        }
    }

    /** An event recorded by a {@link MonitoringTicket} entry. */
    record Step(String kind, String note) {}
}
