package nl.vioms.sladesk.slacheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sla-check's embedded metrics (issue 21) on the real handler against the emulators: the sweep's
 * heartbeat, warnings and breaches by level and checkpoint (with the total for the breach-rate
 * alarm), the P1s the second line has not acknowledged by their response deadline, and the
 * month-end dead man's switch. The emulator is shared with other tests, so lines are matched on
 * this test's tickets.
 */
@ExtendWith(AwsEmulators.class)
class SlaCheckMetricsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));
    private static LocalAws aws;
    private static Environment env;
    private static TicketService tickets;
    private static DirectoryRepository directory;

    @BeforeAll
    static void setUp(LocalAws emulators) {
        aws = emulators;
        Assumptions.assumeTrue(aws.supportsStreams(), "needs a DynamoDB emulator with transactions and streams");
        env = aws.environmentOf("SlaCheckFunction");
        directory =
                new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable"));
        aws.seed("demo");
        tickets = new TicketService(
                new TicketRepository(
                        aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE)),
                new TicketClocks(PolicyLoader.loadDefault()),
                new PriorityClassifier(),
                CLOCK,
                env.require(EnvVar.PUBLIC_BASE_URL));
    }

    @Test
    void everySweepEmitsItsHeartbeatAndTheUnacknowledgedCount() {
        List<Map<String, Object>> lines = sweepAt("2027-03-04T09:00:00Z");

        Map<String, Object> swept = one(lines, "sla-check.swept");
        assertEquals(1, swept.get("SlaSweepCompleted"));
        assertTrue(swept.get("P1Unacknowledged") instanceof Integer, swept.toString());
        assertEquals(
                List.of(Map.of(
                        "Namespace",
                        "SlaDesk",
                        "Dimensions",
                        List.of(List.of()),
                        "Metrics",
                        List.of(
                                Map.of("Name", "SlaSweepCompleted", "Unit", "Count"),
                                Map.of("Name", "P1Unacknowledged", "Unit", "Count")))),
                aws(swept).get("CloudWatchMetrics"));
        assertTrue(aws(swept).get("Timestamp") instanceof Number, "epoch milliseconds");
    }

    @Test
    void aBreachAndAWarningAreCountedByLevelAndCheckpointWithATotal() {
        // level N P1 by phone Tue 2 Mar 2027 10:00 Amsterdam: start work due 12:00, restore warning 16:00
        String number = open("bakkerij-devries", "2027-03-02T09:00:00Z", "P1");

        Map<String, Object> breach = checkpoint(sweepAt("2027-03-02T11:00:00Z"), number, "start-work-breach");
        assertEquals(1, breach.get("SlaBreaches"));
        assertEquals("N", breach.get("level"));
        assertEquals("start-work-breach", breach.get("checkpoint"));
        assertEquals(
                List.of(List.of("level", "checkpoint"), List.of()),
                directive(breach).get("Dimensions"));

        Map<String, Object> warning = checkpoint(sweepAt("2027-03-02T15:00:00Z"), number, "restore-warning");
        assertEquals(1, warning.get("SlaWarnings"));
        assertEquals("restore-warning", warning.get("checkpoint"));
        assertEquals(
                List.of(Map.of("Name", "SlaWarnings", "Unit", "Count")),
                directive(warning).get("Metrics"));
    }

    @Test
    void aP1EscalatedToTheSecondLineIsCountedUntilItIsAcknowledged() {
        // HA is 24x7: a P1 reaches the second line at creation (R17); response due 2 h later
        String number = open("hotel-gouden-leeuw", "2027-03-03T09:00:00Z", "P1");

        assertTrue(!unacknowledged(sweepAt("2027-03-03T10:59:00Z")).contains(number), "not due yet");
        List<Map<String, Object>> late = sweepAt("2027-03-03T11:01:00Z");
        assertTrue(unacknowledged(late).contains(number), "past the response deadline, not acknowledged");
        Map<String, Object> swept = one(late, "sla-check.swept");
        assertEquals(unacknowledged(late).size(), swept.get("P1Unacknowledged"));

        tickets.record(
                number,
                new TicketEvent(
                        "ack-1",
                        EventKind.SECOND_LINE_ACK,
                        Instant.parse("2027-03-03T11:02:00Z"),
                        "second-line:test",
                        "api",
                        Map.of()));
        assertTrue(!unacknowledged(sweepAt("2027-03-03T11:03:00Z")).contains(number), "acknowledged");
    }

    @Test
    void monthEndWithoutARunRecordByTwoOnTheFirstIsOverdueUntilItFinishes() {
        var reports = new ReportsRepository(aws.clients().dynamo(), env.require(EnvVar.REPORTS_TABLE));
        SlaCheckHandler handler = new SlaCheckHandler(env, aws.clients(), CLOCK);

        CLOCK.set(Instant.parse("2027-02-01T00:59:00Z")); // 01:59 Amsterdam: before the deadline
        assertTrue(lines(handler, "month-end.overdue").isEmpty());
        CLOCK.set(Instant.parse("2027-02-01T01:00:00Z")); // 02:00: January has no finished run
        Map<String, Object> overdue = lines(handler, "month-end.overdue").get(0);
        assertEquals(1, overdue.get("MonthEndOverdue"));
        assertEquals("2027-01", overdue.get("month"));
        assertEquals("ERROR", overdue.get("level"));

        reports.putRun(YearMonth.of(2027, 1), Instant.parse("2027-02-01T01:20:00Z"), 12);
        CLOCK.set(Instant.parse("2027-02-01T01:21:00Z"));
        assertTrue(lines(handler, "month-end.overdue").isEmpty(), "the run finished: the switch is quiet");
    }

    @Test
    void theMonthEndDeadlineIsTwoOClockOnTheFirstAmsterdamTimeInWinterAndSummer() {
        assertEquals(Optional.empty(), MonthEndWatch.due(Instant.parse("2027-02-01T00:59:59Z")));
        assertEquals(Optional.of(YearMonth.of(2027, 1)), MonthEndWatch.due(Instant.parse("2027-02-01T01:00:00Z")));
        assertEquals(Optional.empty(), MonthEndWatch.due(Instant.parse("2027-06-30T23:59:59Z")), "01:59 CEST");
        assertEquals(Optional.of(YearMonth.of(2027, 6)), MonthEndWatch.due(Instant.parse("2027-07-01T00:00:00Z")));
        assertEquals(Optional.of(YearMonth.of(2027, 6)), MonthEndWatch.due(Instant.parse("2027-07-03T21:59:00Z")));
        assertEquals(Optional.empty(), MonthEndWatch.due(Instant.parse("2027-07-03T22:00:00Z")), "the 4th");
        List<YearMonth> seen = new ArrayList<>();
        MonthEndWatch watch = new MonthEndWatch(month -> {
            seen.add(month);
            return Optional.of(Instant.EPOCH);
        });
        watch.check(Instant.parse("2027-07-01T00:00:00Z"));
        watch.check(Instant.parse("2027-07-01T00:01:00Z"));
        assertEquals(List.of(YearMonth.of(2027, 6)), seen, "once found, not read again");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Map<String, Object>> sweepAt(String now) {
        CLOCK.set(Instant.parse(now));
        var captured = LogCapture.capture(
                () -> LambdaInvoke.invoke(new SlaCheckHandler(env, aws.clients(), CLOCK), Map.of(), Map.class));
        return captured.lines();
    }

    private static List<Map<String, Object>> lines(SlaCheckHandler handler, String event) {
        return LogCapture.capture(() -> LambdaInvoke.invoke(handler, Map.of(), Map.class)).lines().stream()
                .filter(l -> event.equals(l.get("event")))
                .toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> lines, String event) {
        List<Map<String, Object>> found =
                lines.stream().filter(l -> event.equals(l.get("event"))).toList();
        assertEquals(1, found.size(), event + " in " + lines);
        return found.get(0);
    }

    private static Map<String, Object> checkpoint(List<Map<String, Object>> lines, String number, String checkpoint) {
        return lines.stream()
                .filter(l -> "ticket.checkpoint".equals(l.get("event"))
                        && number.equals(l.get("ticket"))
                        && checkpoint.equals(l.get("checkpoint")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no checkpoint of " + number + " in " + lines));
    }

    @SuppressWarnings("unchecked")
    private static List<String> unacknowledged(List<Map<String, Object>> lines) {
        return (List<String>) one(lines, "sla-check.swept").getOrDefault("unacknowledgedTickets", List.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> aws(Map<String, Object> line) {
        return (Map<String, Object>) line.get("_aws");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> directive(Map<String, Object> line) {
        return ((List<Map<String, Object>>) aws(line).get("CloudWatchMetrics")).get(0);
    }

    private static String open(String customerId, String at, String priority) {
        CLOCK.set(Instant.parse(at));
        var report = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                Instant.parse(at),
                "+31201234567",
                "Niemand kan bellen",
                "Niemand kan bellen",
                priority,
                null,
                "phone:support",
                "telephony:test");
        return tickets.open(report, directory.customer(customerId).orElseThrow(), "metrics#" + UUID.randomUUID())
                .ticket()
                .number();
    }
}
