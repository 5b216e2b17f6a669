package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.local.MonthScript.DayTime;
import nl.vioms.sladesk.local.MonthScript.Mail;
import nl.vioms.sladesk.local.MonthScript.MonitoringTicket;
import nl.vioms.sladesk.local.MonthScript.TicketEvent;
import org.junit.jupiter.api.Test;

/** The demo's month script: events/demo/month.yaml loads, and a mistake in it is refused by name. */
class MonthScriptTest {
    private static final Path DEMO = ProjectRoot.find().resolve("events/demo");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void theDemoMonthLoads() {
        MonthScript script = MonthScriptReader.read(ProjectRoot.find().resolve(MonthScript.FILE));

        assertEquals(40, script.entries().size());
        assertEquals(
                new Mail(new DayTime(2, LocalTime.of(9, 12)), null, "01-devries-kiestoon.eml", "kiestoon"),
                script.entries().get(0));
        assertEquals(
                Instant.parse("2026-11-02T08:12:00Z"),
                script.entries().get(0).at().in(NOVEMBER));
        var incident = (MonitoringTicket) script.entries().stream()
                .filter(MonitoringTicket.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertEquals("platform", incident.ticket());
        assertEquals("operations: resolve the platform incident", incident.title());
        assertEquals(2, incident.events().size());
        script.checkDays(NOVEMBER, "month.yaml");
    }

    @Test
    void aDayTheMonthDoesNotHaveIsNamed() {
        MonthScript script = MonthScriptReader.read(ProjectRoot.find().resolve(MonthScript.FILE));

        var e = assertThrows(
                IllegalArgumentException.class, () -> script.checkDays(YearMonth.of(2027, 2), "month.yaml"));
        assertEquals("month.yaml, entry 40 (30 10:00): 2027-02 has no day 30", e.getMessage());
    }

    @Test
    void anEventWithoutItsKindIsRefusedByName() {
        String yaml = entries(
                "{at: \"02 09:12\", do: mail, file: 01-devries-kiestoon.eml, ticket: kiestoon}",
                "{at: \"02 09:40\", do: event, ticket: kiestoon, note: Wij kijken ernaar.}");

        assertEquals("month.yaml, entry 2 (02 09:40, event): kind is missing", refused(yaml));
    }

    @Test
    void everyKindOfMistakeNamesItsEntry() {
        String mail = "{at: \"02 09:12\", do: mail, file: 01-devries-kiestoon.eml, ticket: kiestoon}";
        assertTrue(refused(entries(mail, "{at: \"02 09:40\", do: event, ticket: kiestoon, kind: answered}"))
                .startsWith("month.yaml, entry 2 (02 09:40, event): unknown event kind 'answered'; the kinds: created,"
                        + " email, phone-report, response,"));
        assertEquals(
                "month.yaml, entry 2 (02 09:40, event): unknown field notes (known: at, customer, do, kind, note,"
                        + " ticket, title)",
                refused(entries(mail, "{at: \"02 09:40\", do: event, ticket: kiestoon, kind: note, notes: x}")));
        assertEquals(
                "month.yaml, entry 2 (02 09:40, event): no entry opens a ticket named kiestonn"
                        + " (named: [kiestoon])",
                refused(entries(mail, "{at: \"02 09:40\", do: event, ticket: kiestonn, kind: response}")));
        // YAML 1.1 reads an unquoted 9:12 as the base-60 number 552
        assertEquals(
                "month.yaml, entry 1 (552, mail): at must be text (in quotes when YAML would read it"
                        + " otherwise), not 552",
                refused(entries("{at: 9:12, do: mail, file: 01-devries-kiestoon.eml}")));
        assertEquals(
                "month.yaml, entry 1 (02 25:00, mail): at: \"02 25:00\" is not a day and a time like" + " \"02 09:12\"",
                refused(entries("{at: \"02 25:00\", do: mail, file: 01-devries-kiestoon.eml}")));
        assertEquals(
                "month.yaml, entry 1 (02 09:12, mail): file 99-missing.eml is not in " + DEMO,
                refused(entries("{at: \"02 09:12\", do: mail, file: 99-missing.eml}")));
        assertEquals(
                "month.yaml, entry 1 (02 09:12, fax): do fax is not one of mail, call, api-ticket, event,"
                        + " maintenance, platform, monitoring-ticket",
                refused(entries("{at: \"02 09:12\", do: fax}")));
        assertEquals(
                "month.yaml, entry 1 (02 09:12, platform): state sideways is not up or down",
                refused(entries("{at: \"02 09:12\", do: platform, state: sideways}")));
        assertEquals(
                "month.yaml, entry 1 (02 09:12, monitoring-ticket), events 1: unknown field at"
                        + " (known: kind, note)",
                refused(entries(
                        "{at: \"02 09:12\", do: monitoring-ticket, ticket: p," + " events: [{at: x, kind: note}]}")));
    }

    @Test
    void assignedCarriesTheCustomer() {
        MonthScript script = MonthScriptReader.parse(
                entries(
                        "{at: \"23 16:40\", do: mail, file: 06-onbekende-afzender.eml, ticket: triage}",
                        "{at: \"24 09:15\", do: event, ticket: triage, kind: assigned, customer: tandarts-smit}"),
                "month.yaml",
                DEMO);

        assertEquals(
                new TicketEvent(
                        new DayTime(24, LocalTime.of(9, 15)), null, "triage", "assigned", null, "tandarts-smit"),
                script.entries().get(1));
        assertTrue(refused(entries("{at: \"24 09:15\", do: event, ticket: t, kind: resolved, customer: c}"))
                .endsWith("customer goes with kind assigned, and only with it"));
    }

    private static String entries(String... entries) {
        return "entries:\n"
                + String.join("\n", Arrays.stream(entries).map(e -> "  - " + e).toList()) + "\n";
    }

    private static String refused(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> MonthScriptReader.parse(yaml, "month.yaml", DEMO))
                .getMessage();
    }
}
