package nl.vioms.sladesk.coldstart.harness;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Cold starts of every function in template.yaml against a minimal baseline, on the local
 * emulators. Each run is a fresh JVM whose classpath is the function's deployable jar, the
 * launcher and the Lambda runtime's serialization library (which the runtime brings on Lambda
 * too), with the function's template environment pointed at the emulators. Runs are interleaved
 * round-robin (baseline, fn1, fn2, ...) so machine noise falls on all of them alike.
 *
 * <p>System properties: {@code runs} (per function, default 20), {@code functions} (comma-separated
 * logical ids; default all), {@code coldstart.jvmArgs} (extra JVM options for every process,
 * baseline included, e.g. to try a flag).
 */
public final class ColdStartHarness {
    static final String BASELINE = "Baseline";
    static final String STREAM_BASELINE = "BaselineStreamEntry";
    private static final String DONE = "COLDSTART-DONE";
    private static final String REPORT = "COLDSTART-REPORT";
    /** What the Lambda runtime runs with at these sizes; see docs/decisions/11-cold-start.md. */
    private static final List<String> LAMBDA_JVM =
            List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private ColdStartHarness() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 20);
        String only = System.getProperty("functions", "").trim();
        List<String> extraJvm = split(System.getProperty("coldstart.jvmArgs", ""));
        Path root = ProjectRoot.find();
        Template template = Template.ofProject();
        Path work = Files.createDirectories(root.resolve("coldstart/harness/target/coldstart"));

        Path launcher = requireFile(root.resolve("coldstart/launcher/target/coldstart-launcher.jar"));
        Path serialization = Path.of(LambdaEventSerializers.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Properties config = new Properties();
        try (InputStream in = ColdStartHarness.class.getResourceAsStream("/coldstart.properties")) {
            config.load(in);
        }

        System.out.printf(
                Locale.ROOT,
                "cold-start harness: %d runs per function, interleaved; %s; %d cores; load %s%n",
                runs,
                javaVersion(),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        try (LocalAws aws = LocalAws.start(template, null, "http://127.0.0.1:3000")) {
            aws.seed("demo");
            Map<String, String> base = lambdaEnvironment(aws);
            List<Target> targets = new ArrayList<>();
            Map<String, String> baselineEnv = new LinkedHashMap<>(base);
            baselineEnv.putAll(globalsEnvironment(template));
            baselineEnv.put("BASELINE_TABLE", aws.resources().tableName("DirectoryTable"));
            baselineEnv.put("AWS_LAMBDA_FUNCTION_NAME", BASELINE);
            baselineEnv.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            Path baselineEvent =
                    Files.writeString(work.resolve("baseline-event.json"), "{\"source\":\"coldstart.baseline\"}");
            targets.add(new Target(
                    BASELINE,
                    requireFile(root.resolve("coldstart/baseline/target/baseline-lambda.jar")),
                    "nl.vioms.sladesk.coldstart.baseline.BaselineHandler",
                    baselineEnv,
                    Files.readString(baselineEvent),
                    List.of(),
                    30,
                    512,
                    () -> {}));
            // the same work behind a stream entry: a reference row, not the yardstick (ratios stay
            // against the baseline above, as issue #9 defines it)
            Map<String, String> streamEnv = new LinkedHashMap<>(baselineEnv);
            streamEnv.put("AWS_LAMBDA_FUNCTION_NAME", STREAM_BASELINE);
            targets.add(new Target(
                    STREAM_BASELINE,
                    requireFile(root.resolve("coldstart/baseline/target/baseline-lambda.jar")),
                    "nl.vioms.sladesk.coldstart.baseline.StreamBaselineHandler",
                    streamEnv,
                    Files.readString(baselineEvent),
                    List.of(),
                    30,
                    512,
                    () -> {}));
            for (Template.Function function : template.functions()) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(function.logicalId())) {
                    continue;
                }
                targets.add(target(function, aws, base, config, root, template));
            }

            for (int run = 0; run <= runs; run++) {
                // run 0 warms the page cache and the emulators; it is not counted
                for (Target target : targets) {
                    Run result = runOnce(target, run, launcher, serialization, extraJvm, work);
                    if (run > 0) {
                        target.runs.add(result);
                    }
                }
                if (run > 0 && (run % 5 == 0 || run == runs)) {
                    System.out.printf("  %d/%d rounds%n", run, runs);
                }
            }
            System.out.println(Report.table(targets, runs, loadAverage()));
            Files.writeString(work.resolve("results.md"), Report.table(targets, runs, loadAverage()));
        }
    }

    private static Target target(
            Template.Function function,
            LocalAws aws,
            Map<String, String> base,
            Properties config,
            Path root,
            Template template)
            throws IOException {
        String id = function.logicalId();
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(aws.rawEnvironmentOf(id));
        Map<String, Object> props = Template.map(template.resources().get(id)).isEmpty()
                ? Map.of()
                : Template.map(Template.map(template.resources().get(id)).get("Properties"));
        Map<String, Object> globals =
                Template.map(Template.map(template.root().get("Globals")).get("Function"));
        int memory = intProperty(props, globals, "MemorySize", 128);
        int timeout = intProperty(props, globals, "Timeout", 3);
        env.put("AWS_LAMBDA_FUNCTION_NAME", id);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory));

        String module = function.moduleDir().getFileName().toString();
        Path event = eventFor(function, module, config, root);
        String eventJson = event == null ? "{}" : Files.readString(event);
        List<String> unique = split(config.getProperty(id + ".unique", "").replace(',', ' '));
        Runnable prepare = () -> {};
        if (id.equals("MailerFunction")) {
            // every run sends: the sample recipient stays below the hourly limit however many runs there are
            env.put("MAIL_HOURLY_LIMIT", "1000000");
        }
        if ((module.equals("escalation") || id.equals("MailerFunction")) && event != null) {
            // the outbox item the stream record says was inserted, written afresh (PENDING) before
            // every run, so every run publishes (or sends) rather than skipping a delivered message
            DynamodbEvent stream = LambdaEvents.fromJson(eventJson, DynamodbEvent.class);
            var item = LambdaEvents.item(
                    LambdaEvents.firstRecord(stream).getDynamodb().getNewImage());
            String table = aws.resources().tableName("OutboxTable");
            prepare =
                    () -> aws.clients().dynamo().putItem(b -> b.tableName(table).item(item));
        }
        if (id.equals("ConsoleFunction")) {
            // a page with a session: the ID token verified (the pool's keys fetched: the cold path)
            // and the logout record looked up; one login before the runs, valid for an hour
            eventJson = eventJson.replace("${ID_TOKEN}", consoleToken(aws, env, "operations"));
        }
        if (id.equals("PortalFunction")) {
            // the portal's start page with a session of a TelNet staff member (issue 18)
            eventJson = eventJson.replace("${ID_TOKEN}", consoleToken(aws, env, "reseller-telnet"));
        }
        return new Target(
                id,
                root.resolve(function.codeUri()),
                function.handler(),
                env,
                eventJson,
                unique,
                timeout,
                memory,
                prepare);
    }

    /** An ID token of a person in {@code group} of the local user pool, for the console's or portal's cold start. */
    private static String consoleToken(LocalAws aws, Map<String, String> env, String group) {
        var cognito = aws.clients().cognito();
        String pool = env.get("CONSOLE_USER_POOL_ID");
        String email = "coldstart-" + group + "@vioms.demo";
        try {
            cognito.createGroup(b -> b.userPoolId(pool).groupName(group));
        } catch (GroupExistsException e) {
            // a template group (operations), or made by an earlier run
        }
        String password = "Coldstart-wachtwoord-1";
        try {
            cognito.adminCreateUser(b -> b.userPoolId(pool)
                    .username(email)
                    .messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build()));
        } catch (UsernameExistsException e) {
            // made by an earlier run of the harness
        }
        cognito.adminSetUserPassword(
                b -> b.userPoolId(pool).username(email).password(password).permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName(group));
        return cognito.initiateAuth(b -> b.clientId(env.get("CONSOLE_CLIENT_ID"))
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult()
                .idToken();
    }

    /** The configured event, else the first of events/<module>/, else a scheduler event if scheduled. */
    private static Path eventFor(Template.Function function, String module, Properties config, Path root)
            throws IOException {
        String configured = config.getProperty(function.logicalId() + ".event");
        if (configured != null) {
            return requireFile(root.resolve("events").resolve(configured));
        }
        Path dir = root.resolve("events").resolve(module);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                var first = files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .findFirst();
                if (first.isPresent()) {
                    return first.get();
                }
            }
        }
        boolean scheduled = function.events().values().stream()
                .anyMatch(e -> "ScheduleV2".equals(Template.map(e).get("Type"))
                        || "Schedule".equals(Template.map(e).get("Type")));
        return scheduled ? requireFile(root.resolve("events/sla-check/schedule.json")) : null;
    }

    /** Reserved variables the Lambda service sets, pointed at the emulators. */
    private static Map<String, String> lambdaEnvironment(LocalAws aws) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", LocalAws.REGION.id());
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION.id());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("TZ", ":UTC");
        // the SDK's own endpoint settings (AWS_ENDPOINT_URL_<SERVICE>): the functions' code is
        // the code deployed, with no emulator switch of its own
        env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SNS", aws.messagingEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", aws.messagingEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", aws.messagingEndpoint().toString());
        if (aws.mailEndpoint() != null) {
            env.put("AWS_ENDPOINT_URL_SESV2", aws.mailEndpoint().toString());
        }
        if (aws.cognitoEndpoint() != null) {
            env.put(
                    "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                    aws.cognitoEndpoint().toString());
        }
        return env;
    }

    private static Map<String, String> globalsEnvironment(Template template) {
        Map<String, Object> globals =
                Template.map(Template.map(template.root().get("Globals")).get("Function"));
        Map<String, String> env = new LinkedHashMap<>();
        Template.map(Template.map(globals.get("Environment")).get("Variables"))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    static Run runOnce(Target target, int run, Path launcher, Path serialization, List<String> extraJvm, Path work)
            throws IOException, InterruptedException {
        target.prepare.run();
        String event = target.eventJson;
        for (String value : target.unique) {
            event = event.replace(value, value + "-r" + run);
        }
        Path eventFile = Files.writeString(work.resolve(target.name + "-event.json"), event);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM);
        // the JVM's ergonomics (heap size) see the function's memory, as inside its Lambda
        command.add("-XX:MaxRAM=" + target.memoryMb + "m");
        command.addAll(extraJvm);
        command.add("-cp");
        command.add(
                String.join(File.pathSeparator, launcher.toString(), serialization.toString(), target.jar.toString()));
        command.add("nl.vioms.sladesk.coldstart.launcher.Launcher");
        command.add(target.handler);
        command.add(eventFile.toString());
        command.add(String.valueOf(target.timeoutSeconds));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        work.resolve(target.name + ".stderr").toFile()));
        builder.environment().clear();
        builder.environment().putAll(target.environment);

        long start = System.nanoTime();
        Process process = builder.start();
        long wallNanos = -1;
        String report = null;
        List<String> lastLines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (wallNanos < 0 && line.equals(DONE)) {
                    wallNanos = System.nanoTime() - start;
                } else if (line.startsWith(REPORT)) {
                    report = line;
                } else if (wallNanos < 0) {
                    if (lastLines.size() == 5) {
                        lastLines.remove(0);
                    }
                    lastLines.add(line);
                }
            }
        }
        if (!process.waitFor(target.timeoutSeconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (report == null) {
            return Run.failed(
                    "no report (exit " + process.exitValue() + "); see " + work.resolve(target.name + ".stderr")
                            + (lastLines.isEmpty() ? "" : "; last output: " + String.join(" | ", lastLines)));
        }
        String[] fields = report.split("\t", 7);
        return new Run(
                wallNanos / 1_000_000.0,
                Long.parseLong(fields[1]),
                Long.parseLong(fields[2]),
                Long.parseLong(fields[3]),
                Long.parseLong(fields[4]),
                Long.parseLong(fields[5]),
                fields[6]);
    }

    private static int intProperty(Map<String, Object> props, Map<String, Object> globals, String name, int fallback) {
        Object value = props.containsKey(name) ? props.get(name) : globals.get(name);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file + ": build first (see README, Cold start)");
        }
        return file;
    }

    private static String javaVersion() {
        return "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    static String loadAverage() {
        try {
            return String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }

    /** One function (or the baseline) and its measured runs. */
    static final class Target {
        final String name;
        final Path jar;
        final String handler;
        final Map<String, String> environment;
        final String eventJson;
        final List<String> unique;
        final int timeoutSeconds;
        final int memoryMb;
        final Runnable prepare;
        final List<Run> runs = new ArrayList<>();

        Target(
                String name,
                Path jar,
                String handler,
                Map<String, String> environment,
                String eventJson,
                List<String> unique,
                int timeoutSeconds,
                int memoryMb,
                Runnable prepare) {
            this.name = name;
            this.jar = jar;
            this.handler = handler;
            this.environment = environment;
            this.eventJson = eventJson;
            this.unique = unique;
            this.timeoutSeconds = timeoutSeconds;
            this.memoryMb = memoryMb;
            this.prepare = prepare;
        }
    }

    /**
     * One cold start: wall time from before process start to the completion marker, and in the
     * JVM from its start to the handler constructed and to the handler returned; peak RSS; the
     * process's CPU time (all threads: JIT and GC included) and classes loaded, which a busy
     * machine disturbs far less than wall time.
     */
    record Run(double wallMs, long initMs, long jvmMs, long peakRssKb, long cpuMs, long classes, String outcome) {
        static Run failed(String why) {
            return new Run(-1, -1, -1, -1, -1, -1, "failed " + why);
        }

        boolean ok() {
            return outcome.startsWith("ok");
        }
    }
}
