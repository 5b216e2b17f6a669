package nl.vioms.sladesk.monthend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.monitoring.MonitoringRecords;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monthend.ServiceRecords;
import nl.vioms.sladesk.core.monthend.TicketLine;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.time.Interval;

/**
 * What counts for a contract's month, read for {@link MonthEnd}: the monitoring records of each of
 * its services (platform-wide services read once per run, its own services once per contract, R21)
 * and its timed incidents of the month with their clocks as at the run.
 */
final class ContractInputs {
    private final MonitoringRepository monitoring;
    private final ProbeRepository probes;
    private final TicketStore tickets;
    private final TicketClocks clocks;

    ContractInputs(MonitoringRepository monitoring, ProbeRepository probes, TicketStore tickets, TicketClocks clocks) {
        this.monitoring = monitoring;
        this.probes = probes;
        this.tickets = tickets;
        this.clocks = clocks;
    }

    /**
     * The keys of the monitored services a probe checked in the month (one target with one check
     * is enough): a quiet month of theirs is measured, not empty (issue 20). Once per run.
     */
    Set<String> checked(Interval period) {
        Set<String> checked = new HashSet<>();
        for (ProbeTarget t : probes.targets()) {
            if (!checked.contains(t.serviceKey()) && probes.hasCheck(t.id(), period)) {
                checked.add(t.serviceKey());
            }
        }
        return checked;
    }

    /** The records of the platform-wide services in the month: they count for many contracts. */
    Map<MonitoredService, ServiceRecords> platform(
            List<MonitoredService> monitored, Interval period, Set<String> checked) {
        Map<MonitoredService, ServiceRecords> platform = new LinkedHashMap<>();
        for (MonitoredService s : monitored) {
            if (s.isPlatformWide()) {
                platform.put(s, serviceRecords(monitoring.records(s.key(), period), checked.contains(s.key())));
            }
        }
        return platform;
    }

    /** Per service id of the customer, the records that count for it: the platform's and its own. */
    Map<String, ServiceRecords> records(
            Customer customer,
            Interval period,
            Map<MonitoredService, ServiceRecords> platform,
            List<MonitoredService> own,
            Set<String> checked) {
        Map<String, ServiceRecords> records = new HashMap<>();
        Map<String, ServiceRecords> ownRecords = new HashMap<>();
        for (ServiceRef ref : customer.services()) {
            ServiceRecords r = ServiceRecords.NONE;
            for (var e : platform.entrySet()) {
                if (e.getKey().affects(customer.id(), ref)) {
                    r = r.plus(e.getValue());
                }
            }
            for (MonitoredService s : own) {
                if (s.affects(customer.id(), ref)) {
                    r = r.plus(ownRecords.computeIfAbsent(
                            s.key(), k -> serviceRecords(monitoring.records(k, period), checked.contains(k))));
                }
            }
            records.put(ref.id(), r);
        }
        return records;
    }

    /** The customer's timed tickets created in the month, each with its clocks as at {@code now}. */
    List<TicketLine> tickets(Customer customer, Interval period, Instant now) {
        List<TicketLine> lines = new ArrayList<>();
        for (String number : tickets.createdBetween(customer.id(), period)) {
            tickets.read(number)
                    .map(TicketStore.Stored::ticket)
                    .filter(t -> t.isTimed())
                    .ifPresent(t ->
                            lines.add(TicketLine.of(t, clocks.compute(t, now).orElseThrow())));
        }
        return lines;
    }

    private static ServiceRecords serviceRecords(MonitoringRecords r, boolean checked) {
        return new ServiceRecords(r.outages(), r.maintenance(), r.exclusions(), r.unknown(), checked);
    }
}
