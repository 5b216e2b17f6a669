package nl.vioms.sladesk.local;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Function;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import picocli.CommandLine;

/**
 * Arguments of the sladesk commands, with errors that name the option. Times without an offset
 * are Amsterdam wall-clock time (what an operator reads off a ticket); output instants carry the
 * Amsterdam offset.
 */
final class CliArgs {
    static final ZoneId AMSTERDAM = Amsterdam.ZONE;

    private final CommandLine commandLine;

    CliArgs(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    Instant instant(String option, String text) {
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            // an hour that occurs twice (last Sunday of October) takes its first, summer-time
            // occurrence; an hour that does not exist (last Sunday of March) moves forward
            return LocalDateTime.parse(text).atZone(AMSTERDAM).toInstant();
        } catch (DateTimeException e) {
            throw bad(option, text, "is not a date-time like 2026-12-24T16:30 (Amsterdam) or 2026-12-24T15:30Z");
        }
    }

    Interval interval(String option, String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw bad(option, text, "is not an interval FROM/TO");
        }
        Instant from = instant(option, parts[0]);
        Instant to = instant(option, parts[1]);
        if (to.isBefore(from)) {
            throw bad(option, text, "ends before it starts");
        }
        return new Interval(from, to);
    }

    /** A value parsed by {@code parser}, or a usage error naming the option and the problem. */
    <T> T parse(String option, String value, Function<String, T> parser, String problem) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(option, value, problem);
        }
    }

    CommandLine.ParameterException bad(String option, String value, String problem) {
        return new CommandLine.ParameterException(commandLine, option + " '" + value + "' " + problem);
    }

    static String format(Instant instant) {
        return Amsterdam.iso(instant);
    }
}
