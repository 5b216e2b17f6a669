package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.emulators.LocalAws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sladesk email FILE.eml}: an e-mail to the support address of the running system, as SES delivers it. */
@Command(
        header = "Delivers .eml files to the running system as SES would.",
        name = "email",
        mixinStandardHelpOptions = true,
        description = "Delivers e-mails (.eml files, RFC 5322) to the running ./sladesk up as SES would: the "
                + "raw message into the mail bucket and SES's notification on the inbound-mail topic, "
                + "which intake-email takes in. Try events/demo/*.eml.")
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

    @Option(
            names = "--spf",
            paramLabel = "VERDICT",
            description = "SES's SPF verdict: PASS (default), FAIL, GRAY or PROCESSING_FAILED.")
    String spf = "PASS";

    @Option(names = "--dkim", paramLabel = "VERDICT", description = "SES's DKIM verdict (default PASS).")
    String dkim = "PASS";

    @Option(
            names = "--dmarc",
            paramLabel = "VERDICT",
            description = "SES's DMARC verdict (default PASS); FAIL makes the mail unauthenticated.")
    String dmarc = "PASS";

    @Option(
            names = "--spam",
            paramLabel = "VERDICT",
            description = "SES's spam verdict (default PASS); FAIL makes the mail unauthenticated.")
    String spam = "PASS";

    @Option(
            names = "--virus",
            paramLabel = "VERDICT",
            description = "SES's virus verdict (default PASS); FAIL keeps the mail from any ticket.")
    String virus = "PASS";

    @Override
    public Integer call() {
        CliArgs args = new CliArgs(spec.commandLine());
        Instant receivedAt = at == null ? null : args.instant("--at", at);
        Map<String, String> verdicts = new LinkedHashMap<>();
        verdicts.put("spfVerdict", verdict(args, "--spf", spf));
        verdicts.put("dkimVerdict", verdict(args, "--dkim", dkim));
        verdicts.put("dmarcVerdict", verdict(args, "--dmarc", dmarc));
        verdicts.put("spamVerdict", verdict(args, "--spam", spam));
        verdicts.put("virusVerdict", verdict(args, "--virus", virus));
        // every file is checked before any is delivered: a bad one in the list delivers nothing
        List<byte[]> messages = files.stream().map(file -> read(args, file)).toList();
        LocalAws aws = RunningSystem.attach()
                .orElseThrow(() -> new IllegalStateException(
                        "no SLA Desk is up; start it with ./sladesk up (in another terminal), then send "
                                + "the e-mail again"));
        try (aws) {
            SesInbox inbox = new SesInbox(aws);
            for (int i = 0; i < files.size(); i++) {
                var received =
                        inbox.receive(messages.get(i), receivedAt != null ? receivedAt : Instant.now(), verdicts);
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

    /** SES's verdict statuses; any case is accepted. */
    private static String verdict(CliArgs args, String option, String value) {
        String status = value.trim().toUpperCase(Locale.ROOT);
        if (!List.of("PASS", "FAIL", "GRAY", "PROCESSING_FAILED", "DISABLED").contains(status)) {
            throw args.bad(option, value, "is not an SES verdict (PASS, FAIL, GRAY, PROCESSING_FAILED, DISABLED)");
        }
        return status;
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
