package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vioms.sladesk.emulators.DatabindJson;

/**
 * The embedded-metric lines of the functions the local runtime runs (issue 21): what CloudWatch
 * would extract from their log output. The functions write their log lines to stdout, as in
 * Lambda; while the runtime lives, stdout passes through this collector, which keeps every line
 * with an {@code _aws} declaration as data points (and, for {@code ./sladesk up}, appends it to a
 * file that {@code ./sladesk stats} reads). Everything else passes untouched.
 */
final class MetricLines implements AutoCloseable {
    /**
     * One metric value of one line.
     *
     * @param dimensionSets each declared dimension set with the line's values (empty map: no dimensions)
     */
    record Point(
            String namespace,
            String metric,
            String unit,
            double value,
            Instant at,
            List<Map<String, String>> dimensionSets) {
        /** The fullest dimension set, the one a total by dimension values is kept under. */
        Map<String, String> dimensions() {
            return dimensionSets.isEmpty() ? Map.of() : dimensionSets.get(0);
        }
    }

    private final List<Point> points = new ArrayList<>();
    private final PrintStream previous;
    private final BufferedWriter file;

    private MetricLines(PrintStream previous, BufferedWriter file) {
        this.previous = previous;
        this.file = file;
    }

    /** Collects from stdout until {@link #close()}; with a file, each metric line is appended to it too. */
    static MetricLines collect(Path file) {
        BufferedWriter writer = null;
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        MetricLines lines = new MetricLines(System.out, writer);
        System.setOut(new PrintStream(lines.new Tee(System.out), true, StandardCharsets.UTF_8));
        return lines;
    }

    /** The data points of one line, or none (not JSON, no {@code _aws}, or not well formed). */
    static List<Point> parse(String line) {
        if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
            return List.of();
        }
        JsonNode json;
        try {
            json = DatabindJson.MAPPER.readTree(line);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        JsonNode aws = json.path("_aws");
        Instant at = Instant.ofEpochMilli(aws.path("Timestamp").asLong());
        List<Point> found = new ArrayList<>();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            List<Map<String, String>> sets = new ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                Map<String, String> dims = new TreeMap<>();
                set.forEach(
                        name -> dims.put(name.asText(), json.path(name.asText()).asText()));
                sets.add(dims);
            }
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                if (json.path(name).isNumber()) {
                    found.add(new Point(
                            directive.path("Namespace").asText(),
                            name,
                            metric.path("Unit").asText("None"),
                            json.path(name).asDouble(),
                            at,
                            List.copyOf(sets)));
                }
            }
        }
        return found;
    }

    /** Every metric line of a file written by a collector (./sladesk stats on a running ./sladesk up). */
    static List<Point> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.flatMap(l -> parse(l).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The data points collected so far. */
    synchronized List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * Per namespace and metric: data points, sum, minimum and maximum (the unit's), and the sum by
     * the values of the fullest dimension set ("channel=EMAIL,priority=P1"). A line that declares
     * its metric under several dimension sets counts once.
     */
    static Map<String, Object> summary(List<Point> points) {
        Map<String, Map<String, Map<String, Object>>> byNamespace = new TreeMap<>();
        for (Point p : points) {
            Map<String, Object> m = byNamespace
                    .computeIfAbsent(p.namespace(), k -> new TreeMap<>())
                    .computeIfAbsent(p.metric(), k -> new LinkedHashMap<>());
            m.putIfAbsent("unit", p.unit());
            m.merge("samples", 1L, (a, b) -> (Long) a + (Long) b);
            m.merge("sum", p.value(), (a, b) -> (Double) a + (Double) b);
            m.merge("min", p.value(), (a, b) -> Math.min((Double) a, (Double) b));
            m.merge("max", p.value(), (a, b) -> Math.max((Double) a, (Double) b));
            if (!p.dimensions().isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> by = (Map<String, Object>) m.computeIfAbsent("by", k -> new TreeMap<>());
                StringBuilder key = new StringBuilder();
                p.dimensions()
                        .forEach((n, v) -> key.append(key.isEmpty() ? "" : ",")
                                .append(n)
                                .append('=')
                                .append(v));
                by.merge(key.toString(), p.value(), (a, b) -> (Double) a + (Double) b);
            }
        }
        // whole numbers as whole numbers: counts read as counts
        byNamespace.values().forEach(metrics -> metrics.values().forEach(MetricLines::wholeNumbers));
        return new LinkedHashMap<>(byNamespace);
    }

    @SuppressWarnings("unchecked")
    private static void wholeNumbers(Map<String, Object> values) {
        for (Iterator<Map.Entry<String, Object>> it = values.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            if (e.getValue() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                e.setValue(d.longValue());
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                wholeNumbers((Map<String, Object>) nested);
            }
        }
    }

    private synchronized void accept(String line) {
        List<Point> parsed = parse(line);
        if (parsed.isEmpty()) {
            return;
        }
        points.addAll(parsed);
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                // best effort: the data points are kept in memory all the same
            }
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(previous);
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing more to write
            }
        }
    }

    /** Passes every byte on and hands each complete line to the collector. */
    private final class Tee extends OutputStream {
        private final OutputStream next;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(OutputStream next) {
            this.next = next;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            next.write(b);
            take(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            next.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                take(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            next.flush();
        }

        private void take(int b) {
            if (b == '\n') {
                accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < 1 << 20) {
                line.write(b);
            }
        }
    }
}
