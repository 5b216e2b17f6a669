package nl.vioms.sladesk.console.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthVersion;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.ConsoleServer;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The monitoring, escalations and month-end pages in headless Chromium (issue 17): axe-core finds
 * no serious or critical violation at 1280 and 390 px, the strict policy blocks nothing the pages
 * need (no console errors), screenshots land in target/screenshots, and a redrive is a real click.
 */
@ExtendWith(AwsEmulators.class)
class OperationsPagesBrowserTest {
    /** Fri 4 Dec 2026 14:12 in Amsterdam (UTC+1). */
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final List<String> PAGES = List.of(
            "/console/monitoring",
            "/console/escalations",
            "/console/month-end?maand=2026-11",
            "/console/month-end/2026-11/rerun");

    private static Services services;

    @BeforeAll
    static void seed(LocalAws aws) {
        aws.seed("demo");
        services = new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), new MutableClock(NOW));
        MonitoredService service = MonitoredService.platform("browser-proef", "Proefplatform Browser", Set.of());
        services.monitoring().putService(service);
        services.probeRepository()
                .putTarget(ProbeTarget.sip("browser-sbc", service.key(), "sbc.vioms.test", 5060, null, null, null));
        services.probeRepository()
                .putCheck(CheckResult.passed(
                        "browser-sbc", Instant.parse("2026-12-04T13:11:00Z"), Duration.ofMillis(14), "SIP 200 OK"));
        String id = "VIO-2026-004242#p1-escalation";
        services.outbox()
                .add(OutboxMessage.pending(
                        id,
                        OutboxMessage.Topic.ESCALATIONS,
                        Map.of("kind", "p1-escalation", "ticketNumber", "VIO-2026-004242"),
                        "{}",
                        Instant.parse("2026-12-04T13:00:00Z")));
        services.outbox().recordFailure(id, "Topic does not exist", Instant.parse("2026-12-04T13:00:01Z"));
        YearMonth november = YearMonth.of(2026, 11);
        services.reports().putRun(november, Instant.parse("2026-12-01T00:07:00Z"), 1);
        services.reports()
                .putVersion(new MonthVersion(
                        "tandarts-smit",
                        november,
                        1,
                        "hash",
                        Instant.parse("2026-12-01T00:06:00Z"),
                        "policy",
                        "calendar",
                        new TreeMap<>(Map.of(
                                "service.pbx.availability", "99.9120",
                                "service.pbx.kpiMet", "true",
                                "credit.basis", "pbx",
                                "credit.amount", "0.00")),
                        List.of(),
                        "{}",
                        Map.of()));
        services.reports()
                .putSummary(new MonthSummary(
                        "tandarts-smit",
                        november,
                        1,
                        "hash",
                        Instant.parse("2026-12-01T00:06:00Z"),
                        List.of(new ServiceFigure(
                                "pbx",
                                new BigDecimal("43200"),
                                new BigDecimal("38.016"),
                                new BigDecimal("99.912"),
                                new BigDecimal("99.5"))),
                        "pbx",
                        BigDecimal.ZERO,
                        new BigDecimal("0.00")));
    }

    @Test
    void thePagesPassAxeAtBothWidthsWithoutConsoleErrors() throws Exception {
        try (ConsoleServer server = ConsoleServer.start(new ConsoleApp(services, new TestLogin()));
                WebBrowser browser = WebBrowser.startOrSkip()) {
            server.logIn(browser, Site.CONSOLE, TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS));
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 900);
                for (String page : PAGES) {
                    browser.open(server.base().resolve(page));
                    assertTrue(browser.title().endsWith("· SLA Desk"), page + ": " + browser.title());
                    assertEquals(List.of(), browser.axe().seriousOrCritical(), page + " at " + width + " px");
                    // the browser's own favicon request: the layout names no icon (not these pages' business)
                    List<String> errors = browser.pageErrors();
                    assertEquals(List.of(), errors, page + " at " + width + " px");
                    Path shot = browser.screenshot(SHOTS, name(page) + "-" + width);
                    assertTrue(Files.size(shot) > 1000);
                }
            }
        }
    }

    @Test
    void aFailedEscalationIsRedrivenWithARealClick() throws Exception {
        try (ConsoleServer server = ConsoleServer.start(new ConsoleApp(services, new TestLogin()));
                WebBrowser browser = WebBrowser.startOrSkip()) {
            server.logIn(browser, Site.CONSOLE, TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS));
            browser.open(server.base().resolve("/console/escalations?state=failed"));
            assertTrue(browser.text().contains("VIO-2026-004242"), browser.text());

            // this message's button (other tests of the module leave failed messages too)
            browser.click(By.xpath("//form[input[@name='id' and @value='VIO-2026-004242#p1-escalation']]//button"));
            browser.waitForUrl("gedaan=opnieuw");

            assertTrue(browser.text().contains("Opnieuw aangeboden"), browser.text());
            // the browser's form passed the router's CSRF checks (token and Origin) with its own headers
            assertEquals(
                    1,
                    services.outbox()
                            .delivery("VIO-2026-004242#p1-escalation")
                            .orElseThrow()
                            .redrives());
        }
    }

    private static String name(String page) {
        return page.replaceAll("^/console/", "").replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }
}
