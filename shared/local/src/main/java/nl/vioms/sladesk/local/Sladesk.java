package nl.vioms.sladesk.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.emulators.ProjectRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The operator's command-line tool and local runtime ({@code ./sladesk}). */
@Command(
        name = "sladesk",
        mixinStandardHelpOptions = true,
        version = "SLA Desk 0.1.0",
        description = "SLA Desk: the VIOMS SLA on AWS Lambda, run and inspected locally; operated in a deployed "
                + "stack with --stack NAME.",
        subcommands = {
            UpCommand.class,
            EmailCommand.class,
            DemoCommand.class,
            StormCommand.class,
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

    @Option(
            names = "--stack",
            paramLabel = "NAME",
            description = "Operate a deployed stack instead of the local system (seed, maintenance, escalations, "
                    + "month-end, token, probe); credentials from the usual AWS chain.")
    String stack;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "The stack's region (default: the usual AWS chain, e.g. AWS_REGION).")
    String region;

    /**
     * The system a command works on: the stack given with {@code --stack}, else the local system
     * (the running ./sladesk up, or emulators started for this command).
     */
    static OperatorTarget target(CommandSpec spec) {
        Sladesk top = (Sladesk) spec.root().userObject();
        if (top.stack == null) {
            return LocalTarget.open();
        }
        return StackTarget.connector.open(top.stack, top.region);
    }

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
        commandLine.setExecutionStrategy(parsed -> {
            refuseStackForLocalCommands(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine.execute(args);
    }

    /** Commands that work on a deployed stack (issue 20 item 12); the others refuse --stack rather than ignore it. */
    static final Set<String> STACK_COMMANDS =
            Set.of("seed", "maintenance", "escalations", "month-end", "token", "probe", "help");

    private static void refuseStackForLocalCommands(CommandLine.ParseResult parsed) {
        Sladesk top = (Sladesk) parsed.commandSpec().userObject();
        CommandLine.ParseResult sub = parsed.subcommand();
        if (top.stack == null && top.region != null) {
            throw new CommandLine.ParameterException(
                    parsed.commandSpec().commandLine(), "--region is for a deployed stack: give --stack NAME too");
        }
        if (top.stack != null
                && sub != null
                && !STACK_COMMANDS.contains(sub.commandSpec().name())) {
            throw new CommandLine.ParameterException(
                    sub.commandSpec().commandLine(),
                    sub.commandSpec().name() + " works on the local system only, not with --stack (--stack is for "
                            + "seed, maintenance, escalations, month-end, token and probe)");
        }
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
        // options of the commands above it (sladesk's --stack and --region) are no typo
        Set<String> above = new HashSet<>();
        for (CommandLine parent = command.getParent(); parent != null; parent = parent.getParent()) {
            above.addAll(parent.getCommandSpec().optionsMap().keySet());
        }
        String message = e.getMessage();
        for (String arg : given) {
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.startsWith("-") && !known.contains(option) && !above.contains(option) && !option.equals("--")) {
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
