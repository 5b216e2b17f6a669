package nl.vioms.sladesk.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R3: the Dutch holiday set, checked against a table written by hand. */
class DutchHolidaysTest {

    private final DutchHolidays holidays = new DutchHolidays(HolidaySettings.DEFAULT);

    /*
     * Hand-written table. Easter Sunday per year (from the published Easter dates); then
     * Easter Monday = +1, Ascension = +39 (a Thursday), Whit Monday = +50, worked out by counting
     * days through April (30) and May (31). King's Day = 27 April unless that is a Sunday:
     * the weekday of 27 April follows from Easter Sunday (e.g. 2025: Easter 20 April is a Sunday,
     * so 27 April is a Sunday -> 26 April; 2031: Easter 13 April, 27 April = 13 + 14 -> Sunday -> 26).
     *   2024 Easter 03-31: Mar 31 + 39 = May 9 (Apr 1 is +1, May 1 is +31, so May 9 is +39)
     *   2027/2032 Easter 03-28: Mar 31 is +3, Apr 30 is +33, May 6 is +39; +50 = May 17
     *   2035 Easter 03-25: Mar 31 is +6, Apr 30 is +36, May 3 is +39; +50 = May 14
     */
    @ParameterizedTest(name = "{0}: Easter {1}, Easter Monday {2}, King''s Day {3}, Ascension {4}, Whit Monday {5}")
    @CsvSource({
        "2024, 2024-03-31, 2024-04-01, 2024-04-27, 2024-05-09, 2024-05-20",
        "2025, 2025-04-20, 2025-04-21, 2025-04-26, 2025-05-29, 2025-06-09",
        "2026, 2026-04-05, 2026-04-06, 2026-04-27, 2026-05-14, 2026-05-25",
        "2027, 2027-03-28, 2027-03-29, 2027-04-27, 2027-05-06, 2027-05-17",
        "2028, 2028-04-16, 2028-04-17, 2028-04-27, 2028-05-25, 2028-06-05",
        "2029, 2029-04-01, 2029-04-02, 2029-04-27, 2029-05-10, 2029-05-21",
        "2030, 2030-04-21, 2030-04-22, 2030-04-27, 2030-05-30, 2030-06-10",
        "2031, 2031-04-13, 2031-04-14, 2031-04-26, 2031-05-22, 2031-06-02",
        "2032, 2032-03-28, 2032-03-29, 2032-04-27, 2032-05-06, 2032-05-17",
        "2033, 2033-04-17, 2033-04-18, 2033-04-27, 2033-05-26, 2033-06-06",
        "2034, 2034-04-09, 2034-04-10, 2034-04-27, 2034-05-18, 2034-05-29",
        "2035, 2035-03-25, 2035-03-26, 2035-04-27, 2035-05-03, 2035-05-14",
    })
    @DisplayName("R3 holiday set matches the hand-written table")
    void holidaySetPerYear(
            int year,
            LocalDate easter,
            LocalDate easterMonday,
            LocalDate kingsDay,
            LocalDate ascension,
            LocalDate whitMonday) {
        assertEquals(easter, DutchHolidays.easterSunday(year));
        Set<LocalDate> expected = new TreeSet<>(Set.of(
                LocalDate.of(year, 1, 1),
                easterMonday,
                kingsDay,
                LocalDate.of(year, 5, 5),
                ascension,
                whitMonday,
                LocalDate.of(year, 12, 25),
                LocalDate.of(year, 12, 26)));
        assertEquals(expected, holidays.holidays(year));
    }

    @Test
    @DisplayName("R3: King's Day moves to Saturday 26 April 2025 because 27 April 2025 is a Sunday")
    void kingsDayOnSundayYear() {
        assertTrue(holidays.isHoliday(LocalDate.of(2025, 4, 26)));
        assertFalse(holidays.isHoliday(LocalDate.of(2025, 4, 27)));
        assertTrue(holidays.isHoliday(LocalDate.of(2026, 4, 27))); // a Monday in 2026
        assertFalse(holidays.isHoliday(LocalDate.of(2026, 4, 26)));
    }

    @Test
    @DisplayName("R3 setting: Liberation Day only in lustrum years when not every year")
    void liberationDayLustrumOnly() {
        DutchHolidays lustrum = new DutchHolidays(new HolidaySettings(false, false, Set.of()));
        assertTrue(lustrum.isHoliday(LocalDate.of(2025, 5, 5))); // 2025 % 5 == 0
        assertFalse(lustrum.isHoliday(LocalDate.of(2026, 5, 5)));
        assertTrue(lustrum.isHoliday(LocalDate.of(2030, 5, 5)));
        assertTrue(holidays.isHoliday(LocalDate.of(2026, 5, 5))); // default: every year
    }

    @Test
    @DisplayName("R3 setting: Good Friday (Easter - 2) only when set")
    void goodFridayOnlyWhenSet() {
        DutchHolidays withGoodFriday = new DutchHolidays(new HolidaySettings(true, true, Set.of()));
        // Easter 2026-04-05 -> Good Friday 2026-04-03
        assertTrue(withGoodFriday.isHoliday(LocalDate.of(2026, 4, 3)));
        assertFalse(holidays.isHoliday(LocalDate.of(2026, 4, 3)));
        assertEquals(9, withGoodFriday.holidays(2026).size());
    }
}
