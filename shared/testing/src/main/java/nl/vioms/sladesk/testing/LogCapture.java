package nl.vioms.sladesk.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structured log lines (JSON objects with an {@code event}) written to stdout while some code
 * runs, from any thread; the output still reaches the real stdout too.
 */
public final class LogCapture {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogCapture() {}

    /** Code to run while the log is captured. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** What an action logged, and what it threw (null if nothing). */
    public record Captured(List<Map<String, Object>> lines, Throwable thrown) {}

    public static synchronized Captured capture(Action action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Throwable thrown = null;
        System.setOut(new PrintStream(new Tee(original, buffer), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (Exception | Error e) {
            thrown = e;
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"event\"")) {
                try {
                    lines.add(MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {}));
                } catch (JsonProcessingException e) {
                    // not one of ours
                }
            }
        }
        return new Captured(lines, thrown);
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) {
            second.write(b);
            try {
                first.write(b);
            } catch (IOException e) {
                // the real stdout is best effort
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            second.write(b, off, len);
            try {
                first.write(b, off, len);
            } catch (IOException e) {
                // the real stdout is best effort
            }
        }
    }
}
