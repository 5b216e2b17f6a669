package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Month-end runs contracts on a pool of threads; their log lines carry the invocation too (issue
 * #14 item 5). October 2025 lies before the 12-month window of the scenario test's October 2026.
 */
@ExtendWith(AwsEmulators.class)
class MonthEndLogContextTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theContractsLinesFromThePoolCarryTheInvocationsRequestId(LocalAws aws) {
        var env = aws.environmentOf("MonthEndFunction");
        new DirectoryRepository(aws.clients().dynamo(), env.require(EnvVar.DIRECTORY_TABLE))
                .putCustomer(new Customer(
                        "lc-kapper",
                        "telnet",
                        "Kapper Logregel",
                        SlaLevel.N,
                        List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX")),
                        new BigDecimal("100.00"),
                        new BigDecimal("100.00"),
                        Set.of(),
                        Set.of(),
                        Set.of()));
        var handler = new MonthEndHandler(env, aws.clients(), Clock.systemUTC());

        var first = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, "{\"month\":\"2025-10\"}", new LambdaContext("req-1", "MonthEndFunction", TIMEOUT, 512)));
        var again = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, "{\"month\":\"2025-10\"}", new LambdaContext("req-2", "MonthEndFunction", TIMEOUT, 512)));

        assertNull(first.thrown());
        List<Map<String, Object>> contracts = first.lines().stream()
                .filter(l -> "month-end-contract".equals(l.get("event")))
                .toList();
        assertTrue(
                contracts.stream().anyMatch(l -> "lc-kapper".equals(l.get("customer"))),
                first.lines().toString());
        for (Map<String, Object> line : first.lines()) {
            assertEquals("req-1", line.get("requestId"), line.toString());
            assertEquals("MonthEndFunction", line.get("function"), line.toString());
            assertEquals(true, line.get("coldStart"), line.toString());
        }
        assertFalse(again.lines().isEmpty());
        for (Map<String, Object> line : again.lines()) {
            assertEquals("req-2", line.get("requestId"), line.toString());
            assertEquals(false, line.get("coldStart"), line.toString());
        }
    }

    @Test
    void aMonthThatIsNoMonthFailsTheInvocationWithOneErrorLine(LocalAws aws) {
        var handler = new MonthEndHandler(aws.environmentOf("MonthEndFunction"), aws.clients(), Clock.systemUTC());

        var failed = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler, "{\"month\":\"2026-13\"}", new LambdaContext("req-bad", "MonthEndFunction", TIMEOUT, 512)));

        assertInstanceOf(IllegalArgumentException.class, failed.thrown());
        List<Map<String, Object>> errors = failed.lines().stream()
                .filter(l -> "ERROR".equals(l.get("level")))
                .toList();
        assertEquals(1, errors.size(), failed.lines().toString());
        assertEquals("req-bad", errors.get(0).get("requestId"));
        assertTrue(((String) errors.get(0).get("stackTrace")).contains("'2026-13' is not a month"), errors.toString());
    }
}
