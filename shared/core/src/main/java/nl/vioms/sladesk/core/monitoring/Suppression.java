package nl.vioms.sladesk.core.monitoring;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import nl.vioms.sladesk.core.policy.RegularServiceWindow;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * When the probe holds back notifications and automatic incidents (R18, R19): inside the regular
 * service windows (Saturday and Sunday 01:00-05:00 Amsterdam) and inside announced planned
 * maintenance of the service. Emergency maintenance suppresses nothing. Checks run and are
 * recorded all the same; availability is decided at month end from the record.
 */
public final class Suppression {
    private Suppression() {}

    /** Whether {@code at} falls in a regular service window (wall-clock, so DST days come out right). */
    public static boolean inRegularWindow(Instant at, List<RegularServiceWindow> windows) {
        ZonedDateTime local = at.atZone(Amsterdam.ZONE);
        for (RegularServiceWindow w : windows) {
            if (!w.days().contains(local.getDayOfWeek())) {
                continue;
            }
            // the same conversion as the availability calculator: a start in the spring-forward gap moves forward
            Instant start = ZonedDateTime.of(local.toLocalDate(), w.from(), Amsterdam.ZONE)
                    .toInstant();
            Instant end = ZonedDateTime.of(local.toLocalDate(), w.to(), Amsterdam.ZONE)
                    .toInstant();
            if (!at.isBefore(start) && at.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    public static boolean suppressed(
            Instant at, List<RegularServiceWindow> regular, List<MaintenanceWindow> maintenance) {
        return inRegularWindow(at, regular) || maintenance.stream().anyMatch(w -> w.suppressesNotificationsAt(at));
    }
}
