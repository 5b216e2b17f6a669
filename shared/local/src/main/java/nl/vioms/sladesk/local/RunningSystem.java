package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;

/**
 * The local system other commands talk to: the one ./sladesk up runs (its endpoints are in
 * .sladesk/up.json while it lives), or else emulators started just for this command on the
 * same data folder. Two processes must never open the same data folder at once.
 */
final class RunningSystem {
    private RunningSystem() {}

    static Path stateFile() {
        return ProjectRoot.find().resolve(".sladesk").resolve("up.json");
    }

    /** The embedded-metric lines of the running ./sladesk up's functions, from its start (./sladesk stats). */
    static Path metricsFile() {
        return stateFile().resolveSibling("metrics.jsonl");
    }

    static void announce(LocalAws aws, URI api) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pid", ProcessHandle.current().pid());
        state.put("dynamodb", aws.dynamoEndpoint().toString());
        state.put("messaging", aws.messagingEndpoint().toString());
        if (aws.mailEndpoint() != null) {
            state.put("mail", aws.mailEndpoint().toString());
        }
        if (aws.cognitoEndpoint() != null) {
            state.put("cognito", aws.cognitoEndpoint().toString());
        }
        state.put("api", api.toString());
        try {
            Files.createDirectories(stateFile().getParent());
            Files.writeString(stateFile(), Json.write(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile(), e);
        }
    }

    static void withdraw() {
        try {
            Files.deleteIfExists(stateFile());
        } catch (IOException ignored) {
            // a stale file is recognised by its dead pid
        }
    }

    /** Attaches to a running ./sladesk up, or starts emulators on the data folder. */
    static LocalAws open() {
        return attach().orElseGet(
                        () -> LocalAws.start(Template.ofProject(), Sladesk.dataDir(), Sladesk.DEFAULT_BASE_URL));
    }

    /** Attaches to the running ./sladesk up, if there is one. */
    static Optional<LocalAws> attach() {
        return running()
                .map(state -> LocalAws.attach(
                        URI.create(state.get("dynamodb").asText()),
                        URI.create(state.get("messaging").asText()),
                        state.hasNonNull("mail") ? URI.create(state.get("mail").asText()) : null,
                        state.hasNonNull("cognito")
                                ? URI.create(state.get("cognito").asText())
                                : null,
                        Template.ofProject(),
                        state.get("api").asText()));
    }

    static Optional<JsonNode> running() {
        Path file = stateFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode state = DatabindJson.MAPPER.readTree(Files.readString(file));
            boolean alive = ProcessHandle.of(state.get("pid").asLong())
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
            return alive ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
