package nl.vioms.sladesk.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository.MailRecord;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.emulators.LocalAws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk mail list}: the mail SLA Desk wrote, one JSON line per mail (issue 16). */
@Command(
        header = "Lists the mails SLA Desk sent, skipped or still has to send.",
        name = "mail",
        mixinStandardHelpOptions = true,
        description = "The mails of the running system, from its own record of them (the outbox), so it reads "
                + "the same locally and in AWS. The SES emulator's page (printed by ./sladesk up) shows "
                + "their text as a mail client would.",
        subcommands = {MailCommand.ListMails.class})
final class MailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "One JSON line per mail, oldest first: to, subject, kind, ticket, messageId (the one "
                    + "the recipient sees), inReplyTo, state (sent, skipped, pending, failed), sentAt, "
                    + "skipReason.")
    static final class ListMails implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ticket", paramLabel = "VIO-...", description = "The mails of one ticket.")
        String ticket;

        @Option(
                names = "--limit",
                defaultValue = "1000",
                description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            if (ticket != null && !TicketNumber.isValid(ticket)) {
                throw args.bad("--ticket", ticket, "is not a ticket number like VIO-2026-000123");
            }
            try (LocalAws aws = RunningSystem.open()) {
                var outbox = new OutboxRepository(
                        aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
                List<MailRecord> mails = new ArrayList<>();
                if (ticket != null) {
                    mails.addAll(outbox.mailsOf(ticket));
                } else {
                    for (DeliveryState state : DeliveryState.values()) {
                        mails.addAll(outbox.mailsByState(state, limit));
                    }
                }
                mails.sort(Comparator.comparing((MailRecord m) -> m.message().createdAt()));
                mails.stream()
                        .limit(limit)
                        .forEach(m -> spec.commandLine().getOut().println(Json.write(line(m))));
                if (mails.isEmpty()) {
                    spec.commandLine().getErr().println(ticket == null ? "no mail yet" : "no mail for " + ticket);
                }
            }
            return 0;
        }
    }

    static Map<String, Object> line(MailRecord record) {
        OutboundMail mail = OutboundMail.fromJson(record.message().body());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("to", mail.to());
        line.put("subject", mail.subject());
        line.put("kind", mail.kind().wireName());
        line.put("ticket", mail.ticket());
        line.put("window", mail.window());
        // SES gives each mail its own Message-ID; until it accepted the mail, ours is all there is
        line.put("messageId", record.mailMessageId() == null ? mail.messageId() : "<" + record.mailMessageId() + ">");
        line.put("inReplyTo", mail.inReplyTo());
        line.put("state", state(record.message().state()));
        line.put("createdAt", CliArgs.format(record.message().createdAt()));
        line.put("sentAt", CliArgs.format(record.message().deliveredAt()));
        line.put("skipReason", record.skipReason());
        line.put("language", mail.language());
        return line;
    }

    /** A mail's delivery state as people read it: SES accepted it, so it was sent. */
    static String state(DeliveryState state) {
        return state == DeliveryState.DELIVERED ? "sent" : state.name().toLowerCase(Locale.ROOT);
    }
}
