package nl.vioms.sladesk.monthend.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.monthend.MonthEnd;
import nl.vioms.sladesk.monthend.ReportPublisher;
import nl.vioms.sladesk.testing.AwsEmulators;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Month-end's run time for many contracts against the local emulators (dynoxide, fauxqs), with
 * the DynamoDB requests and items each contract costs, counted by an SDK interceptor. Baseline:
 * the same run one contract at a time (concurrency 1) beside the parallel run (concurrency 8),
 * then a re-run of the same month (nothing changed, nothing written). Each run writes into a
 * fresh copy of the Reports table so both compute every contract.
 *
 * <pre>./mvnw -q -pl functions/month-end -am install -DskipTests && ./mvnw -q -pl functions/month-end test-compile
 * exec:exec@bench</pre>
 * {@code SLADESK_BENCH_CONTRACTS} sets the number of contracts (default 10 000), 30 outages each.
 */
public final class MonthEndBenchmark {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final int OUTAGES = 30;

    public static void main(String[] args) throws Exception {
        int contracts = Integer.parseInt(System.getenv().getOrDefault("SLADESK_BENCH_CONTRACTS", "10000"));
        LocalAws aws = AwsEmulators.instance();
        Environment env = aws.environmentOf("MonthEndFunction");
        Counter counter = new Counter();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(LocalAws.REGION)
                .credentialsProvider(AwsClients.emulatorCredentials())
                .httpClient(AwsClients.httpClient())
                .endpointOverride(aws.dynamoEndpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();

        long t0 = System.nanoTime();
        seed(dynamo, env, contracts);
        System.out.printf(
                "%nseeded %,d contracts with %d outages each (%,d outage items) in %.1f s%n",
                contracts, OUTAGES, (long) contracts * OUTAGES, (System.nanoTime() - t0) / 1e9);

        System.out.printf(
                "%n%-34s %9s %9s %11s | %s%n",
                "run",
                "contracts",
                "seconds",
                "contracts/s",
                "DynamoDB per contract: read requests (items read), write requests");
        String seqTable = copyOfReports(dynamo, env, "bench-seq");
        String parTable = copyOfReports(dynamo, env, "bench-par");
        run("sequential (concurrency 1, baseline)", 1, seqTable, dynamo, aws, env, counter, contracts);
        run(
                "parallel (concurrency " + MonthEnd.DEFAULT_CONCURRENCY + ")",
                MonthEnd.DEFAULT_CONCURRENCY,
                parTable,
                dynamo,
                aws,
                env,
                counter,
                contracts);
        run(
                "re-run, nothing changed (parallel)",
                MonthEnd.DEFAULT_CONCURRENCY,
                parTable,
                dynamo,
                aws,
                env,
                counter,
                contracts);
        System.out.println(
                "reads per contract: its own service's records (1 Query), its tickets of the month (1 Query on "
                        + "by-customer),"
                        + " its stored months (1 Query: trend and latest version); the directory and platform "
                        + "services are read once per run");
        System.out.println(
                "(2 cores shared with other builds; emulator times, not AWS's. S3 objects: 2 per new version, "
                        + "plus the CSV and overview.)");
        System.exit(0);
    }

    private static void run(
            String name,
            int concurrency,
            String reportsTable,
            DynamoDbClient dynamo,
            LocalAws aws,
            Environment env,
            Counter counter,
            int contracts) {
        var monthEnd = new MonthEnd(
                new DirectoryRepository(dynamo, env.require(EnvVar.DIRECTORY_TABLE)),
                new MonitoringRepository(dynamo, env.require(EnvVar.MONITORING_TABLE)),
                new ProbeRepository(dynamo, env.require(EnvVar.MONITORING_TABLE)),
                new TicketRepository(dynamo, env.require(EnvVar.TICKETS_TABLE)),
                new ReportsRepository(dynamo, reportsTable),
                new ReportPublisher(
                        aws.clients().s3(),
                        env.require(EnvVar.REPORTS_BUCKET),
                        new OutboxRepository(dynamo, env.require(EnvVar.OUTBOX_TABLE)),
                        env.region()),
                PolicyLoader.loadDefault(),
                Clock.fixed(Instant.parse("2026-11-01T00:05:00Z"), ZoneOffset.UTC),
                concurrency);
        counter.reset();
        long t0 = System.nanoTime();
        var result = monthEnd.run(MONTH);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = result.contracts().size();
        System.out.printf(
                "%-34s %,9d %9.1f %11.0f | %.2f (%.1f), %.2f%n",
                name,
                n,
                seconds,
                n / seconds,
                counter.reads.sum() / (double) n,
                counter.items.sum() / (double) n,
                counter.writes.sum() / (double) n);
        if (n < contracts) {
            throw new IllegalStateException("only " + n + " of " + contracts + " contracts ran");
        }
    }

    /** Customers with one hosted PBX each, monitored as their own service, 30 ten-minute outages in October. */
    private static void seed(DynamoDbClient dynamo, Environment env, int contracts) throws Exception {
        String directory = env.require(EnvVar.DIRECTORY_TABLE);
        String monitoring = env.require(EnvVar.MONITORING_TABLE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        int per = 200;
        for (int from = 0; from < contracts; from += per) {
            int start = from, end = Math.min(contracts, from + per);
            done.add(pool.submit(() -> {
                List<WriteRequest> dir = new ArrayList<>(), mon = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    String id = String.format("bench-%05d", i);
                    dir.add(put(customer(id)));
                    String key = "customer:" + id + ":pbx";
                    mon.add(put(Map.of(
                            "pk",
                            s("SERVICES"),
                            "sk",
                            s("SERVICE#" + key),
                            "key",
                            s(key),
                            "name",
                            s("PBX " + id),
                            "customerId",
                            s(id),
                            "customerServiceId",
                            s("pbx"))));
                    for (int o = 0; o < OUTAGES; o++) {
                        // one a day, at a time of day that moves with the contract, 10 minutes each
                        Instant at = LocalDateTime.of(2026, 10, 1 + o, 6 + (i % 12), (i * 7) % 50)
                                .atZone(Amsterdam.ZONE)
                                .toInstant();
                        mon.add(put(Map.of(
                                "pk",
                                s("SERVICE#" + key),
                                "sk",
                                s(Attr.sortable(at) + "#OUTAGE#probe-" + id),
                                "type",
                                s("OUTAGE"),
                                "targetId",
                                s("probe-" + id),
                                "start",
                                s(at.toString()),
                                "confirmedAt",
                                s(at.plusSeconds(240).toString()),
                                "end",
                                s(at.plusSeconds(600).toString()))));
                    }
                }
                batch(dynamo, directory, dir);
                batch(dynamo, monitoring, mon);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static Map<String, AttributeValue> customer(String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("CUSTOMER#" + id));
        item.put("sk", s("CUSTOMER"));
        item.put("id", s(id));
        item.put("entity", s("CUSTOMER"));
        item.put("resellerId", s("telnet"));
        item.put("name", s("Klant " + id));
        item.put("level", s("N"));
        item.put("monthlyLicenceFee", s("250.00"));
        item.put("monthlyFixedCosts", s("250.00"));
        item.put(
                "services",
                AttributeValue.fromL(List.of(AttributeValue.fromM(
                        Map.of("id", s("pbx"), "kind", s("hosted-pbx"), "name", s("Hosted PBX"))))));
        return item;
    }

    private static void batch(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        for (int i = 0; i < writes.size(); i += 25) {
            List<WriteRequest> chunk = writes.subList(i, Math.min(writes.size(), i + 25));
            Map<String, List<WriteRequest>> request = Map.of(table, chunk);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> r = request;
                request = dynamo.batchWriteItem(b -> b.requestItems(r)).unprocessedItems();
            }
        }
    }

    private static String copyOfReports(DynamoDbClient dynamo, Environment env, String suffix) {
        var source = dynamo.describeTable(b -> b.tableName(env.require(EnvVar.REPORTS_TABLE)))
                .table();
        String name = source.tableName() + "-" + suffix;
        dynamo.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(source.attributeDefinitions())
                .keySchema(source.keySchema()));
        return name;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    /** Counts DynamoDB requests by kind and the items read, as the SDK sends and receives them. */
    static final class Counter implements ExecutionInterceptor {
        final LongAdder reads = new LongAdder(), items = new LongAdder(), writes = new LongAdder();
        private final Map<String, Boolean> readOps =
                new ConcurrentHashMap<>(Map.of("Query", true, "GetItem", true, "Scan", true, "BatchGetItem", true));

        void reset() {
            reads.reset();
            items.reset();
            writes.reset();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (readOps.containsKey(op)) {
                reads.increment();
                if (context.response() instanceof QueryResponse q) {
                    items.add(q.count());
                }
                if (context.response() instanceof GetItemResponse g && g.hasItem()) {
                    items.increment();
                }
            } else if (op.startsWith("Put")
                    || op.startsWith("Update")
                    || op.startsWith("Delete")
                    || op.startsWith("Batch")
                    || op.startsWith("Transact")) {
                writes.increment();
            }
        }
    }
}
