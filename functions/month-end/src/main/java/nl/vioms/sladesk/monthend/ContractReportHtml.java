package nl.vioms.sladesk.monthend;

import static nl.vioms.sladesk.monthend.Nl.esc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.ContractMonth.CreditFigures;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.monthend.TicketLine;
import nl.vioms.sladesk.core.monthend.Trend;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * A contract's month for people (customer, reseller, operations), in Dutch like the status page:
 * summary, per service the availability table, the 12-month chart against the KPI line, the
 * month's timeline and every outage with what it counted as, the tickets, and the credit worked
 * out step by step. One self-contained file: inline CSS and SVG, no script, no external load.
 */
final class ContractReportHtml {
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;\
            max-width:60rem;
              padding:0 1rem;color:#1d2733;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;\
            border-bottom:2px solid #dde3ea;
              padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.6rem}
            .sub{color:#52606d;margin-top:0}
            table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.92rem}
            th,td{border-bottom:1px solid #e4e8ee;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f6f9;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
            .ok{color:#1b7f3b;font-weight:600}.bad{color:#b42318;font-weight:600}.muted{color:#6b7785}
            .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
            .card{border:1px solid #dde3ea;border-radius:8px;padding:.6rem .9rem;min-width:11rem}
            .card b{display:block;font-size:1.35rem}
            ol.steps li{margin:.2rem 0}
            svg{max-width:100%;height:auto;display:block;margin:.4rem 0}
            .scroll{overflow-x:auto}
            @media (max-width:40rem){table{display:block;overflow-x:auto}}
            svg text{font-size:11px;fill:#3e4c59;font-family:inherit}
            svg .grid{stroke:#e4e8ee}svg .axis-line{stroke:#9aa5b1}
            svg .bar.met{fill:#3f8f5a}svg .bar.missed{fill:#c4412f}
            svg .kpi{stroke:#d97706;stroke-width:2;stroke-dasharray:6 4}svg .kpi-label{fill:#b45309;font-weight:600}
            svg .average{stroke:#2563eb;stroke-width:1.5;stroke-dasharray:2 3}
            svg .lane{fill:#f3f6f9}svg .tick{stroke:#e4e8ee}svg .tick.major{stroke:#c5ccd3}
            svg .span.down{fill:#c4412f}svg .span.excluded{fill:#7c93b5}svg .span.unknown{fill:#e0a526}
            svg .span.maintenance{fill:#a78bfa}
            .legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
            .legend i{display:inline-block;width:.9rem;height:.9rem;vertical-align:-2px;\
            margin-right:.3rem;border-radius:2px}
            footer{margin-top:2.5rem;font-size:.82rem;color:#6b7785}
            """;

    private ContractReportHtml() {}

    static String render(ReportJson.Document doc, Map<String, Trend> trends) {
        return render(doc, trends, ReportNames.IDS);
    }

    /**
     * @param names the names of resellers and monitored services; the report sits at
     *              {@code contracts/<customer>/vNNNN.html}, two folders below the month's overview
     */
    static String render(ReportJson.Document doc, Map<String, Trend> trends, ReportNames names) {
        ContractMonth m = doc.report();
        YearMonth month = YearMonth.parse(m.month());
        StringBuilder h = new StringBuilder(32_000);
        String title = "SLA-maandrapport " + Nl.month(month) + " – " + m.customerName();
        h.append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n<title>")
                .append(esc(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>")
                .append(esc(title))
                .append("</h1>\n<p class=\"nav\"><a href=\"../../overview.html\">← Maandoverzicht ")
                .append(esc(Nl.month(month)))
                .append("</a> · <a href=\"")
                .append(esc(String.format("v%04d.json", doc.version())))
                .append("\">gegevens (JSON)</a></p>\n<p class=\"sub\">Klant ")
                .append(esc(m.customerName()))
                .append(" · reseller ")
                .append(esc(names.reseller(m.resellerId())))
                .append(" · SLA-niveau ")
                .append(esc(m.level()))
                .append(" · versie ")
                .append(doc.version())
                .append(" van ")
                .append(esc(Nl.moment(isoOf(doc.generatedAt()))))
                .append("</p>\n");

        summary(h, m);
        if (!doc.changes().isEmpty()) {
            changes(h, doc);
        }
        for (ServiceMonth s : m.services()) {
            service(h, m, s, trends.get(s.serviceId()), month, names);
        }
        tickets(h, m);
        credit(h, m);
        restoreClaims(h, m);

        h.append("<footer>Berekend met SLA-beleid <b>")
                .append(esc(m.policyId()))
                .append("</b> en kalender <b>")
                .append(esc(m.calendar().version()))
                .append("</b> (")
                .append(esc(m.calendar().zone()))
                .append(", Bevrijdingsdag ")
                .append(m.calendar().liberationDayEveryYear() ? "elk jaar" : "alleen lustrumjaren")
                .append(", Goede Vrijdag ")
                .append(m.calendar().goodFriday() ? "vrij" : "werkdag")
                .append(
                        m.calendar().closureDays().isEmpty()
                                ? ""
                                : ", sluitingsdagen "
                                        + esc(String.join(", ", m.calendar().closureDays())))
                .append("). Maand: ")
                .append(esc(Nl.moment(m.periodStart())))
                .append(" tot ")
                .append(esc(Nl.moment(m.periodEnd())))
                .append(" (Europe/Amsterdam). Toegepaste regels: ")
                .append(esc(String.join(", ", m.rules())))
                .append(". Inhoudshash ")
                .append(esc(doc.contentHash().substring(0, 12)))
                .append(".</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String isoOf(String instant) {
        return Amsterdam.iso(Instant.parse(instant));
    }

    private static void summary(StringBuilder h, ContractMonth m) {
        ServiceMonth head = m.headlineService();
        h.append("<div class=\"cards\">\n");
        if (head != null) {
            h.append("<div class=\"card\">Beschikbaarheid")
                    .append(m.services().size() > 1 ? " (" + esc(head.name()) + ")" : "")
                    .append("<b class=\"")
                    .append(Nl.verdictClass(head))
                    .append("\">")
                    .append(Nl.availability(head))
                    .append("</b>KPI ")
                    .append(Nl.percent(head.availabilityKpi()))
                    .append(Nl.verdict(head))
                    .append(Nl.partial(head).isEmpty() ? "" : "<br>" + esc(Nl.partial(head)))
                    .append("</div>\n");
        }
        var c = m.credit().applied();
        h.append("<div class=\"card\">Servicecredit<b>")
                .append(Nl.money(c.amount()))
                .append("</b>")
                .append(Nl.decimal(c.percent()))
                .append(" % van de licentievergoeding</div>\n");
        h.append("<div class=\"card\">Reactietijd op tijd<b>")
                .append(compliance(m.tickets().response()))
                .append("</b>")
                .append(m.tickets().incidents())
                .append(" incident(en) deze maand</div>\n");
        h.append("<div class=\"card\">Hersteltijd op tijd<b>")
                .append(compliance(m.tickets().restore()))
                .append("</b>gehaald / (gehaald + niet gehaald)</div>\n</div>\n");
    }

    private static String compliance(ContractMonth.Counts c) {
        return c.compliance() == null ? "–" : Nl.percent(c.compliance());
    }

    private static void changes(StringBuilder h, ReportJson.Document doc) {
        h.append("<h2>Gewijzigd ten opzichte van versie ")
                .append(doc.previousVersion())
                .append("</h2>\n")
                .append("<p>Na late gegevens is deze maand opnieuw berekend; versie ")
                .append(doc.previousVersion())
                .append(" blijft bewaard. Wat veranderde:</p>\n<table><thead><tr><th>Gegeven</th><th>Was</th>"
                        + "<th>Nu</th></tr></thead><tbody>\n");
        for (var c : doc.changes()) {
            h.append("<tr><td>")
                    .append(esc(c.figure()))
                    .append("</td><td>")
                    .append(esc(c.before() == null ? "–" : c.before()))
                    .append("</td><td>")
                    .append(esc(c.after() == null ? "–" : c.after()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void service(
            StringBuilder h, ContractMonth m, ServiceMonth s, Trend trend, YearMonth month, ReportNames names) {
        h.append("<h2>Beschikbaarheid: ")
                .append(esc(s.name()))
                .append(" <span class=\"muted\">(")
                .append(esc(s.kind()))
                .append(")</span></h2>\n");
        if (!s.hasData()) {
            h.append("<p class=\"muted\"><b>Geen gegevens</b> voor deze maand: ")
                    .append(
                            s.rules().contains("R18")
                                    ? "het contract liep nog niet (geen SLA vóór levering, R18)"
                                    : "niets gemeten en niets gemeld")
                    .append(". Geen beschikbaarheidscijfer, geen KPI-oordeel en geen credit; de maand telt niet mee"
                            + " in het 12-maandsgemiddelde.</p>\n");
        } else if (!Nl.partial(s).isEmpty()) {
            h.append("<p><b>")
                    .append(esc(Nl.partial(s)))
                    .append("</b>: geen SLA vóór levering (R18); de totale tijd loopt vanaf de start van het contract"
                            + " tot het einde van de maand.</p>\n");
        }
        h.append("<table><tbody>\n")
                .append(row(
                        Nl.partial(s).isEmpty()
                                ? "Totale tijd van de maand"
                                : "Totale tijd vanaf de start van het contract",
                        Nl.minutes(s.totalMinutes())))
                .append(row("Uitval die meetelt (buiten elke uitsluiting, R23)", Nl.minutes(s.downMinutes())))
                .append(row("Uitval binnen een uitsluiting (telt niet mee, R18/R19)", Nl.minutes(s.excludedMinutes())))
                .append(row(
                        "Onbekend: monitoring liep niet (telt als beschikbaar, R20)", Nl.minutes(s.unknownMinutes())))
                .append(row(
                        "Uitval binnen spoedonderhoud (apart gerapporteerd, R19)",
                        Nl.minutes(s.emergencyDownMinutes())))
                .append("<tr><th>Beschikbaarheid = (totaal − uitval) / totaal</th><td class=\"num\"><b class=\"")
                .append(Nl.verdictClass(s))
                .append("\">")
                .append(Nl.availability(s))
                .append("</b></td></tr>\n")
                .append(row("KPI van niveau " + m.level() + " (R5)", Nl.percent(s.availabilityKpi()) + Nl.verdict(s)))
                .append("</tbody></table>\n");
        h.append("<p class=\"muted\">Gemeten via: ")
                .append(esc(
                        s.monitoredBy().isEmpty()
                                ? "geen meldingen deze maand"
                                : String.join(
                                        ", ",
                                        s.monitoredBy().stream()
                                                .map(names::source)
                                                .toList())))
                .append("</p>\n");

        if (trend != null) {
            h.append("<h3>Twaalf maanden</h3>\n")
                    .append(Svg.trendChart(
                            trend,
                            "Beschikbaarheid per maand van " + s.name() + ", " + Nl.month(Trend.windowStart(month))
                                    + " tot en met " + Nl.month(month)));
            h.append("<p class=\"legend\"><span><i style=\"background:#3f8f5a\"></i>KPI gehaald</span>"
                            + "<span><i style=\"background:#c4412f\"></i>KPI niet gehaald</span>")
                    .append("<span><i style=\"background:#d97706\"></i>KPI-lijn</span><span><i "
                            + "style=\"background:#2563eb\"></i>12-maandsgemiddelde</span></p>\n")
                    .append("<p>12-maandsgemiddelde (tijdgewogen over ")
                    .append(trend.months().size())
                    .append(" maand(en) met resultaat, R24): <b>")
                    .append(Nl.percent(trend.yearlyAverage()))
                    .append("</b>")
                    .append(
                            trend.kpiMet() == null
                                    ? ""
                                    : trend.kpiMet()
                                            ? " <span class=\"ok\">norm over het jaar gehaald</span>"
                                            : " <span class=\"bad\">norm over het jaar niet gehaald</span>")
                    .append("</p>\n");
        }

        h.append("<h3>De maand in beeld</h3>\n")
                .append(Svg.timeline(s, month))
                .append("<p class=\"legend\"><span><i style=\"background:#c4412f\"></i>uitval</span><span><i "
                        + "style=\"background:#7c93b5\"></i>uitgesloten</span>")
                .append("<span><i style=\"background:#e0a526\"></i>onbekend</span><span><i "
                        + "style=\"background:#a78bfa\"></i>onderhoudsvenster</span></p>\n");

        h.append("<h3>Storingen</h3>\n");
        if (s.outages().isEmpty()) {
            h.append("<p>Geen storingen gemeten.</p>\n");
        } else {
            h.append("<table><thead><tr><th>Begin (eerste mislukte test)</th><th>Einde</th><th>Bron</th>"
                            + "<th>Incident</th>")
                    .append("<th class=\"num\">In deze maand</th><th class=\"num\">Telt als uitval</th><th "
                            + "class=\"num\">Uitgesloten</th></tr></thead><tbody>\n");
            for (var o : s.outages()) {
                h.append("<tr><td>")
                        .append(esc(Nl.moment(o.start())))
                        .append("</td><td>")
                        .append(o.end() == null ? "nog open" : esc(Nl.moment(o.end())))
                        .append("</td><td>")
                        .append(esc(o.sourceName()))
                        .append(" <span class=\"muted\">")
                        .append(esc(o.target()))
                        .append("</span></td><td>")
                        .append(esc(o.incident() == null ? "–" : o.incident()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(o.minutes()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(o.down()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(o.excluded()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!s.excludedIntervals().isEmpty()) {
            h.append("<h3>Uitgesloten uitval</h3>\n<table><thead><tr><th>Van</th><th>Tot</th><th>"
                            + "Waarom</th><th>Regel</th>")
                    .append("<th class=\"num\">Duur</th></tr></thead><tbody>\n");
            for (var x : s.excludedIntervals()) {
                h.append("<tr><td>")
                        .append(esc(Nl.moment(x.from())))
                        .append("</td><td>")
                        .append(esc(Nl.moment(x.to())))
                        .append("</td><td>")
                        .append(esc(why(x, s)))
                        .append("</td><td>")
                        .append(esc(x.rule()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(x.minutes()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!s.emergencyWindows().isEmpty()) {
            h.append("<h3>Spoedonderhoud (R19)</h3>\n<table><thead><tr><th>Van</th><th>Tot</th><th>"
                            + "Wat</th><th>Telt</th>")
                    .append("<th class=\"num\">Uitval erin</th><th class=\"num\">Telt als uitval</th></tr>"
                            + "</thead><tbody>\n");
            for (var e : s.emergencyWindows()) {
                h.append("<tr><td>")
                        .append(esc(Nl.moment(e.from())))
                        .append("</td><td>")
                        .append(esc(Nl.moment(e.to())))
                        .append("</td><td>")
                        .append(esc(
                                e.lateAnnouncement()
                                        ? "gepland onderhoud, minder dan 24 uur vooraf aangekondigd: telt als "
                                                + "spoedonderhoud"
                                        : e.reason()))
                        .append("</td><td>")
                        .append(e.excluded() ? "uitgesloten: " + esc(e.exclusionReason()) : "telt mee als uitval")
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(e.outageMinutes()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.minutes(e.downMinutes()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!s.unknownIntervals().isEmpty()) {
            h.append("<h3>Onbekende tijd (R20)</h3>\n<p>Hier liep de monitoring niet: niet beschikbaar "
                            + "en niet onbeschikbaar. ")
                    .append("Deze tijd telt als beschikbaar voor het credit. Per gecontroleerd doel.</p>\n"
                            + "<table><thead><tr><th>Doel</th><th>Van</th><th>Tot</th><th>Oorzaak</th>")
                    .append("<th class=\"num\">Duur</th></tr></thead><tbody>\n");
            Map<String, List<ContractMonth.IntervalTrace>> perTarget = new TreeMap<>();
            for (var u : s.unknownIntervals()) {
                perTarget
                        .computeIfAbsent(unknownTarget(u.reason()), k -> new ArrayList<>())
                        .add(u);
            }
            perTarget.forEach((target, spans) -> {
                BigDecimal total = BigDecimal.ZERO;
                for (var u : spans) {
                    total = total.add(u.minutes());
                    h.append("<tr><td>")
                            .append(esc(target))
                            .append("</td><td>")
                            .append(esc(Nl.moment(u.from())))
                            .append("</td><td>")
                            .append(esc(Nl.moment(u.to())))
                            .append("</td><td>")
                            .append(esc(unknownCause(u.reason())))
                            .append("</td><td class=\"num\">")
                            .append(Nl.minutes(u.minutes()))
                            .append("</td></tr>\n");
                }
                h.append("<tr><th colspan=\"4\">Totaal ")
                        .append(esc(target))
                        .append("</th><th class=\"num\">")
                        .append(Nl.minutes(total))
                        .append("</th></tr>\n");
            });
            h.append("</tbody></table>\n");
        }
    }

    /** The probe's reason names its target ("target sbc-1-sip not checked (missed probe runs)"). */
    private static final Pattern PROBE_UNKNOWN = Pattern.compile("target (\\S+) not checked \\(missed probe runs\\)");

    /** The target an unknown span is about; "–" when the record does not say. */
    static String unknownTarget(String reason) {
        Matcher m = PROBE_UNKNOWN.matcher(reason == null ? "" : reason);
        return m.matches() ? m.group(1) : "–";
    }

    /** The cause in Dutch with its target ("sbc-1-sip niet gecontroleerd: probe-ronde gemist"). */
    static String unknownText(String reason) {
        String target = unknownTarget(reason);
        return "–".equals(target) ? unknownCause(reason) : target + " " + unknownCause(reason);
    }

    /** The cause in Dutch; a reason the probe did not write (recorded by hand) is shown as recorded. */
    static String unknownCause(String reason) {
        return PROBE_UNKNOWN.matcher(reason == null ? "" : reason).matches()
                ? "niet gecontroleerd: probe-ronde gemist"
                : reason;
    }

    /**
     * Why outage time was forgiven, in Dutch: the kind, and what operations recorded (the
     * maintenance window's work, the exclusion's reason). The engine's own English wording stays
     * in the JSON record.
     */
    private static String why(ContractMonth.IntervalTrace x, ServiceMonth s) {
        String kind = Nl.exclusion(x.kind());
        var from = Nl.instant(x.from());
        return switch (x.kind()) {
            case "regular-service-window" -> kind;
            case "planned-maintenance" ->
                kind
                        + s.maintenance().stream()
                                .filter(m -> "planned".equals(m.kind())
                                        && !Nl.instant(m.from()).isAfter(from)
                                        && Nl.instant(m.to()).isAfter(from))
                                .findFirst()
                                .map(m -> " " + m.id() + " (" + m.reason() + "), aangekondigd "
                                        + Nl.moment(m.announcedAt()))
                                .orElse("");
            case "emergency-maintenance" ->
                kind
                        + s.maintenance().stream()
                                .filter(m -> m.excluded()
                                        && !Nl.instant(m.from()).isAfter(from)
                                        && Nl.instant(m.to()).isAfter(from))
                                .findFirst()
                                .map(m -> ": " + m.exclusionReason())
                                .orElse("");
            default -> kind + ": " + x.reason();
        };
    }

    private static String row(String label, String value) {
        return "<tr><th>" + esc(label) + "</th><td class=\"num\">" + esc(value) + "</td></tr>\n";
    }

    /** Restore-time breaches as claims (issue 20): listed for finance, never added to the credit (R25). */
    private static void restoreClaims(StringBuilder h, ContractMonth m) {
        var c = m.restoreClaims();
        h.append("<h2>Claims wegens overschreden hersteltijd (ter beoordeling door finance)</h2>\n");
        if (c.claims().isEmpty()) {
            h.append("<p>Geen overschreden hersteltijd deze maand.</p>\n");
            return;
        }
        h.append("<p>Het SLA belooft een vergoeding als de maximale hersteltijd wordt overschreden. Deze claims staan"
                        + " los van het beschikbaarheidscredit (R25) en worden er niet bij opgeteld; finance beslist. ")
                .append(
                        c.amountPerBreach() == null
                                ? "Het SLA-beleid noemt geen bedrag per overschrijding."
                                : "Het SLA-beleid noemt " + Nl.money(c.amountPerBreach())
                                        + " per overschrijding: samen " + Nl.money(c.total()) + ".")
                .append("</p>\n<table><thead><tr><th>Ticket</th><th>Prioriteit</th><th>Herstel uiterlijk</th>"
                        + "<th>Opgelost</th><th class=\"num\">Uren te laat</th><th class=\"num\">Bedrag</th></tr>"
                        + "</thead><tbody>\n");
        for (var claim : c.claims()) {
            h.append("<tr><td>")
                    .append(esc(claim.number()))
                    .append("</td><td>")
                    .append(esc(claim.priority()))
                    .append("</td><td>")
                    .append(esc(Nl.moment(claim.restoreDue())))
                    .append("</td><td>")
                    .append(
                            claim.stillOpen()
                                    ? "nog open (tot het einde van de maand)"
                                    : esc(Nl.moment(claim.resolvedAt())))
                    .append("</td><td class=\"num\">")
                    .append(Nl.decimal(claim.hoursLate()))
                    .append("</td><td class=\"num\">")
                    .append(claim.amount() == null ? "n.v.t." : Nl.money(claim.amount()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void tickets(StringBuilder h, ContractMonth m) {
        h.append("<h2>Tickets: reactie- en hersteltijd (R13, R14)</h2>\n");
        if (m.ticketLines().isEmpty()) {
            h.append("<p>Geen incidenten gemeld deze maand.</p>\n");
            return;
        }
        h.append("<table><thead><tr><th>Ticket</th><th>Prio</th><th>Gemeld</th><th>Reactie uiterlijk</th>"
                        + "<th>Reactie</th>")
                .append("<th></th><th>Herstel uiterlijk</th><th>Hersteld</th><th></th></tr></thead><tbody>\n");
        for (TicketLine t : m.ticketLines()) {
            h.append("<tr><td>")
                    .append(esc(t.number()))
                    .append("<br><span class=\"muted\">")
                    .append(esc(t.subject()))
                    .append("</span></td><td>")
                    .append(esc(t.priority()))
                    .append("</td><td>")
                    .append(esc(Nl.moment(t.created())))
                    .append("</td><td>")
                    .append(esc(Nl.moment(t.responseDue())))
                    .append("</td><td>")
                    .append(esc(Nl.moment(t.respondedAt())))
                    .append("</td><td>")
                    .append(verdict(t.response()))
                    .append("</td><td>")
                    .append(esc(Nl.moment(t.restoreDue())))
                    .append("</td><td>")
                    .append(esc(Nl.moment(t.resolvedAt())))
                    .append("</td><td>")
                    .append(verdict(t.restore()))
                    .append("</td></tr>\n");
        }
        var r = m.tickets().response();
        var s = m.tickets().restore();
        h.append("</tbody></table>\n<p>Reactie: ")
                .append(r.met())
                .append(" gehaald, ")
                .append(r.breached())
                .append(" niet gehaald, ")
                .append(r.open())
                .append(" open, ")
                .append(r.noTarget())
                .append(" zonder norm. Herstel: ")
                .append(s.met())
                .append(" gehaald, ")
                .append(s.breached())
                .append(" niet gehaald, ")
                .append(s.open())
                .append(" open, ")
                .append(s.noTarget())
                .append(" zonder norm (best effort of P3).</p>\n");
    }

    private static String verdict(String status) {
        String css = switch (status) {
            case "met" -> "ok";
            case "breached" -> "bad";
            default -> "muted";
        };
        return "<span class=\"" + css + "\">" + esc(Nl.status(status)) + "</span>";
    }

    private static void credit(StringBuilder h, ContractMonth m) {
        var credit = m.credit();
        CreditFigures c = credit.applied();
        h.append("<h2>Servicecredit (R25, R26)</h2>\n");
        if (credit.basisServiceId() == null) {
            boolean noData = credit.reason().contains("R18");
            h.append(
                    noData
                            ? "<p>Geen gegevens deze maand (R18): geen credit.</p>\n"
                            : "<p>Geen van de diensten van dit contract geeft recht op een"
                                    + " VIOMS-beschikbaarheidscredit (R2).</p>\n");
            return;
        }
        ServiceMonth basis = m.headlineService();
        h.append("<p>Het credit volgt de dienst met de meeste uitval die recht geeft op credit: <b>")
                .append(esc(basis.name()))
                .append("</b>. Uitgesloten tijd (R18, R19) en onbekende tijd (R20) tellen niet als uitval.</p>\n"
                        + "<ol class=\"steps\">\n");
        h.append("<li>Beschikbaarheid ")
                .append(Nl.percent(basis.availability()))
                .append(" (exact ")
                .append(Nl.percent(c.availability()))
                .append("); gegarandeerd ")
                .append(Nl.percent(c.threshold()))
                .append(".</li>\n");
        if (c.pointsBelow().signum() == 0) {
            h.append("<li>Niet onder de garantie: geen credit.</li>\n</ol>\n");
        } else {
            h.append("<li>Tekort: ")
                    .append(Nl.decimal(c.threshold()))
                    .append(" − ")
                    .append(Nl.decimal(c.availability()))
                    .append(" = ")
                    .append(Nl.decimal(c.pointsBelow()))
                    .append(" procentpunt.</li>\n")
                    .append("<li>Geteld volgens het beleid: ")
                    .append(esc(Nl.rounding(c.rounding())))
                    .append(" → ")
                    .append(Nl.decimal(c.steps()))
                    .append(" stap(pen) van 1 procentpunt.</li>\n")
                    .append("<li>Per stap 5 % van de maandelijkse licentievergoeding: ")
                    .append(Nl.decimal(c.percent()))
                    .append(" % × ")
                    .append(Nl.money(c.licenceFee()))
                    .append(" = ")
                    .append(Nl.money(c.uncappedAmount()))
                    .append(".</li>\n")
                    .append("<li>Maximum: ")
                    .append(Nl.decimal(c.capPercent()))
                    .append(" % van de vaste maandkosten ")
                    .append(Nl.money(c.fixedCosts()))
                    .append(" = ")
                    .append(Nl.money(c.cap()))
                    .append(".</li>\n")
                    .append("<li><b>Credit: ")
                    .append(Nl.money(c.amount()))
                    .append("</b>")
                    .append(c.capped() ? " (begrensd op het maximum)" : "")
                    .append(".</li>\n</ol>\n");
        }
        h.append("<table><thead><tr><th>Telling</th><th class=\"num\">Stappen</th><th class=\"num\">Credit %</th>")
                .append("<th class=\"num\">Bedrag</th><th></th></tr></thead><tbody>\n");
        credit.byRounding()
                .forEach((mode, f) -> h.append("<tr><td>")
                        .append(esc(Nl.rounding(mode)))
                        .append("</td><td class=\"num\">")
                        .append(Nl.decimal(f.steps()))
                        .append("</td><td class=\"num\">")
                        .append(Nl.decimal(f.percent()))
                        .append(" %</td><td class=\"num\">")
                        .append(Nl.money(f.amount()))
                        .append("</td><td>")
                        .append(mode.equals(c.rounding()) ? "<b>toegepast</b>" : "ter vergelijking")
                        .append("</td></tr>\n"));
        h.append("</tbody></table>\n");
    }
}
