package nl.vioms.sladesk.local;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk escalations}: the outbox of the local system, one JSON line per message. */
@Command(
        header = "Lists escalations and notifications with their delivery state.",
        name = "escalations",
        mixinStandardHelpOptions = true,
        description = "Lists escalations and notifications of the local system (or with --stack a deployed stack) "
                + "with their delivery state (JSON lines); --redrive ID asks for another delivery of "
                + "a pending or failed one.")
final class EscalationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--state",
            defaultValue = "pending",
            paramLabel = "STATE",
            description = "pending, delivered or failed (default: ${DEFAULT-VALUE}).")
    String state;

    @Option(
            names = "--redrive",
            paramLabel = "ID",
            description =
                    "Asks for another delivery of a pending or failed message (one whose stream retries ran out).")
    String redrive;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        DeliveryState wanted;
        try {
            wanted = DeliveryState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliArgs(spec.commandLine()).bad("--state", state, "is not pending, delivered or failed");
        }
        try (OperatorTarget target = Sladesk.target(spec)) {
            var outbox = new OutboxRepository(target.clients().dynamo(), target.tableName("OutboxTable"));
            if (redrive != null) {
                if (!outbox.redrive(redrive, Clock.systemUTC().instant())) {
                    throw new IllegalStateException(
                            "escalation " + redrive + " is not pending or failed (delivered or unknown): not redriven");
                }
                spec.commandLine().getOut().println(Json.write(Map.of("escalationId", redrive, "redriven", true)));
                return 0;
            }
            // mail has its own command (./sladesk mail list)
            var messages = outbox.listByState(wanted, limit).stream()
                    .filter(m -> m.topic() != OutboxMessage.Topic.MAIL)
                    .toList();
            if (messages.isEmpty()) {
                // stdout stays JSON lines (none); people read why it is empty
                spec.commandLine().getErr().println("no escalations or notifications are " + state);
            }
            for (var message : messages) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("escalationId", message.id());
                line.put("topic", message.topic().name().toLowerCase(Locale.ROOT));
                line.put("state", message.state().name().toLowerCase(Locale.ROOT));
                line.put("createdAt", CliArgs.format(message.createdAt()));
                line.put("deliveredAt", CliArgs.format(message.deliveredAt()));
                line.putAll(message.attributes());
                spec.commandLine().getOut().println(Json.write(line));
            }
        }
        return 0;
    }
}
