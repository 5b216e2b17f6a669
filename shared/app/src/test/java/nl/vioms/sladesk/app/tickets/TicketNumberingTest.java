package nl.vioms.sladesk.app.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketKind;
import org.junit.jupiter.api.Test;

/** Issue 15, finding 6: numbers are taken after the report is judged, and run past six digits. */
class TicketNumberingTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam. */
    private static final Instant T1 = Instant.parse("2026-11-26T09:12:30Z");

    private static final Customer HOTEL = new Customer(
            "hotel-gouden-leeuw",
            "telnet",
            "Hotel De Gouden Leeuw",
            SlaLevel.HA,
            List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX")),
            new BigDecimal("250.00"),
            new BigDecimal("0.00"),
            Set.of(),
            Set.of(),
            Set.of("+31201111111"));

    private final InMemoryTicketStore store = new InMemoryTicketStore();
    private final TicketService service = new TicketService(
            store, new TicketClocks(PolicyLoader.loadDefault()), new PriorityClassifier(), new SettableClock(T1));

    @Test
    void refusedReportsTakeNoNumber() {
        assertThrows(InvalidInputException.class, () -> service.open(report("P2", "nope"), HOTEL, "api#t#1"));
        assertThrows(InvalidInputException.class, () -> service.open(report("P1", "trunk-9"), HOTEL, "api#t#2"));
        assertThrows(InvalidInputException.class, () -> service.open(report(null, "mobile"), HOTEL, "api#t#3"));

        assertEquals(
                "VIO-2026-000001",
                service.open(report("P2", "pbx"), HOTEL, "api#t#4").ticket().number(),
                "three refused reports before it burned nothing");
        assertTrue(store.source("api#t#1").isEmpty(), "nothing claimed for a refused report");
    }

    @Test
    void theMillionthTicketOfAYearGetsSevenDigitsAndIntakeGoesOn() {
        store.sequenceAt(2026, 999_998);

        assertEquals(
                "VIO-2026-999999",
                service.open(report("P2", "pbx"), HOTEL, "a").ticket().number());
        assertEquals(
                "VIO-2026-1000000",
                service.open(report("P2", "pbx"), HOTEL, "b").ticket().number());
        assertEquals(
                "VIO-2026-1000001",
                service.open(report("P2", "pbx"), HOTEL, "c").ticket().number());
        assertEquals(
                List.of("VIO-2026-999999", "VIO-2026-1000000", "VIO-2026-1000001"),
                service.queue().stream().map(t -> t.number()).toList(),
                "same priority and creation instant: the queue orders the numbers as numbers");
    }

    @Test
    void aYearPastNineHundredThousandTicketsLogsTheMetricTheAlarmWatches() {
        store.sequenceAt(2026, 899_998);
        List<Map<String, Object>> below = captured(() -> service.open(report("P2", "pbx"), HOTEL, "x"));
        List<Map<String, Object>> at = captured(() -> service.open(report("P2", "pbx"), HOTEL, "y"));

        assertTrue(below.stream().noneMatch(l -> "ticket.numbers.high".equals(l.get("event"))), "899 999: " + below);
        Map<String, Object> line = at.stream()
                .filter(l -> "ticket.numbers.high".equals(l.get("event")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("900 000 logs nothing: " + at));
        assertEquals("WARN", line.get("level"));
        assertEquals(900_000, ((Number) line.get("TicketNumberSequence")).intValue());
        assertEquals(2026, ((Number) line.get("year")).intValue());
        assertTrue(Json.write(line.get("_aws")).contains("\"Namespace\":\"SlaDesk\""), Json.write(line));
    }

    private static Report report(String priority, String service) {
        return new Report(
                TicketKind.INCIDENT,
                Channel.API,
                T1,
                "reseller:telnet",
                "Receptie kan niet doorverbinden",
                "Sinds vanochtend werkt doorverbinden niet.",
                priority,
                service,
                "api",
                "reseller:telnet");
    }

    private static List<Map<String, Object>> captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .map(Json::readObject)
                .toList();
    }
}
