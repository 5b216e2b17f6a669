package nl.vioms.sladesk.core.watch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.policy.ContractType;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.time.Amsterdam;
import org.jspecify.annotations.Nullable;

/**
 * Who hears of a ticket, and when (R17). Pure: the caller publishes what these rules return.
 *
 * <ul>
 *   <li>At creation: a P1 incident on a 24x7 contract goes to the second line at once
 *       ({@code p1-escalation}); nothing else is escalated at creation.</li>
 *   <li>Restore warning (75 %) of a P1 on an office-hours contract: second line
 *       ({@code p1-restore-warning}).</li>
 *   <li>Restore breach of any P1: second line ({@code p1-restore-breach}). <em>Decision:</em> a P1
 *       breach always reaches the second line, also on 24x7 where it already has the ticket.</li>
 *   <li>Every other checkpoint, of any priority (including the restore warning of a 24x7 P1, which
 *       the second line has since creation): operations, kind = the checkpoint's wire name.</li>
 * </ul>
 *
 * <p>Issue 19: a report linked to a major incident (a child) never reaches the second line on its
 * own: the major incident's one escalation stands for all of them. Nothing is sent at its
 * creation, and its restore warning and breach go to operations (kind = the checkpoint's wire
 * name), who still see each customer's own deadline pass. A major incident's messages say so
 * ({@code majorIncident}, {@code platformService}) and the escalation function adds the live
 * number of linked reports when it publishes.
 *
 * <p>The id is the ticket number + "#" + kind, stable across retries, so a subscriber
 * deduplicates on it.
 */
public final class EscalationRules {

    /** The topics a message goes to. */
    public enum Audience {
        /** Read by the external second-line helpdesk and operations. */
        ESCALATIONS,
        /** Read by operations only. */
        OPERATIONS
    }

    /**
     * One message to publish.
     *
     * @param id         ticket number + "#" + kind, for deduplication
     * @param attributes message attributes for subscription filters, all strings
     * @param body       the message body; absent values are left out
     */
    public record Escalation(
            String id, Audience audience, String kind, Map<String, String> attributes, Map<String, Object> body) {
        public Escalation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(kind, "kind");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        }
    }

    public static final String P1_ESCALATION = "p1-escalation";
    public static final String P1_RESTORE_WARNING = "p1-restore-warning";
    public static final String P1_RESTORE_BREACH = "p1-restore-breach";
    /** Shown as the customer of a ticket from an unknown reporter. */
    public static final String UNKNOWN_CUSTOMER = "onbekend (triage)";

    private EscalationRules() {}

    /** What to send when the ticket is created: the R17 escalation of a 24x7 P1 incident, else nothing. */
    public static List<Escalation> atCreation(Ticket ticket, ContractType contract) {
        return atCreation(ticket, contract, null);
    }

    /** As {@link #atCreation(Ticket, ContractType)}, with the ticket's deadlines in the body. */
    public static List<Escalation> atCreation(Ticket ticket, ContractType contract, @Nullable ClockResult clocks) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(contract, "contract");
        if (ticket.isTimed()
                && !ticket.isChild()
                && ticket.priority() == Priority.P1
                && contract == ContractType.TWENTY_FOUR_SEVEN) {
            return List.of(escalation(Audience.ESCALATIONS, P1_ESCALATION, ticket, contract, clocks));
        }
        return List.of();
    }

    /** What to send when {@code checkpoint} falls due; nothing for an untimed ticket. */
    public static List<Escalation> at(
            Checkpoint checkpoint, Ticket ticket, ContractType contract, @Nullable ClockResult clocks) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(contract, "contract");
        if (!ticket.isTimed()) {
            return List.of();
        }
        // a child's own deadlines are operations' to watch: the major incident has the second line (issue 19)
        boolean p1 = ticket.priority() == Priority.P1 && !ticket.isChild();
        if (p1 && checkpoint == Checkpoint.RESTORE_WARNING && contract == ContractType.OFFICE_HOURS) {
            return List.of(escalation(Audience.ESCALATIONS, P1_RESTORE_WARNING, ticket, contract, clocks));
        }
        if (p1 && checkpoint == Checkpoint.RESTORE_BREACH) {
            return List.of(escalation(Audience.ESCALATIONS, P1_RESTORE_BREACH, ticket, contract, clocks));
        }
        return List.of(escalation(Audience.OPERATIONS, checkpoint.wireName(), ticket, contract, clocks));
    }

    /** "24x7" or "office-hours". */
    public static String contractWireName(ContractType contract) {
        return switch (contract) {
            case TWENTY_FOUR_SEVEN -> "24x7";
            case OFFICE_HOURS -> "office-hours";
        };
    }

    private static Escalation escalation(
            Audience audience, String kind, Ticket t, ContractType contract, @Nullable ClockResult clocks) {
        String id = t.number() + "#" + kind;
        String priority = t.priority().name();
        String contractName = contractWireName(contract);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("priority", priority);
        attributes.put("kind", kind);
        attributes.put("contract", contractName);
        attributes.put("ticketNumber", t.number());
        attributes.put("escalationId", id);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("escalationId", id);
        body.put("ticket", t.number());
        body.put("kind", kind);
        body.put("priority", priority);
        body.put("contract", contractName);
        body.put("customer", t.customerName() != null ? t.customerName() : UNKNOWN_CUSTOMER);
        body.put("level", t.level().name());
        put(body, "subject", t.subject());
        if (t.isMajor()) {
            attributes.put("majorIncident", "true");
            body.put("majorIncident", true);
            body.put("platformService", t.majorService());
        }
        put(body, "createdAt", Amsterdam.iso(t.createdAt()));
        if (clocks != null) {
            put(body, "acknowledgeDue", Amsterdam.iso(clocks.acknowledgeDue()));
            put(body, "responseDue", Amsterdam.iso(clocks.responseDue()));
            put(body, "restoreDue", Amsterdam.iso(clocks.restoreDue()));
            put(body, "restoreWarningAt", Amsterdam.iso(clocks.warningAt()));
        }
        body.put("link", "/tickets/" + t.number());
        return new Escalation(id, audience, kind, attributes, body);
    }

    private static void put(Map<String, Object> body, String key, @Nullable String value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
