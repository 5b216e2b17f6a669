package nl.vioms.sladesk.intake.email.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.mail.MailSettings;

/**
 * Tells mail written by people from automatic mail, so that SLA Desk never opens a ticket for an
 * out-of-office, a bounce or a newsletter and never answers its own mail.
 *
 * <p>Signals are checked from the strongest down: LOOP, then BOUNCE (a report or a mailer daemon),
 * then AUTO_REPLY, then a null Return-Path (BOUNCE), then BULK. The first that matches decides.
 * A wrongly classified fault report is a lost ticket, so the subject patterns only match at the start
 * of the subject: "Kiestoon afwezig sinds 9:00" is a fault, "Afwezig: ..." an out-of-office.
 */
public final class MailClassifier {
    /** Our outbound mails carry Message-IDs in this domain (see {@link TicketReference}). */
    public static final String OUR_MESSAGE_ID_DOMAIN = MailSettings.MESSAGE_ID_DOMAIN;

    /** Subjects that only an auto-responder writes. */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^\\W*(automatisch antwoord|automatische? (re)?reactie|automatic reply|auto[- ]?reply|autoreply|"
                    + "auto[- ]?response"
                    + "|out of (the )?office|r[ée]ponse automatique)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Words a person also starts a fault report with ("Afwezigheid kiestoon", "Absence of dial
     * tone"): an auto-reply only with a second signal, so no real report is lost.
     */
    private static final Pattern ABSENCE_SUBJECT = Pattern.compile(
            "^\\W*(afwezig(heid\\w*)?|niet aanwezig|abwesenheit\\w*|absence)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern REPORT_TYPE =
            Pattern.compile("report-type\\s*=\\s*\"?([A-Za-z0-9-]+)", Pattern.CASE_INSENSITIVE);

    private MailClassifier() {}

    /**
     * Classifies a parsed mail.
     *
     * @param mail       the parsed mail
     * @param ourAddress our support address (e.g. "support@vioms.nl"), compared case-insensitively;
     *                   our X-Loop marker is this address in an {@code X-Loop} header
     * @return the class and the reason; never null
     */
    public static MailClassification classify(InboundMail mail, String ourAddress) {
        String ours = ourAddress == null ? "" : ourAddress.strip().toLowerCase(Locale.ROOT);
        String from = mail.fromAddress() == null ? "" : mail.fromAddress();

        // LOOP: our own mail came back (a forward rule, an alias pointing to itself)
        if (!ours.isEmpty() && from.equals(ours)) {
            return of(MailClass.LOOP, "From is our own address " + ours);
        }
        if (!ours.isEmpty()) {
            for (String loop : mail.headerValues("x-loop")) {
                if (loop.toLowerCase(Locale.ROOT).contains(ours)) {
                    return of(MailClass.LOOP, "X-Loop: " + loop);
                }
            }
        }
        if (mail.messageId() != null
                && mail.messageId().toLowerCase(Locale.ROOT).endsWith("@" + OUR_MESSAGE_ID_DOMAIN)) {
            return of(MailClass.LOOP, "Message-ID is one of ours: " + mail.messageId());
        }

        // BOUNCE: delivery status notifications
        String reportType = reportType(mail).orElse("");
        if (mail.mimeType().equals("multipart/report") && reportType.equals("delivery-status")) {
            return of(MailClass.BOUNCE, "multipart/report; report-type=delivery-status");
        }
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return of(MailClass.BOUNCE, "From " + from);
        }
        if (mail.header("x-failed-recipients").isPresent()) {
            return of(
                    MailClass.BOUNCE,
                    "X-Failed-Recipients: " + mail.header("x-failed-recipients").get());
        }

        // AUTO_REPLY: RFC 3834 and the de-facto headers, read receipts, then the subject
        Optional<String> autoSubmitted = mail.header("auto-submitted");
        if (autoSubmitted.isPresent() && !token(autoSubmitted.get()).equals("no")) {
            return of(MailClass.AUTO_REPLY, "Auto-Submitted: " + autoSubmitted.get());
        }
        for (String name : new String[] {"x-autoreply", "x-autorespond"}) {
            Optional<String> v = mail.header(name);
            if (v.isPresent() && !token(v.get()).equals("no")) {
                return of(MailClass.AUTO_REPLY, name + ": " + v.get());
            }
        }
        String precedence = mail.header("precedence").map(MailClassifier::token).orElse("");
        if (precedence.equals("auto_reply")) {
            return of(MailClass.AUTO_REPLY, "Precedence: auto_reply");
        }
        if (mail.mimeType().equals("multipart/report") && reportType.equals("disposition-notification")) {
            return of(MailClass.AUTO_REPLY, "read receipt (report-type=disposition-notification)");
        }
        Matcher m = AUTO_REPLY_SUBJECT.matcher(mail.subject());
        if (m.find()) {
            return of(MailClass.AUTO_REPLY, "subject starts with \"" + m.group(1) + "\"");
        }
        boolean nullSender = mail.header("return-path")
                .map(v -> v.replaceAll("\\s", ""))
                .filter(v -> v.equals("<>"))
                .isPresent();
        Matcher absence = ABSENCE_SUBJECT.matcher(mail.subject());
        if (absence.find()
                && (nullSender || mail.header("x-auto-response-suppress").isPresent())) {
            return of(
                    MailClass.AUTO_REPLY,
                    "subject starts with \"" + absence.group(1) + "\" and "
                            + (nullSender ? "Return-Path: <>" : "X-Auto-Response-Suppress"));
        }

        // a null reverse path without any auto-reply signal: a bounce from a terse MTA
        if (nullSender) {
            return of(MailClass.BOUNCE, "Return-Path: <> (null sender)");
        }

        // BULK: newsletters and mailing lists
        if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")) {
            return of(MailClass.BULK, "Precedence: " + precedence);
        }
        if (mail.header("list-id").isPresent()) {
            return of(MailClass.BULK, "List-Id: " + mail.header("list-id").get());
        }
        return of(MailClass.NORMAL, "no automatic-mail signal");
    }

    private static Optional<String> reportType(InboundMail mail) {
        return mail.header("content-type")
                .map(REPORT_TYPE::matcher)
                .filter(Matcher::find)
                .map(x -> x.group(1).toLowerCase(Locale.ROOT));
    }

    /** The first token of a header value, lower-case: "Auto-Replied; x=y" -> "auto-replied". */
    private static String token(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length()
                && !Character.isWhitespace(v.charAt(end))
                && v.charAt(end) != ';'
                && v.charAt(end) != '(') {
            end++;
        }
        return v.substring(0, end);
    }

    private static MailClassification of(MailClass c, String reason) {
        return new MailClassification(c, reason);
    }
}
