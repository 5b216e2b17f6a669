package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's log lines carry their invocation: request id, function, cold start (issue #14 item 5). */
@ExtendWith(AwsEmulators.class)
class IntakeApiLogContextTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyLineOfARequestCarriesItsRequestFunctionAndColdStart(LocalAws aws) throws IOException {
        // a ticket store that is not there: the health check logs its error and answers 503
        var env = new HashMap<>(aws.rawEnvironmentOf("IntakeApiFunction"));
        env.put(EnvVar.TICKETS_TABLE.name(), "NoSuchTable");
        var handler = new IntakeApiHandler(Environment.of(env), aws.clients(), Clock.systemUTC());
        String health = Files.readString(ProjectRoot.find().resolve("events/intake-api/get-health.json"));

        var first = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, health, new LambdaContext("req-1", "IntakeApiFunction", TIMEOUT, 512)));
        var second = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, health, new LambdaContext("req-2", "IntakeApiFunction", TIMEOUT, 512)));

        assertNull(first.thrown());
        assertFalse(first.lines().isEmpty());
        for (Map<String, Object> line : first.lines()) {
            assertEquals("req-1", line.get("requestId"), line.toString());
            assertEquals("IntakeApiFunction", line.get("function"), line.toString());
            assertEquals(true, line.get("coldStart"), line.toString());
        }
        assertFalse(second.lines().isEmpty());
        for (Map<String, Object> line : second.lines()) {
            assertEquals("req-2", line.get("requestId"), line.toString());
            assertEquals(false, line.get("coldStart"), line.toString());
        }
    }

    @Test
    void anEventThatIsNoHttpEventFailsTheInvocationWithOneErrorLine(LocalAws aws) {
        var handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), Clock.systemUTC());

        var failed = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, "[1, 2]", new LambdaContext("req-bad", "IntakeApiFunction", TIMEOUT, 512)));

        assertInstanceOf(IllegalArgumentException.class, failed.thrown());
        List<Map<String, Object>> errors = failed.lines().stream()
                .filter(l -> "ERROR".equals(l.get("level")))
                .toList();
        assertEquals(1, errors.size(), failed.lines().toString());
        assertEquals("invocation.failed", errors.get(0).get("event"));
        assertEquals("req-bad", errors.get(0).get("requestId"));
        assertTrue(
                ((String) errors.get(0).get("stackTrace"))
                        .startsWith("java.lang.IllegalArgumentException: not an HTTP API event"),
                errors.get(0).toString());
    }
}
