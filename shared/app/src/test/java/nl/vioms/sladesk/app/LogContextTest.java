package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LogContextTest {
    @Test
    void everyLineOfAScopeCarriesItsFieldsAndClosingItPutsBackTheOnesBefore() {
        List<Map<String, Object>> lines = captured(() -> {
            try (var outer = LogContext.open(Map.of("requestId", "outer"))) {
                try (var inner = LogContext.open(Map.of("requestId", "inner"))) {
                    Log.info("in.inner", Map.of());
                }
                Log.info("in.outer", Map.of("ticket", "VIO-2026-000001"));
            }
            Log.info("outside", Map.of());
        });

        assertEquals("inner", lines.get(0).get("requestId"));
        assertEquals("outer", lines.get(1).get("requestId"));
        assertEquals("VIO-2026-000001", lines.get(1).get("ticket"), "the line's own fields stay");
        assertFalse(lines.get(2).containsKey("requestId"), "no context outside an invocation");
    }

    @Test
    void workHandedToAPoolCarriesTheContextOfTheThreadThatSubmittedIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the pool's threads exist before the invocation: nothing is inherited from their creator
            pool.submit(() -> Log.info("warm-up", Map.of())).get();
            List<Map<String, Object>> lines = captured(() -> {
                try (var scope = LogContext.open(Map.of("requestId", "r-1"))) {
                    List<Future<String>> running = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        running.add(pool.submit(LogContext.carrying(() -> {
                            Log.info(
                                    "worker",
                                    Map.of("thread", Thread.currentThread().getName()));
                            return "done";
                        })));
                    }
                    for (Future<String> f : running) {
                        f.get();
                    }
                }
                pool.submit(() -> Log.info("after", Map.of())).get();
            });

            assertEquals(5, lines.size());
            for (Map<String, Object> line : lines.subList(0, 4)) {
                assertEquals("worker", line.get("event"));
                assertEquals("r-1", line.get("requestId"), line.toString());
                assertTrue(String.valueOf(line.get("thread")).startsWith("pool-"), line.toString());
            }
            assertFalse(lines.get(4).containsKey("requestId"), "a pool thread is left as it was found");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anErrorIsOneLineWithItsWholeStackTraceAndIsMarkedLogged() {
        IllegalStateException cause = new IllegalStateException("the store said no");
        RuntimeException error = new RuntimeException("could not record", cause);
        assertFalse(Log.logged(error));

        List<Map<String, Object>> lines = captured(() -> Log.error("thing.failed", Map.of("ticket", "T"), cause));

        assertEquals(1, lines.size());
        String trace = (String) lines.get(0).get("stackTrace");
        assertTrue(trace.startsWith("java.lang.IllegalStateException: the store said no"), trace);
        assertTrue(trace.contains("\tat nl.vioms.sladesk.app.LogContextTest"), trace);
        assertEquals(
                "java.lang.IllegalStateException: the store said no",
                lines.get(0).get("error"));
        assertTrue(Log.logged(error), "an error caused by a logged one counts as logged");
    }

    /** The JSON lines written to stdout while {@code action} runs. */
    private static List<Map<String, Object>> captured(ThrowingRunnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(original);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.readObject(line));
            }
        }
        return lines;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
