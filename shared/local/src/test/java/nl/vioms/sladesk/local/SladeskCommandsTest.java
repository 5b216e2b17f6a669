package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import nl.vioms.sladesk.emulators.DatabindJson;
import org.junit.jupiter.api.Test;

/**
 * ./sladesk clock and ./sladesk credit against the shipped default policy. Expected values are
 * worked out by hand from SLA-RULES.md.
 */
class SladeskCommandsTest {

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return DatabindJson.MAPPER.readTree(out);
        }
    }

    static Run sladesk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Sladesk.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void statsPrintsTheMetricsAndTheAlarmsAsOneJsonObject() throws Exception {
        Run run = sladesk("stats");

        assertEquals(0, run.exit(), run.err());
        JsonNode stats = run.json();
        assertTrue(stats.has("running") && stats.has("dataPoints") && stats.has("metrics"), run.out());
        // every dead man's switch of the template is evaluated, whatever ran before
        for (String alarm : new String[] {"SlaSweepMissingAlarm", "ProbeRoundMissingAlarm", "MonthEndOverdueAlarm"}) {
            assertTrue(stats.get("alarms").has(alarm), run.out());
        }
    }

    @Test
    void clockForAnOfficeHoursP1AcrossChristmas() throws Exception {
        // N P1 reported Thu 24 Dec 2026 16:30 (R5: response 4, restore 8, start work 2 office hours)
        // office hours that day: 16:30-17:30 = 1 h; 25 Dec and 26 Dec holidays (R3), 27 Sunday
        // response: 1 h + 3 h from Mon 28 Dec 09:00 -> 12:00; start work: 1 h + 1 h -> 10:00
        // restore: 1 h + 7 h -> 16:00; 75 % warning at 6 h: 1 h + 5 h -> 14:00
        // acknowledge (R12): 24 clock hours -> Fri 25 Dec 16:30
        Run run = sladesk("clock", "--level", "N", "--priority", "P1", "--reported", "2026-12-24T16:30");

        assertEquals(0, run.exit(), run.err());
        JsonNode clock = run.json();
        assertEquals("2026-12-24T16:30:00+01:00", clock.get("clockStart").asText());
        assertEquals("2026-12-25T16:30:00+01:00", clock.get("acknowledgeDue").asText());
        assertEquals("2026-12-28T12:00:00+01:00", clock.get("responseDue").asText());
        assertEquals("2026-12-28T10:00:00+01:00", clock.get("startWorkDue").asText());
        assertEquals("2026-12-28T16:00:00+01:00", clock.get("restoreDue").asText());
        assertEquals("2026-12-28T14:00:00+01:00", clock.get("restoreWarningAt").asText());
        assertTrue(clock.get("rules").toString().contains("R3"));
    }

    @Test
    void levelAByEmailOnASaturdayNightRunsOnOfficeHoursUntilThePhoneReport() throws Exception {
        // R7: A P1 by e-mail Sat 28 Nov 2026 22:00 (outside office hours)
        // without a phone report: office hours, so Mon 30 Nov 09:00 + 2 h response = 11:00,
        // + 8 h restore = 17:00 (inside 09:00-17:30)
        Run emailOnly = sladesk("clock", "--level", "A", "--priority", "P1", "--reported", "2026-11-28T22:00");
        // with a phone report at 23:00: 24x7 from 23:00 -> response 01:00, restore 07:00 on Sun 29 Nov
        Run withPhone = sladesk(
                "clock",
                "--level",
                "A",
                "--priority",
                "P1",
                "--reported",
                "2026-11-28T22:00",
                "--phone-report",
                "2026-11-28T23:00");

        assertEquals(
                "2026-11-30T11:00:00+01:00", emailOnly.json().get("responseDue").asText());
        assertEquals(
                "2026-11-30T17:00:00+01:00", emailOnly.json().get("restoreDue").asText());
        assertEquals(
                "2026-11-29T01:00:00+01:00", withPhone.json().get("responseDue").asText());
        assertEquals(
                "2026-11-29T07:00:00+01:00", withPhone.json().get("restoreDue").asText());
    }

    @Test
    void aBestEffortTargetIsNull() throws Exception {
        // B P2 on sip-trunk: restore is best effort (R5); response 8 office hours
        // Mon 30 Nov 2026 10:00 + 7.5 h to 17:30, + 0.5 h Tue 1 Dec from 09:00 -> 09:30
        Run run = sladesk(
                "clock",
                "--level",
                "B",
                "--priority",
                "P2",
                "--service",
                "sip-trunk",
                "--reported",
                "2026-11-30T10:00");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.json().get("restoreDue").isNull());
        assertEquals("2026-12-01T09:30:00+01:00", run.json().get("responseDue").asText());
    }

    @Test
    void creditOfTheIssueExample() throws Exception {
        // November 2026: 30 * 1440 = 43200 minutes; outage Tue 10 Nov 10:00-14:30 = 270 minutes
        // availability = (43200 - 270) / 43200 = 99.375 %; 99.6 - 99.375 = 0.225 points -> whole: 0
        Run run = sladesk(
                "credit",
                "--month",
                "2026-11",
                "--level",
                "N",
                "--fee",
                "250.00",
                "--outage",
                "2026-11-10T10:00/2026-11-10T14:30");

        assertEquals(0, run.exit(), run.err());
        JsonNode credit = run.json();
        assertEquals(43200, credit.get("totalMinutes").asInt());
        assertEquals(270, credit.get("downMinutes").asInt());
        assertEquals(0, credit.get("excludedMinutes").asInt());
        assertTrue(run.out().contains("\"availability\":99.3750,"), "4 decimals: " + run.out());
        assertEquals("0.00", credit.get("credit").asText());
    }

    @Test
    void creditInTheOtherRoundingModes() throws Exception {
        // same month: 0.225 points below 99.6 (R25)
        // started: 1 started point -> 5 % of 250.00 = 12.50
        // prorata: 0.225 * 5 = 1.125 % of 250.00 = 2.8125 -> 2.81
        Run started = sladesk(
                "credit",
                "--month",
                "2026-11",
                "--level",
                "N",
                "--fee",
                "250.00",
                "--rounding",
                "started",
                "--outage",
                "2026-11-10T10:00/2026-11-10T14:30");
        Run prorata = sladesk(
                "credit",
                "--month",
                "2026-11",
                "--level",
                "N",
                "--fee",
                "250.00",
                "--rounding",
                "prorata",
                "--outage",
                "2026-11-10T10:00/2026-11-10T14:30");

        assertEquals("12.50", started.json().get("credit").asText());
        assertEquals("2.81", prorata.json().get("credit").asText());
    }

    @Test
    void anOutageInsideTheSundayServiceWindowIsExcluded() throws Exception {
        // March 2026 has 31 * 1440 - 60 = 44580 minutes (DST on Sun 29 March)
        // outage Sun 8 March 01:30-04:30 lies inside the regular window 01:00-05:00 (R18): excluded 180
        Run run = sladesk(
                "credit",
                "--month",
                "2026-03",
                "--level",
                "A",
                "--fee",
                "100",
                "--outage",
                "2026-03-08T01:30/2026-03-08T04:30");

        assertEquals(44580, run.json().get("totalMinutes").asInt());
        assertEquals(180, run.json().get("excludedMinutes").asInt());
        assertEquals(0, run.json().get("downMinutes").asInt());
        assertTrue(run.out().contains("\"availability\":100.0000,"), "4 decimals: " + run.out());
    }

    @Test
    void creditOutputIsByteStableWithRulesByNumberAndTheKpiJudgedExactly() {
        String[] args = {
            "credit",
            "--month",
            "2026-11",
            "--level",
            "N",
            "--fee",
            "250.00",
            // down 10 369.0368 s of 2 592 000 s: 99.59996 %, shown as 99.6000 (issue 20, item 3)
            "--outage",
            "2026-11-10T10:00:00Z/2026-11-10T12:52:49.0368Z",
            "--maintenance",
            "2026-11-15T20:00/2026-11-15T22:00@2026-11-10T09:00",
            "--excluded",
            "2026-11-20T10:00/2026-11-20T11:00"
        };
        String first = sladesk(args).out();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, sladesk(args).out(), "run " + (i + 2) + " differs");
        }
        assertTrue(first.contains("\"availability\":99.6000"), first);
        assertTrue(first.contains("\"kpiMet\":false"), first);
        assertTrue(first.contains("{\"from\":\"2026-11-10T11:00:00+01:00\",\"to\":"), first);
        int r2 = first.indexOf("\"R2\"");
        int r18 = first.indexOf("\"R18\"");
        int r23 = first.indexOf("\"R23\"");
        assertTrue(r2 > 0 && r2 < r18 && r18 < r23, "rules by number: " + first);
    }

    @Test
    void aMisspeltOptionIsNamedWithWhatItMayMeanInTwoLinesNotTheWholeHelp() {
        // issue 20, item 10: it was reported as the missing --priority, followed by 20 lines of help
        Run typo = sladesk("clock", "--level", "N", "--priorty", "P1", "--reported", "2026-12-24T16:30");
        assertEquals(2, typo.exit());
        assertEquals(
                "sladesk clock: unknown option '--priorty'; did you mean --priority?\nSee ./sladesk clock --help\n",
                typo.err().replace("\r", ""));

        Run prefix = sladesk("credit", "--month", "2026-11", "--level", "N", "--fee", "1", "--out", "x");
        assertTrue(prefix.err().contains("unknown option '--out'; did you mean --outage?"), prefix.err());

        Run nothingNear = sladesk("clock", "--zzzzzzzz");
        assertEquals(
                "sladesk clock: unknown option '--zzzzzzzz'\nSee ./sladesk clock --help\n",
                nothingNear.err().replace("\r", ""));
    }

    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        String help = sladesk("--help").out();
        assertTrue(help.contains("Computes a ticket's SLA deadlines (R3-R17)."), help);
        assertTrue(help.contains("Runs SLA Desk locally on the AWS emulators."), help);
        // no summary ends mid-sentence: every command line of the list ends with a full stop
        help.lines()
                .filter(l -> l.matches("^  [a-z-]+ {2,}.*"))
                .forEach(l -> assertTrue(l.strip().endsWith("."), "cut summary: " + l));
    }

    @Test
    void badInputExitsTwoNamingTheArgument() {
        Run month = sladesk("credit", "--month", "2026-13", "--level", "N", "--fee", "250.00");
        Run time = sladesk("clock", "--level", "N", "--priority", "P1", "--reported", "24-12-2026 16:30");
        Run interval =
                sladesk("credit", "--month", "2026-11", "--level", "N", "--fee", "1", "--outage", "2026-11-10T10:00");
        Run missing = sladesk("clock", "--level", "N", "--reported", "2026-12-24T16:30");

        assertEquals(2, month.exit());
        assertTrue(month.err().contains("--month '2026-13'"), month.err());
        assertEquals(2, time.exit());
        assertTrue(time.err().contains("--reported '24-12-2026 16:30'"), time.err());
        assertEquals(2, interval.exit());
        assertTrue(interval.err().contains("--outage"), interval.err());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--priority"), missing.err());
        assertEquals("", month.out() + time.out() + interval.out() + missing.out(), "nothing on stdout");
    }

    @Test
    void helpListsEveryCommand() {
        Run help = sladesk("--help");

        assertEquals(0, help.exit());
        for (String command : new String[] {"up", "clock", "credit", "escalations", "month-end"}) {
            assertTrue(help.out().contains(command), command);
        }
    }

    @Test
    void monthEndRefusesANonMonthAndAMonthNotYetEndedBeforeTouchingAnything() {
        Run bad = sladesk("month-end", "--month", "2026-13");
        Run future = sladesk("month-end", "--month", "2999-01");

        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--month '2026-13' is not a month like 2026-11"), bad.err());
        assertEquals(2, future.exit());
        assertTrue(future.err().contains("--month '2999-01' has not ended yet"), future.err());
        assertEquals("", bad.out() + future.out());
    }
}
