package nl.vioms.sladesk.portal;

import java.time.Instant;
import nl.vioms.sladesk.console.ConsoleText;
import nl.vioms.sladesk.console.Deadline;
import nl.vioms.sladesk.console.Language;

/**
 * One deadline as the portal shows it to a reseller (issue 18): the console's {@link Deadline}
 * (the same computation as the console and the API: {@code TicketService.View} and its
 * {@code ClockResult}) in the reseller's words: by when, met or not met once decided (R13), paused
 * while VIOMS waits for the reseller (R16). A running one counts down in console.js ({@code data-due}).
 *
 * @param label   "Reactie (R13)" or "Herstel (R13)", in the page's language
 * @param text    what the reseller reads: the target and, once decided, met or not met
 * @param dataDue the instant console.js counts down to; null when nothing runs
 * @param left    the time left as the page is written; empty when nothing runs
 */
public record PortalDeadline(String label, String text, String css, String dataDue, String left, boolean met) {

    static PortalDeadline of(String label, Deadline d, Language lang, Instant now) {
        String due = ConsoleText.time(d.due(), lang);
        String text;
        String css = d.css();
        boolean met = false;
        switch (d.state()) {
            case RUNNING:
            case WARNING:
                text = lang.t("uiterlijk ", "by ") + due;
                break;
            case BREACHED:
                text = lang.t("niet gehaald (uiterlijk ", "not met (due ") + due + ")";
                break;
            case PAUSED:
                text = lang.t(
                        "gepauzeerd: VIOMS wacht op jouw antwoord (R16)", "paused: VIOMS waits for your answer (R16)");
                css = "due paused";
                break;
            case MET:
                css = "due met";
                met = true;
                if (d.due() == null) {
                    text = lang.t("afgerond ", "done ") + ConsoleText.time(d.metAt(), lang) + " (best effort)";
                    break;
                }
                text = lang.t("gehaald", "met") + " (" + ConsoleText.time(d.metAt(), lang)
                        + lang.t(", uiterlijk ", ", due ") + due + ")";
                break;
            case LATE:
                text = lang.t("niet gehaald", "not met") + " (" + ConsoleText.time(d.metAt(), lang)
                        + lang.t(", uiterlijk ", ", due ") + due + ")";
                css = "due breached";
                break;
            default:
                text = lang.t("geen termijn (best effort)", "no deadline (best effort)");
                break;
        }
        return new PortalDeadline(label, text, css, d.dataDue(), d.left(now, lang), met);
    }

    /** Whether it still counts down. */
    public boolean running() {
        return dataDue != null;
    }
}
