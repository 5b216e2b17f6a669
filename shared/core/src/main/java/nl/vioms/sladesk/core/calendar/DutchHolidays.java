package nl.vioms.sladesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Dutch public holidays of R3 (Algemene termijnenwet set): New Year's Day, Easter Monday,
 * King's Day, Liberation Day, Ascension Day, Whit Monday, Christmas Day and Boxing Day, plus Good
 * Friday when {@link HolidaySettings#goodFriday()} is set. Announced closure days are not public
 * holidays; {@link WorkingDays} adds them.
 *
 * <p>Each year's set is computed on first use and cached (thread-safe); only years asked for are
 * computed. King's Day follows the rule in force since 2014 for every year.
 */
public final class DutchHolidays {

    private final HolidaySettings settings;
    private final Map<Integer, NavigableSet<LocalDate>> byYear = new ConcurrentHashMap<>();

    public DutchHolidays(HolidaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }

    /** The R3 holidays of {@code year}, ascending. */
    public NavigableSet<LocalDate> holidays(int year) {
        return byYear.computeIfAbsent(year, this::compute);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    public HolidaySettings settings() {
        return settings;
    }

    private NavigableSet<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate easter = easterSunday(year);
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        if (settings.goodFriday()) {
            days.add(easter.minusDays(2));
        }
        days.add(easter.plusDays(1)); // Easter Monday
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        // R3: on 26 April when the 27th is a Sunday
        days.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        if (settings.liberationDayEveryYear() || year % 5 == 0) {
            days.add(LocalDate.of(year, Month.MAY, 5)); // R3 setting: every year or lustrum years only
        }
        days.add(easter.plusDays(39)); // Ascension Day
        days.add(easter.plusDays(50)); // Whit Monday
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        days.add(LocalDate.of(year, Month.DECEMBER, 26));
        return Collections.unmodifiableNavigableSet(days);
    }
}
