package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.availability.Exclusion;
import nl.vioms.sladesk.core.availability.ExclusionKind;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;
import nl.vioms.sladesk.core.policy.CreditPolicy;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.LocalStreams;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Month-end end to end on the emulators (R18-R26): a month of monitoring records, directory and
 * tickets written through the real repositories, the handler built from template.yaml's
 * environment run by an injected clock, and every figure read back from what it published
 * (S3 record, finance CSV, Reports table, SNS) and checked against values worked out by hand.
 *
 * <p>October 2026 in Amsterdam: 31 days, and the clocks go back on Sunday 25 October (03:00 CEST
 * becomes 02:00 CET), so the month is 31 x 1440 + 60 = 44 700 minutes (R23, R24). Until the
 * 25th 03:00 Amsterdam is UTC+2, after it UTC+1. Times below are Amsterdam wall-clock time.
 *
 * <p>The platform service {@code platform:hosted} carries hosted PBX (R21); its outages count
 * for the PBX of both contracts that have one:
 * <pre>
 *  a  Wed 30 Sep 23:00 - Thu 1 Oct 01:00   crosses the month start: 60 min in October, down
 *  g  Sat 3 Oct 02:00 - 04:00              inside the regular service window (Sat 01-05, R18): 120 excluded
 *  FM Fri 9 Oct 15:00 - 15:30              inside a force-majeure exclusion 15:00-16:00 (DDoS, R18): 30 excluded
 *  b  Sun 11 Oct 22:00 - Mon 12 00:30      inside planned maintenance Sun 20:00 - Mon 05:00 announced 5 Oct
 *                                          (R19): 150 excluded
 *  i  Wed 14 Oct 10:00 - 12:30             plain outage with incident: 150 down
 *  c  Sun 18 Oct 22:00 - 23:45             planned window 20:00-23:00 announced 16 Oct: 60 excluded,
 *                                          45 past its end down (R19)
 *  d  Tue 20 Oct 10:00 - 10:40             window 10:00-11:00 announced 19 Oct 18:00, 16 h ahead:
 *                                          emergency, 40 down (R19)
 *  e  Thu 22 Oct 14:10 - 14:30             emergency window 14:00-15:00 excluded by operations: 20 excluded (R19)
 *  f  Mon 26 Oct 09:00 - 09:50 (CET)       emergency window 09:00-10:00, not excluded: 50 down (R19)
 *  unknown Wed 7 Oct 03:00 - 04:00         the probe did not run: 60 unknown, counted available (R20)
 * </pre>
 * PBX: down = 60 + 150 + 45 + 40 + 50 = 345; excluded = 120 + 30 + 150 + 60 + 20 = 380;
 * emergency down = 40 + 50 = 90; unknown 60.
 * Availability = (44 700 - 345) / 44 700 = 44 355 / 44 700 = 99.22818791...% -> 99.2282.
 *
 * <p>The hotel's own SIP trunk ({@code customer:me-hotel:trunk-1}): Thu 15 Oct 08:00 - Fri 16 Oct
 * 02:00 = 18 h = 1 080 min and Wed 28 Oct 13:00-14:00 = 60 min: down 1 140; unknown Thu 29 Oct
 * 10:00-10:30 = 30. Availability = 43 560 / 44 700 = 97.44966442...% -> 97.4497.
 */
@ExtendWith(AwsEmulators.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthEndScenarioTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    /** The schedule: 00:05 Amsterdam on 1 November. */
    private static final Instant RUN = at("2026-11-01T00:05");

    private static final MutableClock CLOCK = new MutableClock(RUN);

    /** Reads decimals as written (99.60 stays 99.60). */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static LocalAws aws;
    private static Environment env;
    private static MonthEndHandler handler;
    private static MonitoringRepository monitoring;
    private static ReportsRepository reports;
    private static TicketService tickets;
    private static DirectoryRepository directory;
    private static String queueUrl;
    /** The outbox's stream and the function that publishes it, as Lambda wires them (template.yaml). */
    private static LocalStreams outboxStream;

    private static EscalationHandler publisher;
    private static final List<String> numbers = new ArrayList<>();

    @BeforeAll
    static void setUp(LocalAws emulators) {
        aws = emulators;
        env = aws.environmentOf("MonthEndFunction");
        var dynamo = aws.clients().dynamo();
        directory = new DirectoryRepository(dynamo, env.require(EnvVar.DIRECTORY_TABLE));
        monitoring = new MonitoringRepository(dynamo, env.require(EnvVar.MONITORING_TABLE));
        reports = new ReportsRepository(dynamo, env.require(EnvVar.REPORTS_TABLE));
        tickets = new TicketService(
                new TicketRepository(
                        dynamo,
                        env.require(EnvVar.TICKETS_TABLE),
                        aws.resources().tableName("OutboxTable")),
                new TicketClocks(PolicyLoader.loadDefault()),
                new PriorityClassifier(),
                CLOCK,
                AwsEmulators.TEST_BASE_URL);
        handler = new MonthEndHandler(env, aws.clients(), CLOCK);
        queueUrl =
                aws.subscribedQueue(aws.environmentOf("EscalationFunction").require(EnvVar.OPERATIONS_TOPIC_ARN), null);
        outboxStream = aws.streamOf("OutboxTable");
        publisher = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), CLOCK);

        directory.putCustomer(customer(
                "me-bakkerij",
                "Bakkerij Maandeinde",
                SlaLevel.N,
                "250.00",
                "250.00",
                new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX")));
        directory.putCustomer(customer(
                "me-hotel",
                "Hotel Maandeinde",
                SlaLevel.A,
                "1000.00",
                "200.00",
                new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX"),
                new ServiceRef("trunk-1", ServiceKind.SIP_TRUNK, "SIP-trunk")));
        directory.putCustomer(customer(
                "me-mobiel",
                "Mobiel Maandeinde",
                SlaLevel.B,
                "50.00",
                "50.00",
                new ServiceRef("mob", ServiceKind.MOBILE, "Mobiel")));
        // issue 20 (R18): one contract starts during October, one only in November
        directory.putCustomer(started(
                customer("me-tandarts", "Tandarts Maandeinde", SlaLevel.N, "95.00", "95.00", pbx()),
                LocalDate.of(2026, 10, 12)));
        directory.putCustomer(started(
                customer("me-nieuw", "Nieuw Maandeinde", SlaLevel.N, "95.00", "95.00", pbx()),
                LocalDate.of(2026, 11, 1)));
        // and one whose own trunk a probe checked all October without a single failure
        directory.putCustomer(customer(
                "me-stil",
                "Stil Maandeinde",
                SlaLevel.N,
                "95.00",
                "95.00",
                new ServiceRef("trunk", ServiceKind.SIP_TRUNK, "SIP-trunk")));
        monitoring.putService(
                MonitoredService.ofCustomer("me-stil", new ServiceRef("trunk", ServiceKind.SIP_TRUNK, "SIP-trunk")));
        var probes = new ProbeRepository(dynamo, env.require(EnvVar.MONITORING_TABLE));
        probes.putTarget(ProbeTarget.tcp(
                "stil-trunk", MonitoredService.customerKey("me-stil", "trunk"), "127.0.0.1", 5060, null));
        probes.putCheck(new CheckResult(
                "stil-trunk", at("2026-10-20T12:00"), CheckResult.Status.UP, Duration.ofMillis(3), "connected"));
        monthOfMonitoring();
        monthOfTickets();
    }

    private static void monthOfMonitoring() {
        String p = "platform:hosted";
        monitoring.putService(
                MonitoredService.platform("hosted", "Hosted platform (SBC's, core)", Set.of(ServiceKind.HOSTED_PBX)));
        String trunk = MonitoredService.customerKey("me-hotel", "trunk-1");
        monitoring.putService(
                MonitoredService.ofCustomer("me-hotel", new ServiceRef("trunk-1", ServiceKind.SIP_TRUNK, "SIP-trunk")));

        outage(p, "2026-09-30T23:00", "2026-10-01T01:00", null); // a
        outage(p, "2026-10-03T02:00", "2026-10-03T04:00", null); // g
        outage(p, "2026-10-09T15:00", "2026-10-09T15:30", null); // FM
        monitoring.putExclusion(new ServiceExclusion(
                "ddos-1009",
                p,
                new Exclusion(
                        new Interval(at("2026-10-09T15:00"), at("2026-10-09T16:00")),
                        ExclusionKind.FORCE_MAJEURE,
                        "DDoS-aanval op de SBC's")));
        outage(p, "2026-10-11T22:00", "2026-10-12T00:30", null); // b
        monitoring.putMaintenance(new MaintenanceWindow(
                "mw-1011",
                p,
                MaintenanceKind.PLANNED,
                new Interval(at("2026-10-11T20:00"), at("2026-10-12T05:00")),
                at("2026-10-05T10:00"),
                "core switch upgrade",
                false,
                null));
        outage(p, "2026-10-14T10:00", "2026-10-14T12:30", "VIO-2026-900014"); // i
        outage(p, "2026-10-18T22:00", "2026-10-18T23:45", null); // c
        monitoring.putMaintenance(new MaintenanceWindow(
                "mw-1018",
                p,
                MaintenanceKind.PLANNED,
                new Interval(at("2026-10-18T20:00"), at("2026-10-18T23:00")),
                at("2026-10-16T09:00"),
                "SBC software update",
                false,
                null));
        outage(p, "2026-10-20T10:00", "2026-10-20T10:40", null); // d
        monitoring.putMaintenance(new MaintenanceWindow(
                "mw-1020",
                p,
                MaintenanceKind.PLANNED,
                new Interval(at("2026-10-20T10:00"), at("2026-10-20T11:00")),
                at("2026-10-19T18:00"),
                "database failover test",
                false,
                null));
        outage(p, "2026-10-22T14:10", "2026-10-22T14:30", null); // e
        monitoring.putMaintenance(new MaintenanceWindow(
                "em-1022",
                p,
                MaintenanceKind.EMERGENCY,
                new Interval(at("2026-10-22T14:00"), at("2026-10-22T15:00")),
                null,
                "SBC security patch",
                true,
                "critical vendor patch, agreed with the resellers"));
        outage(p, "2026-10-26T09:00", "2026-10-26T09:50", null); // f
        monitoring.putMaintenance(new MaintenanceWindow(
                "em-1026",
                p,
                MaintenanceKind.EMERGENCY,
                new Interval(at("2026-10-26T09:00"), at("2026-10-26T10:00")),
                null,
                "failed power supply replaced",
                false,
                null));
        monitoring.putUnknown(new UnknownSpan(
                p,
                new Interval(at("2026-10-07T03:00"), at("2026-10-07T04:00")),
                "target sbc-1-sip not checked (missed probe runs)"));

        outage(trunk, "2026-10-15T08:00", "2026-10-16T02:00", null);
        outage(trunk, "2026-10-28T13:00", "2026-10-28T14:00", null);
        monitoring.putUnknown(new UnknownSpan(
                trunk, new Interval(at("2026-10-29T10:00"), at("2026-10-29T10:30")), "probe runner restarted"));
    }

    /**
     * Hotel (A, 24x7; P1: response 2 h, restore 8 h clock time, R5):
     * T1 P1 Wed 14 Oct 10:05 by phone, response 10:45 (due 12:05: met), resolved 12:35 (due 18:05: met);
     * T2 P1 Thu 15 Oct 08:10 by phone, response 11:00 (due 10:10: breached), resolved Fri 02:00 (due 16:10: breached).
     * Bakkerij (N, office hours 09:00-17:30; P2: response 4 h, restore 8 h office time, R5, R6):
     * T0 Wed 30 Sep: September's, not October's;
     * T3 P2 Mon 12 Oct 10:00 by e-mail, response 11:30 (due 14:00: met), resolved Tue 13 Oct 11:00
     *    (due: Mon 10:00-17:30 = 7.5 h, Tue 09:00 + 0.5 h = 09:30: breached);
     * T4 an RFC (R10: no clocks, not in the compliance);
     * T5 P2 Fri 30 Oct 16:00 by e-mail, nothing yet at the run: response due Fri 16:00-17:30 = 1.5 h,
     *    Mon 2 Nov 09:00 + 2.5 h = 11:30; restore due 1.5 h + 6.5 h on Monday = 15:30: both open.
     */
    private static void monthOfTickets() {
        String t1 = open("me-hotel", Channel.PHONE, "P1", "2026-10-14T10:05", TicketKind.INCIDENT);
        record(t1, EventKind.RESPONSE, "2026-10-14T10:45");
        record(t1, EventKind.RESOLVED, "2026-10-14T12:35");
        String t2 = open("me-hotel", Channel.PHONE, "P1", "2026-10-15T08:10", TicketKind.INCIDENT);
        record(t2, EventKind.RESPONSE, "2026-10-15T11:00");
        record(t2, EventKind.RESOLVED, "2026-10-16T02:00");
        open("me-bakkerij", Channel.EMAIL, "P2", "2026-09-30T15:00", TicketKind.INCIDENT);
        String t3 = open("me-bakkerij", Channel.EMAIL, "P2", "2026-10-12T10:00", TicketKind.INCIDENT);
        record(t3, EventKind.RESPONSE, "2026-10-12T11:30");
        record(t3, EventKind.RESOLVED, "2026-10-13T11:00");
        open("me-bakkerij", Channel.EMAIL, null, "2026-10-20T09:00", TicketKind.RFC);
        String t5 = open("me-bakkerij", Channel.EMAIL, "P2", "2026-10-30T16:00", TicketKind.INCIDENT);
        numbers.addAll(List.of(t1, t2, t3, t5));
        CLOCK.set(RUN);
    }

    @Test
    @Order(1)
    void aMonthThatHasNotEndedOrIsNoMonthIsRefusedAndNothingIsStored() {
        var notEnded = assertThrows(
                IllegalArgumentException.class,
                () -> LambdaInvoke.invoke(handler, Map.of("month", "2026-11"), Map.class));
        assertTrue(notEnded.getMessage().contains("2026-11 has not ended"), notEnded.getMessage());
        var bad = assertThrows(
                IllegalArgumentException.class,
                () -> LambdaInvoke.invoke(handler, Map.of("month", "2026-13"), Map.class));
        assertTrue(bad.getMessage().contains("'2026-13' is not a month"), bad.getMessage());
        assertTrue(reports.summary("me-bakkerij", YearMonth.of(2026, 11)).isEmpty());
    }

    @Test
    @Order(2)
    void theScheduledRunComputesEveryFigureOfOctober() throws Exception {
        // September first, so October's trend has a stored month before it (R24):
        // the PBX had outage a's first hour (Wed 30 Sep 23:00-24:00): 60 of 30 x 1440 = 43 200 minutes
        CLOCK.set(at("2026-11-01T00:01"));
        LambdaInvoke.invoke(handler, Map.of("month", "2026-09"), Map.class);
        CLOCK.set(RUN);
        Map<String, Object> out = LambdaInvoke.invoke(handler, Map.of(), Map.class); // the schedule sends no month
        assertEquals("2026-10", out.get("month"), "00:05 on 1 November runs October");

        JsonNode bakkerij = record("me-bakkerij", 1);
        JsonNode pbx = service(bakkerij, "pbx");
        assertEquals("44700", pbx.get("totalMinutes").asText(), "31 x 1440 + 60 (clocks back on 25 Oct)");
        assertEquals("345", pbx.get("downMinutes").asText(), "a 60 + i 150 + c 45 + d 40 + f 50");
        assertEquals("380", pbx.get("excludedMinutes").asText(), "g 120 + FM 30 + b 150 + c 60 + e 20");
        assertEquals("60", pbx.get("unknownMinutes").asText());
        assertEquals("90", pbx.get("emergencyDownMinutes").asText(), "d 40 + f 50");
        assertEquals("99.2282", pbx.get("availability").asText(), "44 355 / 44 700 = 99.22818...");
        assertEquals("99.60", pbx.get("availabilityKpi").asText());
        assertFalse(pbx.get("kpiMet").asBoolean());
        assertEquals(List.of("platform:hosted"), texts(pbx.get("monitoredBy")));

        // traceability: every outage with what it counted as, exclusions with their reasons, unknown time
        JsonNode outages = pbx.get("outages");
        assertEquals(9, outages.size());
        assertEquals(
                List.of(
                        "60/60/0",
                        "120/0/120",
                        "30/0/30",
                        "150/0/150",
                        "150/150/0",
                        "105/45/60",
                        "40/40/0",
                        "20/0/20",
                        "50/50/0"),
                stream(outages)
                        .map(o ->
                                o.get("minutes").asText() + "/" + o.get("down").asText() + "/"
                                        + o.get("excluded").asText())
                        .toList());
        assertEquals("VIO-2026-900014", outages.get(4).get("incident").asText());
        assertEquals(
                "2026-09-30T23:00:00+02:00",
                outages.get(0).get("start").asText(),
                "the outage as recorded, before the month");
        assertEquals(
                List.of(
                        "regular-service-window",
                        "force-majeure",
                        "planned-maintenance",
                        "planned-maintenance",
                        "emergency-maintenance"),
                stream(pbx.get("excludedIntervals"))
                        .map(x -> x.get("kind").asText())
                        .toList());
        assertEquals(
                "DDoS-aanval op de SBC's",
                pbx.get("excludedIntervals").get(1).get("reason").asText());
        assertTrue(pbx.get("excludedIntervals").get(4).get("reason").asText().contains("critical vendor patch"));
        assertEquals(
                "target sbc-1-sip not checked (missed probe runs)",
                pbx.get("unknownIntervals").get(0).get("reason").asText());
        assertEquals(
                "2026-10-07T03:00:00+02:00",
                pbx.get("unknownIntervals").get(0).get("from").asText());
        // R19: three emergency windows reported apart: the late-announced one (d), e (excluded), f (counted)
        assertEquals(
                List.of("true/false/40", "false/true/0", "false/false/50"),
                stream(pbx.get("emergencyWindows"))
                        .map(e -> e.get("lateAnnouncement").asText() + "/"
                                + e.get("excluded").asText() + "/"
                                + e.get("downMinutes").asText())
                        .toList());
        assertEquals("vioms-sla-2024", bakkerij.get("report").get("policyId").asText());
        assertTrue(bakkerij.get("report")
                .get("calendar")
                .get("version")
                .asText()
                .startsWith("vioms-sla-2024/nl-holidays-"));
        assertTrue(texts(bakkerij.get("report").get("rules"))
                .containsAll(List.of("R18", "R19", "R20", "R21", "R23", "R24", "R25")));

        // credit (R25), fee 250, fixed costs 250 (cap 60 % = 150.00); below 99.6 by
        // 99.6 - 99.2281879195 = 0.3718120805 points:
        //   whole:   floor 0 steps -> 0 %                              -> 0.00 (the policy's mode)
        //   started: ceil  1 step  -> 5 % of 250                       -> 12.50
        //   prorata: 0.3718120805 x 5 = 1.859060... % of 250 = 4.6476 -> 4.65
        JsonNode credit = bakkerij.get("report").get("credit");
        assertEquals("pbx", credit.get("basisServiceId").asText());
        assertEquals("0.3718120805", credit.get("applied").get("pointsBelow").asText());
        assertEquals("0.00", credit.get("applied").get("amount").asText());
        assertEquals("whole", credit.get("applied").get("rounding").asText());
        assertEquals("0.00", credit.get("byRounding").get("whole").get("amount").asText());
        assertEquals(
                "12.50", credit.get("byRounding").get("started").get("amount").asText());
        assertEquals(
                "4.65", credit.get("byRounding").get("prorata").get("amount").asText());
        assertEquals("150.00", credit.get("applied").get("cap").asText());

        // tickets: T3 response met, restore breached; T5 open; T0 (September) and T4 (RFC) not counted
        JsonNode t = bakkerij.get("report").get("tickets");
        assertEquals(2, t.get("incidents").asInt());
        assertEquals("1/0/1", counts(t.get("response")));
        assertEquals("0/1/1", counts(t.get("restore")));
        assertEquals("100.00", t.get("response").get("compliance").asText());
        assertEquals("0.00", t.get("restore").get("compliance").asText());
        JsonNode t3 = bakkerij.get("report").get("ticketLines").get(0);
        assertEquals(numbers.get(2), t3.get("number").asText());
        assertEquals("2026-10-12T14:00:00+02:00", t3.get("responseDue").asText());
        assertEquals("2026-10-13T09:30:00+02:00", t3.get("restoreDue").asText());
        JsonNode t5 = bakkerij.get("report").get("ticketLines").get(1);
        assertEquals("2026-11-02T11:30:00+01:00", t5.get("responseDue").asText());
        assertEquals("open", t5.get("response").asText());

        // hotel: PBX as above (KPI of A is 99.90); the trunk decides the credit (most down time, decision 09):
        //   fee 1000, fixed costs 200 -> cap 60 % = 120.00; 99.6 - 97.4496644295 = 2.1503355705 points
        //   whole:   2 steps -> 10 % of 1000 = 100.00 (applied)
        //   started: 3 steps -> 15 % = 150.00 -> capped at 120.00
        //   prorata: 2.1503355705 x 5 = 10.7516778... % of 1000 = 107.5168 -> 107.52
        JsonNode hotel = record("me-hotel", 1);
        assertEquals("99.2282", service(hotel, "pbx").get("availability").asText());
        assertEquals("99.90", service(hotel, "pbx").get("availabilityKpi").asText());
        JsonNode trunk = service(hotel, "trunk-1");
        assertEquals("1140", trunk.get("downMinutes").asText(), "1 080 + 60");
        assertEquals("0", trunk.get("excludedMinutes").asText());
        assertEquals("30", trunk.get("unknownMinutes").asText());
        assertEquals("97.4497", trunk.get("availability").asText(), "43 560 / 44 700 = 97.44966...");
        assertEquals(
                List.of("customer:me-hotel:trunk-1"),
                texts(trunk.get("monitoredBy")),
                "platform:hosted carries no SIP trunk");
        JsonNode hotelCredit = hotel.get("report").get("credit");
        assertEquals("trunk-1", hotelCredit.get("basisServiceId").asText());
        assertEquals(
                "2.1503355705", hotelCredit.get("applied").get("pointsBelow").asText());
        assertEquals("100.00", hotelCredit.get("applied").get("amount").asText());
        assertEquals("10", hotelCredit.get("applied").get("percent").asText());
        assertEquals(
                "120.00",
                hotelCredit.get("byRounding").get("started").get("amount").asText());
        assertTrue(hotelCredit.get("byRounding").get("started").get("capped").asBoolean());
        assertEquals(
                "107.52",
                hotelCredit.get("byRounding").get("prorata").get("amount").asText());
        // hotel tickets: T1 met and met, T2 breached and breached (24x7 clock hours)
        assertEquals("1/1/0", counts(hotel.get("report").get("tickets").get("response")));
        assertEquals("1/1/0", counts(hotel.get("report").get("tickets").get("restore")));
        assertEquals(
                "2026-10-15T10:10:00+02:00",
                hotel.get("report").get("ticketLines").get(1).get("responseDue").asText());

        // mobile is resold (R2): no platform record carries it, no credit; nothing recorded at all:
        // no data, not 100 % (issue 20)
        JsonNode mobiel = record("me-mobiel", 1);
        assertTrue(service(mobiel, "mob").get("availability").isNull());
        assertEquals("no-data", service(mobiel, "mob").get("data").asText());
        assertTrue(service(mobiel, "mob").get("kpiMet").isNull());
        assertTrue(mobiel.get("report").get("credit").get("basisServiceId").isNull());
        assertEquals(
                "0.00",
                mobiel.get("report").get("credit").get("applied").get("amount").asText());

        // 12-month trend (R24): September 43 140 / 43 200 = 99.8611; the year so far, time-weighted:
        // (43 200 + 44 700 - 60 - 345) / (43 200 + 44 700) = 87 495 / 87 900 = 99.5392 (< 99.60: norm not met)
        JsonNode trend = bakkerij.get("trend").get("pbx");
        assertEquals(
                List.of("2026-09", "2026-10"),
                stream(trend.get("months")).map(m -> m.get("month").asText()).toList());
        assertEquals("99.8611", trend.get("months").get(0).get("availability").asText());
        assertEquals("99.5392", trend.get("yearlyAverage").asText());
        assertFalse(trend.get("kpiMet").asBoolean());
        assertEquals("2025-11", trend.get("from").asText());

        // restore-time breaches as claims for finance (issue 20), the default policy sets no amount:
        // T3's restore was due Tue 13 Oct 09:30 and came at 11:00: 1.50 h late; not in the credit (R25)
        JsonNode claims = bakkerij.get("report").get("restoreClaims");
        assertEquals(1, claims.get("count").asInt());
        assertTrue(claims.get("amountPerBreach").isNull());
        assertTrue(claims.get("total").isNull());
        assertEquals(numbers.get(2), claims.get("claims").get(0).get("number").asText());
        assertEquals("1.50", claims.get("claims").get(0).get("hoursLate").asText());
        assertEquals(
                "2026-10-13T09:30:00+02:00",
                claims.get("claims").get(0).get("restoreDue").asText());
        assertFalse(claims.get("claims").get(0).get("stillOpen").asBoolean());
        String bakkerijHtml = object("month-end/2026-10/contracts/me-bakkerij/v0001.html");
        assertTrue(bakkerijHtml.contains("Claims wegens overschreden hersteltijd (ter beoordeling door finance)"));
        assertTrue(bakkerijHtml.contains("Het SLA-beleid noemt geen bedrag per overschrijding."));
        // issue 20: unknown time per probe target, the cause in Dutch, not the probe's English
        assertTrue(bakkerijHtml.contains("<tr><td>sbc-1-sip</td><td>wo 7 okt 03:00</td>"), bakkerijHtml);
        assertTrue(bakkerijHtml.contains("<td>niet gecontroleerd: probe-ronde gemist</td>"), bakkerijHtml);
        assertTrue(bakkerijHtml.contains("<th colspan=\"4\">Totaal sbc-1-sip</th>"), bakkerijHtml);
        assertFalse(bakkerijHtml.contains("missed probe runs"), bakkerijHtml);
        String overviewHtml = object("month-end/2026-10/overview.html");
        assertTrue(overviewHtml.contains("<th class=\"num\">Onbekend</th>"), overviewHtml);
        assertTrue(overviewHtml.contains("<td class=\"num\">60 min (1 u)</td>"), overviewHtml);

        // finance CSV: one line per contract with fee, availability, credit % and amount
        String csv = object("month-end/2026-10/finance.csv");
        assertTrue(csv.startsWith(FinanceCsv.HEADER + "\r\n"));
        assertTrue(
                csv.contains("\r\nme-bakkerij,Bakkerij Maandeinde,telnet,N,2026-10,1,pbx,250.00,250.00,99.2282,whole,"
                        + "0,0.00,false,,1,,60\r\n"),
                csv);
        assertTrue(
                csv.contains("\r\nme-hotel,Hotel Maandeinde,telnet,A,2026-10,1,trunk-1,1000.00,200.00,97.4497,whole,"
                        + "10,100.00,false,,1,,30\r\n"),
                csv);
        assertTrue(
                csv.contains("\r\nme-mobiel,Mobiel Maandeinde,telnet,B,2026-10,1,,50.00,50.00,,whole,0,0.00,"
                        + "false,no-data,0,,\r\n"),
                csv);
        // the same lines for Dutch Excel (issue 20 item 7): BOM, ';', decimal commas, Dutch words
        String csvNl = object("month-end/2026-10/financieel.csv");
        assertTrue(csvNl.startsWith(FinanceCsv.BOM + FinanceCsv.HEADER_NL + "\r\n"), csvNl);
        assertTrue(
                csvNl.contains("\r\nme-hotel;Hotel Maandeinde;telnet;A;2026-10;1;trunk-1;1000,00;200,00;97,4497;whole;"
                        + "10;100,00;nee;;1;;30\r\n"),
                csvNl);
        assertTrue(csvNl.contains(";geen gegevens;0;;\r\n"), csvNl);
        assertTrue(object("month-end/2026-10/overview.html").contains("contracts/me-hotel/v0001.html"));

        // operations hear that October is done, with links
        JsonNode note = notification("2026-10");
        assertEquals("month-end-report", note.get("kind").asText());
        assertTrue(note.get("links").get("finance").asText().endsWith("/month-end/2026-10/finance.csv"));
        assertTrue(note.get("newVersions").asInt() >= 3);
    }

    @Test
    @Order(3)
    void aContractThatStartsInTheMonthIsMeasuredFromItsStartAndOneThatStartsLaterHasNoData() throws Exception {
        // R18: me-tandarts starts Mon 12 Oct 00:00 (+02:00): 12..31 Oct = 20 x 1440 + 60 (clocks back on
        // 25 Oct) = 28 860 min. The platform's down time from then: i 150 + c 45 + d 40 + f 50 = 285
        // (a's 60 min on 1 Oct lie before the start). (28 860 - 285) / 28 860 = 99.01247... -> 99.0125,
        // below N's 99.60; 0.5875 points below -> whole points: no credit.
        JsonNode tandarts = record("me-tandarts", 1);
        JsonNode pbx = service(tandarts, "pbx");
        assertEquals("partial", pbx.get("data").asText());
        assertEquals("2026-10-12T00:00:00+02:00", pbx.get("measuredFrom").asText());
        assertEquals("28860", pbx.get("totalMinutes").asText());
        assertEquals("285", pbx.get("downMinutes").asText());
        assertEquals("99.0125", pbx.get("availability").asText());
        assertFalse(pbx.get("kpiMet").asBoolean());
        assertEquals(
                "0.00",
                tandarts.get("report")
                        .get("credit")
                        .get("applied")
                        .get("amount")
                        .asText());
        JsonNode trend = tandarts.get("trend").get("pbx");
        assertEquals(
                List.of("2026-10"),
                stream(trend.get("months")).map(m -> m.get("month").asText()).toList());
        assertEquals("99.0125", trend.get("yearlyAverage").asText());
        String html = object("month-end/2026-10/contracts/me-tandarts/v0001.html");
        assertTrue(html.contains("gedeeltelijke maand vanaf 12 oktober 2026"), html);

        // me-nieuw starts 1 Nov: October is wholly before delivery though the platform had outages in it
        JsonNode nieuw = record("me-nieuw", 1);
        JsonNode none = service(nieuw, "pbx");
        assertEquals("no-data", none.get("data").asText());
        assertTrue(none.get("availability").isNull());
        assertTrue(none.get("kpiMet").isNull());
        assertTrue(nieuw.get("report").get("credit").get("basisServiceId").isNull());
        assertEquals(
                "0.00",
                nieuw.get("report").get("credit").get("applied").get("amount").asText());
        assertEquals(0, nieuw.get("trend").get("pbx").get("months").size(), "not in the 12-month chart");
        assertTrue(nieuw.get("trend").get("pbx").get("yearlyAverage").isNull(), "nor in the average");
        assertTrue(reports.summary("me-nieuw", OCTOBER).orElseThrow().services().isEmpty());
        String nieuwHtml = object("month-end/2026-10/contracts/me-nieuw/v0001.html");
        assertTrue(nieuwHtml.contains("geen gegevens"), nieuwHtml);
        assertTrue(nieuwHtml.contains("Geen gegevens deze maand (R18): geen credit."), nieuwHtml);

        String csv = object("month-end/2026-10/finance.csv");
        assertTrue(
                csv.contains("\r\nme-nieuw,Nieuw Maandeinde,telnet,N,2026-10,1,,95.00,95.00,,whole,0,0.00,false,"
                        + "no-data,0,,\r\n"),
                csv);
        assertTrue(
                csv.contains("\r\nme-tandarts,Tandarts Maandeinde,telnet,N,2026-10,1,pbx,95.00,95.00,99.0125,whole,"
                        + "0,0.00,false,partial from 2026-10-12,0,,0\r\n"),
                csv);
        String overview = object("month-end/2026-10/overview.html");
        assertTrue(overview.contains("gedeeltelijke maand vanaf 12 oktober 2026"), overview);

        // checked and never failed: measured, 44 700 / 44 700 = 100 % (not "no data")
        JsonNode stil = service(record("me-stil", 1), "trunk");
        assertEquals("measured", stil.get("data").asText());
        assertEquals("100.0000", stil.get("availability").asText());
        assertTrue(stil.get("kpiMet").asBoolean());
    }

    @Test
    @Order(3)
    void runningTheMonthAgainChangesNothing() {
        Map<String, Object> again = LambdaInvoke.invoke(handler, Map.of("month", "2026-10"), Map.class);
        assertEquals(0, again.get("new"));
        assertEquals(0, again.get("changed"));
        assertEquals(1, reports.versions("me-bakkerij", OCTOBER).size());
        assertEquals(1, reports.versions("me-hotel", OCTOBER).size());
    }

    @Test
    @Order(4)
    void lateDataMakesANewVersionWithItsDiffAndKeepsTheEarlierOne() throws Exception {
        // T5 answered Mon 2 Nov 10:00 (due 11:30: met) and resolved 15:00 (due 15:30: met), recorded late
        record(numbers.get(3), EventKind.RESPONSE, "2026-11-02T10:00");
        record(numbers.get(3), EventKind.RESOLVED, "2026-11-02T15:00");
        CLOCK.set(at("2026-11-03T12:00"));
        Map<String, Object> out = LambdaInvoke.invoke(handler, Map.of("month", "2026-10"), Map.class);
        assertEquals(1, out.get("changed"), "only the bakkerij changed");

        var versions = reports.versions("me-bakkerij", OCTOBER);
        assertEquals(
                List.of(1, 2),
                versions.stream().map(ReportsRepository.MonthVersion::version).toList());
        String t5 = numbers.get(3);
        assertEquals(
                List.of("ticket." + t5 + ".response: open -> met", "ticket." + t5 + ".restore: open -> met"),
                versions.get(1).changes().stream()
                        .map(c -> c.figure() + ": " + c.before() + " -> " + c.after())
                        .toList());
        assertEquals("open", versions.get(0).figures().get("ticket." + t5 + ".response"), "version 1 kept as it was");
        JsonNode v2 = record("me-bakkerij", 2);
        assertEquals(1, v2.get("previousVersion").asInt());
        assertEquals("2/0/0", counts(v2.get("report").get("tickets").get("response")));
        assertEquals("1/1/0", counts(v2.get("report").get("tickets").get("restore")));
        assertEquals(
                "50.00",
                v2.get("report").get("tickets").get("restore").get("compliance").asText());
        assertEquals(2, reports.summary("me-bakkerij", OCTOBER).orElseThrow().version());
        assertTrue(object("month-end/2026-10/finance.csv")
                .contains("me-bakkerij,Bakkerij Maandeinde,telnet,N,2026-10,2,"));
        assertEquals(1, reports.versions("me-hotel", OCTOBER).size(), "the hotel did not change");
    }

    @Test
    @Order(5)
    void theReportsRenderInARealBrowserWithoutErrorsAndWithTheirCharts(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("2026-10");
        Files.createDirectories(folder.resolve("contracts/me-bakkerij"));
        Files.createDirectories(folder.resolve("contracts/me-hotel"));
        Path bakkerij = folder.resolve("contracts/me-bakkerij/v0002.html");
        Files.writeString(bakkerij, object("month-end/2026-10/contracts/me-bakkerij/v0002.html"));
        Path hotel = folder.resolve("contracts/me-hotel/v0001.html");
        Files.writeString(hotel, object("month-end/2026-10/contracts/me-hotel/v0001.html"));
        Path overview = folder.resolve("overview.html");
        Files.writeString(overview, object("month-end/2026-10/overview.html"));

        try (HeadlessChromium browser = HeadlessChromium.startOrSkip()) {
            var page = browser.open(bakkerij.toUri());
            assertEquals(List.of(), page.problems(), "the bakkerij's report loads cleanly");
            assertEquals(
                    "SLA-maandrapport oktober 2026 – Bakkerij Maandeinde",
                    page.evaluate("document.title").asText());
            assertTrue(
                    page.evaluate("document.querySelector('svg.trend-chart').getBoundingClientRect().width")
                                    .asDouble()
                            > 300,
                    "the 12-month chart is drawn");
            assertEquals(
                    2,
                    page.evaluate("document.querySelectorAll('svg.trend-chart rect.bar').length")
                            .asInt(),
                    "September and October have a result");
            assertEquals(
                    1,
                    page.evaluate("document.querySelectorAll('svg.trend-chart line.kpi').length")
                            .asInt(),
                    "the KPI line");
            assertEquals(
                    5,
                    page.evaluate("document.querySelectorAll('svg.timeline rect.span.down').length")
                            .asInt(),
                    "a, i, c's overrun, d and f on the timeline");
            assertTrue(
                    page.evaluate("document.body.innerText").asText().contains("Gewijzigd ten opzichte van versie 1"));
            if (System.getenv("SLADESK_SCREENSHOTS") != null) {
                page.screenshot(Path.of(System.getenv("SLADESK_SCREENSHOTS"), "bakkerij.png"), 1100, 900);
            }

            var hotelPage = browser.open(hotel.toUri());
            assertEquals(List.of(), hotelPage.problems());
            assertEquals(
                    2,
                    hotelPage
                            .evaluate("document.querySelectorAll('svg.trend-chart').length")
                            .asInt(),
                    "one chart per service");
            assertTrue(hotelPage.evaluate("document.body.innerText").asText().contains("€ 100,00"));

            var overviewPage = browser.open(overview.toUri());
            assertEquals(List.of(), overviewPage.problems());
            assertTrue(overviewPage
                    .evaluate("[...document.querySelectorAll('a')].some(a => "
                            + "a.href.endsWith('contracts/me-hotel/v0001.html'))")
                    .asBoolean());
            if (System.getenv("SLADESK_SCREENSHOTS") != null) {
                hotelPage.screenshot(Path.of(System.getenv("SLADESK_SCREENSHOTS"), "hotel.png"), 1100, 900);
                overviewPage.screenshot(Path.of(System.getenv("SLADESK_SCREENSHOTS"), "overview.png"), 1100, 700);
            }
        }
    }

    @Test
    @Order(6)
    void aPolicyAmountPerRestoreBreachPricesTheClaimsButNotTheCredit() throws Exception {
        // the same October with a policy of EUR 25.00 per restore-time breach: the hotel's T2 (P1, 24x7)
        // was due Thu 15 Oct 16:10 and resolved Fri 02:00: 9 h 50 min = 9.83 h late; 1 claim = 25.00.
        // The credit stays 100.00 (10 % of 1000.00, R25): the claim is not added to it.
        SlaPolicy ok = PolicyLoader.loadDefault().policies().get(0);
        CreditPolicy c = ok.credit();
        SlaPolicy priced = new SlaPolicy(
                ok.id(),
                ok.validity(),
                ok.holidays(),
                ok.acknowledge(),
                ok.levels(),
                ok.serviceKinds(),
                ok.contractTargetsAsWritten(),
                ok.availability(),
                new CreditPolicy(
                        c.threshold(),
                        c.step(),
                        c.percentPerStep(),
                        c.capPercentOfFixedCosts(),
                        c.rounding(),
                        new BigDecimal("25.00")));
        var dynamo = aws.clients().dynamo();
        var monthEnd = new MonthEnd(
                directory,
                monitoring,
                new ProbeRepository(dynamo, env.require(EnvVar.MONITORING_TABLE)),
                new TicketRepository(dynamo, env.require(EnvVar.TICKETS_TABLE)),
                reports,
                new ReportPublisher(
                        aws.clients().s3(),
                        env.require(EnvVar.REPORTS_BUCKET),
                        new OutboxRepository(dynamo, env.require(EnvVar.OUTBOX_TABLE)),
                        env.region()),
                PolicySet.of(priced),
                CLOCK,
                1);
        var run = monthEnd.run(OCTOBER);
        var hotel = run.contracts().stream()
                .filter(r -> r.customer().id().equals("me-hotel"))
                .findFirst()
                .orElseThrow()
                .month();
        assertEquals(1, hotel.restoreClaims().count());
        assertEquals(new BigDecimal("25.00"), hotel.restoreClaims().total());
        assertEquals(
                new BigDecimal("9.83"), hotel.restoreClaims().claims().get(0).hoursLate());
        assertEquals(new BigDecimal("100.00"), hotel.credit().applied().amount());
        String csv = object("month-end/2026-10/finance.csv");
        String hotelLine =
                csv.lines().filter(l -> l.startsWith("me-hotel,")).findFirst().orElseThrow();
        assertTrue(hotelLine.endsWith(",10,100.00,false,,1,25.00,30"), hotelLine);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Instant at(String amsterdam) {
        return LocalDateTime.parse(amsterdam).atZone(Amsterdam.ZONE).toInstant();
    }

    private static Customer customer(
            String id, String name, SlaLevel level, String fee, String fixed, ServiceRef... services) {
        return new Customer(
                id,
                "telnet",
                name,
                level,
                List.of(services),
                new BigDecimal(fee),
                new BigDecimal(fixed),
                Set.of(),
                Set.of(),
                Set.of());
    }

    private static ServiceRef pbx() {
        return new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX");
    }

    private static Customer started(Customer c, LocalDate contractStart) {
        return new Customer(
                c.id(),
                c.resellerId(),
                c.name(),
                c.level(),
                c.services(),
                c.monthlyLicenceFee(),
                c.monthlyFixedCosts(),
                c.emailAddresses(),
                c.emailDomains(),
                c.phoneNumbers(),
                c.language(),
                contractStart);
    }

    private static void outage(String service, String from, String to, String incident) {
        // confirmed at the fifth failed check, a minute apart (R20)
        monitoring.putOutage(new Outage(
                service, "probe-" + service.hashCode(), at(from), at(from).plusSeconds(240), at(to), incident));
    }

    private static String open(String customerId, Channel channel, String priority, String at, TicketKind kind) {
        CLOCK.set(at(at));
        Customer customer = directory.customer(customerId).orElseThrow();
        var report = new Report(
                kind,
                channel,
                at(at),
                channel == Channel.PHONE ? "+31201234567" : "jan@example.nl",
                "Storing " + at,
                "Niemand kan bellen",
                priority,
                null,
                channel.name().toLowerCase(),
                "test");
        return tickets.open(report, customer, "month-end-test#" + UUID.randomUUID())
                .ticket()
                .number();
    }

    private static void record(String number, EventKind kind, String at) {
        CLOCK.set(at(at));
        tickets.record(
                        number,
                        new TicketEvent(
                                kind.name() + "-" + UUID.randomUUID(),
                                kind,
                                at(at),
                                "operations:test",
                                "api",
                                Map.of()))
                .orElseThrow();
    }

    private static JsonNode record(String customerId, int version) throws Exception {
        return EXACT.readTree(
                object("month-end/2026-10/contracts/" + customerId + "/v" + String.format("%04d", version) + ".json"));
    }

    private static JsonNode service(JsonNode document, String id) {
        return stream(document.get("report").get("services"))
                .filter(s -> s.get("serviceId").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String counts(JsonNode c) {
        return c.get("met").asInt() + "/" + c.get("breached").asInt() + "/"
                + c.get("open").asInt();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static String object(String key) {
        return aws.clients()
                .s3()
                .getObjectAsBytes(
                        b -> b.bucket(env.require(EnvVar.REPORTS_BUCKET)).key(key))
                .asString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void closeStream() {
        if (outboxStream != null) {
            outboxStream.close();
        }
    }

    /** Month-end writes its notification to the outbox; escalation publishes it to the operations topic. */
    private static JsonNode notification(String month) throws Exception {
        var published = LambdaInvoke.invoke(publisher, outboxStream.read(), StreamsEventResponse.class);
        assertTrue(published.getBatchItemFailures().isEmpty(), "the outbox was published");
        for (int attempt = 0; attempt < 20; attempt++) {
            for (Message m : aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                JsonNode body = DatabindJson.MAPPER.readTree(m.body());
                if (month.equals(body.path("month").asText())) {
                    return body;
                }
            }
        }
        throw new AssertionError("no month-end notification for " + month);
    }
}
