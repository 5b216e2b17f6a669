package nl.vioms.sladesk.core.monthend;

import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;

/**
 * Everything monitoring recorded that counts for one customer service in one month: the records
 * of the platform services that carry its kind and of its own monitored service (R21). Each
 * record keeps the key of the monitored service it came from, so a report can say where it came from.
 */
public record ServiceRecords(
        List<Outage> outages,
        List<MaintenanceWindow> maintenance,
        List<ServiceExclusion> exclusions,
        List<UnknownSpan> unknown) {

    public static final ServiceRecords NONE = new ServiceRecords(List.of(), List.of(), List.of(), List.of());

    public ServiceRecords {
        outages = List.copyOf(outages);
        maintenance = List.copyOf(maintenance);
        exclusions = List.copyOf(exclusions);
        unknown = List.copyOf(unknown);
    }

    /** Both sets of records together. */
    public ServiceRecords plus(ServiceRecords other) {
        return new ServiceRecords(
                concat(outages, other.outages),
                concat(maintenance, other.maintenance),
                concat(exclusions, other.exclusions),
                concat(unknown, other.unknown));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
