package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringSeed;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sladesk seed FILE}: loads directory data (resellers, customers, tokens) into the local
 * system, and the monitoring seed beside it (FILE-monitoring.json: monitored services, probe targets).
 */
@Command(
        header = "Loads directory data (and its monitoring seed) into the local system.",
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Loads directory data (resellers, customers with contracts, API tokens) from a JSON "
                + "file into the local system, or with --stack into a deployed stack's tables. FILE is a "
                + "path or the name of a seed in events/seed (e.g. demo). A monitoring seed beside it "
                + "(demo-monitoring.json: monitored services, probe targets) is loaded too.")
final class SeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A seed file, or a name in events/seed.")
    String file;

    @Override
    public Integer call() {
        var seed = parse(spec, file);
        try (OperatorTarget target = Sladesk.target(spec)) {
            load(target, seed);
        }
        spec.commandLine()
                .getOut()
                .println("seeded " + seed.directory().resellers().size() + " resellers, "
                        + seed.directory().customers().size() + " customers, "
                        + seed.directory().tokens().size() + " tokens"
                        + (seed.monitoring() == null
                                ? ""
                                : ", " + seed.monitoring().services().size() + " monitored services, "
                                        + seed.monitoring().targets().size() + " probe targets"));
        return 0;
    }

    /** A directory seed and, when one lies beside it, its monitoring seed (else null). */
    record Seeds(DirectorySeed.Seed directory, MonitoringSeed.Seed monitoring) {}

    static Seeds parse(CommandSpec spec, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            path = ProjectRoot.find().resolve("events/seed").resolve(file + ".json");
        }
        if (!Files.isRegularFile(path)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "FILE '" + file + "' is neither a file nor a seed in events/seed");
        }
        Path monitoring = LocalAws.monitoringSeedOf(path);
        try {
            // both are checked before anything is written
            return new Seeds(
                    DirectorySeed.parse(Files.readAllBytes(path)),
                    Files.isRegularFile(monitoring) ? MonitoringSeed.parse(Files.readAllBytes(monitoring)) : null);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "FILE '" + file + "' cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FILE '" + file + "': " + e.getMessage());
        }
    }

    static void load(OperatorTarget target, Seeds seed) {
        var dynamo = target.clients().dynamo();
        DirectorySeed.load(seed.directory(), new DirectoryRepository(dynamo, target.tableName("DirectoryTable")));
        if (seed.monitoring() != null) {
            String table = target.tableName("MonitoringTable");
            MonitoringSeed.load(
                    seed.monitoring(), new MonitoringRepository(dynamo, table), new ProbeRepository(dynamo, table));
        }
    }
}
