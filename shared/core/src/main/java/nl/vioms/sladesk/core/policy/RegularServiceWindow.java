package nl.vioms.sladesk.core.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A recurring service window in Amsterdam wall-clock time, excluded from availability (R18:
 * Saturday and Sunday 01:00-05:00). Data, because VIOMS may move it (source, section 3).
 *
 * @param days the days on which the window starts
 * @param from local start time (inclusive)
 * @param to   local end time on the same day (exclusive), after {@code from}
 */
public record RegularServiceWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public RegularServiceWindow {
        days = days == null ? Set.of() : Set.copyOf(days);
    }
}
