package nl.vioms.sladesk.app.mail;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.time.Amsterdam;

/** The words of our mail, in Dutch (the default) or English (where the customer's entry says so). */
final class Words {
    private static final Words DUTCH = new Words(false);
    private static final Words ENGLISH = new Words(true);
    private static final DateTimeFormatter NL_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", new Locale("nl", "NL"));
    private static final DateTimeFormatter EN_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final boolean english;

    private Words(boolean english) {
        this.english = english;
    }

    static Words of(String language) {
        return "en".equals(language) ? ENGLISH : DUTCH;
    }

    private String say(String dutch, String inEnglish) {
        return english ? inEnglish : dutch;
    }

    /** An instant as people read it, in Amsterdam time. */
    String when(Instant at) {
        return (english ? EN_TIME : NL_TIME).format(at.atZone(Amsterdam.ZONE));
    }

    String subject(MailKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> say("Melding ontvangen", "Report received");
            case RESPONSE -> say("Reactie op uw melding", "Response to your report");
            case WAITING_FOR_CUSTOMER -> say("Vraag over uw melding", "Question about your report");
            case CUSTOMER_REPLIED -> say("Uw antwoord is ontvangen", "Your answer was received");
            case RECLASSIFIED -> say("Prioriteit gewijzigd", "Priority changed");
            case RESOLVED -> say("Opgelost", "Resolved");
            case CLOSED -> say("Gesloten", "Closed");
            case REPLY -> say("Bericht van VIOMS", "Message from VIOMS");
            case MAINTENANCE -> say("Aankondiging onderhoud", "Planned maintenance");
            case MAJOR_INCIDENT -> say("Storing", "Outage");
        };
    }

    String greeting() {
        return say("Beste klant,", "Dear customer,");
    }

    String acknowledged(String number) {
        return say(
                "Wij hebben uw melding ontvangen en geregistreerd onder nummer " + number + ".",
                "We have received your report and registered it as " + number + ".");
    }

    String label(String key) {
        return switch (key) {
            case "number" -> say("Nummer", "Number");
            case "subject" -> say("Onderwerp", "Subject");
            case "customer" -> say("Klant", "Customer");
            case "kind" -> say("Soort", "Type");
            case "priority" -> say("Prioriteit", "Priority");
            case "why" -> say("Vastgesteld op grond van", "Determined from");
            case "response" -> say("Reactie uiterlijk", "Response by");
            case "restore" -> say("Herstel uiterlijk", "Restore by");
            case "service" -> say("Dienst", "Service");
            case "from" -> say("Van", "From");
            case "until" -> say("Tot", "Until");
            case "affects" -> say("Betreft uw diensten", "Affects your services");
            default -> throw new IllegalArgumentException(key);
        };
    }

    String unknownCustomer() {
        return say("nog niet vastgesteld", "not yet determined");
    }

    String kind(TicketKind kind) {
        return kind == TicketKind.RFC
                ? say("wijzigingsverzoek (RFC)", "request for change (RFC)")
                : say("storing", "incident");
    }

    /** R10's definitions. */
    String priorityMeaning(Priority priority) {
        return switch (priority) {
            case P1 ->
                say(
                        "de dienst is voor alle eindgebruikers niet beschikbaar",
                        "the service is unavailable for all end users");
            case P2 ->
                say(
                        "primaire telefoniefuncties werken niet volledig voor een of meer eindgebruikers",
                        "primary telephony functions do not work fully for one or more end users");
            case P3 ->
                say(
                        "informatieverzoek, secundaire functie of nader te onderzoeken",
                        "request for information, a secondary function, or to be investigated");
        };
    }

    String rfcHasNoClock() {
        return say(
                "Een wijzigingsverzoek heeft geen reactie- of hersteltermijn (R10); wij nemen contact met u op"
                        + " over de planning.",
                "A request for change has no response or restore deadline (R10); we will contact you about"
                        + " its planning.");
    }

    String deadlinesIntro() {
        return say(
                "Volgens uw SLA gelden deze termijnen (Nederlandse tijd):",
                "Under your SLA these deadlines apply (Amsterdam time):");
    }

    String outOfHours(String number) {
        return say(
                "Buiten kantooruren wordt een P1-storing op uw SLA pas direct (24x7) opgepakt als u haar ook"
                        + " telefonisch meldt op ons storingsnummer " + number + " (R7). Bel dat nummer als de"
                        + " storing niet kan wachten tot de volgende werkdag.",
                "Outside office hours a P1 fault on your SLA is handled around the clock only once you also"
                        + " report it by phone on our out-of-hours number " + number + " (R7). Please call it if"
                        + " the fault cannot wait until the next working day.");
    }

    String responded() {
        return say("Wij hebben uw melding in behandeling genomen.", "We are working on your report.");
    }

    String question() {
        return say(
                "Om uw melding verder te behandelen hebben wij informatie van u nodig:",
                "To continue with your report we need information from you:");
    }

    String answerByReplying() {
        return say(
                "Zolang wij op uw antwoord wachten, staat de hersteltermijn stil (R16). U kunt antwoorden door"
                        + " deze e-mail te beantwoorden.",
                "While we wait for your answer the restore deadline is paused (R16). You can answer by replying"
                        + " to this e-mail.");
    }

    String replyReceived() {
        return say(
                "Wij hebben uw antwoord ontvangen; de behandeling loopt weer. De termijnen nu:",
                "We have received your answer and work continues. The deadlines now:");
    }

    String reclassified(String priority, String meaning) {
        return say(
                "De prioriteit van uw melding is gewijzigd in " + priority + " (" + meaning + "). De reden:",
                "The priority of your report has changed to " + priority + " (" + meaning + "). The reason:");
    }

    String resolved(String when) {
        return say(
                "Uw melding is opgelost op " + when + " (Nederlandse tijd). De oplossing:",
                "Your report was resolved on " + when + " (Amsterdam time). The resolution:");
    }

    String notSolved() {
        return say(
                "Is het probleem niet verholpen? Beantwoord dan deze e-mail.",
                "Is the problem not solved? Please reply to this e-mail.");
    }

    String closed() {
        return say("Wij hebben uw melding gesloten.", "We have closed your report.");
    }

    String followInPortal(String link) {
        return say(
                "Volg deze melding, beantwoord vragen en vul haar aan in het resellerportaal: " + link,
                "Follow this report, answer questions and add information in the reseller portal: " + link);
    }

    String replyHint(String number) {
        return say(
                "Wilt u iets toevoegen? Beantwoord deze e-mail en laat [" + number + "] in het onderwerp staan.",
                "Anything to add? Reply to this e-mail and keep [" + number + "] in the subject.");
    }

    String signature() {
        return say("Met vriendelijke groet,\nVIOMS Servicedesk", "Kind regards,\nVIOMS Service Desk");
    }

    /** Issue 19: the stage of a major incident a notice tells of. */
    String majorStage(String stage) {
        return switch (stage) {
            case "opened" -> say("Storing gemeld", "Outage reported");
            case "update" -> say("Update", "Update");
            default -> say("Storing opgelost", "Outage resolved");
        };
    }

    String majorIntro(String stage, String service, String since) {
        return switch (stage) {
            case "opened" ->
                say(
                        "Er is een storing op " + service + " sinds " + since + ". Wij werken eraan;"
                                + " u hoeft deze storing niet apart te melden.",
                        "There is an outage of " + service + " since " + since + ". We are working on it;"
                                + " there is no need to report it separately.");
            case "update" ->
                say(
                        "Een update over de storing op " + service + " (sinds " + since + "):",
                        "An update on the outage of " + service + " (since " + since + "):");
            default ->
                say("De storing op " + service + " is opgelost.", "The outage of " + service + " has been resolved.");
        };
    }

    String statusPageHint(String url) {
        return say("De actuele stand staat op " + url + ".", "The current state is shown at " + url + ".");
    }

    String maintenanceIntro() {
        return say(
                "Wij voeren gepland onderhoud uit. Uw diensten kunnen in dit venster kort onbereikbaar zijn"
                        + " (Nederlandse tijd):",
                "We will carry out planned maintenance. Your services may be briefly unavailable in this window"
                        + " (Amsterdam time):");
    }

    String lateAnnouncement(long hours) {
        return say(
                "Deze aankondiging komt minder dan " + hours + " uur voor aanvang. Het onderhoud geldt daarom"
                        + " als spoedonderhoud (R19).",
                "This notice comes less than " + hours + " hours ahead. The work therefore counts as emergency"
                        + " maintenance (R19).");
    }

    String bestEffort() {
        return say("geen termijn (best effort)", "no deadline (best effort)");
    }

    String pausedDeadline() {
        return say("staat stil zolang wij op u wachten", "paused while we wait for you");
    }

    String noSubject() {
        return say("(geen onderwerp)", "(no subject)");
    }
}
