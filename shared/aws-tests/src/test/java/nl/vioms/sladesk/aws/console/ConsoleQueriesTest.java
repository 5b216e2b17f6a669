package nl.vioms.sladesk.aws.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access patterns the console's operations pages added (docs/data-model.md): a target's last
 * check, month-end's runs, escalations by state with their failed attempts, on the emulators.
 */
@ExtendWith(AwsEmulators.class)
class ConsoleQueriesTest {
    private static ProbeRepository probes;
    private static ReportsRepository reports;
    private static OutboxRepository outbox;

    @BeforeAll
    static void setUp(LocalAws aws) {
        Environment env = aws.environmentOf("ConsoleFunction");
        probes = new ProbeRepository(aws.clients().dynamo(), env.require(EnvVar.MONITORING_TABLE));
        reports = new ReportsRepository(aws.clients().dynamo(), env.require(EnvVar.REPORTS_TABLE));
        outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
    }

    @Test
    void aTargetsLastCheckIsItsNewestAndNotItsStreak() {
        String target = "t-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-12-04T10:00:00Z");
        assertTrue(probes.lastCheck(target).isEmpty(), "never checked");
        probes.putCheck(CheckResult.passed(target, first, Duration.ofMillis(9), "SIP 200 OK"));
        probes.putCheck(CheckResult.failed(target, first.plusSeconds(60), null, "timeout after 2000 ms"));
        probes.saveStreak(
                new StreakState(target, first.plusSeconds(60), 1, first.plusSeconds(60), false, null, null, null, 0));

        CheckResult last = probes.lastCheck(target).orElseThrow();

        assertEquals(first.plusSeconds(60), last.at());
        assertEquals(CheckResult.Status.FAILED, last.status());
    }

    @Test
    void runsAreListedNewestFirst() {
        reports.putRun(YearMonth.of(2026, 10), Instant.parse("2026-11-01T00:09:00Z"), 3);
        reports.putRun(YearMonth.of(2026, 11), Instant.parse("2026-12-01T00:07:00Z"), 4);

        List<ReportsRepository.MonthRun> runs = reports.runs();

        int november = runs.indexOf(
                new ReportsRepository.MonthRun(YearMonth.of(2026, 11), Instant.parse("2026-12-01T00:07:00Z"), 4));
        int october = runs.indexOf(
                new ReportsRepository.MonthRun(YearMonth.of(2026, 10), Instant.parse("2026-11-01T00:09:00Z"), 3));
        assertTrue(november >= 0 && october > november, runs.toString());
    }

    @Test
    void aFailedAttemptIsRecordedAndListedByStateWithoutMail() {
        String id = "VIO-2026-" + UUID.randomUUID() + "#p1-escalation";
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        outbox.add(
                OutboxMessage.pending(id, OutboxMessage.Topic.ESCALATIONS, Map.of("kind", "p1-escalation"), "{}", at));
        String mailId = "mail-" + UUID.randomUUID();
        OutboundMail mail = new OutboundMail(
                MailKind.RESPONSE,
                "VIO-2026-000001",
                null,
                0,
                null,
                "klant@example.nl",
                "nl",
                "Onderwerp",
                "tekst",
                "<p>tekst</p>",
                "<" + mailId + "@sladesk.vioms.nl>",
                null,
                List.of());
        outbox.add(OutboxMessage.pending(mailId, OutboxMessage.Topic.MAIL, Map.of(), mail.toJson(), at));
        outbox.recordFailure(mailId, "not an escalation, but failing", at.plusSeconds(1));

        assertTrue(outbox.recordFailure(id, "Topic does not exist", at.plusSeconds(1)));
        assertTrue(outbox.recordFailure(id, "Rate exceeded", at.plusSeconds(61)));

        var failed = outbox.deliveries(DeliveryState.FAILED, 500);
        var mine = failed.stream()
                .filter(d -> d.message().id().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(2, mine.attempts());
        assertEquals("Rate exceeded", mine.lastError());
        assertEquals(at.plusSeconds(61), mine.failedAt());
        assertTrue(failed.stream().noneMatch(d -> d.message().topic() == OutboxMessage.Topic.MAIL));
        assertTrue(outbox.markDelivered(id, "sns-1", at.plusSeconds(120)), "a retry may still deliver it");
        assertFalse(outbox.recordFailure(id, "late", at.plusSeconds(121)), "delivered: no failure recorded");
    }
}
