package nl.vioms.sladesk.local;

import static nl.vioms.sladesk.local.SladeskCommandsTest.sladesk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.SladeskCommandsTest.Run;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ./sladesk --stack NAME (issue 20 item 12): the operator's commands on a deployed stack, here a
 * recorded DescribeStackResources answer (test resources stacks/sladesk-test.json) whose physical
 * ids are the emulators' resources, and Lambda's Invoke served by the real handlers on them.
 */
@ExtendWith(AwsEmulators.class)
class StackCommandsTest {
    private static final JsonNode STACK = RecordedStack.recorded("sladesk-test");

    @Test
    void seedTokenMaintenanceAndEscalationsWorkOnTheStacksTables(LocalAws aws) throws Exception {
        try (RecordedStack stack = new RecordedStack(aws).record("sladesk-test", STACK)) {
            stack.connect();

            Run seeded = sladesk("--stack", "sladesk-test", "--region", "eu-central-1", "seed", "demo");
            assertEquals(0, seeded.exit(), seeded.err());
            assertTrue(seeded.out().startsWith("seeded "), seeded.out());
            assertEquals(List.of("eu-central-1"), stack.regions, "--region reaches the stack's clients");
            var directory =
                    new DirectoryRepository(aws.clients().dynamo(), RecordedStack.physicalId(STACK, "DirectoryTable"));
            assertTrue(directory.reseller("telnet").isPresent(), "written into the table the stack names");

            Run tokens = sladesk("--stack", "sladesk-test", "token", "list");
            assertEquals(0, tokens.exit(), tokens.err());
            assertTrue(tokens.out().contains("\"name\":\"second-line-helpdesk\""), tokens.out());

            Run maintenance = sladesk("--stack", "sladesk-test", "maintenance", "list");
            assertEquals(0, maintenance.exit(), maintenance.err());

            Run escalations = sladesk("--stack", "sladesk-test", "escalations", "--state", "delivered");
            assertEquals(0, escalations.exit(), escalations.err());
            assertTrue(stack.invocations.isEmpty(), "no function was invoked for these: " + stack.invocations);
        }
    }

    @Test
    void escalationsRedriveAsksForAnotherDeliveryOfAPendingMessage(LocalAws aws) throws Exception {
        var outbox = new OutboxRepository(aws.clients().dynamo(), RecordedStack.physicalId(STACK, "OutboxTable"));
        String id = "stack-redrive-" + System.nanoTime();
        outbox.add(OutboxMessage.pending(
                id, OutboxMessage.Topic.ESCALATIONS, Map.of("kind", "test"), "{}", Instant.now()));
        try (RecordedStack stack = new RecordedStack(aws).record("sladesk-test", STACK)) {
            stack.connect();

            Run redriven = sladesk("--stack", "sladesk-test", "escalations", "--redrive", id);
            assertEquals(0, redriven.exit(), redriven.err());
            assertEquals(
                    id,
                    DatabindJson.MAPPER
                            .readTree(redriven.out())
                            .get("escalationId")
                            .asText());
            var item = aws.clients()
                    .dynamo()
                    .getItem(b -> b.tableName(RecordedStack.physicalId(STACK, "OutboxTable"))
                            .key(Map.of("id", AttributeValue.fromS(id))))
                    .item();
            assertEquals("1", item.get("redrives").n());
            assertEquals(DeliveryState.PENDING, outbox.find(id).orElseThrow().state());

            Run unknown = sladesk("--stack", "sladesk-test", "escalations", "--redrive", id + "-unknown");
            assertEquals(1, unknown.exit(), unknown.out());
            assertTrue(unknown.err().contains("is not pending"), unknown.err());
        }
    }

    @Test
    void escalationsRedriveWorksOnTheLocalSystemToo(LocalAws aws) throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");
        var outbox =
                new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
        String id = "local-redrive-" + System.nanoTime();
        outbox.add(
                OutboxMessage.pending(id, OutboxMessage.Topic.OPERATIONS, Map.of("kind", "test"), "{}", Instant.now()));
        RunningSystem.announce(aws, URI.create("http://127.0.0.1:3000"));
        try {
            Run redriven = sladesk("escalations", "--redrive", id);
            assertEquals(0, redriven.exit(), redriven.err());
            assertTrue(redriven.out().contains("\"redriven\":true"), redriven.out());
        } finally {
            RunningSystem.withdraw();
        }
    }

    @Test
    void monthEndAndProbeInvokeTheStacksFunctions(LocalAws aws) throws Exception {
        try (RecordedStack stack = new RecordedStack(aws).record("sladesk-test", STACK)) {
            stack.connect();

            Run monthEnd = sladesk("--stack", "sladesk-test", "month-end", "--month", "2026-10");
            assertEquals(0, monthEnd.exit(), monthEnd.err());
            JsonNode result = DatabindJson.MAPPER.readTree(monthEnd.out());
            assertEquals("2026-10", result.get("month").asText(), monthEnd.out());
            // the function's own result: its s3:// and console links, not the local system's
            assertTrue(result.get("links").has("overviewConsole"), monthEnd.out());
            assertFalse(monthEnd.out().contains("file:") || monthEnd.out().contains("127.0.0.1"), monthEnd.out());
            assertEquals(List.of(RecordedStack.physicalId(STACK, "MonthEndFunction")), stack.invocations);

            Run probe = sladesk("--stack", "sladesk-test", "probe");
            assertEquals(0, probe.exit(), probe.err());
            DatabindJson.MAPPER.readTree(probe.out());
            assertEquals(RecordedStack.physicalId(STACK, "ProbeFunction"), stack.invocations.get(1));
        }
    }

    @Test
    void anUnknownStackOrAMissingResourceIsNamed(LocalAws aws) throws Exception {
        try (RecordedStack stack = new RecordedStack(aws)
                .record("sladesk-test", STACK)
                .record("sladesk-old", RecordedStack.without(STACK, "OutboxTable"))) {
            stack.connect();

            Run unknown = sladesk("--stack", "sladesk-nope", "token", "list");
            assertEquals(1, unknown.exit(), unknown.out());
            assertTrue(unknown.err().contains("Stack with id sladesk-nope does not exist"), unknown.err());

            Run lacking = sladesk("--stack", "sladesk-old", "escalations");
            assertEquals(1, lacking.exit(), lacking.out());
            assertTrue(lacking.err().contains("stack sladesk-old has no resource OutboxTable"), lacking.err());
        }
    }

    @Test
    void localOnlyCommandsRefuseStackAndRegionNeedsAStack() {
        Run stats = sladesk("--stack", "sladesk-test", "stats");
        assertEquals(2, stats.exit(), stats.out());
        assertTrue(stats.err().contains("works on the local system only"), stats.err());

        Run region = sladesk("--region", "eu-west-1", "token", "list");
        assertEquals(2, region.exit(), region.out());
        assertTrue(region.err().contains("give --stack NAME too"), region.err());
    }
}
