package nl.vioms.sladesk.probe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.tickets.MajorIncidentData;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The P1 incidents monitoring opens for platform-wide outages (R10: unavailable for all end
 * users), through the one ticket service: channel MONITORING, reported by the probe at the check
 * that opened it. The ticket's customer is the platform itself, on a 24x7 contract (level A):
 * the platform is watched around the clock (R20) and its P1 reaches the second line at once
 * (R17). One incident per service's outage, whichever targets fail: the first target claims it
 * (ProbeRepository.joinIncident) under its outage's source key, on which opening is idempotent,
 * so a retried or overlapping round opens nothing twice.
 */
final class MonitoringIncidents {
    static final String VIOMS = "vioms";
    private final TicketService tickets;

    MonitoringIncidents(TicketService tickets) {
        this.tickets = tickets;
    }

    /** @return the incident's number */
    String open(
            Outage outage,
            MonitoredService service,
            ProbeTarget target,
            Instant at,
            String lastDetail,
            String sourceKey) {
        ServiceKind kind = service.carries().stream().sorted().findFirst().orElse(ServiceKind.HOSTED_PBX);
        Customer platform = new Customer(
                service.key(),
                VIOMS,
                service.name(),
                SlaLevel.A,
                List.of(new ServiceRef(kind.wireName(), kind, service.name())),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Set.of(),
                Set.of(),
                Set.of());
        String subject = service.name() + " onbereikbaar (monitoring " + target.id() + ")";
        String text = "Monitoring: " + target.address() + " faalt sinds " + Amsterdam.iso(outage.start())
                + " (5x op rij bevestigd " + Amsterdam.iso(outage.confirmedAt()) + "). Laatste resultaat: "
                + lastDetail;
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.MONITORING,
                at,
                "monitoring:" + target.id(),
                subject,
                text,
                "P1",
                null,
                "probe:" + target.id(),
                "monitoring:probe",
                // issue 19: the P1 of a confirmed platform outage is its major incident (R21)
                Map.of(
                        TicketLifecycle.MAJOR_SERVICE,
                        service.key(),
                        MajorIncidentData.SERVICE_NAME,
                        service.name(),
                        MajorIncidentData.CARRIES,
                        MajorIncidentData.carries(service.carries())));
        return tickets.open(report, platform, sourceKey).ticket().number();
    }

    /** Notes on the incident that the target passes again (and the outage's span, when one closed). */
    void noteUp(String number, Outage closed, String targetId, Instant at) {
        String text = closed == null
                ? "Monitoring: " + targetId + " slaagt weer vanaf " + Amsterdam.iso(at) + "."
                : "Monitoring: " + targetId + " slaagt weer vanaf " + Amsterdam.iso(at) + "; storing "
                        + Amsterdam.iso(closed.start()) + " - " + Amsterdam.iso(closed.end()) + " ("
                        + Duration.between(closed.start(), closed.end()).toMinutes() + " min) gesloten.";
        tickets.record(
                number,
                new TicketEvent(
                        "monitoring-up-" + targetId + "-" + Attr.sortable(at),
                        EventKind.NOTE,
                        at,
                        "monitoring:probe",
                        "probe:" + targetId,
                        Map.of("text", text)));
    }

    static String sourceKey(Outage outage) {
        return "monitoring#" + outage.targetId() + "#" + Attr.sortable(outage.start());
    }
}
