package nl.vioms.sladesk.monthend;

import static nl.vioms.sladesk.monthend.Nl.esc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.monthend.Trend;
import nl.vioms.sladesk.core.time.Interval;

/** The reports' charts as inline SVG, drawn on the server: no script, no external file. */
final class Svg {
    private static final double[] STEPS = {0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 25};

    private Svg() {}

    /**
     * Availability of the 12 months ending with the trend's last month as bars, against the KPI
     * line (R5) and the time-weighted 12-month average (R24). A month without a result shows "–".
     */
    static String trendChart(Trend trend, String title) {
        int w = 720, h = 260, left = 64, right = 16, top = 20, bottom = 44;
        double plotW = w - left - right, plotH = h - top - bottom;
        double lo = trend.kpi() == null ? 100 : trend.kpi().doubleValue();
        for (Trend.Point p : trend.months()) {
            lo = Math.min(lo, p.availability().doubleValue());
        }
        double step = STEPS[STEPS.length - 1];
        for (double s : STEPS) {
            if ((100 - lo) / s <= 5) {
                step = s;
                break;
            }
        }
        double yMin = Math.max(0, Math.floor(lo / step - 1e-9) * step);
        if (lo - yMin < step / 4) {
            yMin = Math.max(0, yMin - step);
        }
        final double base = yMin;
        DoubleUnaryOperator y = v -> top + plotH * (100 - v) / (100 - base);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(title))
                .append("\">\n<title>")
                .append(esc(title))
                .append("</title>\n");
        // grid and axis labels
        for (double v = yMin; v <= 100 + 1e-9; v += step) {
            double gy = y.applyAsDouble(v);
            svg.append(String.format(
                            Locale.ROOT,
                            "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                            left,
                            gy,
                            w - right,
                            gy))
                    .append(String.format(
                            Locale.ROOT,
                            "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                            left - 6,
                            gy + 4,
                            esc(Nl.decimal(BigDecimal.valueOf(v).setScale(decimals(step), RoundingMode.HALF_UP))
                                    + " %")));
        }
        YearMonth first = Trend.windowStart(trend.last());
        double slot = plotW / 12;
        for (int i = 0; i < 12; i++) {
            YearMonth m = first.plusMonths(i);
            double cx = left + slot * i + slot / 2;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    cx,
                    h - bottom + 18,
                    esc(Nl.shortMonth(m))));
            Optional<Trend.Point> point =
                    trend.months().stream().filter(p -> p.month().equals(m)).findFirst();
            if (point.isEmpty()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"no-data\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">–"
                                + "<title>%s: geen gegevens</title></text>%n",
                        cx,
                        top + plotH - 6,
                        esc(Nl.month(m))));
                continue;
            }
            Trend.Point p = point.get();
            double v = p.availability().doubleValue();
            double by = y.applyAsDouble(v);
            boolean met = p.kpi() == null || p.availability().compareTo(p.kpi()) >= 0;
            svg.append(String.format(
                            Locale.ROOT,
                            "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                                    + "<title>%s: %s</title></rect>",
                            met ? "met" : "missed",
                            cx - slot * 0.32,
                            by,
                            slot * 0.64,
                            Math.max(0.5, top + plotH - by),
                            esc(Nl.month(m)),
                            esc(Nl.percent(p.availability()))))
                    .append(String.format(
                            Locale.ROOT,
                            "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                            cx,
                            Math.max(top + 10, by - 4),
                            esc(Nl.decimal(p.availability().setScale(2, RoundingMode.HALF_UP)))));
        }
        if (trend.kpi() != null) {
            double ky = y.applyAsDouble(trend.kpi().doubleValue());
            svg.append(String.format(
                            Locale.ROOT,
                            "<line class=\"kpi\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                            left,
                            ky,
                            w - right,
                            ky))
                    .append(String.format(
                            Locale.ROOT,
                            "<text class=\"kpi-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"start\">KPI %s</text>%n",
                            left + 6,
                            ky - 5,
                            esc(Nl.percent(trend.kpi()))));
        }
        if (trend.yearlyAverage() != null) {
            double ay = y.applyAsDouble(trend.yearlyAverage().doubleValue());
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"average\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n",
                    left,
                    ay,
                    w - right,
                    ay));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\"/>",
                left,
                top,
                left,
                top + plotH));
        return svg.append("</svg>\n").toString();
    }

    private static int decimals(double step) {
        return step >= 1 ? 0 : step >= 0.1 && Math.abs(step * 10 - Math.round(step * 10)) < 1e-9 ? 1 : 2;
    }

    /** The month as a band per kind of time: down, excluded, unknown, maintenance windows; days marked. */
    static String timeline(ServiceMonth s, YearMonth month) {
        Interval period = AvailabilityCalculator.monthInterval(month);
        int w = 720, left = 110, right = 12, rowH = 18, gap = 10, top = 10;
        String[] rows = {"Uitval", "Uitgesloten", "Onbekend", "Onderhoud"};
        int h = top + rows.length * (rowH + gap) + 26;
        double plotW = w - left - right;
        double span = period.duration().toMillis();
        Function<Instant, Double> x = t -> left
                + plotW
                        * Math.max(
                                0,
                                Math.min(
                                        span,
                                        Duration.between(period.start(), t).toMillis()))
                        / span;

        StringBuilder svg = new StringBuilder();
        String title = "Tijdlijn " + Nl.month(month) + ": " + s.name();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(title))
                .append("\">\n<title>")
                .append(esc(title))
                .append("</title>\n");
        for (int r = 0; r < rows.length; r++) {
            int ry = top + r * (rowH + gap);
            svg.append(String.format(
                            Locale.ROOT,
                            "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                            left - 8,
                            ry + 13,
                            rows[r]))
                    .append(String.format(
                            Locale.ROOT,
                            "<rect class=\"lane\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>%n",
                            left,
                            ry,
                            plotW,
                            rowH));
        }
        int axisY = top + rows.length * (rowH + gap);
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            double dx = x.apply(d.atStartOfDay(AvailabilityCalculator.AMSTERDAM).toInstant());
            boolean label = d.getDayOfMonth() == 1 || d.getDayOfMonth() % 5 == 0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    label ? "tick major" : "tick",
                    dx,
                    top,
                    dx,
                    axisY - gap + (label ? 6 : 0)));
            if (label) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                        dx,
                        axisY + 10,
                        d.getDayOfMonth()));
            }
        }
        svg.append('\n');
        band(
                svg,
                x,
                top,
                rowH,
                "down",
                s.downIntervals().stream()
                        .map(i -> new Span(i.from(), i.to(), "uitval " + Nl.minutes(i.minutes())))
                        .toList());
        band(
                svg,
                x,
                top + (rowH + gap),
                rowH,
                "excluded",
                s.excludedIntervals().stream()
                        .map(i -> new Span(i.from(), i.to(), "uitgesloten: " + i.reason() + " (" + i.rule() + ")"))
                        .toList());
        band(
                svg,
                x,
                top + 2 * (rowH + gap),
                rowH,
                "unknown",
                s.unknownIntervals().stream()
                        .map(i -> new Span(i.from(), i.to(), "onbekend: " + ContractReportHtml.unknownText(i.reason())))
                        .toList());
        band(
                svg,
                x,
                top + 3 * (rowH + gap),
                rowH,
                "maintenance",
                s.maintenance().stream()
                        .map(m -> new Span(
                                m.from(),
                                m.to(),
                                ("emergency".equals(m.kind()) ? "spoedonderhoud " : "gepland onderhoud ") + m.id()))
                        .toList());
        return svg.append("</svg>\n").toString();
    }

    private record Span(String from, String to, String label) {}

    private static void band(
            StringBuilder svg, Function<Instant, Double> x, int y, int h, String css, List<Span> spans) {
        for (Span s : spans) {
            double x1 = x.apply(Nl.instant(s.from())), x2 = x.apply(Nl.instant(s.to()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"span %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                            + "<title>%s – %s: %s</title></rect>%n",
                    css,
                    x1,
                    y,
                    Math.max(2, x2 - x1),
                    h,
                    esc(Nl.moment(s.from())),
                    esc(Nl.moment(s.to())),
                    esc(s.label())));
        }
    }
}
