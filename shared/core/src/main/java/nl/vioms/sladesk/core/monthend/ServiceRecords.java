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
 *
 * @param checked a probe checked a target of one of those monitored services in the month: a quiet
 *                month (no outage, nothing) is then measured, not empty
 */
public record ServiceRecords(
        List<Outage> outages,
        List<MaintenanceWindow> maintenance,
        List<ServiceExclusion> exclusions,
        List<UnknownSpan> unknown,
        boolean checked) {

    public static final ServiceRecords NONE = new ServiceRecords(List.of(), List.of(), List.of(), List.of(), false);

    /** Records without a check result. */
    public ServiceRecords(
            List<Outage> outages,
            List<MaintenanceWindow> maintenance,
            List<ServiceExclusion> exclusions,
            List<UnknownSpan> unknown) {
        this(outages, maintenance, exclusions, unknown, false);
    }

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
                concat(unknown, other.unknown),
                checked || other.checked);
    }

    /** No check result, no outage, no maintenance, no exclusion, no unknown span: nothing to measure the month on. */
    public boolean isEmpty() {
        return !checked && outages.isEmpty() && maintenance.isEmpty() && exclusions.isEmpty() && unknown.isEmpty();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
