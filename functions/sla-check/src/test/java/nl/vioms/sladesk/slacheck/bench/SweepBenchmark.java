package nl.vioms.sladesk.slacheck.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.watch.SlaWatch;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sweep's cost against the number of open and closed tickets, side by side with the baseline
 * a table without the due index would need: a Scan of every ticket. Runs against the local
 * emulators (dynoxide): the absolute times are the emulator's, the items read are DynamoDB's
 * billing unit and hold in AWS too.
 *
 * <pre>./mvnw -q -pl functions/sla-check -am install -DskipTests && ./mvnw -q -pl functions/sla-check test-compile
 * exec:exec@bench</pre>
 */
public final class SweepBenchmark {
    private static final int DUE = 10;
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    public static void main(String[] args) {
        LocalAws aws = AwsEmulators.instance();
        DynamoDbClient dynamo = aws.clients().dynamo();
        String table = aws.resources().tableName("TicketsTable");
        TicketRepository repository = new TicketRepository(dynamo, table);
        int[][] steps = {{1_000, 100}, {10_000, 1_000}, {100_000, 10_000}};
        int closed = 0;
        int open = 0;
        writeDue(dynamo, table);
        System.out.printf(
                "%n%10s %10s %5s | %18s %12s | %18s %12s | %8s%n",
                "closed",
                "open",
                "due",
                "index: items read",
                "ms (median)",
                "scan: items read",
                "ms (median)",
                "ratio");
        for (int[] step : steps) {
            closed = fill(dynamo, table, "VIO-2024-", closed, step[0], false);
            open = fill(dynamo, table, "VIO-2025-", open, step[1], true);
            long[] indexMs = new long[5];
            long[] scanMs = new long[5];
            int indexRead = 0;
            int scanRead = 0;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                var due = repository.dueBy(NOW);
                indexMs[run] = (System.nanoTime() - t0) / 1_000_000;
                indexRead = due.itemsRead();
                t0 = System.nanoTime();
                scanRead = scanForDue(dynamo, table);
                scanMs[run] = (System.nanoTime() - t0) / 1_000_000;
            }
            long index = median(indexMs);
            long scan = median(scanMs);
            System.out.printf(
                    "%10d %10d %5d | %18d %12d | %18d %12d | %7.0fx%n",
                    closed, open, DUE, indexRead, index, scanRead, scan, scan / (double) Math.max(1, index));
        }
        System.out.println("index: Query on the sparse due index, 8 shards, dueAt <= now (the sla-check sweep)");
        System.out.println("scan:  the baseline without it, every ticket item read to find the due ones");
        System.exit(0);
    }

    /** Ten tickets with a checkpoint due before NOW. */
    private static void writeDue(DynamoDbClient dynamo, String table) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < DUE; i++) {
            writes.add(item(String.format("VIO-2026-9%05d", i), "OPEN", NOW.minusSeconds(60 + i)));
        }
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    }

    /** Adds tickets up to {@code target}: closed ones carry no due entry, open ones one in the future. */
    private static int fill(DynamoDbClient dynamo, String table, String prefix, int from, int target, boolean open) {
        for (int start = from; start < target; start += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = start; i < Math.min(target, start + 25); i++) {
                writes.add(item(
                        prefix + String.format("%06d", i + 1),
                        open ? "OPEN" : "CLOSED",
                        open ? NOW.plusSeconds(86_400) : null));
            }
            var unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)))
                    .unprocessedItems();
            if (!unprocessed.isEmpty()) {
                throw new IllegalStateException("the emulator left items unwritten");
            }
        }
        return target;
    }

    private static WriteRequest item(String number, String status, Instant dueAt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS("TICKET#" + number));
        item.put("sk", AttributeValue.fromS("TICKET"));
        item.put("number", AttributeValue.fromS(number));
        item.put("status", AttributeValue.fromS(status));
        if (dueAt != null) {
            item.put("dueShard", AttributeValue.fromS(SlaWatch.shard(number, TicketRepository.DUE_SHARDS)));
            item.put("dueAt", AttributeValue.fromS(Attr.sortable(dueAt)));
        }
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    /** The baseline: read every item, keep the due ones (Scan is never used on a production path). */
    private static int scanForDue(DynamoDbClient dynamo, String table) {
        int read = 0;
        for (var page : dynamo.scanPaginator(b -> b.tableName(table))) {
            read += page.count();
        }
        return read;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
