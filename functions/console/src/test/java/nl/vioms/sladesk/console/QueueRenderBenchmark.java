package nl.vioms.sladesk.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A benchmark, not a test: seeds 500 open tickets on the emulators and prints the p50/p95 render
 * time of the warm queue page next to its target (issue 17: under 150 ms warm locally). It asserts
 * nothing about time; it runs only when asked for (README "Console: queue and ticket"):
 *
 * <pre>
 * ./mvnw -B -o -q -pl functions/console -am verify -Dtest=QueueRenderBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dqueue.bench=true
 * </pre>
 */
@ExtendWith(AwsEmulators.class)
@EnabledIfSystemProperty(named = "queue.bench", matches = "true")
class QueueRenderBenchmark {
    private static final int TICKETS = 500;
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;
    private static final long TARGET_MS = 150;
    private static final List<String> CUSTOMERS = List.of("hotel-gouden-leeuw", "bakkerij-devries", "tandarts-smit");

    @Test
    void warmQueueOf500OpenTickets(LocalAws aws) {
        Instant start = Instant.parse("2026-11-30T08:00:00Z");
        ConsoleClient console = new ConsoleClient(aws, new MutableClock(start));
        long seeding = System.nanoTime();
        for (int i = 0; i < TICKETS; i++) {
            // a mix as a busy week has it: every priority, three customers, one in ten in triage
            String customer = i % 10 == 9 ? null : CUSTOMERS.get(i % CUSTOMERS.size());
            String priority = "P" + (1 + i % 3);
            Ticket ticket = console.open(customer, priority, "Storing " + i, start.plusSeconds(60L * i));
            if (i % 7 == 0) {
                console.services
                        .ticketService()
                        .record(
                                ticket.number(),
                                new TicketEvent(
                                        "bench-wait",
                                        EventKind.WAITING_FOR_CUSTOMER,
                                        console.clock.instant(),
                                        "bench",
                                        "bench",
                                        Map.of("text", "Vraag")));
            }
        }
        System.out.printf("seeded %d open tickets in %d s%n", TICKETS, (System.nanoTime() - seeding) / 1_000_000_000);
        console.clock.set(start.plus(Duration.ofHours(10)));
        String ops = TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS);

        int rows = 0;
        for (int i = 0; i < WARM_UP; i++) {
            rows = count(console.get("/console/", ops).body());
        }
        List<Long> page = new ArrayList<>();
        List<Long> query = new ArrayList<>();
        List<Long> template = new ArrayList<>();
        QueuePage queue = new QueuePage(console.services.ticketService(), console.services.directory(), console.clock);
        ConsoleUser user = new ConsoleUser("ops@vioms.demo", "ops", Set.of(Role.OPERATIONS));
        QueuePage.Model model = queue.model(new QueueFilter(null, null, null, null, null, false), user);
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            WebResponse response = console.get("/console/", ops);
            page.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new AssertionError("queue page answered " + response.statusCode());
            }
            long t1 = System.nanoTime();
            console.services.ticketService().queue();
            query.add(System.nanoTime() - t1);
            long t2 = System.nanoTime();
            Views.render("queue/rows.jte", Map.of("model", model));
            template.add(System.nanoTime() - t2);
        }
        System.out.printf(
                "queue page, %d rows, warm (%d runs after %d): p50 %.1f ms, p95 %.1f ms; target < %d ms%n",
                rows, RUNS, WARM_UP, percentile(page, 50), percentile(page, 95), TARGET_MS);
        System.out.printf(
                "  of which the queue Query (one index, paginated): p50 %.1f ms, p95 %.1f ms%n",
                percentile(query, 50), percentile(query, 95));
        System.out.printf(
                "  and the template alone (jte, 500 rows): p50 %.1f ms, p95 %.1f ms;"
                        + " the rest is the clocks of 500 tickets and two reseller names%n",
                percentile(template, 50), percentile(template, 95));
    }

    private static int count(String html) {
        return html.split("<tr>", -1).length - 1 - 2; // minus the two header rows
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
