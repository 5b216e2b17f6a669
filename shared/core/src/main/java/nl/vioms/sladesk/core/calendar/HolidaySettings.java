package nl.vioms.sladesk.core.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * The settings of R3's calendar: which optional holidays count, and the closure days VIOMS
 * announced (data, added by operations).
 *
 * @param liberationDayEveryYear true: 5 May every year; false: only in lustrum years (2025, 2030..)
 * @param goodFriday             true: Good Friday is a holiday (off by default)
 * @param closureDays            announced non-working days
 */
public record HolidaySettings(boolean liberationDayEveryYear, boolean goodFriday, Set<LocalDate> closureDays) {
    public static final HolidaySettings DEFAULT = new HolidaySettings(true, false, Set.of());

    public HolidaySettings {
        closureDays = Set.copyOf(closureDays);
    }
}
