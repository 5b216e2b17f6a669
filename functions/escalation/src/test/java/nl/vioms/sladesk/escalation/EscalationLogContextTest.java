package nl.vioms.sladesk.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A stream handler's log lines carry its invocation: request id, function, cold start (issue #14 item 5). */
@ExtendWith(AwsEmulators.class)
class EscalationLogContextTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyLineOfAnInvocationCarriesItsRequestFunctionAndColdStart(LocalAws aws) {
        var handler = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), Clock.systemUTC());

        var first = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, unknownMessage(), new LambdaContext("req-1", "EscalationFunction", TIMEOUT, 512)));
        var second = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, unknownMessage(), new LambdaContext("req-2", "EscalationFunction", TIMEOUT, 512)));

        assertNull(first.thrown());
        assertFalse(first.lines().isEmpty(), "an unknown message is logged");
        for (Map<String, Object> line : first.lines()) {
            assertEquals("req-1", line.get("requestId"), line.toString());
            assertEquals("EscalationFunction", line.get("function"), line.toString());
            assertEquals(true, line.get("coldStart"), line.toString());
            assertTrue(line.containsKey("traceId"), line.toString());
        }
        assertFalse(second.lines().isEmpty());
        for (Map<String, Object> line : second.lines()) {
            assertEquals("req-2", line.get("requestId"), line.toString());
            assertEquals(false, line.get("coldStart"), line.toString());
        }
    }

    @Test
    void aFailingInvocationIsOneErrorLineWithItsStackTrace(LocalAws aws) {
        var handler = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), Clock.systemUTC());

        var failed = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, "{\"Records\": 5}", new LambdaContext("req-bad", "EscalationFunction", TIMEOUT, 512)));

        assertInstanceOf(Json.Invalid.class, failed.thrown());
        List<Map<String, Object>> errors = failed.lines().stream()
                .filter(l -> "ERROR".equals(l.get("level")))
                .toList();
        assertEquals(1, errors.size(), failed.lines().toString());
        assertEquals("invocation.failed", errors.get(0).get("event"));
        assertEquals("req-bad", errors.get(0).get("requestId"));
        String trace = (String) errors.get(0).get("stackTrace");
        assertTrue(trace.contains("'Records' is not a JSON array") && trace.contains("\tat nl.vioms.sladesk."), trace);
    }

    /** An outbox stream record of a message that is not in the outbox: skipped with a warning. */
    private static String unknownMessage() {
        return Json.write(Map.of(
                "Records",
                List.of(Map.of(
                        "eventName",
                        "INSERT",
                        "dynamodb",
                        Map.of(
                                "Keys",
                                Map.of("id", Map.of("S", "log-context-" + UUID.randomUUID())),
                                "SequenceNumber",
                                "1",
                                "StreamViewType",
                                "NEW_IMAGE")))));
    }
}
