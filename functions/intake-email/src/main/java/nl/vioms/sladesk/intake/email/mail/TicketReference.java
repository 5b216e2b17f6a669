package nl.vioms.sladesk.intake.email.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SLA Desk ticket an e-mail belongs to. Our mails carry the number in the subject
 * ("[VIO-2026-000123] Geen kiestoon") and in their Message-ID
 * ({@code <VIO-2026-000123.<anything>@sladesk.vioms.nl>}), so a reply names it in its subject,
 * its In-Reply-To or its References.
 */
public final class TicketReference {
    /** A ticket number: VIO-year-six digits, or more beyond 999 999 a year (TicketNumber). */
    public static final Pattern TICKET_NUMBER =
            Pattern.compile("(?<![A-Za-z0-9])VIO-(\\d{4})-(\\d{6}|[1-9]\\d{6,17})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private TicketReference() {}

    /**
     * The ticket number, upper-case ("VIO-2026-000123"). Looked for in this order: the subject (what
     * the person sees and may have typed), In-Reply-To, then References from newest to oldest.
     *
     * @param mail a parsed mail
     * @return the first ticket number found, or empty
     */
    public static Optional<String> find(InboundMail mail) {
        Optional<String> inSubject = in(mail.subject());
        if (inSubject.isPresent()) {
            return inSubject;
        }
        Optional<String> inReply = in(mail.inReplyTo());
        if (inReply.isPresent()) {
            return inReply;
        }
        List<String> refs = mail.references();
        for (int i = refs.size() - 1; i >= 0; i--) {
            Optional<String> inRef = in(refs.get(i));
            if (inRef.isPresent()) {
                return inRef;
            }
        }
        return Optional.empty();
    }

    /** The first ticket number in a text, upper-case. */
    static Optional<String> in(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TICKET_NUMBER.matcher(text);
        return m.find() ? Optional.of("VIO-" + m.group(1) + "-" + m.group(2)) : Optional.empty();
    }

    /** The Message-ID our outbound mail for this ticket should carry, so that replies find it. */
    public static String messageIdFor(String ticketNumber, String unique) {
        return "<" + ticketNumber.toUpperCase(Locale.ROOT) + "." + unique + "@" + MailClassifier.OUR_MESSAGE_ID_DOMAIN
                + ">";
    }
}
