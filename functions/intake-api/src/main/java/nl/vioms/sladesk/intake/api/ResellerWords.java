package nl.vioms.sladesk.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;

/**
 * The Dutch words of the reseller's status page (issue 20 item 8): status, kind, channel, who did
 * something and why a ticket has its priority. The JSON keeps the machine values of the enums;
 * the prose (who, why) is the same Dutch text in both.
 */
final class ResellerWords {
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

    static String status(TicketStatus status) {
        return switch (status) {
            case OPEN -> "open";
            case WAITING -> "wacht op uw antwoord";
            case RESOLVED -> "opgelost";
            case CLOSED -> "gesloten";
        };
    }

    static String kind(TicketKind kind) {
        return switch (kind) {
            case INCIDENT -> "storing";
            case RFC -> "wijzigingsverzoek (RFC)";
        };
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case EMAIL -> "via e-mail";
            case PHONE -> "telefonisch";
            case API -> "via het portaal/API";
            case MONITORING -> "door monitoring";
        };
    }

    /**
     * Who did something, as a reseller reads it: VIOMS staff and SLA Desk itself as VIOMS, the
     * second line as such, the reseller's own tokens by the reseller's name ("u" without one), a
     * mail's sender by its address; never a token name or a raw actor id.
     */
    static String who(String actor, String resellerName) {
        for (String internal : List.of("operations:", "telephony:", "monitoring:", "sla-check", "mailer", "phone:")) {
            if (actor.startsWith(internal)) {
                return "VIOMS";
            }
        }
        if (actor.startsWith("second_line:")) {
            return "Tweedelijns helpdesk";
        }
        if (actor.startsWith("reseller:")) {
            return resellerName == null || resellerName.isBlank() ? "u" : resellerName;
        }
        if (actor.startsWith("email:")) {
            String address = actor.substring("email:".length());
            return address.contains("@") ? address : "onbekende afzender";
        }
        return "VIOMS";
    }

    /**
     * Why the ticket has its priority, in Dutch: the classifier's and the lifecycle's English
     * technical reasons mapped shape by shape; an operator's own words are kept, their token name is not.
     */
    static String priorityReason(String reason, String resellerName) {
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
