package nl.vioms.sladesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import nl.vioms.sladesk.core.policy.WindowKind;

/**
 * The calendar of R3: a working day is Monday to Friday, not a public holiday of
 * {@link DutchHolidays} and not an announced closure day. It also hands out the service windows
 * (R5, R6) built on it, one shared instance per kind so their per-year caches are reused.
 */
public final class WorkingDays {

    private final HolidaySettings settings;
    private final DutchHolidays holidays;
    private final Map<WindowKind, ServiceWindow> windows = new EnumMap<>(WindowKind.class);

    public WorkingDays(HolidaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.holidays = new DutchHolidays(settings);
        for (WindowKind kind : WindowKind.values()) {
            windows.put(kind, new ServiceWindow(kind, this)); // cheap: years are built on demand
        }
    }

    /** The default calendar of R3 (Liberation Day every year, no Good Friday, no closure days). */
    public static WorkingDays dutchDefault() {
        return new WorkingDays(HolidaySettings.DEFAULT);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !holidays.isHoliday(date)
                && !settings.closureDays().contains(date);
    }

    /** The service window of {@code kind} on this calendar. */
    public ServiceWindow window(WindowKind kind) {
        return windows.get(Objects.requireNonNull(kind, "kind"));
    }

    public DutchHolidays holidays() {
        return holidays;
    }

    public HolidaySettings settings() {
        return settings;
    }
}
