package nl.vioms.sladesk.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.emulators.ProjectRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's command-line tool and local runtime ({@code ./sladesk}). */
@Command(
        name = "sladesk",
        mixinStandardHelpOptions = true,
        version = "SLA Desk 0.1.0",
        description = "SLA Desk: the VIOMS SLA on AWS Lambda, run and inspected locally.",
        subcommands = {
            UpCommand.class,
            EmailCommand.class,
            DemoCommand.class,
            ClockCommand.class,
            CreditCommand.class,
            EscalationsCommand.class,
            StatsCommand.class,
            MonthEndCommand.class,
            SeedCommand.class,
            ProbeCommand.class,
            MaintenanceCommand.class,
            TokenCommand.class,
            MailCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Sladesk {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:3000";

    public static void main(String[] args) {
        System.exit(runAsProcess(System.out, System.err, args));
    }

    /**
     * As the process runs a command: stdout is the command's result only (month-end's one JSON
     * object goes into jq); what the functions run in this process log to System.out, as Lambda
     * wants, goes to stderr with the messages.
     */
    static int runAsProcess(PrintStream stdout, PrintStream stderr, String... args) {
        PrintStream previous = System.out;
        System.setOut(stderr);
        try {
            return run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
        } finally {
            System.setOut(previous);
        }
    }

    /** Runs one command; exit 0 on success, 2 on bad input (message on err), 1 on failure. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Sladesk()).setOut(out).setErr(err);
        commandLine.setUsageHelpWidth(100);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("sladesk: " + e.getMessage());
            return 1;
        });
        commandLine.setParameterExceptionHandler((e, given) -> usageError(e, given));
        return commandLine.execute(args);
    }

    /**
     * A usage error in two lines: what is wrong (a misspelt option first, with the options it may
     * have meant, before any option it left missing) and where the help is; never the whole help.
     */
    private static int usageError(CommandLine.ParameterException e, String[] given) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        List<String> known =
                new ArrayList<>(command.getCommandSpec().optionsMap().keySet());
        String message = e.getMessage();
        for (String arg : given) {
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.startsWith("-") && !known.contains(option) && !option.equals("--")) {
                List<String> meant = OptionSuggestions.near(option, known);
                message = "unknown option '" + option + "'"
                        + (meant.isEmpty() ? "" : "; did you mean " + String.join(" or ", meant) + "?");
                break;
            }
        }
        command.getErr().println(name + ": " + message);
        command.getErr().println("See ./" + name + " --help");
        return 2;
    }

    /** Where ./sladesk up keeps its data, beside the repository's files. */
    static Path dataDir() {
        return ProjectRoot.find().resolve(".sladesk").resolve("data");
    }
}
