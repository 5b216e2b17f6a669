package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.SesMailStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, R19: {@code ./sladesk maintenance add --announce} mails every contact of the customers
 * the window touches and their resellers, through the outbox and the mailer, and the window's
 * announcement instant becomes the instant SES accepted the last of those mails. Announcing the
 * same window again mails nobody twice.
 */
@ExtendWith(AwsEmulators.class)
class MaintenanceAnnounceTest {
    @Test
    void anAnnouncedWindowIsMailedOnceToEveryoneItTouchesAndDatedByTheLastAcceptedMail(
            LocalAws aws, @TempDir Path state) throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        aws.seed("demo");
        var monitoring =
                new MonitoringRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"));
        MonitoredService platform = monitoring.services().stream()
                .filter(s -> s.key().equals("platform:hosted-voice"))
                .findFirst()
                .orElseThrow();
        String id = "mw-" + UUID.randomUUID();
        // Sun 13 Dec 2026 20:00-23:00 Amsterdam (UTC+1), announced on Thu 10 Dec
        MaintenanceWindow window = new MaintenanceWindow(
                id,
                platform.key(),
                MaintenanceKind.PLANNED,
                new Interval(Instant.parse("2026-12-13T19:00:00Z"), Instant.parse("2026-12-13T22:00:00Z")),
                Instant.parse("2026-12-10T09:00:00Z"),
                "SBC-firmware",
                false,
                null);
        monitoring.putMaintenance(window);

        int written = MaintenanceCommand.announce(aws, window, platform);
        assertEquals(0, MaintenanceCommand.announce(aws, window, platform), "announced again: no new mail");

        // the demo's hosted PBXs (bakery, hotel, dentist) ride on the platform: their addresses and
        // the two resellers' desks
        assertEquals(5, written);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-10T09:05:00Z"));
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);
        try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, state)) {
            runtime.drain();
        }
        for (String to : List.of(
                "jan@bakkerij-devries.nl",
                "receptie@goudenleeuw.nl",
                "info@tandartssmit.nl",
                "servicedesk@telnet-partners.nl",
                "support@debelwinkel.nl")) {
            assertTrue(
                    SesMailStore.to(aws.mailEndpoint(), to).stream()
                            .anyMatch(m -> m.subject()
                                    .equals("Aankondiging onderhoud: " + platform.name()
                                            + ", zondag 13 december 2026 om 20:00")),
                    to);
        }
        var outbox =
                new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
        var mails = outbox.mailsOf("maintenance#" + MonitoringRepository.windowRef(window));
        assertEquals(5, mails.size());
        mails.forEach(m -> assertEquals(DeliveryState.DELIVERED, m.message().state()));
        // the window is dated by SES's acceptance (the runtime's clock), no longer by the command
        MaintenanceWindow stored = monitoring
                .maintenanceAt(platform.key(), window.window().start())
                .stream()
                .filter(w -> w.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(clock.instant(), stored.announcedAt());
    }
}
