package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.emulators.LocalAws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sladesk email FILE.eml}: an e-mail to the support address of the running system, as SES delivers it. */
@Command(
        name = "email",
        mixinStandardHelpOptions = true,
        description = {
            "Delivers e-mails (.eml files, RFC 5322) to the running ./sladesk up as SES would:",
            "the raw message into the mail bucket and SES's notification on the inbound-mail",
            "topic, which intake-email takes in. Try events/demo/*.eml."
        })
final class EmailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "One or more .eml files.")
    List<Path> files;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description =
                    "When SES received it (default: now), e.g. 2026-11-26T10:12 (Amsterdam) or 2026-11-26T09:12Z.")
    String at;

    @Override
    public Integer call() {
        CliArgs args = new CliArgs(spec.commandLine());
        Instant receivedAt = at == null ? null : args.instant("--at", at);
        // every file is checked before any is delivered: a bad one in the list delivers nothing
        List<byte[]> messages = files.stream().map(file -> read(args, file)).toList();
        LocalAws aws = RunningSystem.attach()
                .orElseThrow(() -> new IllegalStateException(
                        "no SLA Desk is up; start it with ./sladesk up (in another terminal), then send "
                                + "the e-mail again"));
        try (aws) {
            SesInbox inbox = new SesInbox(aws);
            for (int i = 0; i < files.size(); i++) {
                var received = inbox.receive(messages.get(i), receivedAt != null ? receivedAt : Instant.now());
                spec.commandLine()
                        .getOut()
                        .println("delivered " + files.get(i) + " (\"" + received.subject() + "\" from "
                                + received.from() + ") as SES message " + received.sesMessageId() + ": "
                                + received.objectUri()
                                + "; intake-email of the running system takes it in (see its log)");
            }
        }
        return 0;
    }

    private static byte[] read(CliArgs args, Path file) {
        if (!Files.isRegularFile(file)) {
            throw args.bad("FILE", file.toString(), "does not exist");
        }
        try {
            byte[] raw = Files.readAllBytes(file);
            SesInbox.headers(raw);
            return raw;
        } catch (IOException e) {
            throw args.bad("FILE", file.toString(), "cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw args.bad("FILE", file.toString(), "is not an e-mail: " + e.getMessage());
        }
    }
}
