package nl.vioms.sladesk.core.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * Maintenance announced to customers (R19). Only the announced span is excluded, and only when
 * it was announced at least the policy's minimum notice (24 h) before its start; otherwise it is
 * emergency maintenance.
 *
 * @param window      the announced span
 * @param announcedAt when the announcement went out
 * @param reference   the announcement's reference, shown in reports (may be null)
 */
public record PlannedMaintenance(
        Interval window, Instant announcedAt, @Nullable String reference) {

    public PlannedMaintenance {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(announcedAt, "announcedAt (unannounced work is emergency maintenance)");
    }

    /** How long before its start the window was announced (negative when announced after). */
    public Duration notice() {
        return Duration.between(announcedAt, window.start());
    }

    /** R19: announced at least {@code minimumNotice} before the start. */
    public boolean announcedInTime(Duration minimumNotice) {
        return notice().compareTo(minimumNotice) >= 0;
    }
}
