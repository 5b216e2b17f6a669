package nl.vioms.sladesk.core.availability;

import java.time.Duration;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * One emergency maintenance window as reported separately (R19).
 *
 * @param window          the window, clipped to the month
 * @param reason          what was done; for a late-announced planned window, why it is emergency
 * @param excluded        operations flagged it excluded
 * @param exclusionReason their reason, or null
 * @param lateAnnouncement true when this was a planned window announced too late (R19)
 * @param outage          monitored outage time inside the window
 * @param down            time inside the window counted as down
 */
public record EmergencyWindowReport(
        Interval window,
        String reason,
        boolean excluded,
        @Nullable String exclusionReason,
        boolean lateAnnouncement,
        Duration outage,
        Duration down) {}
