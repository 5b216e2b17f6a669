package nl.vioms.sladesk.aws.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.core.availability.Exclusion;
import nl.vioms.sladesk.core.availability.ExclusionKind;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The monitoring record on the real table from template.yaml: what one month's query returns. */
@ExtendWith(AwsEmulators.class)
class MonitoringRepositoryTest {
    // November 2026 in Amsterdam (CET, +01:00): 2026-10-31T23:00Z .. 2026-11-30T23:00Z
    private static final Interval NOVEMBER = span("2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z");
    private static MonitoringRepository monitoring;

    @BeforeAll
    static void setUp(LocalAws aws) {
        String table = aws.environmentOf("ProbeFunction").require(EnvVar.MONITORING_TABLE);
        monitoring = new MonitoringRepository(aws.clients().dynamo(), table);
    }

    private static Interval span(String from, String to) {
        return new Interval(Instant.parse(from), Instant.parse(to));
    }

    private static Outage outage(String service, String start, String end) {
        Instant s = Instant.parse(start);
        return new Outage(service, "sbc-1", s, s.plusSeconds(240), end == null ? null : Instant.parse(end), null);
    }

    @Test
    void aMonthReadsWhatOverlapsItAndNothingThatOnlyTouchesIt() {
        String key = "platform:overlap";
        // ends at the month's start: out; crosses into it: in; starts 1 s before the end: in;
        // starts at the end: out; open since June: in
        monitoring.putOutage(outage(key, "2026-10-31T22:00:00Z", "2026-10-31T23:00:00Z"));
        monitoring.putOutage(outage(key, "2026-10-31T22:30:00Z", "2026-10-31T23:10:00Z"));
        monitoring.putOutage(outage(key, "2026-11-30T22:59:59Z", "2026-11-30T23:30:00Z"));
        monitoring.putOutage(outage(key, "2026-11-30T23:00:00Z", "2026-11-30T23:30:00Z"));
        monitoring.putOutage(outage(key, "2026-06-01T10:00:00Z", null));

        MonitoringRecords read = monitoring.records(key, NOVEMBER);

        assertEquals(
                List.of(
                        Instant.parse("2026-06-01T10:00:00Z"),
                        Instant.parse("2026-10-31T22:30:00Z"),
                        Instant.parse("2026-11-30T22:59:59Z")),
                read.outages().stream().map(Outage::start).toList());
        assertNull(read.outages().get(0).end());
        // 4 of the 5 are read: the key range already leaves out the one starting at the month's end
        assertEquals(4, read.itemsRead(), "one query reads the candidates; overlap is decided on the values");
    }

    @Test
    void everyKindOfRecordComesBackAsWritten() {
        String key = MonitoredService.customerKey("hotel-gouden-leeuw", "trunk");
        Interval night = new Interval(Instant.parse("2026-11-15T19:00:00Z"), Instant.parse("2026-11-15T23:00:00Z"));
        MaintenanceWindow planned = new MaintenanceWindow(
                "mw-1",
                key,
                MaintenanceKind.PLANNED,
                night,
                Instant.parse("2026-11-12T09:00:00Z"),
                "SBC firmware",
                false,
                null);
        MaintenanceWindow emergency = new MaintenanceWindow(
                "mw-2",
                key,
                MaintenanceKind.EMERGENCY,
                new Interval(Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:30:00Z")),
                null,
                "disk replaced",
                true,
                "agreed with the customer");
        UnknownSpan gap =
                new UnknownSpan(key, span("2026-11-03T02:00:00Z", "2026-11-03T02:07:00Z"), "probe did not run");
        ServiceExclusion ddos = new ServiceExclusion(
                "fm-1",
                key,
                new Exclusion(
                        span("2026-11-25T12:00:00Z", "2026-11-25T13:00:00Z"),
                        ExclusionKind.FORCE_MAJEURE,
                        "DDoS attack"));
        Outage linked =
                outage(key, "2026-11-10T09:00:00Z", "2026-11-10T09:17:00Z").withIncident("VIO-2026-000042");
        monitoring.putMaintenance(planned);
        monitoring.putMaintenance(emergency);
        monitoring.putMaintenance(emergency); // the same id again replaces, it does not add
        monitoring.putUnknown(gap);
        monitoring.putExclusion(ddos);
        monitoring.putOutage(linked);

        MonitoringRecords read = monitoring.records(key, NOVEMBER);

        assertEquals(List.of(planned, emergency), read.maintenance());
        assertEquals(List.of(gap), read.unknown());
        assertEquals(List.of(ddos), read.exclusions());
        assertEquals(List.of(linked), read.outages());
        MonitoringRecords december = monitoring.records(
                key, new Interval(NOVEMBER.end(), NOVEMBER.end().plusSeconds(86_400)));
        assertTrue(
                december.outages().isEmpty()
                        && december.maintenance().isEmpty()
                        && december.unknown().isEmpty()
                        && december.exclusions().isEmpty(),
                "nothing of November overlaps December 1st: " + december);
    }

    @Test
    void servicesListPlatformAndCustomerServicesWithWhatTheyAffect() {
        MonitoredService platform =
                MonitoredService.platform("hosted-voice", "Hosted voice platform", Set.of(ServiceKind.HOSTED_PBX));
        ServiceRef trunk = new ServiceRef("trunk", ServiceKind.SIP_TRUNK, "SIP trunk 30 kanalen");
        MonitoredService own = MonitoredService.ofCustomer("hotel-gouden-leeuw", trunk);
        monitoring.putService(platform);
        monitoring.putService(own);

        List<MonitoredService> services = monitoring.services();

        assertTrue(services.containsAll(List.of(platform, own)), services.toString());
        ServiceRef pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX");
        assertTrue(platform.affects("bakkerij-devries", pbx), "the platform carries every hosted PBX (R21)");
        assertTrue(
                !platform.affects("hotel-gouden-leeuw", trunk),
                "a SIP trunk is not carried by the hosted-voice platform");
        assertTrue(own.affects("hotel-gouden-leeuw", trunk));
        assertTrue(!own.affects("tandarts-smit", trunk), "another customer's trunk of the same id is not this one");
    }
}
