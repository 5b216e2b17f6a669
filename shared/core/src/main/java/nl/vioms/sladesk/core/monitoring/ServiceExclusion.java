package nl.vioms.sladesk.core.monitoring;

import java.util.Objects;
import nl.vioms.sladesk.core.availability.Exclusion;

/**
 * An R18 exclusion operations recorded for one monitored service (force majeure, customer-caused...).
 *
 * @param id         stable id (repeating an add with the same id is harmless)
 * @param serviceKey the {@link MonitoredService}
 * @param exclusion  span, kind and reason
 */
public record ServiceExclusion(String id, String serviceKey, Exclusion exclusion) {
    public ServiceExclusion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(exclusion, "exclusion");
    }
}
