package nl.vioms.sladesk.app.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;

/**
 * What a reseller reads about a ticket, in one place for the API's status page and JSON (issue 20
 * item 8) and the portal (issue 18): status, kind, channel, what happened, who did it, why a ticket
 * has its priority, and which events an outsider sees at all ({@link #shown}). Dutch, with English
 * beside it for the portal ({@code english}); the JSON keeps the machine values of the enums.
 */
public final class ResellerWords {
    /** The longest history text shown; longer texts end in an ellipsis. */
    public static final int TEXT_LIMIT = 600;

    /** What the classifier writes (core's {@code PriorityClassifier}), shape by shape. */
    private static final Pattern REQUESTED = Pattern.compile("requested priority field \"(P[123])\"");

    private static final Pattern TAG = Pattern.compile("subject tag \\[(P[123])]");
    private static final Pattern PREFIX = Pattern.compile("subject prefix \"(P[123]):\"");
    private static final Pattern MARKER = Pattern.compile("(subject|body) marker \"([^\"]*)\"");
    private static final Pattern RULE = Pattern.compile("rule (P[123]) \"([^\"]*)\"");
    private static final Pattern IGNORED_REQUEST =
            Pattern.compile("; requested priority \"([^\"]*)\" ignored \\(not P1, P2 or P3\\)");
    private static final Pattern NEGATED = Pattern.compile("rule P1 \"([^\"]*)\" ignored: negated by \"([^\"]*)\"");
    private static final Pattern SCOPE =
            Pattern.compile("rule P1 \"([^\"]*)\" ignored: \"([^\"]*)\" says not all users");

    private ResellerWords() {}

    public static String status(TicketStatus status) {
        return status(status, false);
    }

    public static String status(TicketStatus status, boolean english) {
        return switch (status) {
            case OPEN -> "open";
            case WAITING -> english ? "waiting for your answer" : "wacht op jouw antwoord";
            case RESOLVED -> english ? "resolved" : "opgelost";
            case CLOSED -> english ? "closed" : "gesloten";
        };
    }

    public static String kind(TicketKind kind) {
        return kind(kind, false);
    }

    public static String kind(TicketKind kind, boolean english) {
        return switch (kind) {
            case INCIDENT -> english ? "incident" : "storing";
            case RFC -> english ? "request for change (RFC)" : "wijzigingsverzoek (RFC)";
        };
    }

    public static String channel(Channel channel) {
        return channel(channel, false);
    }

    public static String channel(Channel channel, boolean english) {
        return switch (channel) {
            case EMAIL -> english ? "by e-mail" : "via e-mail";
            case PHONE -> english ? "by phone" : "telefonisch";
            case API -> english ? "through the portal/API" : "via het portaal/API";
            case MONITORING -> english ? "by monitoring" : "door monitoring";
        };
    }

    /** R10's meaning of a priority, as a reseller reads it. */
    public static String meaning(Priority priority, boolean english) {
        return switch (priority) {
            case P1 ->
                english
                        ? "the service is unavailable for all end users"
                        : "de dienst is onbereikbaar voor alle eindgebruikers";
            case P2 ->
                english
                        ? "primary telephony functions do not work fully for one or more end users"
                        : "primaire telefoniefuncties werken niet volledig voor een of meer eindgebruikers";
            case P3 ->
                english
                        ? "a question, a secondary function or a description that needs investigation"
                        : "een vraag, een secundaire functie of een melding die uitzoekwerk vraagt";
        };
    }

    /** What happened, as a reseller reads each kind of event. */
    public static String event(EventKind kind) {
        return event(kind, false);
    }

    public static String event(EventKind kind, boolean english) {
        return switch (kind) {
            case CREATED -> english ? "Reported" : "Gemeld";
            case EMAIL -> english ? "E-mail" : "E-mail";
            case PHONE_REPORT -> english ? "Reported by phone" : "Telefonisch gemeld";
            case RESPONSE -> english ? "Response from VIOMS" : "Reactie van VIOMS";
            case WORK_STARTED -> english ? "Work started" : "Werk gestart";
            case NOTE -> english ? "Note" : "Notitie";
            case WAITING_FOR_CUSTOMER -> english ? "Waiting for you" : "Wacht op jou";
            case CUSTOMER_REPLIED -> english ? "Your answer or information" : "Jouw antwoord of aanvulling";
            case RECLASSIFIED -> english ? "Priority changed" : "Prioriteit gewijzigd";
            case RESOLVED -> english ? "Resolved" : "Opgelost";
            case CLOSED -> english ? "Closed" : "Gesloten";
            case SECOND_LINE_ACK -> english ? "Second-line helpdesk takes it on" : "Tweedelijns helpdesk neemt het op";
            case ASSIGNED -> english ? "Assigned to customer" : "Toegewezen aan klant";
            case SLA_WARNING ->
                english
                        ? "Warning: 75 % of the restore time has passed"
                        : "Waarschuwing: hersteltermijn voor 75 % verstreken";
            case SLA_BREACH -> english ? "Deadline passed" : "Termijn overschreden";
            case REPLY -> english ? "Message from VIOMS" : "Bericht van VIOMS";
            case MAIL_SKIPPED -> english ? "E-mail not sent" : "E-mail niet verstuurd";
            case MAIL_BOUNCED -> english ? "E-mail did not arrive" : "E-mail kwam niet aan";
            case DECLARE_MAJOR -> english ? "Declared a major incident" : "Uitgeroepen tot grote storing";
            case LINK -> english ? "Linked to a major incident" : "Gekoppeld aan een grote storing";
            case UNLINK -> english ? "Unlinked from the major incident" : "Losgekoppeld van de grote storing";
            case PUBLIC_UPDATE -> english ? "Update on the incident" : "Update over de storing";
        };
    }

    /**
     * Whether a reseller sees an event (status page, JSON and portal alike): every kind but
     * operations' internal notes, which stay with VIOMS.
     */
    public static boolean shown(TicketEvent e) {
        return e.kind() != EventKind.NOTE;
    }

    /** The event's text as a reseller reads it, at most {@value #TEXT_LIMIT} characters and an ellipsis. */
    public static String text(TicketEvent e) {
        String text = e.data().getOrDefault("text", e.data().getOrDefault("note", ""));
        return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) + "…" : text;
    }

    /**
     * Who did something, as a reseller reads it: VIOMS staff and SLA Desk itself as VIOMS, the
     * second line as such, the reseller's own tokens by the reseller's name ("u" without one), a
     * mail's sender by its address; never a token name or a raw actor id.
     */
    public static String who(String actor, String resellerName) {
        return who(actor, resellerName, false);
    }

    public static String who(String actor, String resellerName, boolean english) {
        for (String internal : List.of("operations:", "telephony:", "monitoring:", "sla-check", "mailer", "phone:")) {
            if (actor.startsWith(internal)) {
                return "VIOMS";
            }
        }
        if (actor.startsWith("second_line:")) {
            return english ? "Second-line helpdesk" : "Tweedelijns helpdesk";
        }
        if (actor.startsWith("reseller:")) {
            return resellerName == null || resellerName.isBlank() ? (english ? "you" : "jij") : resellerName;
        }
        if (actor.startsWith("email:")) {
            String address = actor.substring("email:".length());
            return address.contains("@") ? address : english ? "unknown sender" : "onbekende afzender";
        }
        return "VIOMS";
    }

    /**
     * Why the ticket has its priority, in Dutch: the classifier's and the lifecycle's English
     * technical reasons mapped shape by shape; an operator's own words are kept, their token name is not.
     */
    public static String priorityReason(String reason, String resellerName) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        if (reason.startsWith("reclassified by ")) {
            String rest = reason.substring("reclassified by ".length());
            int colon = rest.indexOf(": ", rest.indexOf(':') + 1);
            String actor = colon < 0 ? rest : rest.substring(0, colon);
            String why = colon < 0 ? "" : rest.substring(colon + 2);
            return "gewijzigd door " + who(actor, resellerName) + (why.isBlank() ? "" : ": " + why);
        }
        StringBuilder out = new StringBuilder();
        Matcher m;
        if ((m = REQUESTED.matcher(reason)).lookingAt()) {
            out.append("prioriteit ").append(m.group(1)).append(" bij de melding opgegeven");
        } else if ((m = TAG.matcher(reason)).lookingAt()) {
            out.append("prioriteit in het onderwerp ([").append(m.group(1)).append("])");
        } else if ((m = PREFIX.matcher(reason)).lookingAt()) {
            out.append("prioriteit in het onderwerp (").append(m.group(1)).append(":)");
        } else if ((m = MARKER.matcher(reason)).lookingAt()) {
            out.append(m.group(1).equals("subject") ? "prioriteit in het onderwerp" : "prioriteit in de tekst")
                    .append(" (\u201c")
                    .append(m.group(2))
                    .append("\u201d)");
        } else if ((m = RULE.matcher(reason)).lookingAt()) {
            out.append("herkend aan de woorden \u201c").append(m.group(2)).append("\u201d");
        } else if (reason.startsWith(PriorityClassifier.NO_MATCH)) {
            out.append("geen kenmerk herkend: standaardprioriteit, VIOMS beoordeelt de melding");
        } else {
            return reason; // a shape this page does not know: shown as written rather than hidden
        }
        List<String> notes = new ArrayList<>();
        Matcher negated = NEGATED.matcher(reason);
        while (negated.find()) {
            notes.add("\u201c" + negated.group(1) + "\u201d telt niet door \u201c" + negated.group(2) + "\u201d");
        }
        Matcher scope = SCOPE.matcher(reason);
        while (scope.find()) {
            notes.add("\u201c" + scope.group(1) + "\u201d telt niet: \u201c" + scope.group(2)
                    + "\u201d zegt dat niet alle gebruikers getroffen zijn");
        }
        Matcher ignored = IGNORED_REQUEST.matcher(reason);
        if (ignored.find()) {
            notes.add("opgegeven prioriteit \u201c" + ignored.group(1) + "\u201d genegeerd (geen P1, P2 of P3)");
        }
        if (!notes.isEmpty()) {
            out.append(" (")
                    .append(String.join("; ", notes.stream().distinct().toList()))
                    .append(")");
        }
        return out.toString();
    }
}
