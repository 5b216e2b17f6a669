package nl.vioms.sladesk.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthRun;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * Month-end's results of one reseller's customers only (issue 18): the months month-end closed, and per
 * month the latest version of each of the reseller's own contracts. A contract is the reseller's when the
 * directory says so now AND the month's own record names the reseller (a customer that moved to
 * another reseller takes neither side's earlier months along). Anything else, and a month that is not
 * closed, is the same 404 as an unknown one: nothing to enumerate.
 */
final class ResellerReports {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A month with no report for the reseller: bad text, not closed, never run. */
    static WebError noMonth() {
        return new WebError(
                404,
                "Voor deze maand is er geen rapportage. Kies een maand uit de lijst.",
                "There is no report for this month. Choose a month from the list.");
    }

    /** Another reseller's customer answers as an unknown one (no enumeration). */
    static WebError noReport() {
        return new WebError(
                404,
                "Dit rapport bestaat niet, of hoort niet bij jullie klanten.",
                "This report does not exist, or does not belong to your customers.");
    }

    private final Services services;
    private final ReportsRepository reports;

    ResellerReports(Services services) {
        this.services = services;
        this.reports = services.reports();
    }

    /** The months month-end has closed (a finished run), newest first. */
    List<MonthRun> months() {
        Instant now = services.clock().instant();
        return reports.runs().stream().filter(r -> ended(r.month(), now)).toList();
    }

    /** {@code 2026-09} when month-end has closed it; anything else (bad text, open or unrun month) 404. */
    YearMonth closedMonth(String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw noMonth();
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw noMonth();
        }
        if (!ended(month, services.clock().instant())
                || reports.runFinished(month).isEmpty()) {
            throw noMonth();
        }
        return month;
    }

    /** The month of each of the reseller's own customers month-end reported, by customer name. */
    List<CustomerMonth> month(Reseller reseller, YearMonth month) {
        List<CustomerMonth> out = new ArrayList<>();
        for (Customer customer : services.directory().customers()) {
            if (customer.resellerId().equals(reseller.id())) {
                read(reseller, customer, month).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(CustomerMonth::customerName).thenComparing(CustomerMonth::customerId));
        return out;
    }

    /** One of the reseller's customers' month; another reseller's customer is the same 404 as an unknown one. */
    CustomerMonth customer(Reseller reseller, YearMonth month, String customerId) {
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            throw noReport();
        }
        return services.directory()
                .customer(customerId)
                .filter(c -> c.resellerId().equals(reseller.id()))
                .flatMap(c -> read(reseller, c, month))
                .orElseThrow(ResellerReports::noReport);
    }

    private Optional<CustomerMonth> read(Reseller reseller, Customer customer, YearMonth month) {
        Optional<MonthSummary> summary = reports.summary(customer.id(), month);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        int version = summary.get().version();
        Optional<SortedMap<String, String>> figures = reports.figures(customer.id(), month, version);
        Optional<String> document = reports.document(customer.id(), month, version);
        if (figures.isEmpty() || document.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> record = Json.object(Json.readObject(document.get()), "report");
        if (!reseller.id().equals(Json.string(record, "resellerId"))) {
            return Optional.empty();
        }
        return Optional.of(of(customer, month, summary.get(), figures.get(), record));
    }

    private static CustomerMonth of(
            Customer customer,
            YearMonth month,
            MonthSummary summary,
            SortedMap<String, String> figures,
            Map<String, Object> record) {
        List<CustomerMonth.ServiceLine> lines = new ArrayList<>();
        for (Map<String, Object> service : Json.objects(record, "services")) {
            String id = Json.string(service, "serviceId");
            String p = "service." + id + ".";
            String name = Optional.ofNullable(Json.string(service, "name")).orElse(id);
            BigDecimal kpi = summary.services().stream()
                    .filter(f -> f.serviceId().equals(id))
                    .map(ServiceFigure::kpi)
                    .findFirst()
                    .orElse(null);
            BigDecimal availability = decimal(figures.get(p + "availability"));
            // no data (issue 20: before the contract's start, or nothing recorded): no figure at all, so
            // neither the minutes the engine counted over a month the contract did not run
            boolean measured = availability != null;
            lines.add(new CustomerMonth.ServiceLine(
                    id,
                    name,
                    availability,
                    measured ? kpi : null,
                    verdict(figures.get(p + "kpiMet")),
                    measured ? decimal(figures.get(p + "downMinutes")) : null,
                    measured ? decimal(figures.get(p + "excludedMinutes")) : null,
                    measured ? decimal(figures.get(p + "unknownMinutes")) : null));
        }
        String basis = figures.get("credit.basis");
        return new CustomerMonth(
                customer.id(),
                Optional.ofNullable(Json.string(record, "customerName")).orElse(customer.name()),
                Optional.ofNullable(Json.string(record, "level"))
                        .orElse(customer.level().name()),
                month,
                summary.version(),
                lines,
                basis == null || basis.equals("null") ? null : basis,
                Optional.ofNullable(decimal(figures.get("credit.percent"))).orElse(summary.creditPercent()),
                Optional.ofNullable(decimal(figures.get("credit.amount"))).orElse(summary.creditAmount()),
                Integer.parseInt(figures.getOrDefault("tickets.incidents", "0")));
    }

    /** A month that has ended in Amsterdam (month-end runs after it). */
    private static boolean ended(YearMonth month, Instant now) {
        return !month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(Amsterdam.ZONE)
                .toInstant()
                .isAfter(now);
    }

    /** A stored figure ("99.6544", "null" for none). */
    private static BigDecimal decimal(String figure) {
        return figure == null || figure.equals("null") ? null : new BigDecimal(figure);
    }

    private static Boolean verdict(String figure) {
        return figure == null || figure.equals("null") ? null : Boolean.valueOf(figure);
    }
}
