package nl.vioms.sladesk.local;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * An EventBridge Scheduler schedule expression ({@code rate()}, {@code cron()} or {@code at()})
 * evaluated in its {@code ScheduleExpressionTimezone}, with Scheduler's documented daylight
 * saving behaviour: a cron time that does not exist when clocks go forward is skipped, and a
 * wall-clock time that occurs twice when clocks go back runs once (the first time); a rate is a
 * fixed duration (rate(1 day) is 24 hours, whatever the clock says).
 */
sealed interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    Pattern AT = Pattern.compile("at\\((\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\)");

    /** The first run of a schedule created at {@code start}; null if it never runs. */
    Instant first(Instant start);

    /** The run after {@code previous}; null if there is none. */
    Instant next(Instant previous);

    /**
     * Parses an expression as template.yaml writes it.
     *
     * @param zone the schedule's time zone (Scheduler's default is UTC)
     * @throws IllegalArgumentException naming what is wrong
     */
    static ScheduleExpression parse(String expression, ZoneId zone) {
        String text = expression == null ? "" : expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return Rate.of(Long.parseLong(rate.group(1)), rate.group(2), text);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return Cron.of(cron.group(1).trim(), zone, text);
        }
        Matcher at = AT.matcher(text);
        if (at.matches()) {
            try {
                return new At(LocalDateTime.parse(at.group(1)), zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("schedule expression '" + text + "': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("schedule expression '" + text
                + "' is not rate(value unit), cron(minutes hours day-of-month month day-of-week year) "
                + "or at(yyyy-mm-ddThh:mm:ss)");
    }

    /** rate(value unit): runs at creation, then every period (a fixed duration). */
    record Rate(Duration period) implements ScheduleExpression {
        static Rate of(long value, String unit, String text) {
            if (value < 1) {
                throw new IllegalArgumentException("schedule expression '" + text + "': the value must be positive");
            }
            // Scheduler, like EventBridge rules, wants "1 minute" but "5 minutes"
            if ((value == 1) != !unit.endsWith("s")) {
                throw new IllegalArgumentException("schedule expression '" + text + "': write rate(1 " + singular(unit)
                        + ") for one, rate(N " + singular(unit) + "s) for more");
            }
            Duration unitLength = switch (singular(unit)) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(unitLength.multipliedBy(value));
        }

        private static String singular(String unit) {
            return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        }

        @Override
        public Instant first(Instant start) {
            return start;
        }

        @Override
        public Instant next(Instant previous) {
            return previous.plus(period);
        }
    }

    /**
     * cron(minutes hours day-of-month month day-of-week year): Quartz's syntax without its seconds
     * field. Quartz evaluates it on the zone's wall clock (as if it were UTC, which has no
     * daylight saving); each wall-clock time it names is then placed in the zone.
     */
    record Cron(CronExpression wallClock, ZoneId zone, String text) implements ScheduleExpression {
        static Cron of(String fields, ZoneId zone, String text) {
            String[] parts = fields.split("\\s+");
            if (parts.length != 6) {
                throw new IllegalArgumentException("schedule expression '" + text + "' has " + parts.length
                        + " fields; cron() takes 6: minutes hours day-of-month month day-of-week year");
            }
            if (!parts[2].equals("?") && !parts[4].equals("?")) {
                throw new IllegalArgumentException(
                        "schedule expression '" + text + "': one of day-of-month and day-of-week must be ?");
            }
            try {
                CronExpression quartz = new CronExpression("0 " + fields.toUpperCase(Locale.ROOT));
                quartz.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
                return new Cron(quartz, zone, text);
            } catch (ParseException e) {
                throw new IllegalArgumentException("schedule expression '" + text + "': " + e.getMessage(), e);
            }
        }

        @Override
        public Instant first(Instant start) {
            return next(start.minusSeconds(1));
        }

        @Override
        public Instant next(Instant previous) {
            LocalDateTime cursor = LocalDateTime.ofInstant(previous, zone);
            while (true) {
                Date wall = wallClock.getNextValidTimeAfter(Date.from(cursor.toInstant(ZoneOffset.UTC)));
                if (wall == null) {
                    return null;
                }
                LocalDateTime local = LocalDateTime.ofInstant(wall.toInstant(), ZoneOffset.UTC);
                cursor = local;
                // a time in the spring-forward gap does not exist: skipped
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    continue;
                }
                // a time that occurs twice: its first occurrence (atZone takes the earlier offset)
                Instant candidate = local.atZone(zone).toInstant();
                if (candidate.isAfter(previous)) {
                    return candidate;
                }
            }
        }
    }

    /** at(yyyy-mm-ddThh:mm:ss): one run, at that wall-clock time in the zone. */
    record At(LocalDateTime when, ZoneId zone) implements ScheduleExpression {
        @Override
        public Instant first(Instant start) {
            Instant at = when.atZone(zone).toInstant();
            return at.isBefore(start) ? null : at;
        }

        @Override
        public Instant next(Instant previous) {
            return null;
        }
    }
}
