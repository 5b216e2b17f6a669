package nl.vioms.sladesk.core.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R3: working days are Monday-Friday, not holidays, not announced closure days. */
class WorkingDaysTest {

    @Test
    @DisplayName("R3: weekdays work, weekends and holidays do not")
    void weekdaysWeekendsHolidays() {
        WorkingDays days = WorkingDays.dutchDefault();
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 6, 15))); // Monday
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 6, 13))); // Saturday
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 6, 14))); // Sunday
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 25))); // Christmas, a Friday
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 5, 14))); // Ascension, a Thursday
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 4, 3))); // Good Friday off by default
    }

    @Test
    @DisplayName("R3: an announced closure day is not a working day")
    void closureDay() {
        WorkingDays days = new WorkingDays(new HolidaySettings(true, false, Set.of(LocalDate.of(2026, 5, 15))));
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 5, 15))); // Friday after Ascension
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 5, 18)));
    }
}
