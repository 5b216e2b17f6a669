package nl.vioms.sladesk.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvocationsTest {
    private static final Environment ENV =
            Environment.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "sladesk-EscalationFunction"));

    @AfterEach
    void clearTraceHeader() {
        System.clearProperty(Invocations.TRACE_PROPERTY);
    }

    @Test
    void theFirstInvocationIsTheColdStartAndEveryLineCarriesTheRequestAndFunction() throws Exception {
        Invocations invocations = new Invocations(ENV);
        System.setProperty(
                Invocations.TRACE_PROPERTY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        List<Map<String, Object>> lines = captured(() -> {
            invocations.handle(context("req-1", "EscalationFunction"), () -> Log.info("one", Map.of()));
            invocations.handle(context("req-2", "EscalationFunction"), () -> Log.info("two", Map.of()));
        });

        assertEquals(
                Map.of(
                        "time",
                        lines.get(0).get("time"),
                        "level",
                        "INFO",
                        "event",
                        "one",
                        "requestId",
                        "req-1",
                        "function",
                        "EscalationFunction",
                        "coldStart",
                        true,
                        "traceId",
                        "1-5759e988-bd862e3fe1be46a994272793"),
                lines.get(0));
        assertEquals("req-2", lines.get(1).get("requestId"));
        assertEquals(false, lines.get(1).get("coldStart"));
        assertEquals(Map.of(), LogContext.current(), "nothing left on the thread");
    }

    @Test
    void withoutAContextTheFunctionIsTheEnvironmentsAndTheRequestIdNull() throws Exception {
        Invocations invocations = new Invocations(ENV);

        List<Map<String, Object>> lines = captured(() -> invocations.handle(null, () -> Log.info("primed", Map.of())));

        assertTrue(lines.get(0).containsKey("requestId"));
        assertNull(lines.get(0).get("requestId"));
        assertEquals("sladesk-EscalationFunction", lines.get(0).get("function"));
        assertNull(lines.get(0).get("traceId"));
    }

    @Test
    void afterASnapStartRestoreTheNextInvocationIsAColdStartAgain() throws Exception {
        Invocations invocations = new Invocations(ENV);
        List<Map<String, Object>> lines = captured(() -> {
            invocations.handle(null, () -> Log.info("priming", Map.of()));
            invocations.coldStartAgain();
            invocations.handle(context("req-1", "f"), () -> Log.info("restored", Map.of()));
            invocations.handle(context("req-2", "f"), () -> Log.info("warm", Map.of()));
        });

        assertEquals(
                List.of(true, true, false),
                lines.stream().map(l -> l.get("coldStart")).toList());
    }

    @Test
    void aFailingInvocationIsLoggedOnceWithItsStackTraceAndThrownOn() throws Exception {
        Invocations invocations = new Invocations(ENV);
        IllegalStateException failure = new IllegalStateException("no table");
        IllegalArgumentException logged = new IllegalArgumentException("bad notification");
        List<Throwable> thrown = new ArrayList<>();

        List<Map<String, Object>> lines = captured(() -> {
            thrown.add(assertThrows(
                    IllegalStateException.class,
                    () -> invocations.handle(context("req-1", "f"), () -> {
                        throw failure;
                    })));
            // already logged with its trace where it was caught: not a second time
            thrown.add(assertThrows(
                    IllegalArgumentException.class,
                    () -> invocations.handle(context("req-2", "f"), () -> {
                        Log.error("mail.bad-notification", Map.of(), logged);
                        throw logged;
                    })));
        });

        assertSame(failure, thrown.get(0));
        assertSame(logged, thrown.get(1));
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("invocation.failed", lines.get(0).get("event"));
        assertEquals("ERROR", lines.get(0).get("level"));
        assertEquals("req-1", lines.get(0).get("requestId"));
        assertTrue(((String) lines.get(0).get("stackTrace")).startsWith("java.lang.IllegalStateException: no table"));
        assertEquals("mail.bad-notification", lines.get(1).get("event"));
        assertEquals("req-2", lines.get(1).get("requestId"));
    }

    @Test
    void aTraceHeaderWithoutARootIsKeptAsItIs() {
        assertEquals("1-abc", Invocations.traceId(null, "Root=1-abc;Sampled=0"));
        assertEquals("opaque", Invocations.traceId("opaque", "Root=1-abc"));
        assertNull(Invocations.traceId("", null));
    }

    static Context context(String requestId, String function) {
        return (Context) Proxy.newProxyInstance(
                InvocationsTest.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> function;
                    default -> null;
                });
    }

    private static List<Map<String, Object>> captured(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
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
    private interface Action {
        void run() throws Exception;
    }
}
