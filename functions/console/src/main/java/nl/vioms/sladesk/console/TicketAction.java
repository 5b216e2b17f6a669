package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.ticket.EventKind;

/**
 * The actions of the ticket page, each a POST to {@code /console/tickets/{number}/<path>} for the
 * roles that may take it (decision 24): operations all but the second line's acknowledgement;
 * telephony what a phone call brings (a note, the customer's answer, a reply); the second line its
 * acknowledgement and notes, on escalated tickets only.
 */
public enum TicketAction {
    RESPOND("respond", EventKind.RESPONSE, "Reactie aan de melder vastgelegd.", Role.OPERATIONS),
    START_WORK("start-work", EventKind.WORK_STARTED, "Begin van het werk vastgelegd.", Role.OPERATIONS),
    NOTE("note", EventKind.NOTE, "Interne notitie toegevoegd.", Role.OPERATIONS, Role.TELEPHONY, Role.SECOND_LINE),
    REPLY("reply", EventKind.REPLY, "Antwoord aan de klant verstuurd.", Role.OPERATIONS, Role.TELEPHONY),
    WAIT("wait", EventKind.WAITING_FOR_CUSTOMER, "Vraag gesteld: de klok staat stil (R16).", Role.OPERATIONS),
    CUSTOMER_REPLIED(
            "customer-replied",
            EventKind.CUSTOMER_REPLIED,
            "Antwoord van de klant vastgelegd: de klok loopt weer (R16).",
            Role.OPERATIONS,
            Role.TELEPHONY),
    RECLASSIFY("reclassify", EventKind.RECLASSIFIED, "Prioriteit gewijzigd (R17).", Role.OPERATIONS),
    ASSIGN("assign", EventKind.ASSIGNED, "Ticket toegewezen aan de klant.", Role.OPERATIONS),
    RESOLVE("resolve", EventKind.RESOLVED, "Opgelost gemeld: de hersteltermijn is gestopt (R13).", Role.OPERATIONS),
    CLOSE("close", EventKind.CLOSED, "Ticket gesloten.", Role.OPERATIONS),
    ACKNOWLEDGE("acknowledge", EventKind.SECOND_LINE_ACK, "Opgepakt door de tweede lijn (R17).", Role.SECOND_LINE);

    private final String path;
    private final EventKind kind;
    private final String done;
    private final Set<Role> roles;

    TicketAction(String path, EventKind kind, String done, Role... roles) {
        this.path = path;
        this.kind = kind;
        this.done = done;
        this.roles = Set.of(roles);
    }

    public String path() {
        return path;
    }

    public EventKind kind() {
        return kind;
    }

    /** The notice after it, in Dutch. */
    public String done() {
        return done;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean allows(ConsoleUser user) {
        return roles.stream().anyMatch(user.roles()::contains);
    }

    public static Optional<TicketAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
