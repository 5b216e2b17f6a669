package nl.vioms.sladesk.monthend;

import static nl.vioms.sladesk.monthend.Nl.esc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.time.Amsterdam;

/** Operations' overview of a month: every contract in one table, the worst availability first, linking its report. */
final class OverviewHtml {
    private OverviewHtml() {}

    static String render(YearMonth month, List<MonthEnd.ContractResult> results, Instant now) {
        return render(month, results, now, ReportNames.IDS);
    }

    /** @param names the names of resellers (the overview's reseller column) */
    static String render(YearMonth month, List<MonthEnd.ContractResult> results, Instant now, ReportNames names) {
        String title = "SLA-maandoverzicht " + Nl.month(month);
        BigDecimal total = results.stream()
                .map(r -> r.month().credit().applied().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long withCredit = results.stream()
                .filter(r -> r.month().credit().applied().amount().signum() > 0)
                .count();
        long kpiMissed = results.stream()
                .filter(r -> r.month().services().stream().anyMatch(ServiceMonth::kpiMissed))
                .count();
        StringBuilder h = new StringBuilder(4_000 + results.size() * 600);
        h.append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n<title>")
                .append(esc(title))
                .append("</title>\n<style>")
                .append(ContractReportHtml.STYLE)
                // the overview has more columns than a contract report: room for them on a laptop
                .append("body{max-width:80rem}")
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(esc(title))
                .append("</h1>\n")
                .append("<p class=\"sub\">Berekend ")
                .append(esc(Nl.moment(Amsterdam.iso(now))))
                .append(" · per contract de laatste versie · <a href=\"finance.csv\">finance.csv</a> "
                        + "(voor Financiën) · <a href=\"financieel.csv\">financieel.csv</a> (voor Excel)</p>\n")
                .append("<div class=\"cards\">\n<div class=\"card\">Contracten<b>")
                .append(results.size())
                .append("</b></div>\n")
                .append("<div class=\"card\">KPI niet gehaald<b class=\"")
                .append(kpiMissed > 0 ? "bad" : "ok")
                .append("\">")
                .append(kpiMissed)
                .append("</b>contracten met een dienst onder de KPI</div>\n")
                .append("<div class=\"card\">Met servicecredit<b>")
                .append(withCredit)
                .append("</b></div>\n")
                .append("<div class=\"card\">Totaal credit<b>")
                .append(Nl.money(total))
                .append("</b></div>\n</div>\n");
        // a narrow screen scrolls the table sideways, not the page (keyboard: the region takes focus)
        h.append("<div class=\"scroll\" role=\"region\" aria-label=\"Contracten\" tabindex=\"0\">");
        h.append("<table><thead><tr><th>Klant</th><th>Reseller</th><th>Niveau</th><th class=\"num\">"
                        + "Beschikbaarheid</th><th class=\"num\">Onbekend</th>")
                .append("<th class=\"num\">KPI</th><th class=\"num\">Reactie op tijd</th><th class=\"num\">"
                        + "Herstel op tijd</th>")
                .append("<th class=\"num\">Credit</th><th class=\"num\">Bedrag</th>"
                        + "<th class=\"num\">Claims hersteltijd</th><th>Versie</th></tr></thead>"
                        + "<tbody>\n");
        Comparator<MonthEnd.ContractResult> worstFirst = Comparator.comparing(
                        (MonthEnd.ContractResult r) -> r.month().headlineAvailability(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.customer().id());
        for (MonthEnd.ContractResult r : results.stream().sorted(worstFirst).toList()) {
            ContractMonth m = r.month();
            var head = m.headlineService();
            String link = ReportPublisher.contractObject(m.customerId(), r.version(), "html");
            h.append("<tr><td><a href=\"")
                    .append(esc(link))
                    .append("\">")
                    .append(esc(m.customerName()))
                    .append("</a></td><td>")
                    .append(esc(names.reseller(m.resellerId())))
                    .append("</td><td>")
                    .append(esc(m.level()))
                    .append("</td><td class=\"num\">");
            if (head == null) {
                h.append("–");
            } else {
                h.append("<span class=\"")
                        .append(Nl.verdictClass(head))
                        .append("\">")
                        .append(Nl.availability(head))
                        .append("</span>");
                if (!Nl.partial(head).isEmpty()) {
                    h.append("<br><span class=\"muted\">")
                            .append(esc(Nl.partial(head)))
                            .append("</span>");
                }
            }
            h.append("</td><td class=\"num\">")
                    .append(head == null || !head.hasData() ? "–" : Nl.minutes(head.unknownMinutes()))
                    .append("</td><td class=\"num\">")
                    .append(head == null ? "–" : Nl.percent(head.availabilityKpi()))
                    .append("</td><td class=\"num\">")
                    .append(
                            m.tickets().response().compliance() == null
                                    ? "–"
                                    : Nl.percent(m.tickets().response().compliance()))
                    .append("</td><td class=\"num\">")
                    .append(
                            m.tickets().restore().compliance() == null
                                    ? "–"
                                    : Nl.percent(m.tickets().restore().compliance()))
                    .append("</td><td class=\"num\">")
                    .append(Nl.decimal(m.credit().applied().percent()))
                    .append(" %</td><td class=\"num\">")
                    .append(Nl.money(m.credit().applied().amount()))
                    .append("</td><td class=\"num\">")
                    .append(m.restoreClaims().count())
                    .append(
                            m.restoreClaims().total() == null
                                    ? ""
                                    : " (" + Nl.money(m.restoreClaims().total()) + ")")
                    .append("</td><td>")
                    .append(r.version())
                    .append(" (")
                    .append(
                            switch (r.outcome()) {
                                case NEW -> "nieuw";
                                case CHANGED -> "gewijzigd: " + r.changes().size() + " gegeven(s)";
                                case UNCHANGED -> "ongewijzigd";
                            })
                    .append(")</td></tr>\n");
        }
        h.append("</tbody></table></div>\n<footer>Beschikbaarheid: de dienst die het credit bepaalt (R25). "
                        + "Onbekend: tijd waarin de monitoring niet liep (R20), telt als beschikbaar. "
                        + "Credit volgens het SLA-beleid van de maand (R24). ")
                .append("Financiën: <a href=\"finance.csv\">finance.csv</a> (import) en "
                        + "<a href=\"financieel.csv\">financieel.csv</a> (Excel) in dezelfde map.</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }
}
