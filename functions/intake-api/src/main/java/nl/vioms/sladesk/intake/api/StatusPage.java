package nl.vioms.sladesk.intake.api;

import java.time.Instant;
import nl.vioms.sladesk.app.Html;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.time.Amsterdam;

/** The reseller's status page of one ticket: plain, readable HTML, every value escaped. */
final class StatusPage {
    private StatusPage() {}

    static String render(TicketService.View view) {
        return render(view, ResellerView.Names.NONE);
    }

    /** The page, with the directory's names for the reseller and the service. */
    static String render(TicketService.View view, ResellerView.Names names) {
        Ticket t = view.ticket();
        ClockResult c = view.clocks();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // no icon to fetch: a browser would otherwise ask the API for /favicon.ico (404)
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>")
                .append(esc(t.number()))
                .append(" · ")
                .append(line(t.subject()))
                .append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;")
                .append("padding:0 1rem;color:#1b1f24}")
                .append("h1{font-size:1.4rem;margin-bottom:.2rem}.sub{color:#57606a;margin-top:0}")
                .append("table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;")
                .append("padding:.35rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}")
                .append("th{width:14rem;color:#57606a;font-weight:500}.badge{display:inline-block;")
                .append("padding:.1rem .5rem;border-radius:1rem;background:#ddf4ff}")
                .append(".P1{background:#ffebe9}.late{color:#cf222e;font-weight:600}"
                        + ".met{color:#1a7f37;font-weight:600}</style></head><body>");
        html.append("<h1>")
                .append(esc(t.number()))
                .append(" — ")
                .append(line(t.subject()))
                .append("</h1>");
        // issue 18: the ticket page is the portal's now (same host: a path is enough); this page stays for
        // links people kept, and the JSON for programs
        html.append("<p class=\"portal\">Deze melding volg je nu in het portaal: <a href=\"/portal/tickets/")
                .append(esc(t.number()))
                .append("\">")
                .append(esc(t.number()))
                .append(" in het resellerportaal</a> (inloggen met je portaalaccount).</p>");
        String reporter = t.customerName() == null ? "Onbekende melder (triage)" : t.customerName();
        html.append("<p class=\"sub\">")
                .append(line(reporter))
                .append(" · gemeld ")
                .append(esc(Amsterdam.readable(t.createdAt())))
                .append(' ')
                .append(esc(ResellerWords.channel(t.channel())))
                .append("</p>");
        html.append("<table>");
        row(html, "Status", "<span class=\"badge\">" + esc(ResellerWords.status(t.status())) + "</span>");
        row(
                html,
                "Prioriteit",
                "<span class=\"badge " + t.priority().name() + "\">"
                        + t.priority().name() + "</span> "
                        + line(ResellerWords.priorityReason(t.priorityReason(), names.reseller())));
        row(html, "Soort", esc(ResellerWords.kind(t.kind())));
        row(html, "Klant", esc(t.customerName()) + (t.customerId() == null ? "" : " (" + esc(t.customerId()) + ")"));
        row(
                html,
                "SLA-niveau",
                esc(t.level().name()) + " · " + esc(t.serviceKind().wireName()));
        if (names.service(t) != null) {
            row(html, "Dienst", line(names.service(t)));
        }
        Instant responded = t.timeline().respondedAt();
        Instant resolved = t.timeline().resolvedAt();
        if (resolved != null && !t.status().isOpen()) {
            row(html, "Opgelost", esc(Amsterdam.readable(resolved)));
        }
        if (c != null) {
            row(html, "Reactie uiterlijk", deadline(c.responseDue(), c.responseBreached(), responded, "gereageerd"));
            String restore = c.restoreDue() != null
                    ? deadline(c.restoreDue(), c.restoreBreached(), resolved, "opgelost")
                    : c.paused() ? "klok gepauzeerd (wacht op jou)" : "best effort";
            row(html, "Herstel uiterlijk", restore);
            row(html, "Terugkoppeling uiterlijk", esc(Amsterdam.readable(c.acknowledgeDue())));
        } else {
            row(html, "Deadlines", "geen: wijzigingsverzoek (RFC)");
        }
        html.append("</table><h2>Geschiedenis</h2><table>");
        for (TicketEvent e : view.history()) {
            if (!ResellerView.shown(e)) {
                continue; // internal to VIOMS
            }
            String text = ResellerView.text(e);
            row(
                    html,
                    esc(Amsterdam.readable(e.at())),
                    "<strong>" + esc(label(e.kind())) + "</strong> · "
                            + line(ResellerWords.who(e.actor(), names.reseller()))
                            + (text.isBlank() ? "" : "<br>" + esc(text)));
        }
        html.append("</table><p class=\"sub\">Alle tijden in Nederlandse tijd (Europe/Amsterdam).</p>")
                .append("</body></html>");
        return html.toString();
    }

    /** What a reseller reads for each kind of event (the words are shared with the portal). */
    static String label(EventKind kind) {
        return ResellerWords.event(kind);
    }

    /**
     * A deadline: once its event happened ({@code done}: the response, the resolution), when that
     * was and whether the deadline was met; before, the deadline and "(verlopen)" once it has passed.
     */
    private static String deadline(Instant due, boolean breached, Instant done, String doneWord) {
        if (due == null) {
            return "best effort";
        }
        if (done != null) {
            return esc(Amsterdam.readable(due)) + " · " + doneWord + " " + esc(Amsterdam.readable(done)) + " · "
                    + (breached ? "<span class=\"late\">niet gehaald</span>" : "<span class=\"met\">gehaald</span>");
        }
        return breached
                ? "<span class=\"late\">" + esc(Amsterdam.readable(due)) + " (verlopen)</span>"
                : esc(Amsterdam.readable(due));
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><th>")
                .append(label)
                .append("</th><td>")
                .append(valueHtml)
                .append("</td></tr>");
    }

    /** A one-line value, escaped, with control and bidirectional-override characters gone (issue 15 item 10). */
    static String line(String text) {
        return esc(Texts.oneLine(text));
    }

    static String esc(String text) {
        return Html.escape(text);
    }
}
