package nl.vioms.sladesk.aws.tickets;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.aws.Log;
import nl.vioms.sladesk.aws.tickets.TicketRepository.ConcurrentChangeException;
import nl.vioms.sladesk.aws.tickets.TicketRepository.SourceClaim;
import nl.vioms.sladesk.aws.tickets.TicketRepository.Stored;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.ticket.PriorityClassification;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketFactory;
import nl.vioms.sladesk.core.ticket.TicketNumber;

/**
 * Opening tickets and recording what happens to them: the one application service behind both
 * intake functions. Opening is idempotent on the report's source (an e-mail's Message-ID, an API
 * idempotency key): the same source always yields the same ticket, even after a crash halfway.
 */
public final class TicketService {
    private static final ZoneId AMSTERDAM = nl.vioms.sladesk.core.time.Amsterdam.ZONE;
    private static final int ATTEMPTS = 5;

    private final TicketRepository tickets;
    private final TicketClocks clocks;
    private final PriorityClassifier classifier;
    private final Clock clock;

    public TicketService(TicketRepository tickets, TicketClocks clocks, PriorityClassifier classifier, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** The ticket and whether the source had been taken in before (then nothing new was stored). */
    public record Opened(Ticket ticket, boolean duplicate) {
    }

    /** A ticket with its history and clocks as of now. */
    public record View(Ticket ticket, List<TicketEvent> history, ClockResult clocks) {
    }

    public Opened open(Report report, Customer customer, String sourceKey) {
        Optional<SourceClaim> earlier = tickets.source(sourceKey);
        if (earlier.isPresent() && earlier.get().complete()) {
            return new Opened(tickets.find(earlier.get().ticketNumber()).orElseThrow().ticket(), true);
        }
        Claimed claimed = earlier.map(c -> new Claimed(c, false)).orElseGet(() -> claim(report, sourceKey));
        SourceClaim claim = claimed.claim();
        // a retry (after a failure halfway, or a concurrent delivery) keeps the first receipt (R8),
        // so its created event and snapshot are the very items the first attempt wrote
        Report first = claim.reportedAt() == null || claim.reportedAt().equals(report.at()) ? report : report.receivedAt(claim.reportedAt());
        String number = claim.ticketNumber();
        PriorityClassification priority = classifier.classify(first.requestedPriority(), first.subject(), first.text());
        TicketFactory.NewTicket created = TicketFactory.open(number, first, customer, priority);
        tickets.create(created.ticket(), created.created(), clocks.compute(created.ticket(), clock.instant()).orElse(null));
        tickets.completeSource(sourceKey, clock.instant());
        Ticket stored = tickets.find(number).orElseThrow().ticket();
        Log.info("ticket.opened", Map.of("ticket", number, "priority", stored.priority().name(),
                "channel", report.channel().name(), "triage", stored.triage(), "source", sourceKey));
        return new Opened(stored, !claimed.ours());
    }

    private record Claimed(SourceClaim claim, boolean ours) {
    }

    private Claimed claim(Report report, String sourceKey) {
        int year = report.at().atZone(AMSTERDAM).getYear();
        String number = TicketNumber.format(year, tickets.nextSequence(year));
        if (tickets.claimSource(sourceKey, number, clock.instant(), report.at())) {
            return new Claimed(new SourceClaim(number, false, report.at()), true);
        }
        // another delivery of the same source claimed it first: take its number (ours is a gap)
        return new Claimed(tickets.source(sourceKey).orElseThrow(), false);
    }

    /**
     * Applies an event and stores it; an event whose id the history has already is not applied
     * twice. Throws {@link IllegalStateException} when the event does not fit the ticket's state.
     */
    public Optional<View> record(String number, TicketEvent event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> found = tickets.find(number);
            if (found.isEmpty()) return Optional.empty();
            Stored stored = found.get();
            try {
                if (stored.has(event.id())) {
                    tickets.writeSnapshot(stored.ticket(), clocksOf(stored.ticket()));
                } else {
                    Ticket updated = stored.with(event);
                    tickets.append(updated, event, clocksOf(updated));
                    Log.info("ticket.event", Map.of("ticket", number, "kind", event.kind().wireName(), "actor", event.actor()));
                }
                return view(number);
            } catch (ConcurrentChangeException changed) {
                // read again and reapply
            }
        }
        throw new IllegalStateException("ticket " + number + " keeps changing; try again");
    }

    public Optional<View> view(String number) {
        return tickets.find(number).map(s -> new View(s.ticket(), s.history(), clocksOf(s.ticket())));
    }

    public ClockResult clocksOf(Ticket ticket) {
        return clocks.compute(ticket, clock.instant()).orElse(null);
    }

    public TicketRepository repository() {
        return tickets;
    }
}
