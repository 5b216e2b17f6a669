package nl.vioms.sladesk.app.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.directory.InMemoryDirectoryStore;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

/** Maintenance announcements (R19, R21): who is told, and a late notice says it is late. */
class MaintenanceMailTest {
    private static final Customer BAKERY =
            customer("bakkerij", "telnet", ServiceKind.HOSTED_PBX, "jan@bakkerij.nl", "nl");
    private static final Customer HOTEL = customer("hotel", "telnet", ServiceKind.SIP_TRUNK, "receptie@hotel.nl", "en");
    private static final Customer DENTIST =
            customer("tandarts", "belwinkel", ServiceKind.HOSTED_PBX, "info@smit.nl", "nl");

    private final MailPlanner planner = new MailPlanner(
            new InMemoryDirectoryStore()
                    .put(BAKERY)
                    .put(HOTEL)
                    .put(DENTIST)
                    .put(new Reseller("telnet", "TelNet", Set.of("desk@telnet.nl")))
                    .put(new Reseller("belwinkel", "De Belwinkel", Set.of("support@belwinkel.nl"))),
            new TicketClocks(PolicyLoader.loadDefault()),
            new MailSettings("support@vioms.nl", "088 555 0199", "https://sladesk.example"));

    /** As the monitoring repository refers to the window (service, start, id). */
    private static final String REF = "platform:hosted-voice|2026-12-06T19:00:00Z|mw-1";

    /** The hosted-voice platform carries hosted PBXs, not SIP trunks (R21). */
    private final MonitoredService platform =
            MonitoredService.platform("hosted-voice", "Hosted voice platform", Set.of(ServiceKind.HOSTED_PBX));

    /** Sun 6 Dec 2026 20:00-22:00 Amsterdam (UTC+1). */
    private final MaintenanceWindow window = new MaintenanceWindow(
            "mw-1",
            platform.key(),
            MaintenanceKind.PLANNED,
            new Interval(Instant.parse("2026-12-06T19:00:00Z"), Instant.parse("2026-12-06T21:00:00Z")),
            Instant.parse("2026-12-04T12:00:00Z"),
            "Software-update van de SBC's",
            false,
            null);

    @Test
    void everyContactOfTheTouchedCustomersAndTheirResellersIsToldOnce() {
        // Fri 4 Dec 13:00 Amsterdam: more than 24 h ahead
        List<OutboundMail> mails = planner.maintenance(window, REF, platform, Instant.parse("2026-12-04T12:00:00Z"));

        Map<String, OutboundMail> byAddress =
                mails.stream().collect(Collectors.toMap(OutboundMail::to, Function.identity()));
        // the hotel's SIP trunk is not carried by the platform: neither the hotel nor only for it telnet
        assertEquals(
                Set.of("jan@bakkerij.nl", "desk@telnet.nl", "info@smit.nl", "support@belwinkel.nl"),
                byAddress.keySet());
        OutboundMail bakery = byAddress.get("jan@bakkerij.nl");
        assertEquals(MailKind.MAINTENANCE, bakery.kind());
        assertEquals(REF, bakery.window());
        assertEquals(4, bakery.windowMails());
        assertEquals(null, bakery.ticket());
        assertEquals(
                "Aankondiging onderhoud: Hosted voice platform, zondag 6 december 2026 om 20:00", bakery.subject());
        assertTrue(bakery.text().contains("Tot: zondag 6 december 2026 om 22:00"), bakery.text());
        assertTrue(bakery.text().contains("> Software-update van de SBC's"), bakery.text());
        assertFalse(bakery.text().contains("spoedonderhoud"), bakery.text());
        // the reseller sees which of its customers' services
        assertTrue(
                byAddress.get("desk@telnet.nl").text().contains("bakkerij: PBX"),
                byAddress.get("desk@telnet.nl").text());
        // one outbox id per recipient, stable for the same window
        assertEquals(4, mails.stream().map(MailPlanner::outboxId).distinct().count());
        assertEquals(
                mails.stream().map(MailPlanner::outboxId).toList(),
                planner.maintenance(window, REF, platform, Instant.parse("2026-12-04T13:00:00Z")).stream()
                        .map(MailPlanner::outboxId)
                        .toList());
    }

    @Test
    void aNoticeLessThan24HoursAheadSaysItCountsAsEmergencyMaintenance() {
        // Sun 6 Dec 08:00 Amsterdam: 12 h before 20:00 (R19's notice is 24 h)
        List<OutboundMail> mails = planner.maintenance(window, REF, platform, Instant.parse("2026-12-06T07:00:00Z"));

        assertTrue(
                mails.get(0).text().contains("minder dan 24 uur voor aanvang"),
                mails.get(0).text());
        assertTrue(
                mails.get(0).text().contains("spoedonderhoud (R19)"),
                mails.get(0).text());
    }

    private static Customer customer(String id, String reseller, ServiceKind kind, String address, String language) {
        return new Customer(
                id,
                reseller,
                id,
                SlaLevel.N,
                List.of(new ServiceRef("svc", kind, kind == ServiceKind.HOSTED_PBX ? "PBX" : "Trunk")),
                new BigDecimal("100.00"),
                new BigDecimal("0.00"),
                Set.of(address),
                Set.of(),
                Set.of(),
                language);
    }
}
