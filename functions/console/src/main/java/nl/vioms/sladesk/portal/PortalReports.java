package nl.vioms.sladesk.portal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.CsvCells;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthRun;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * The portal's reports (issue 18, "Rapportages"): per closed month the reseller's own customers with
 * their services, level, availability (R23-R24), KPI verdict and credit (R25-R26) as month-end stored
 * them; each customer's month on a page of its own; the month as a CSV for import. The reseller is
 * the session's, never the request's ({@link ResellerReports}).
 */
public final class PortalReports {
    static final String PATH = "/portal/reports";

    /** The CSV's columns: one line per customer and service; the contract's one credit on its credit service's line. */
    static final String CSV_HEADER = "month,customer_id,customer,service_id,service,level,availability_percent,"
            + "down_minutes,excluded_minutes,unknown_minutes,kpi_percent,kpi_met,credit_percent,credit_amount";

    private final Services services;
    private final ResellerReports reports;

    private PortalReports(Services services) {
        this.services = services;
        this.reports = new ResellerReports(services);
    }

    public static void register(PageRouter router, Services services) {
        PortalReports pages = new PortalReports(services);
        router.page("GET", "/reports", PortalApp.STAFF, pages::list)
                .page("GET", "/reports/{file}", PortalApp.STAFF, pages::csv)
                .page("GET", "/reports/{month}/{customer}", PortalApp.STAFF, pages::report);
    }

    /** A closed month in the month menu. */
    public record MonthLink(String href, String label, boolean current) {}

    /**
     * One line of the month's table: a service of a customer; the customer's own cells (name, level,
     * credit, report) on its first service's line, spanning the others.
     */
    public record Line(
            boolean first,
            int span,
            String customer,
            String level,
            String service,
            String availability,
            String kpi,
            String kpiClass,
            String credit,
            String report) {}

    /** One service on a customer's report page. */
    public record ServiceView(
            String name,
            String availability,
            String kpi,
            String kpiClass,
            String down,
            String excluded,
            String unknown) {}

    private WebResponse list(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = PortalApp.reseller(services, session);
        Language lang = Language.of(request, Site.PORTAL);
        Figures figures = new Figures(lang);
        List<MonthRun> months = reports.months();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", PortalApp.chrome(request, session, lang.t("Rapportages", "Reports"), PATH));
        model.put("reseller", reseller.name());
        if (months.isEmpty()) {
            model.put("months", List.of());
            model.put("label", "");
            model.put("csv", "");
            model.put("lines", List.of());
            model.put("total", "");
            return Views.page(200, "portal/reports/list.jte", model);
        }
        YearMonth chosen = request.query("maand")
                .map(reports::closedMonth)
                .orElse(months.get(0).month());
        List<CustomerMonth> customers = reports.month(reseller, chosen);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CustomerMonth c : customers) {
            total = total.add(c.creditAmount());
            String report = PATH + "/" + chosen + "/" + c.customerId();
            int span = Math.max(1, c.services().size());
            if (c.services().isEmpty()) {
                lines.add(new Line(
                        true,
                        1,
                        c.customerName(),
                        c.level(),
                        "–",
                        "–",
                        "–",
                        "muted",
                        figures.money(c.creditAmount()),
                        report));
            }
            for (int i = 0; i < c.services().size(); i++) {
                CustomerMonth.ServiceLine s = c.services().get(i);
                lines.add(new Line(
                        i == 0,
                        span,
                        c.customerName(),
                        c.level(),
                        s.name(),
                        availability(s, figures, lang),
                        kpi(s, figures, lang),
                        kpiClass(s),
                        figures.money(c.creditAmount()),
                        report));
            }
        }
        model.put(
                "months",
                months.stream()
                        .map(r -> new MonthLink(
                                PATH + "?maand=" + r.month(),
                                figures.month(r.month()),
                                r.month().equals(chosen)))
                        .toList());
        model.put("label", figures.month(chosen));
        model.put("csv", PATH + "/" + chosen + ".csv");
        model.put("lines", lines);
        model.put("total", figures.money(total));
        return Views.page(200, "portal/reports/list.jte", model);
    }

    /** One customer's month: the stored version's figures, in the reader's language. */
    private WebResponse report(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = PortalApp.reseller(services, session);
        YearMonth month = reports.closedMonth(parameters.get("month"));
        CustomerMonth c = reports.customer(reseller, month, parameters.get("customer"));
        Language lang = Language.of(request, Site.PORTAL);
        Figures figures = new Figures(lang);
        Chrome chrome = PortalApp.chrome(request, session, c.customerName(), PATH);
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", chrome);
        model.put("label", figures.month(month));
        model.put("level", c.level());
        model.put("version", c.version());
        model.put(
                "services",
                c.services().stream()
                        .map(s -> new ServiceView(
                                s.name(),
                                availability(s, figures, lang),
                                kpi(s, figures, lang),
                                kpiClass(s),
                                figures.minutes(s.downMinutes()),
                                figures.minutes(s.excludedMinutes()),
                                figures.minutes(s.unknownMinutes())))
                        .toList());
        model.put("creditService", c.creditBasis() == null ? "" : c.creditServiceName());
        model.put("creditPercent", figures.percent(c.creditPercent()));
        model.put("credit", figures.money(c.creditAmount()));
        model.put("incidents", c.incidents());
        model.put("back", PATH + "?maand=" + month);
        model.put("csv", PATH + "/" + month + ".csv");
        return Views.page(200, "portal/reports/report.jte", model);
    }

    /** {@code GET /portal/reports/2026-09.csv}: the month of the reseller's own customers, for import. */
    private WebResponse csv(WebRequest request, Session session, PathParameters parameters) {
        String file = parameters.get("file");
        if (!file.endsWith(".csv")) {
            throw ResellerReports.noMonth();
        }
        Reseller reseller = PortalApp.reseller(services, session);
        YearMonth month = reports.closedMonth(file.substring(0, file.length() - ".csv".length()));
        String name = "sla-" + reseller.id().replaceAll("[^a-z0-9-]", "") + "-" + month + ".csv";
        return WebResponse.of(200, "text/csv; charset=utf-8", csv(reports.month(reseller, month)))
                .withHeader("content-disposition", "attachment; filename=\"" + name + "\"");
    }

    /**
     * RFC 4180 (comma, CRLF, quoted where needed), UTF-8 without a byte-order mark, decimal points:
     * finance.csv's cells ({@link CsvCells}: text never a formula). The contract's one credit (R2, R25)
     * is on the line of the service it is based on, so the column sums to what is paid.
     */
    static String csv(List<CustomerMonth> customers) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append(CsvCells.CRLF);
        for (CustomerMonth c : customers) {
            String creditService = c.creditService();
            for (CustomerMonth.ServiceLine s : c.services()) {
                boolean credit = s.serviceId().equals(creditService);
                out.append(String.join(
                                ",",
                                text(c.month().toString()),
                                text(c.customerId()),
                                text(c.customerName()),
                                text(s.serviceId()),
                                text(s.name()),
                                text(c.level()),
                                number(s.availability()),
                                number(s.downMinutes()),
                                number(s.excludedMinutes()),
                                number(s.unknownMinutes()),
                                number(s.kpi()),
                                s.kpiMet() == null ? "" : s.kpiMet().toString(),
                                credit ? number(c.creditPercent()) : "",
                                credit ? number(c.creditAmount()) : ""))
                        .append(CsvCells.CRLF);
            }
        }
        return out.toString();
    }

    private static String text(String value) {
        return CsvCells.text(value, ',');
    }

    private static String number(BigDecimal value) {
        return CsvCells.number(value, '.');
    }

    private static String availability(CustomerMonth.ServiceLine s, Figures figures, Language lang) {
        return s.availability() == null ? lang.t("geen gegevens", "no data") : figures.percent(s.availability());
    }

    /** The availability KPI as month-end judged it on the exact figure ("ja (norm 99,8 %)"). */
    private static String kpi(CustomerMonth.ServiceLine s, Figures figures, Language lang) {
        if (s.kpiMet() == null) {
            return lang.t("geen oordeel", "no verdict");
        }
        String norm = s.kpi() == null ? "" : " (" + lang.t("norm ", "target ") + figures.percent(s.kpi()) + ")";
        return (s.kpiMet() ? lang.t("gehaald", "met") : lang.t("niet gehaald", "missed")) + norm;
    }

    private static String kpiClass(CustomerMonth.ServiceLine s) {
        if (s.kpiMet() == null) {
            return "muted";
        }
        return s.kpiMet() ? "ok" : "bad";
    }
}
