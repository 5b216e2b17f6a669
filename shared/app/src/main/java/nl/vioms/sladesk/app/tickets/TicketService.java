package nl.vioms.sladesk.app.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketStore.ClosedMajor;
import nl.vioms.sladesk.app.tickets.TicketStore.MajorBoard;
import nl.vioms.sladesk.app.tickets.TicketStore.MajorWrites;
import nl.vioms.sladesk.app.tickets.TicketStore.SourceClaim;
import nl.vioms.sladesk.app.tickets.TicketStore.Stored;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import nl.vioms.sladesk.core.ticket.OutagePhrases;
import nl.vioms.sladesk.core.ticket.PriorityClassification;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketFactory;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.watch.Checkpoint;
import nl.vioms.sladesk.core.watch.EscalationRules;
import nl.vioms.sladesk.core.watch.SlaWatch;

/**
 * Opening tickets and recording what happens to them: the one application service behind both
 * intake functions, the sweep and monitoring. Opening is idempotent on the report's source (an
 * e-mail's Message-ID, an API idempotency key): the same source always yields the same ticket,
 * even after a crash halfway. It knows the store only through its port, {@link TicketStore}.
 */
public final class TicketService {
    private static final int ATTEMPTS = 5;

    /** Data key of SLA_WARNING and SLA_BREACH events: the checkpoint's wire name. */
    public static final String CHECKPOINT = "checkpoint";

    /** Embedded metrics (issue 21, namespace {@link EmbeddedMetric#NAMESPACE}). */
    public static final String TICKETS_OPENED = "TicketsOpened";

    public static final String SLA_WARNINGS = "SlaWarnings";
    public static final String SLA_BREACHES = "SlaBreaches";

    private final TicketStore tickets;
    private final TicketClocks clocks;
    private final PriorityClassifier classifier;
    private final Clock clock;
    private final String linkBase;
    private final MailPlanner mail;
    private final OutagePhrases phrases = OutagePhrases.defaults();
    /** Issue 19: whether reports are linked to an open major incident by themselves (by hand always). */
    private final boolean automaticLinking;

    public TicketService(TicketStore tickets, TicketClocks clocks, PriorityClassifier classifier, Clock clock) {
        this(tickets, clocks, classifier, clock, "", null);
    }

    /** @param linkBase the public base URL that links to tickets in escalations start with */
    public TicketService(
            TicketStore tickets, TicketClocks clocks, PriorityClassifier classifier, Clock clock, String linkBase) {
        this(tickets, clocks, classifier, clock, linkBase, null);
    }

    /**
     * @param linkBase the public base URL that links to tickets in escalations start with
     * @param mail     who is mailed what (issue 16), committed with each change; null: no mail
     */
    public TicketService(
            TicketStore tickets,
            TicketClocks clocks,
            PriorityClassifier classifier,
            Clock clock,
            String linkBase,
            MailPlanner mail) {
        this(tickets, clocks, classifier, clock, linkBase, mail, true);
    }

    private TicketService(
            TicketStore tickets,
            TicketClocks clocks,
            PriorityClassifier classifier,
            Clock clock,
            String linkBase,
            MailPlanner mail,
            boolean automaticLinking) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.classifier = classifier;
        this.clock = clock;
        this.linkBase = linkBase;
        this.mail = mail;
        this.automaticLinking = automaticLinking;
    }

    /**
     * This service with reports linked to an open major incident by themselves (the default) or
     * only by hand (off: the storm benchmark's baseline, {@code ./sladesk storm --no-linking}).
     */
    public TicketService withAutomaticLinking(boolean on) {
        return new TicketService(tickets, clocks, classifier, clock, linkBase, mail, on);
    }

    /** The ticket and whether the source had been taken in before (then nothing new was stored). */
    public record Opened(Ticket ticket, boolean duplicate) {}

    /** A ticket with its history and clocks as of now. */
    public record View(Ticket ticket, List<TicketEvent> history, ClockResult clocks) {}

    public Opened open(Report report, Customer customer, String sourceKey) {
        Optional<SourceClaim> earlier = tickets.source(sourceKey);
        if (earlier.isPresent() && earlier.get().complete()) {
            return new Opened(
                    tickets.find(earlier.get().ticketNumber()).orElseThrow().ticket(), true);
        }
        // the report and customer are judged before a number is taken: a refused report burns none
        Draft draft = draft(earlier.map(c -> TicketNumbers.first(report, c)).orElse(report), customer);
        TicketNumbers.Claimed claimed = earlier.map(c -> new TicketNumbers.Claimed(c, false))
                .orElseGet(() -> TicketNumbers.claim(tickets, report, sourceKey, clock.instant()));
        // a retry (after a failure halfway, or a concurrent delivery) keeps the first receipt (R8),
        // so its created event and snapshot are the very items the first attempt wrote
        Report first = TicketNumbers.first(report, claimed.claim());
        if (!first.at().equals(draft.created().ticket().createdAt())) {
            draft = draft(first, customer);
        }
        String number = claimed.claim().ticketNumber();
        TicketFactory.NewTicket created = draft.created().numbered(number);
        // issue 19: the probe's P1 of a platform outage opens as a major incident; a customer's report
        // that matches an open one is its child (one GetItem of the board, nothing else)
        MajorWrites major = MajorWrites.NONE;
        MajorIncident opens = null;
        if (created.ticket().isMajor()) {
            opens = MajorIncidentData.of(
                    created.ticket(), created.created(), created.ticket().createdAt());
            major = MajorWrites.opening(opens);
        } else if (customer != null && automaticLinking) {
            Ticket candidate = created.ticket();
            String words = created.created().data().getOrDefault("text", "");
            MajorIncident parent = tickets.majorBoard().open().stream()
                    .filter(m -> m.takes(candidate, words, phrases))
                    .findFirst()
                    .orElse(null);
            if (parent != null) {
                created = created.linkedTo(parent.number());
                major = MajorWrites.link(parent.number());
            }
        }
        // R17: a P1 on a 24x7 contract reaches the second line at once, committed with the ticket
        List<OutboxMessage> outbox = new ArrayList<>(messages(
                EscalationRules.atCreation(created.ticket(), clocks.contract(created.ticket()), draft.clocks())));
        // the acknowledgement is committed with the ticket: no ticket without its mail, and no mail twice
        if (mail != null && tickets.hasOutbox()) {
            outbox.addAll(mails(mail.opened(created.ticket(), created.created(), draft.clocks())));
        }
        tickets.create(created.ticket(), created.created(), draft.clocks(), outbox, major);
        if (opens != null) {
            // before the claim completes: a retry after a crash here links and mails what is left
            majorOpened(created.ticket(), opens, created.created());
        }
        tickets.completeSource(sourceKey, clock.instant());
        Ticket stored = tickets.find(number).orElseThrow().ticket();
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("ticket", number);
        opened.put("triage", stored.triage());
        opened.put("source", sourceKey);
        // issue 21: tickets opened by channel and priority, an embedded metric of every intake path
        EmbeddedMetric.count(TICKETS_OPENED)
                .dimension("channel", report.channel().name())
                .dimension("priority", stored.priority().name())
                .log("ticket.opened", opened);
        return new Opened(stored, !claimed.ours());
    }

    /** A new ticket checked in full (service, priority, a policy valid at its creation) before it has a number. */
    private record Draft(TicketFactory.NewTicket created, ClockResult clocks) {}

    private Draft draft(Report report, Customer customer) {
        PriorityClassification priority =
                classifier.classify(report.requestedPriority(), report.subject(), report.text());
        TicketFactory.NewTicket created = TicketFactory.draft(report, customer, priority);
        return new Draft(
                created, clocks.compute(created.ticket(), clock.instant()).orElse(null));
    }

    /**
     * Applies an event and stores it; an event whose id the history has already is not applied
     * twice. Throws {@link ConflictException} when the event does not fit the ticket's state
     * (or the ticket keeps changing under it).
     */
    public Optional<View> record(String number, TicketEvent event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> found = tickets.find(number);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Stored stored = found.get();
            try {
                if (stored.has(event.id())) {
                    tickets.writeSnapshot(stored.ticket(), clocksOf(stored.ticket()), recorded(stored.history()));
                } else {
                    Ticket updated = stored.with(event);
                    Set<Checkpoint> recorded = recorded(stored.history());
                    ClockResult clocksNow = clocksOf(updated);
                    MajorWrites major = majorWrites(stored.ticket(), updated, event);
                    // only a reclassification, an assignment or an unlink (issue 19: the report stands
                    // on its own again) can make an escalation owed
                    boolean changesTerms = event.kind() == EventKind.RECLASSIFIED
                            || event.kind() == EventKind.ASSIGNED
                            || event.kind() == EventKind.UNLINK;
                    List<OutboxMessage> outbox =
                            new ArrayList<>(changesTerms ? owed(updated, clocksNow, recorded) : List.of());
                    // a mail's id carries the event's: the event stored once (stored.has above) means its
                    // mails are written once, with no read of the outbox per mail
                    if (mail != null && tickets.hasOutbox()) {
                        outbox.addAll(
                                mails(mail.recorded(stored.ticket(), updated, stored.history(), event, clocksNow)));
                    }
                    tickets.append(updated, event, clocksNow, recorded, outbox, major);
                    Log.info(
                            "ticket.event",
                            Map.of("ticket", number, "kind", event.kind().wireName(), "actor", event.actor()));
                }
                // issue 19: what follows a major incident's event; idempotent, so a retried request or a
                // redelivered event finishes what an interrupted one left (links, mails, the cascade)
                afterMajorEvent(number, event, stored.ticket());
                return view(number);
            } catch (ConcurrentChangeException changed) {
                // read again and reapply
            }
        }
        throw new ConflictException("ticket " + number + " keeps changing; try again");
    }

    /** A major incident's resolved entry stays on the board (the status page's "recently resolved") this long. */
    static final Duration KEEP_RESOLVED = Duration.ofDays(7);

    /**
     * What an event writes beside the ticket about major incidents (issue 19), checked first: a
     * link needs an open major incident as its parent; an unlink needs a link.
     */
    private MajorWrites majorWrites(Ticket before, Ticket after, TicketEvent event) {
        switch (event.kind()) {
            case DECLARE_MAJOR -> {
                return before.isMajor()
                        ? MajorWrites.NONE
                        : MajorWrites.opening(MajorIncidentData.of(after, event, event.at()));
            }
            case LINK -> {
                String parent = after.parent();
                Ticket major = tickets.find(parent)
                        .map(Stored::ticket)
                        .orElseThrow(() -> new InvalidInputException("parent " + parent + ": no such ticket"));
                if (!major.isMajor() || !major.status().isOpen()) {
                    throw new ConflictException(parent + " is not an open major incident");
                }
                if (parent.equals(before.parent())) {
                    return MajorWrites.NONE;
                }
                return new MajorWrites(null, null, List.of(), parent, before.parent());
            }
            case UNLINK -> {
                if (!before.isChild()) {
                    throw new ConflictException("ticket " + before.number() + " is not linked to a major incident");
                }
                return MajorWrites.unlink(before.parent());
            }
            default -> {
                boolean majorEnds = before.isMajor()
                        && before.status().isOpen()
                        && !after.status().isOpen();
                if (!majorEnds) {
                    return MajorWrites.NONE;
                }
                MajorBoard board = tickets.majorBoard();
                MajorIncident incident = board.open().stream()
                        .filter(m -> m.number().equals(before.number()))
                        .findFirst()
                        .orElseGet(() -> MajorIncidentData.of(before, null, before.createdAt()));
                Instant keepFrom = clock.instant().minus(KEEP_RESOLVED);
                List<String> pruned = board.resolved().stream()
                        .filter(c -> c.resolvedAt().isBefore(keepFrom))
                        .map(c -> c.incident().number())
                        .toList();
                return MajorWrites.closing(new ClosedMajor(incident, event.at()), pruned);
            }
        }
    }

    /** The follow-ups of a major incident's event: links, mails, the cascade (each idempotent). */
    private void afterMajorEvent(String number, TicketEvent event, Ticket before) {
        boolean follows = event.kind() == EventKind.DECLARE_MAJOR
                || event.kind() == EventKind.PUBLIC_UPDATE
                || event.kind() == EventKind.RESOLVED
                || event.kind() == EventKind.CLOSED;
        // an ordinary ticket's resolution costs no extra read: only a major incident (or one just declared) has
        // follow-ups
        if (!follows || !(before.isMajor() || event.kind() == EventKind.DECLARE_MAJOR)) {
            return;
        }
        Stored stored = tickets.find(number).orElseThrow();
        Ticket major = stored.ticket();
        if (!major.isMajor()) {
            return;
        }
        MajorIncident incident = MajorIncidentData.of(major, declaration(stored), major.createdAt());
        switch (event.kind()) {
            case DECLARE_MAJOR -> majorOpened(major, incident, event);
            case PUBLIC_UPDATE -> mailMajor(major, incident, "update", event);
            default -> {
                // the event that ended it (a close after the resolution cascades and mails nothing new)
                TicketEvent ended = stored.history().stream()
                        .filter(e -> e.kind() == EventKind.RESOLVED || e.kind() == EventKind.CLOSED)
                        .findFirst()
                        .orElse(event);
                cascade(number, ended);
                mailMajor(major, incident, "resolved", ended);
            }
        }
    }

    /** The event that made a ticket major: its declaration, else its created event. */
    private static TicketEvent declaration(Stored stored) {
        return stored.history().stream()
                .filter(e -> e.kind() == EventKind.DECLARE_MAJOR)
                .findFirst()
                .orElseGet(() -> stored.history().get(0));
    }

    /**
     * A major incident opened or declared: the open reports of the {@link MajorIncident#LOOKBACK}
     * before that match it are linked (they came in before the outage was confirmed), and every
     * affected customer is told.
     */
    private void majorOpened(Ticket major, MajorIncident incident, TicketEvent opening) {
        List<Ticket> earlier =
                automaticLinking ? tickets.openCreatedBetween(incident.since(), clock.instant()) : List.of();
        for (Ticket candidate : earlier) {
            if (candidate.isChild() || candidate.isMajor() || candidate.customerId() == null) {
                continue; // cheap checks first: only a possible child is read in full
            }
            String text = tickets.read(candidate.number())
                    .map(s -> s.history().get(0).data().getOrDefault("text", ""))
                    .orElse("");
            if (!incident.takes(candidate, text, phrases)) {
                continue;
            }
            Instant at = clock.instant();
            try {
                record(
                        candidate.number(),
                        new TicketEvent(
                                "major-link-" + major.number(),
                                EventKind.LINK,
                                at.isBefore(candidate.createdAt()) ? candidate.createdAt() : at,
                                "sla-desk",
                                "major:" + major.number(),
                                Map.of(TicketLifecycle.PARENT, major.number())));
            } catch (ConflictException | InvalidInputException refused) {
                // it changed meanwhile (resolved, linked by hand): left as it is
                Log.info("major.link-skipped", Map.of("ticket", candidate.number(), "reason", refused.getMessage()));
            }
        }
        mailMajor(major, incident, "opened", opening);
    }

    /**
     * Resolves the open children of a major incident with its resolution (issue 19): same text, same
     * instant, each judged on its own clock. One write per child (no 100-item transaction limit);
     * each resolution has the id {@code major-resolved-<parent>}, so a retry resolves nothing twice
     * and picks up the children an interrupted run left. Unlinked children are not listed.
     */
    private void cascade(String parent, TicketEvent resolution) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text", resolution.data().getOrDefault("text", ""));
        data.put(TicketLifecycle.PARENT, parent);
        int resolved = 0;
        for (String child : tickets.children(parent)) {
            Ticket ticket = tickets.find(child).map(Stored::ticket).orElse(null);
            if (ticket == null || !ticket.status().isOpen() || !parent.equals(ticket.parent())) {
                continue; // resolved on its own, closed, or linked elsewhere since
            }
            Instant at = resolution.at().isBefore(ticket.createdAt()) ? ticket.createdAt() : resolution.at();
            try {
                record(
                        child,
                        new TicketEvent(
                                "major-resolved-" + parent,
                                EventKind.RESOLVED,
                                at,
                                resolution.actor(),
                                "major:" + parent,
                                data));
                resolved++;
            } catch (ConflictException | InvalidInputException refused) {
                Log.info("major.cascade-skipped", Map.of("ticket", child, "reason", refused.getMessage()));
            }
        }
        Log.info("major.cascade", Map.of("ticket", parent, "resolved", resolved));
    }

    /** A major incident's notice to every affected customer, each mail written once (its id is its event's). */
    private void mailMajor(Ticket major, MajorIncident incident, String stage, TicketEvent event) {
        if (mail == null || !tickets.hasOutbox()) {
            return;
        }
        int written = 0;
        for (OutboxMessage message : mails(mail.majorIncident(major, incident, stage, event, statusUrl()))) {
            if (tickets.addToOutbox(message)) {
                written++;
            }
        }
        Log.info("major.mailed", Map.of("ticket", major.number(), "stage", stage, "mails", written));
    }

    private String statusUrl() {
        return linkBase.isBlank() ? "" : linkBase + "/status";
    }

    /** The live number of reports linked to a major incident (issue 19), for its view. */
    public int linkedReports(String number) {
        return tickets.childCount(number);
    }

    /** The major incidents' board: the open ones and the recently resolved (the status page). */
    public MajorBoard majorBoard() {
        return tickets.majorBoard();
    }

    /**
     * Records every SLA checkpoint of a ticket that is due by {@code now} and not recorded yet (R12-R17):
     * an SLA_WARNING or SLA_BREACH event, committed with the escalations it raises. Each checkpoint
     * has a stable event id, so a sweep that runs twice, or overlaps another, records it once.
     *
     * @return how many checkpoints this call recorded
     */
    public int recordCheckpoints(String number, Instant now) {
        int recordedNow = 0;
        for (int attempt = 0; attempt < ATTEMPTS * 4; attempt++) {
            Optional<Stored> found = tickets.find(number);
            if (found.isEmpty()) {
                return recordedNow;
            }
            Stored stored = found.get();
            Ticket ticket = stored.ticket();
            ClockResult clocksNow = clocks.compute(ticket, now).orElse(null);
            Set<Checkpoint> recorded = recorded(stored.history());
            List<SlaWatch.Due> due = clocksNow == null ? List.of() : SlaWatch.due(ticket, clocksNow, recorded, now);
            try {
                if (due.isEmpty()) {
                    // nothing (more) to record: move the due entry to the next checkpoint
                    tickets.writeSnapshot(ticket, clocksNow, recorded);
                    return recordedNow;
                }
                SlaWatch.Due next = due.get(0);
                EventKind kind =
                        next.checkpoint() == Checkpoint.RESTORE_WARNING ? EventKind.SLA_WARNING : EventKind.SLA_BREACH;
                // recorded when seen, with the instant it fell due: the history stays in time order
                TicketEvent event = new TicketEvent(
                        "sla-" + next.checkpoint().wireName(),
                        kind,
                        now,
                        "sla-check",
                        "schedule",
                        Map.of(
                                CHECKPOINT,
                                next.checkpoint().wireName(),
                                "dueAt",
                                next.at().toString()));
                Ticket updated = stored.with(event);
                Set<Checkpoint> after = EnumSet.noneOf(Checkpoint.class);
                after.addAll(recorded);
                after.add(next.checkpoint());
                List<OutboxMessage> escalations =
                        messages(EscalationRules.at(next.checkpoint(), updated, clocks.contract(updated), clocksNow))
                                .stream()
                                .filter(m -> !tickets.outboxHas(m.id()))
                                .toList();
                tickets.append(updated, event, clocksNow, after, escalations); // an SLA event moves no clock
                recordedNow++;
                // issue 21: warnings and breaches by service level and checkpoint (the clock), with
                // the total for the breach-rate alarm
                EmbeddedMetric.count(kind == EventKind.SLA_WARNING ? SLA_WARNINGS : SLA_BREACHES)
                        .dimension("level", String.valueOf(ticket.level()))
                        .dimension("checkpoint", next.checkpoint().wireName())
                        .rollup()
                        .log(
                                "ticket.checkpoint",
                                Map.of(
                                        "ticket",
                                        number,
                                        "at",
                                        next.at().toString(),
                                        "escalations",
                                        escalations.size()));
            } catch (ConcurrentChangeException changed) {
                // another sweep or writer was first: read again; what it recorded is not recorded twice
            }
        }
        throw new IllegalStateException("ticket " + number + " kept changing; its checkpoints wait for the next sweep");
    }

    /**
     * Escalations a change makes due that were never sent: a ticket that becomes a P1 on a 24x7
     * contract (reclassified, or a triage ticket assigned to an A/HA customer) reaches the second
     * line at once (R17); a P1 whose warning or breach was recorded under a lower priority gets
     * its P1 message. Already written messages (same stable id) are not sent again.
     */
    private List<OutboxMessage> owed(Ticket ticket, ClockResult clocksNow, Set<Checkpoint> recorded) {
        if (!tickets.hasOutbox()) {
            return List.of();
        }
        var contract = clocks.contract(ticket);
        List<EscalationRules.Escalation> owed =
                new ArrayList<>(EscalationRules.atCreation(ticket, contract, clocksNow));
        for (Checkpoint checkpoint : List.of(Checkpoint.RESTORE_WARNING, Checkpoint.RESTORE_BREACH)) {
            if (recorded.contains(checkpoint)) {
                owed.addAll(EscalationRules.at(checkpoint, ticket, contract, clocksNow));
            }
        }
        return messages(owed).stream().filter(m -> !tickets.outboxHas(m.id())).toList();
    }

    /** The checkpoints a history has recorded. */
    public static Set<Checkpoint> recorded(List<TicketEvent> history) {
        Set<Checkpoint> recorded = EnumSet.noneOf(Checkpoint.class);
        for (TicketEvent e : history) {
            boolean slaEvent = e.kind() == EventKind.SLA_WARNING || e.kind() == EventKind.SLA_BREACH;
            if (slaEvent && e.data().containsKey(CHECKPOINT)) {
                recorded.add(Checkpoint.fromWireName(e.data().get(CHECKPOINT)));
            }
        }
        return recorded;
    }

    /** Outbox messages for escalations: the body as JSON, its link made absolute. */
    private List<OutboxMessage> messages(List<EscalationRules.Escalation> escalations) {
        return escalations.stream()
                .map(e -> {
                    Map<String, Object> body = new LinkedHashMap<>(e.body());
                    if (body.get("link") instanceof String link) {
                        body.put("link", linkBase + link);
                    }
                    OutboxMessage.Topic topic = e.audience() == EscalationRules.Audience.ESCALATIONS
                            ? OutboxMessage.Topic.ESCALATIONS
                            : OutboxMessage.Topic.OPERATIONS;
                    return OutboxMessage.pending(e.id(), topic, e.attributes(), Json.write(body), clock.instant());
                })
                .toList();
    }

    /** Outbox messages of topic MAIL, one per mail (and so per recipient). */
    private List<OutboxMessage> mails(List<OutboundMail> planned) {
        return planned.stream()
                .map(m -> OutboxMessage.pending(
                        MailPlanner.outboxId(m),
                        OutboxMessage.Topic.MAIL,
                        Map.of("kind", m.kind().wireName()),
                        m.toJson(),
                        clock.instant()))
                .toList();
    }

    /** The escalations that put a ticket in the second line's hands (R17), by their id's kind. */
    private static final List<String> SECOND_LINE_KINDS = List.of(
            EscalationRules.P1_ESCALATION, EscalationRules.P1_RESTORE_WARNING, EscalationRules.P1_RESTORE_BREACH);

    /**
     * The open P1 tickets escalated to the second line (R17) that it has not acknowledged
     * ({@code second-line-ack}) although the policy's response deadline of the ticket has passed:
     * what sla-check counts for the P1UnacknowledgedAlarm (issue 21). Reads the open P1s (the head
     * of the queue index) and, for each one past its deadline, the outbox ids and its history.
     */
    public List<String> unacknowledgedBySecondLine(Instant now) {
        if (!tickets.hasOutbox()) {
            return List.of();
        }
        List<String> late = new ArrayList<>();
        for (Ticket ticket : tickets.openP1()) {
            ClockResult clocksNow = clocks.compute(ticket, now).orElse(null);
            if (clocksNow == null
                    || clocksNow.responseDue() == null
                    || clocksNow.responseDue().isAfter(now)) {
                continue;
            }
            if (!escalatedToSecondLine(ticket)) {
                continue;
            }
            boolean acknowledged = tickets.read(ticket.number())
                    .map(s -> s.history().stream().anyMatch(e -> e.kind() == EventKind.SECOND_LINE_ACK))
                    .orElse(true);
            if (!acknowledged) {
                late.add(ticket.number());
            }
        }
        return late;
    }

    /**
     * Whether the ticket is in the second line's hands (R17): an escalation to it is recorded in the
     * outbox ({@code <number>#p1-...}). What the second line may see, in the API and the console.
     */
    public boolean escalatedToSecondLine(Ticket ticket) {
        return tickets.hasOutbox()
                && SECOND_LINE_KINDS.stream().anyMatch(kind -> tickets.outboxHas(ticket.number() + "#" + kind));
    }

    public Optional<View> view(String number) {
        return tickets.find(number).map(s -> new View(s.ticket(), s.history(), clocksOf(s.ticket())));
    }

    public ClockResult clocksOf(Ticket ticket) {
        return clocks.compute(ticket, clock.instant()).orElse(null);
    }

    /** All open tickets in work-queue order (R11): priority, then time of reporting; RFCs last. */
    public List<Ticket> queue() {
        return tickets.queue();
    }

    /** A reseller's open tickets, newest first. */
    public List<Ticket> openForReseller(String resellerId) {
        return tickets.openForReseller(resellerId);
    }

    /** A reseller's resolved and closed tickets, newest first, a page at a time (issue 18). */
    public TicketStore.ListPage doneForReseller(String resellerId, TicketStore.After after, int limit) {
        return tickets.doneForReseller(resellerId, after, limit);
    }
}
