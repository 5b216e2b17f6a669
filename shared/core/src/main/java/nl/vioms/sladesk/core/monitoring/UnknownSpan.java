package nl.vioms.sladesk.core.monitoring;

import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;

/**
 * A span in which a service was not checked (missed schedule runs, a probe that could not run):
 * neither up nor down (R20), reported apart.
 *
 * @param serviceKey the {@link MonitoredService}
 * @param span       from the check that should have come next to the check that did
 * @param reason     why, for reports
 */
public record UnknownSpan(String serviceKey, Interval span, String reason) {
    public UnknownSpan {
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(reason, "reason");
    }
}
