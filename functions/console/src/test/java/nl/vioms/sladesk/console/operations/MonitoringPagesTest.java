package nl.vioms.sladesk.console.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.ConsolePages;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monitoring page (issue 17, page 3) on the emulators with stored targets, streaks and checks:
 * what operations see (service names, Amsterdam times, RTT, R20 streaks, R22 degraded), and the
 * maintenance forms with R19's 24-hour notice.
 */
@ExtendWith(AwsEmulators.class)
class MonitoringPagesTest {
    /** Fri 4 Dec 2026 14:12 in Amsterdam (UTC+1). */
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    private static final String OPS = "ops@vioms.demo";
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final MonitoredService SERVICE =
            MonitoredService.platform("console-proef", "Proefplatform Console", Set.of());

    private static Services services;
    private static ConsolePages pages;

    @BeforeAll
    static void seed(LocalAws aws) {
        aws.seed("demo");
        services = new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), CLOCK);
        pages = new ConsolePages(new ConsoleApp(services, new TestLogin())::handle);
        services.monitoring().putService(SERVICE);
        var probes = services.probeRepository();
        // sbc-a: passed twice, the last one slow (31 ms > 25 ms: degraded, R22)
        probes.putTarget(ProbeTarget.sip("proef-sbc-a", SERVICE.key(), "sbc-a.vioms.test", 5060, null, null, null));
        probes.putCheck(CheckResult.passed(
                "proef-sbc-a", Instant.parse("2026-12-04T13:10:00Z"), Duration.ofMillis(12), "SIP 200 OK"));
        probes.putCheck(CheckResult.passed(
                "proef-sbc-a", Instant.parse("2026-12-04T13:11:00Z"), Duration.ofMillis(31), "SIP 200 OK"));
        // sbc-b: 3 failed checks 13:09, 13:10, 13:11: notified (R20), no outage yet
        probes.putTarget(ProbeTarget.sip("proef-sbc-b", SERVICE.key(), "sbc-b.vioms.test", 5060, null, null, null));
        probes.putCheck(CheckResult.failed(
                "proef-sbc-b", Instant.parse("2026-12-04T13:11:00Z"), null, "timeout after 2000 ms"));
        probes.saveStreak(new StreakState(
                "proef-sbc-b",
                Instant.parse("2026-12-04T13:11:00Z"),
                3,
                Instant.parse("2026-12-04T13:09:00Z"),
                true,
                null,
                null,
                null,
                0));
        // sbc-c: failing each minute from 13:06; the 5th failure (13:10) confirmed the outage (R20)
        probes.putTarget(ProbeTarget.tcp("proef-sbc-c", SERVICE.key(), "sbc-c.vioms.test", 5061, null));
        probes.saveStreak(new StreakState(
                "proef-sbc-c",
                Instant.parse("2026-12-04T13:11:00Z"),
                6,
                Instant.parse("2026-12-04T13:06:00Z"),
                true,
                Instant.parse("2026-12-04T13:06:00Z"),
                Instant.parse("2026-12-04T13:10:00Z"),
                null,
                0));
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    @Test
    void everyTargetShowsItsServiceNameLastCheckRttAndStreak() {
        WebResponse response = pages.get("/console/monitoring", OPS, Role.OPERATIONS);

        assertEquals(200, response.statusCode());
        Document page = ConsolePages.html(response);
        Element a = row(page, "proef-sbc-a");
        assertEquals("Proefplatform Console", a.selectFirst("th").text());
        // the later of the two checks, 13:11Z = 14:11 in Amsterdam, 31 ms: degraded (R22)
        assertEquals("vr 4 dec 14:11", a.select("td").get(2).text());
        assertEquals("traag (boven 25 ms)", a.select("td").get(3).text());
        assertEquals("31 ms", a.select("td").get(4).text());
        assertEquals("geen", a.select("td").get(5).text());

        Element b = row(page, "proef-sbc-b");
        assertEquals("mislukt: timeout after 2000 ms", b.select("td").get(3).text());
        assertEquals("–", b.select("td").get(4).text(), "no reply, no RTT");
        assertEquals("3 mislukt · gemeld", b.select("td").get(5).text(), "R20: notified at 3");

        Element c = row(page, "proef-sbc-c");
        assertEquals("nog niet gecontroleerd", c.select("td").get(2).text(), "no check kept for sbc-c");
        assertEquals("6 mislukt · storing", c.select("td").get(5).text(), "R20: an outage from 5");
        assertEquals("60", page.getElementById("doelen").attr("data-refresh"), "refreshes itself every minute");
    }

    @Test
    void anOpenOutageShowsSinceConfirmedAndHowLongItLasts() {
        Document page = ConsolePages.html(pages.get("/console/monitoring", OPS, Role.OPERATIONS));

        Element outage = page.select("section[aria-labelledby=storingen-kop] tbody tr").stream()
                .filter(tr -> tr.text().contains("proef-sbc-c"))
                .findFirst()
                .orElseThrow();
        // since 13:06Z = 14:06, confirmed at the 5th failure 13:10Z = 14:10; now 14:12: 6 minutes
        assertEquals(
                List.of("proef-sbc-c", "vr 4 dec 14:06", "vr 4 dec 14:10", "6 min"),
                outage.select("td").eachText());
        assertEquals("Proefplatform Console", outage.selectFirst("th").text());
    }

    @Test
    void theTargetsTableAloneIsAnsweredToTheRefresh() {
        var partial = pages.getPartial("/console/monitoring", OPS, Role.OPERATIONS);

        assertEquals(200, partial.statusCode());
        assertTrue(partial.body().strip().startsWith("<section id=\"doelen\""), partial.body());
    }

    @Test
    void maintenanceAnnouncedLessThan24HoursAheadIsStoredOnlyAfterTheOperatorConfirms() {
        // Sat 5 Dec 10:00-12:00 Amsterdam; now Fri 14:12: 19 h 48 min ahead, less than R19's 24 h
        Map<String, String> form = Map.of(
                "service", SERVICE.key(), "from", "2026-12-05T10:00", "to", "2026-12-05T12:00", "reason", "SBC-update");

        WebResponse warned = pages.post("/console/monitoring/maintenance", form, OPS, Role.OPERATIONS);

        assertEquals(200, warned.statusCode());
        Document page = ConsolePages.html(warned);
        String warning = page.selectFirst("section[aria-labelledby=plannen-kop] .notice.warn")
                .text();
        assertTrue(warning.contains("over 19 u 48 min"), warning);
        assertTrue(warning.contains("minder dan 24 uur"), warning);
        assertTrue(warning.contains("spoedonderhoud"), warning);
        assertEquals("ja", page.selectFirst("input[name=confirm]").val());
        assertTrue(windowsOn("2026-12-05").isEmpty(), "nothing stored before the confirmation");

        var confirmed = new HashMap<>(form);
        confirmed.put("confirm", "ja");
        WebResponse stored = pages.post("/console/monitoring/maintenance", confirmed, OPS, Role.OPERATIONS);

        assertEquals(303, stored.statusCode());
        List<MaintenanceWindow> windows = windowsOn("2026-12-05");
        assertEquals(1, windows.size());
        MaintenanceWindow w = windows.get(0);
        assertEquals(MaintenanceKind.PLANNED, w.kind());
        // 10:00 Amsterdam = 09:00Z; announced now
        assertEquals(Instant.parse("2026-12-05T09:00:00Z"), w.window().start());
        assertEquals(NOW, w.announcedAt());
        assertEquals("SBC-update", w.reason());
        Element listed = ConsolePages.html(pages.get("/console/monitoring", OPS, Role.OPERATIONS))
                .select("section[aria-labelledby=onderhoud-kop] tbody tr")
                .stream()
                .filter(tr -> tr.text().contains("SBC-update"))
                .findFirst()
                .orElseThrow();
        assertTrue(listed.text().contains("telt als spoedonderhoud"), listed.text());
        assertTrue(listed.text().contains("za 5 dec 10:00"), listed.text());
    }

    @Test
    void maintenanceAnnouncedInTimeIsStoredAtOnceWithoutWarning() {
        // Thu 10 Dec 01:00-03:00 Amsterdam: 5 days ahead
        WebResponse response = pages.post(
                "/console/monitoring/maintenance",
                Map.of(
                        "service",
                        SERVICE.key(),
                        "from",
                        "2026-12-10T01:00",
                        "to",
                        "2026-12-10T03:00",
                        "reason",
                        "kern"),
                OPS,
                Role.OPERATIONS);

        assertEquals(303, response.statusCode());
        assertEquals(1, windowsOn("2026-12-10").size());
    }

    @Test
    void badInputIsA400PageAndNothingIsStored() {
        WebResponse backwards = pages.post(
                "/console/monitoring/maintenance",
                Map.of("service", SERVICE.key(), "from", "2026-12-12T03:00", "to", "2026-12-12T01:00", "reason", "x"),
                OPS,
                Role.OPERATIONS);
        WebResponse unknown = pages.post(
                "/console/monitoring/maintenance",
                Map.of(
                        "service",
                        "platform:bestaat-niet",
                        "from",
                        "2026-12-12T01:00",
                        "to",
                        "2026-12-12T03:00",
                        "reason",
                        "x"),
                OPS,
                Role.OPERATIONS);
        WebResponse unreadable = pages.post(
                "/console/monitoring/emergency",
                Map.of("service", SERVICE.key(), "from", "morgen", "to", "2026-12-12T03:00", "reason", "x"),
                OPS,
                Role.OPERATIONS);

        assertEquals(400, backwards.statusCode());
        assertTrue(ConsolePages.html(backwards).text().contains("Het einde (tot) moet na het begin (van) liggen."));
        assertEquals(400, unknown.statusCode());
        assertTrue(ConsolePages.html(unknown).text().contains("Die dienst wordt niet bewaakt"));
        assertEquals(400, unreadable.statusCode());
        assertTrue(windowsOn("2026-12-12").isEmpty());
    }

    @Test
    void anEmergencyIsRecordedWithItsReasonAndExclusion() {
        WebResponse response = pages.post(
                "/console/monitoring/emergency",
                Map.of(
                        "service",
                        SERVICE.key(),
                        "from",
                        "2026-12-03T22:00",
                        "to",
                        "2026-12-03T23:30",
                        "reason",
                        "stroomstoring datacenter",
                        "excludedBecause",
                        "overmacht"),
                OPS,
                Role.OPERATIONS);

        assertEquals(303, response.statusCode());
        MaintenanceWindow w = windowsOn("2026-12-03").get(0);
        assertEquals(MaintenanceKind.EMERGENCY, w.kind());
        assertTrue(w.excluded());
        assertEquals("overmacht", w.exclusionReason());
    }

    @Test
    void anAnnouncementIsMailedOnceHoweverOftenItIsAsked() {
        MonitoredService voice = services.monitoring().services().stream()
                .filter(s -> s.key().equals("platform:hosted-voice"))
                .findFirst()
                .orElseThrow();
        // Sun 13 Dec 20:00-23:00 Amsterdam, planned now
        pages.post(
                "/console/monitoring/maintenance",
                Map.of("service", voice.key(), "from", "2026-12-13T20:00", "to", "2026-12-13T23:00", "reason", "SBC"),
                OPS,
                Role.OPERATIONS);
        MaintenanceWindow window = services.monitoring()
                .records(
                        voice.key(),
                        new Interval(Instant.parse("2026-12-13T19:00:00Z"), Instant.parse("2026-12-13T19:00:01Z")))
                .maintenance()
                .get(0);
        Map<String, String> announce = Map.of(
                "service",
                voice.key(),
                "id",
                window.id(),
                "start",
                window.window().start().toString());

        WebResponse first = pages.post("/console/monitoring/maintenance/announce", announce, OPS, Role.OPERATIONS);
        WebResponse again = pages.post("/console/monitoring/maintenance/announce", announce, OPS, Role.OPERATIONS);

        // the demo's hosted PBXs (bakery, hotel, dentist) and the two resellers' desks, each once (other
        // tests of this module may add customers to the shared directory: at least these five)
        List<String> to = services.outbox().mailsOf("maintenance#" + MonitoringRepository.windowRef(window)).stream()
                .map(m -> OutboundMail.fromJson(m.message().body()).to())
                .toList();
        assertTrue(
                to.containsAll(List.of(
                        "jan@bakkerij-devries.nl",
                        "receptie@goudenleeuw.nl",
                        "info@tandartssmit.nl",
                        "servicedesk@telnet-partners.nl",
                        "support@debelwinkel.nl")),
                to.toString());
        assertEquals(to.size(), Set.copyOf(to).size(), "nobody twice");
        assertEquals(
                "/console/monitoring?gedaan=aangekondigd&mails=" + to.size(),
                first.headers().get("location"));
        assertEquals(
                "/console/monitoring?gedaan=aangekondigd&mails=0",
                again.headers().get("location"));
        String notice = ConsolePages.html(
                        pages.get("/console/monitoring?gedaan=aangekondigd&mails=5", OPS, Role.OPERATIONS))
                .selectFirst(".notice.ok")
                .text();
        assertEquals("De aankondiging gaat naar 5 adressen.", notice);
    }

    @Test
    void financeCannotOpenMonitoringNorPlanMaintenance() {
        assertEquals(
                403,
                pages.get("/console/monitoring", "fin@vioms.demo", Role.FINANCE).statusCode());
        WebResponse refused = pages.post(
                "/console/monitoring/maintenance",
                Map.of(
                        "service",
                        SERVICE.key(),
                        "from",
                        "2026-12-14T01:00",
                        "to",
                        "2026-12-14T03:00",
                        "reason",
                        "x",
                        "confirm",
                        "ja"),
                "fin@vioms.demo",
                Role.FINANCE);
        assertEquals(403, refused.statusCode());
        assertTrue(windowsOn("2026-12-14").isEmpty());
    }

    private static Element row(Document page, String target) {
        return page.select("#doelen tbody tr").stream()
                .filter(tr -> tr.select("td").size() > 1
                        && tr.select("td").get(0).text().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + target + " in " + page.select("#doelen")));
    }

    /** The windows of the test service starting on a day (Amsterdam). */
    private static List<MaintenanceWindow> windowsOn(String day) {
        Instant start = LocalDate.parse(day).atStartOfDay(Amsterdam.ZONE).toInstant();
        return services
                .monitoring()
                .records(SERVICE.key(), new Interval(start, start.plus(Duration.ofDays(1))))
                .maintenance()
                .stream()
                .filter(w -> !w.window().start().isBefore(start))
                .toList();
    }
}
