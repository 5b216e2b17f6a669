package nl.vioms.sladesk.core.monitoring;

import java.time.Instant;
import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * A monitored outage (R20): from the first failed check of the streak that reached the downtime
 * threshold, confirmed when that threshold was reached, to the first passing check.
 *
 * @param serviceKey  the {@link MonitoredService} it belongs to
 * @param targetId    the probe target whose checks failed
 * @param start       the first failed check of the streak
 * @param confirmedAt the check that reached the downtime threshold (5 failures)
 * @param end         the first passing check; null while the outage lasts
 * @param incident    the ticket opened for it (platform-wide services), or null
 */
public record Outage(
        String serviceKey,
        String targetId,
        Instant start,
        Instant confirmedAt,
        @Nullable Instant end,
        @Nullable String incident) {

    public Outage {
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (confirmedAt.isBefore(start)) {
            throw new IllegalArgumentException("outage confirmed before it started");
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("outage ends before it started");
        }
    }

    public boolean isOpen() {
        return end == null;
    }

    /** The outage as an interval, an open one running until {@code now}. */
    public Interval interval(Instant now) {
        return new Interval(start, end == null ? (now.isBefore(start) ? start : now) : end);
    }

    public Outage closedAt(Instant at) {
        return new Outage(serviceKey, targetId, start, confirmedAt, at, incident);
    }

    public Outage withIncident(String number) {
        return new Outage(serviceKey, targetId, start, confirmedAt, end, number);
    }
}
