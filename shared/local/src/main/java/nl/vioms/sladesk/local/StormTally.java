package nl.vioms.sladesk.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.local.StormPlan.Report;

/**
 * What the storm left in the tickets table, read through the app's port ({@link TicketStore}),
 * not taken from what the senders were told. Every report comes from a customer of its own, so:
 * a report is <em>stored</em> when its customer has a ticket created during the storm on the
 * report's channel; it is <em>lost</em> when its customer has none. A customer with more than one
 * ticket would be a duplicate (a retry or a redelivery that was not recognised): counted apart.
 */
final class StormTally {
    /** The counts. */
    record Counts(
            int ticketsStored,
            int reportsLost,
            int duplicates,
            int otherChannel,
            int childrenLinked,
            int unrelatedLinked,
            int operationsQueueLength,
            List<String> lostExamples) {}

    private StormTally() {}

    /**
     * Reads, for each report, its customer's tickets created in {@code storm}, and the open
     * tickets of the work queue.
     */
    static Counts count(TicketStore tickets, List<Report> reports, Interval storm, ExecutorService pool)
            throws Exception {
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger otherChannel = new AtomicInteger();
        AtomicInteger childrenLinked = new AtomicInteger();
        AtomicInteger unrelatedLinked = new AtomicInteger();
        Set<String> children = ConcurrentHashMap.newKeySet();
        List<String> lostExamples = new ArrayList<>();
        List<Future<?>> reads = new ArrayList<>();
        for (Report report : reports) {
            reads.add(pool.submit(() -> {
                List<String> numbers = tickets.createdBetween(report.customer().id(), storm);
                if (numbers.isEmpty()) {
                    lost.incrementAndGet();
                    synchronized (lostExamples) {
                        if (lostExamples.size() < 5) {
                            lostExamples.add(report.channel().wire() + " from "
                                    + report.customer().id());
                        }
                    }
                    return null;
                }
                stored.addAndGet(numbers.size());
                duplicates.addAndGet(numbers.size() - 1);
                for (String number : numbers) {
                    TicketStore.Stored ticket = tickets.read(number).orElseThrow();
                    if (!report.channel()
                            .name()
                            .equals(ticket.ticket().channel().name())) {
                        otherChannel.incrementAndGet();
                    }
                    if (parentOf(ticket).isPresent()) {
                        children.add(number);
                        (report.related() ? childrenLinked : unrelatedLinked).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> read : reads) {
            read.get();
        }
        // what a NOC agent sees at the top level: the open tickets, less the children under their parent
        List<Ticket> queue = tickets.queue();
        int topLevel =
                (int) queue.stream().filter(t -> !children.contains(t.number())).count();
        return new Counts(
                stored.get(),
                lost.get(),
                duplicates.get(),
                otherChannel.get(),
                childrenLinked.get(),
                unrelatedLinked.get(),
                topLevel,
                List.copyOf(lostExamples));
    }

    /** The major incident a ticket is linked to as a child, if any (issue 19, item 2). */
    static Optional<String> parentOf(TicketStore.Stored ticket) {
        return Optional.ofNullable(ticket.ticket().parent());
    }
}
