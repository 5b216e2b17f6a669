package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, item 9: a command that promises one JSON object prints only that on stdout, so
 * {@code ./sladesk month-end | jq} works; the month-end function's own log lines (it runs in the
 * command's process) go to stderr.
 */
@ExtendWith(AwsEmulators.class)
class ResultOnStdoutTest {
    @Test
    void monthEndPrintsOneJsonObjectAndNothingElse(LocalAws aws) throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");
        aws.seed("demo");
        RunningSystem.announce(aws, URI.create("http://127.0.0.1:3000"));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Sladesk.runAsProcess(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    "month-end",
                    "--month",
                    "2026-10");

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            String stdout = out.toString(StandardCharsets.UTF_8).strip();
            assertEquals(1, stdout.lines().count(), "one line, not the function's logs too: " + stdout);
            JsonNode result = DatabindJson.MAPPER.readTree(stdout);
            assertEquals("2026-10", result.get("month").asText());
            assertTrue(result.isObject());
            // the function's own lines are not lost: they are on stderr
            assertTrue(
                    err.toString(StandardCharsets.UTF_8).contains("\"event\":\"month-end-done\""),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            RunningSystem.withdraw();
        }
    }
}
