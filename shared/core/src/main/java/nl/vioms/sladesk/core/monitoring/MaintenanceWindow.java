package nl.vioms.sladesk.core.monitoring;

import java.time.Instant;
import java.util.Objects;
import nl.vioms.sladesk.core.availability.EmergencyMaintenance;
import nl.vioms.sladesk.core.availability.PlannedMaintenance;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * Maintenance recorded by operations for one monitored service (R19). A planned window carries
 * its announcement instant; the availability calculator treats one announced less than the
 * policy's notice ahead as emergency maintenance, and time past {@code end} as ordinary downtime.
 *
 * @param id              stable id (repeating an add with the same id is harmless)
 * @param serviceKey      the {@link MonitoredService}
 * @param kind            planned or emergency
 * @param window          the announced (planned) or actual (emergency) span
 * @param announcedAt     planned: when the announcement went out; emergency: null
 * @param reason          what is done and why (required for emergency work)
 * @param excluded        emergency: operations excluded its outage time
 * @param exclusionReason emergency: why (required when excluded)
 */
public record MaintenanceWindow(
        String id,
        String serviceKey,
        MaintenanceKind kind,
        Interval window,
        @Nullable Instant announcedAt,
        @Nullable String reason,
        boolean excluded,
        @Nullable String exclusionReason) {

    public enum MaintenanceKind {
        PLANNED,
        EMERGENCY
    }

    public MaintenanceWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (kind == MaintenanceKind.PLANNED) {
            Objects.requireNonNull(announcedAt, "a planned window needs its announcement instant (R19)");
            if (excluded) {
                throw new IllegalArgumentException("only emergency maintenance is excluded by operations");
            }
        }
        // EmergencyMaintenance checks the reason rules (R19)
        if (kind == MaintenanceKind.EMERGENCY) {
            new EmergencyMaintenance(window, reason, excluded, exclusionReason);
        }
    }

    /** Whether notifications are suppressed at {@code at}: inside an announced planned window. */
    public boolean suppressesNotificationsAt(Instant at) {
        return kind == MaintenanceKind.PLANNED && window.contains(at);
    }

    public PlannedMaintenance toPlanned() {
        if (kind != MaintenanceKind.PLANNED) {
            throw new IllegalStateException(id + " is emergency maintenance");
        }
        return new PlannedMaintenance(window, announcedAt, reason == null ? id : id + ": " + reason);
    }

    public EmergencyMaintenance toEmergency() {
        if (kind != MaintenanceKind.EMERGENCY) {
            throw new IllegalStateException(id + " is planned maintenance");
        }
        return new EmergencyMaintenance(window, reason, excluded, exclusionReason);
    }
}
