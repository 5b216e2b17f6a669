package nl.vioms.sladesk.core.availability;

import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * Maintenance done at once, without (enough) notice (R19). Outage time in it is downtime unless
 * operations flagged it excluded with a reason; it is always reported separately.
 *
 * @param window               when the work ran
 * @param reason               what was done and why
 * @param excludedByOperations operations decided its outage time is forgiven
 * @param exclusionReason      why (required when excluded)
 */
public record EmergencyMaintenance(
        Interval window,
        String reason,
        boolean excludedByOperations,
        @Nullable String exclusionReason) {

    public EmergencyMaintenance {
        Objects.requireNonNull(window, "window");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("emergency maintenance needs a reason (" + window + ")");
        }
        if (excludedByOperations && (exclusionReason == null || exclusionReason.isBlank())) {
            throw new IllegalArgumentException(
                    "emergency maintenance " + window + " flagged excluded needs the reason operations gave (R19)");
        }
    }

    /** Emergency maintenance that counts as downtime. */
    public static EmergencyMaintenance counted(Interval window, String reason) {
        return new EmergencyMaintenance(window, reason, false, null);
    }

    /** Emergency maintenance that operations excluded, with their reason. */
    public static EmergencyMaintenance excluded(Interval window, String reason, String exclusionReason) {
        return new EmergencyMaintenance(window, reason, true, exclusionReason);
    }
}
