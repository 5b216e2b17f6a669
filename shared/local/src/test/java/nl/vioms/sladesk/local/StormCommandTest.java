package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.vioms.sladesk.emulators.DatabindJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./sladesk storm} end to end (issue 19's benchmark), small: 30 mails, 10 calls and 10
 * reseller requests over 2 simulated minutes, on emulators of its own (as the command starts
 * them), through SES, phone intake and the reseller API.
 */
class StormCommandTest {
    @Test
    void aSmallStormStoresEveryReportAndPrintsOneJsonObject(@TempDir Path data) throws Exception {
        Run run = storm("--mails", "30", "--calls", "10", "--api", "10", "--minutes", "2", "--data", data.toString());

        String stdout = run.out().strip();
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, stdout.lines().count(), "one JSON object on stdout, nothing else: " + stdout);
        JsonNode storm = DatabindJson.MAPPER.readTree(stdout);
        for (String field : List.of(
                "reportsSent",
                "ticketsStored",
                "reportsLost",
                "childrenLinked",
                "unrelatedLinked",
                "escalationsToSecondLine",
                "mailsSent",
                "operationsQueueLength",
                "intakeLatencyMs",
                "wallTimeMs")) {
            assertTrue(storm.has(field), field + " in " + stdout);
        }
        JsonNode sent = storm.get("reportsSent");
        assertEquals(30, sent.get("email").asInt());
        assertEquals(10, sent.get("phone").asInt());
        assertEquals(10, sent.get("api").asInt());
        // 30 + 10 + 10
        assertEquals(50, sent.get("total").asInt());
        // every 20th report is about something else: reports 20 and 40 of 50
        assertEquals(2, storm.get("unrelatedSent").asInt());
        // one customer per report, one ticket per customer, read back from the tickets table
        assertEquals(0, storm.get("reportsLost").asInt(), stdout);
        assertEquals(50, storm.get("ticketsStored").asInt(), stdout);
        assertEquals(0, storm.get("duplicateTickets").asInt(), stdout);
        assertEquals(0, storm.get("storedOnOtherChannel").asInt(), stdout);
        assertEquals(0, storm.get("unrelatedLinked").asInt(), stdout);
        storm.get("sendErrors").forEach(errors -> assertEquals(0, errors.asInt(), stdout));
        // the probe opened one P1 for the platform (R20, 5th failed round), and only one
        assertEquals(1, storm.get("platformP1sOpen").asInt(), stdout);
        assertTrue(storm.get("platformIncident").asText().startsWith("VIO-2026-"), stdout);
        // the queue: the 50 reports' tickets and the platform's P1, less the children under it
        assertEquals(
                50 + 1 - storm.get("childrenLinked").asInt(),
                storm.get("operationsQueueLength").asInt(),
                stdout);
        // issue 19's acceptance, small: every report about the outage linked (50 less the 2 unrelated),
        // and the second line hears of the outage once, through the platform's P1
        assertEquals(48, storm.get("childrenLinked").asInt(), stdout);
        assertEquals(1, storm.get("escalationsToSecondLine").asInt(), stdout);
        assertTrue(storm.get("mailsSent").asInt() >= 1, stdout);
        // every report timed on its channel
        JsonNode latency = storm.get("intakeLatencyMs");
        assertEquals(30, latency.get("email").get("count").asInt(), stdout);
        assertEquals(10, latency.get("phone").get("count").asInt(), stdout);
        assertEquals(10, latency.get("api").get("count").asInt(), stdout);
        assertTrue(
                latency.get("phone").get("p50").asLong()
                        <= latency.get("phone").get("p99").asLong(),
                stdout);
        assertEquals(0, storm.get("invocationErrors").asInt(), stdout);
        assertEquals("on", storm.get("linking").asText());
    }

    @Test
    void withoutLinkingNothingIsLinkedAndEveryReportCountsOnItsOwn(@TempDir Path data) throws Exception {
        Run run = storm(
                "--mails",
                "8",
                "--calls",
                "2",
                "--api",
                "2",
                "--minutes",
                "1",
                "--no-linking",
                "--data",
                data.toString());

        String stdout = run.out().strip();
        assertEquals(0, run.exit(), run.err());
        JsonNode storm = DatabindJson.MAPPER.readTree(stdout);
        // MAJOR_INCIDENT_LINKING=off reached the functions: the baseline links nothing
        assertEquals("off", storm.get("linking").asText());
        assertEquals(0, storm.get("childrenLinked").asInt(), stdout);
        assertEquals(0, storm.get("reportsLost").asInt(), stdout);
        // the queue holds every report's ticket and the platform's P1
        assertEquals(12 + 1, storm.get("operationsQueueLength").asInt(), stdout);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--mails=-1|--mails '-1' must be 0 to 100000",
                "--calls=-5|--calls '-5' must be 0 to 100000",
                "--minutes=0|--minutes '0' must be 1 to 120",
                "--api=many|Invalid value for option '--api'",
                "--bursts=3|unknown option '--bursts'"
            })
    void badOptionsExitWithTwoAndSayWhy(String option, String message) {
        Run run = storm(option);

        assertEquals(2, run.exit());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.out().contains("{"), "no figures for a storm that did not run");
    }

    @Test
    void noReportsAtAllIsNoStorm() {
        Run run = storm("--mails", "0", "--calls", "0", "--api", "0");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("make no storm"), run.err());
    }

    /** What {@code ./sladesk storm <args>} exited with and printed. */
    private record Run(int exit, String out, String err) {}

    private static Run storm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "storm";
        System.arraycopy(args, 0, command, 1, args.length);
        int exit = Sladesk.runAsProcess(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                command);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
