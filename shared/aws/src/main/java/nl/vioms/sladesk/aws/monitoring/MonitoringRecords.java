package nl.vioms.sladesk.aws.monitoring;

import java.util.List;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;

/** What monitoring recorded for one service over a span, as read in one query. */
public record MonitoringRecords(
        List<Outage> outages,
        List<MaintenanceWindow> maintenance,
        List<UnknownSpan> unknown,
        List<ServiceExclusion> exclusions,
        int itemsRead) {
    public MonitoringRecords {
        outages = List.copyOf(outages);
        maintenance = List.copyOf(maintenance);
        unknown = List.copyOf(unknown);
        exclusions = List.copyOf(exclusions);
    }
}
