package nl.vioms.sladesk.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringSeed;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The emulated AWS account: a running emulator backend, SDK clients for it, and the template's
 * resources created on it. Tests get the one shared instance through the testing module's {@code AwsEmulators};
 * {@code ./sladesk up} starts its own with a data folder.
 */
public final class LocalAws implements AutoCloseable {
    public static final Region REGION = Region.EU_CENTRAL_1;

    private final EmulatorBackend backend;
    private final AwsClients clients;
    private final SqsClient sqs;
    private final Template template;
    private final LocalResources resources;
    private final boolean ownsBackend;

    private LocalAws(EmulatorBackend backend, Template template, String publicBaseUrl) {
        this(backend, template, publicBaseUrl, true);
    }

    private LocalAws(EmulatorBackend backend, Template template, String publicBaseUrl, boolean ownsBackend) {
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.template = template;
        this.clients = AwsClients.forEmulators(
                backend.dynamoEndpoint(),
                backend.messagingEndpoint(),
                backend.mailEndpoint(),
                backend.cognitoEndpoint(),
                REGION);
        this.sqs = SqsClient.builder()
                .region(REGION)
                .credentialsProvider(AwsClients.emulatorCredentials())
                .httpClient(AwsClients.httpClient())
                .endpointOverride(backend.messagingEndpoint())
                .build();
        this.resources = LocalResources.create(
                template,
                REGION.id(),
                publicBaseUrl,
                clients.dynamo(),
                clients.sns(),
                sqs,
                clients.s3(),
                backend.cognitoEndpoint() == null ? null : clients.cognito(),
                backend.supportsStreams());
    }

    /**
     * Starts the Node emulators (dynoxide or dynalite, and fauxqs) and creates the template's
     * resources. Tests may choose another backend (LocalStack) through {@link #start(EmulatorBackend, Template,
     * String)}.
     */
    public static LocalAws start(Template template, Path dataDir, String publicBaseUrl) {
        return start(NodeEmulators.start(dataDir), template, publicBaseUrl);
    }

    /** The template's resources on a backend that was just started; it is closed if that fails. */
    public static LocalAws start(EmulatorBackend backend, Template template, String publicBaseUrl) {
        try {
            return new LocalAws(backend, template, publicBaseUrl);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * Attaches to emulators another process runs (a running ./sladesk up). The resources are
     * ensured (idempotent); closing this stops nothing of theirs.
     */
    public static LocalAws attach(URI dynamoEndpoint, URI messagingEndpoint, Template template, String publicBaseUrl) {
        return attach(dynamoEndpoint, messagingEndpoint, null, template, publicBaseUrl);
    }

    /** As {@link #attach(URI, URI, Template, String)}, with the running mail emulator (null: none). */
    public static LocalAws attach(
            URI dynamoEndpoint, URI messagingEndpoint, URI mailEndpoint, Template template, String publicBaseUrl) {
        return attach(dynamoEndpoint, messagingEndpoint, mailEndpoint, null, template, publicBaseUrl);
    }

    /** As above, with the running Cognito emulator (null: none). */
    public static LocalAws attach(
            URI dynamoEndpoint,
            URI messagingEndpoint,
            URI mailEndpoint,
            URI cognitoEndpoint,
            Template template,
            String publicBaseUrl) {
        EmulatorBackend running = new EmulatorBackend() {
            @Override
            public URI dynamoEndpoint() {
                return dynamoEndpoint;
            }

            @Override
            public URI messagingEndpoint() {
                return messagingEndpoint;
            }

            @Override
            public URI mailEndpoint() {
                return mailEndpoint;
            }

            @Override
            public URI cognitoEndpoint() {
                return cognitoEndpoint;
            }

            @Override
            public boolean supportsStreams() {
                return false;
            }

            @Override
            public void close() {}
        };
        return new LocalAws(running, template, publicBaseUrl);
    }

    /**
     * Another template's resources on these same emulators (e.g. a test's own small template);
     * closing the result leaves the emulators running.
     */
    public LocalAws with(Template other, String publicBaseUrl) {
        return new LocalAws(backend, other, publicBaseUrl, false);
    }

    public AwsClients clients() {
        return clients;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public Template template() {
        return template;
    }

    public LocalResources resources() {
        return resources;
    }

    /**
     * Loads a directory seed of events/seed (e.g. "demo") into the directory table, and its
     * monitoring sibling ("demo-monitoring", services and probe targets) when there is one (idempotent).
     */
    public void seed(String name) {
        try {
            var seed = DirectorySeed.parse(
                    Files.readAllBytes(ProjectRoot.find().resolve("events/seed").resolve(name + ".json")));
            DirectorySeed.load(seed, new DirectoryRepository(clients.dynamo(), resources.tableName("DirectoryTable")));
            Path monitoring =
                    monitoringSeedOf(ProjectRoot.find().resolve("events/seed").resolve(name + ".json"));
            if (Files.isRegularFile(monitoring)) {
                seedMonitoring(MonitoringSeed.parse(Files.readAllBytes(monitoring)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + name, e);
        }
    }

    /** The monitoring seed beside a directory seed: demo.json -> demo-monitoring.json. */
    public static Path monitoringSeedOf(Path directorySeed) {
        String file = directorySeed.getFileName().toString();
        return directorySeed.resolveSibling(file.replaceFirst("\\.json$", "") + "-monitoring.json");
    }

    /** Writes monitored services and probe targets into the Monitoring table (idempotent). */
    public void seedMonitoring(MonitoringSeed.Seed seed) {
        String table = resources.tableName("MonitoringTable");
        MonitoringSeed.load(
                seed, new MonitoringRepository(clients.dynamo(), table), new ProbeRepository(clients.dynamo(), table));
    }

    /**
     * A new SQS queue subscribed to a topic with raw delivery, as a subscriber (the second line,
     * operations) would be; {@code filterPolicy} may be null. Returns the queue's URL.
     */
    public String subscribedQueue(String topicArn, String filterPolicy) {
        String url = sqs.createQueue(b -> b.queueName("subscriber-" + UUID.randomUUID()))
                .queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("RawMessageDelivery", "true");
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
        }
        clients.sns()
                .subscribe(
                        b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(attributes));
        return url;
    }

    /** Every message on a queue now, deleted as read (waits a second for stragglers after the last). */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages();
            if (messages.isEmpty()) {
                return all;
            }
            all.addAll(messages);
            messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    /** Whether the DynamoDB emulator runs streams (dynoxide: yes; dynalite: no). */
    public boolean supportsStreams() {
        return backend.supportsStreams();
    }

    /** How many items a table of the template holds (every page of a Scan), e.g. to check that nothing was written. */
    public int itemCount(String tableLogicalId) {
        return clients.dynamo().scanPaginator(b -> b.tableName(resources.tableName(tableLogicalId))).stream()
                .mapToInt(ScanResponse::count)
                .sum();
    }

    /** A reader of a table's stream, from its start. */
    public LocalStreams streamOf(String tableLogicalId) {
        return LocalStreams.of(backend.dynamoEndpoint(), REGION, streamArnOf(tableLogicalId));
    }

    /** A reader of a table's stream that goes on after a checkpoint (see {@link LocalStreams#of}). */
    public LocalStreams streamOf(String tableLogicalId, ShardIteratorType startingPosition, Map<String, String> after) {
        return LocalStreams.of(backend.dynamoEndpoint(), REGION, streamArnOf(tableLogicalId), startingPosition, after);
    }

    private String streamArnOf(String tableLogicalId) {
        String arn = clients.dynamo()
                .describeTable(b -> b.tableName(resources.tableName(tableLogicalId)))
                .table()
                .latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException(tableLogicalId + " has no stream on this emulator");
        }
        return arn;
    }

    public URI dynamoEndpoint() {
        return backend.dynamoEndpoint();
    }

    public URI messagingEndpoint() {
        return backend.messagingEndpoint();
    }

    /** The SES emulator (its sent mails at {@code GET /store}, a web UI at {@code /}), or null. */
    public URI mailEndpoint() {
        return backend.mailEndpoint();
    }

    /** The Cognito emulator (the console's user pool), or null. */
    public URI cognitoEndpoint() {
        return backend.cognitoEndpoint();
    }

    /** What one function's code sees as its environment, resolved from template.yaml. */
    public Environment environmentOf(String functionLogicalId) {
        var function = template.function(functionLogicalId)
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + functionLogicalId));
        return Environment.of(resources.environmentOf(function));
    }

    public Map<String, String> rawEnvironmentOf(String functionLogicalId) {
        return resources.environmentOf(template.function(functionLogicalId).orElseThrow());
    }

    @Override
    public void close() {
        clients.close();
        sqs.close();
        if (ownsBackend) {
            backend.close();
        }
    }
}
