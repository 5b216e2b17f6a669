package nl.vioms.sladesk.core.ticket;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.jspecify.annotations.Nullable;

/** Turns a report into a new ticket and its CREATED event. */
public final class TicketFactory {
    /** Unknown reporters are timed as office-hours customers until operations assign them. */
    public static final SlaLevel TRIAGE_LEVEL = SlaLevel.N;

    private TicketFactory() {}

    /** The number of a draft: a report checked before a number is taken for it (issue 15). */
    public static final String DRAFT = "VIO-0000-000000";

    /** The ticket and the event that opens its history. */
    public record NewTicket(Ticket ticket, TicketEvent created) {
        /** The same new ticket under its real number (a draft's number is {@link #DRAFT}). */
        public NewTicket numbered(String number) {
            return new NewTicket(ticket.withNumber(number), created);
        }

        /** The same new ticket linked to a major incident from the start (issue 19): its created event says so. */
        public NewTicket linkedTo(String parent) {
            Map<String, String> data = new LinkedHashMap<>(created.data());
            data.put(TicketLifecycle.PARENT, parent);
            TicketEvent linked = new TicketEvent(
                    created.id(), created.kind(), created.at(), created.actor(), created.source(), data);
            return new NewTicket(ticket.withParent(parent), linked);
        }
    }

    /**
     * The ticket a report would open, under the number {@link #DRAFT}: everything of the report and
     * the customer is checked here ({@link InvalidInputException}), before a number is taken, so a
     * refused report uses up no number.
     */
    public static NewTicket draft(Report report, @Nullable Customer customer, PriorityClassification classification) {
        return open(DRAFT, report, customer, classification);
    }

    /**
     * @param customer the reporter's customer, or null when unknown (the ticket is flagged for triage)
     */
    public static NewTicket open(
            String number, Report report, @Nullable Customer customer, PriorityClassification classification) {
        ServiceRef service = customer == null
                ? null
                : report.serviceId() != null
                        ? customer.service(report.serviceId())
                                .orElseThrow(() -> new InvalidInputException(
                                        "customer " + customer.id() + " has no service " + report.serviceId()))
                        : customer.mainService().orElse(null);
        Priority priority = classification.priority();
        Ticket ticket = new Ticket(
                number,
                report.kind(),
                TicketStatus.OPEN,
                customer == null ? null : customer.id(),
                customer == null ? null : customer.name(),
                customer == null ? null : customer.resellerId(),
                customer == null ? TRIAGE_LEVEL : customer.level(),
                service == null ? null : service.id(),
                service == null ? ServiceKind.HOSTED_PBX : service.kind(),
                priority,
                classification.reason(),
                report.subject(),
                report.reporter(),
                customer == null,
                TicketTimeline.created(report.at(), report.channel(), priority),
                0);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("subject", report.subject());
        data.put("text", report.text());
        data.put("priority", priority.name());
        data.put("priorityReason", classification.reason());
        data.put("channel", report.channel().name().toLowerCase(Locale.ROOT));
        if (report.reporter() != null) {
            data.put("reporter", report.reporter());
        }
        if (customer == null) {
            data.put("triage", report.intake().getOrDefault("triage", "unknown reporter"));
        }
        new TreeMap<>(report.intake()).forEach(data::putIfAbsent);
        TicketEvent created =
                new TicketEvent("created", EventKind.CREATED, report.at(), report.actor(), report.source(), data);
        // the created event's own facts (issue 19: a major incident's platform service) fold onto the ticket
        return new NewTicket(TicketLifecycle.apply(ticket, created), created);
    }
}
