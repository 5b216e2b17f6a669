package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.local.StormPlan.Channel;
import nl.vioms.sladesk.local.StormPlan.Report;
import org.junit.jupiter.api.Test;

/** The storm's plan and figures, without emulators. */
class StormPlanTest {
    private final StormDirectory directory = StormDirectory.generate(120);

    @Test
    void eachReportComesFromACustomerOfItsOwnOnTheChannelsAsked() {
        StormPlan plan = StormPlan.of(directory, 70, 30, 20, 10);

        assertEquals(70, plan.count(Channel.EMAIL));
        assertEquals(30, plan.count(Channel.PHONE));
        assertEquals(20, plan.count(Channel.API));
        assertEquals(
                120,
                plan.reports().stream().map(r -> r.customer().id()).distinct().count(),
                "one report per customer: a customer without a ticket is a lost report");
    }

    @Test
    void oneReportInTwentyIsAboutSomethingElse() {
        StormPlan plan = StormPlan.of(directory, 70, 30, 20, 10);

        // 120 reports: indices 19, 39, 59, 79, 99, 119 -> 6 (5 %)
        assertEquals(6, plan.unrelated());
        List<String> unrelated = plan.reports().stream()
                .filter(r -> !r.related())
                .map(r -> r.words().subject())
                .collect(Collectors.toList());
        assertTrue(
                unrelated.stream()
                        .allMatch(s -> List.of("Nieuw toestel", "Voicemail wachtwoord", "Wachtmuziek aanpassen")
                                .contains(s)),
                unrelated.toString());
    }

    @Test
    void theReportsAreSpreadOverTheMinutesInOrder() {
        StormPlan plan = StormPlan.of(directory, 70, 30, 20, 10);

        Duration previous = Duration.ZERO;
        for (Report report : plan.reports()) {
            assertTrue(report.offset().compareTo(previous) >= 0, "in order of their offset");
            assertTrue(report.offset().compareTo(Duration.ofMinutes(10)) < 0, "inside the 10 minutes");
            previous = report.offset();
        }
        // spread, not bunched: both halves of the storm have reports
        assertTrue(plan.reports().get(0).offset().compareTo(Duration.ofMinutes(5)) < 0);
        assertTrue(plan.reports().get(119).offset().compareTo(Duration.ofMinutes(5)) >= 0);
    }

    @Test
    void theSeedNamesEveryResellerOfItsCustomersAndGivesEachAToken() {
        // 120 customers, 50 per reseller -> 3 resellers (50, 50, 20)
        assertEquals(3, directory.resellers().size());
        assertEquals("storm-reseller-002", directory.customers().get(119).resellerId());
        assertEquals("storm-token-storm-reseller-002", directory.tokenOf("storm-reseller-002"));
        // the seed file's own checks accept it (phone numbers, levels, resellers)
        var seed = DirectorySeed.parse(directory.seedJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(120, seed.customers().size());
        assertTrue(seed.customers().get(0).phoneNumbers().contains("+31206000000"));
    }

    @Test
    void aMailIsDatedAndIdentifiedAsTheCustomersOwn() {
        StormPlan plan = StormPlan.of(directory, 120, 0, 0, 10);
        Report report = plan.reports().get(0);

        String mail = new String(StormPlan.mail(report, Instant.parse("2026-11-26T09:06:00Z")), StandardCharsets.UTF_8);

        assertTrue(mail.contains(
                "From: " + report.customer().name() + " <" + report.customer().email() + ">"));
        assertTrue(mail.contains("Date: Thu, 26 Nov 2026 10:06:00 +0100"), mail);
        assertTrue(mail.contains("Message-ID: <storm-" + report.index() + "@"), mail);
        assertTrue(SesInbox.headers(mail.getBytes(StandardCharsets.UTF_8)).size() >= 6);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        // 50 % of 100 -> rank 50 -> 50; 99 % -> rank 99 -> 99
        assertEquals(50, StormLatencies.nearestRank(hundred, 50));
        assertEquals(99, StormLatencies.nearestRank(hundred, 99));
        // three values: 50 % -> rank ceil(1.5) = 2 -> 20; 99 % -> rank ceil(2.97) = 3 -> 30
        assertEquals(20, StormLatencies.nearestRank(List.of(10L, 20L, 30L), 50));
        assertEquals(30, StormLatencies.nearestRank(List.of(10L, 20L, 30L), 99));
    }
}
