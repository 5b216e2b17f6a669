package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.testing.LocalAws;
import nl.vioms.sladesk.testing.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sladesk seed FILE}: loads directory data (resellers, customers, tokens) into the local system. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Loads directory data (resellers, customers with contracts, API tokens) from a JSON file",
                "into the local system. FILE is a path or the name of a seed in events/seed (e.g. demo)."})
final class SeedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A seed file, or a name in events/seed.")
    String file;

    @Override
    public Integer call() {
        var seed = parse(spec, file);
        try (LocalAws aws = RunningSystem.open()) {
            load(aws, seed);
        }
        spec.commandLine().getOut().println("seeded " + seed.resellers().size() + " resellers, " + seed.customers().size()
                + " customers, " + seed.tokens().size() + " tokens");
        return 0;
    }

    static DirectorySeed.Seed parse(CommandSpec spec, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) path = ProjectRoot.find().resolve("events/seed").resolve(file + ".json");
        if (!Files.isRegularFile(path)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE '" + file + "' is neither a file nor a seed in events/seed");
        }
        try {
            return DirectorySeed.parse(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE '" + file + "' cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE '" + file + "': " + e.getMessage());
        }
    }

    static void load(LocalAws aws, DirectorySeed.Seed seed) {
        DirectorySeed.load(seed, new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable")));
    }
}
