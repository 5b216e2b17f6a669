package nl.vioms.sladesk.mailer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import nl.vioms.sladesk.app.mail.OutboundMail;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ParseException;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.RawField;

/**
 * The raw MIME message of an {@link OutboundMail}, built and written with mime4j (decision 18):
 * multipart/alternative with a text/plain and a text/html part, UTF-8, quoted-printable; the
 * subject RFC 2047-encoded when it is not ASCII. Headers that keep auto-responders quiet: {@code
 * Auto-Submitted: auto-replied} (RFC 3834), {@code X-Auto-Response-Suppress: All} (Exchange,
 * Outlook) and {@code Precedence: bulk}; {@code X-Loop} with our address, so that a copy that
 * comes back to the support address is taken for the loop it is.
 */
public final class MimeMail {
    /** The display name of every mail's From. */
    public static final String DISPLAY_NAME = "VIOMS Servicedesk";

    private MimeMail() {}

    /** The message as bytes (CRLF line ends), ready for SES's raw content. */
    public static byte[] render(OutboundMail mail, String supportAddress, Instant date) {
        try {
            int at = supportAddress.lastIndexOf('@');
            Mailbox from = new Mailbox(DISPLAY_NAME, supportAddress.substring(0, at), supportAddress.substring(at + 1));
            var multipart = MultipartBuilder.create("alternative")
                    .addBodyPart(BodyPartBuilder.create()
                            .setBody(mail.text(), "plain", StandardCharsets.UTF_8)
                            .setContentTransferEncoding("quoted-printable"))
                    .addBodyPart(BodyPartBuilder.create()
                            .setBody(mail.html(), "html", StandardCharsets.UTF_8)
                            .setContentTransferEncoding("quoted-printable"))
                    .build();
            var builder = Message.Builder.of()
                    .setField(new RawField("MIME-Version", "1.0"))
                    .setFrom(from)
                    .setReplyTo(from)
                    .setTo(mail.to())
                    .setSubject(mail.subject())
                    .setDate(Date.from(date), TimeZone.getTimeZone("UTC"))
                    .setField(new RawField("Message-ID", mail.messageId()));
            if (mail.inReplyTo() != null) {
                builder.setField(new RawField("In-Reply-To", mail.inReplyTo()));
            }
            if (!mail.references().isEmpty()) {
                String references = String.join(" ", mail.references());
                // a long thread: one id a line, within the 998-character line limit
                builder.setField(new RawField(
                        "References",
                        references.length() > 900 ? String.join("\r\n ", mail.references()) : references));
            }
            builder.setField(new RawField("Auto-Submitted", "auto-replied"))
                    .setField(new RawField("X-Auto-Response-Suppress", "All"))
                    .setField(new RawField("Precedence", "bulk"))
                    // a copy forwarded back to the support address is a loop to intake (MailClassifier)
                    .setField(new RawField("X-Loop", supportAddress))
                    .setField(new RawField("Content-Language", mail.language()))
                    .setBody(multipart);
            Message message = builder.build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DefaultMessageWriter().writeMessage(message, out);
            return out.toByteArray();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a mail address: " + mail.to(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mail " + mail.messageId(), e);
        }
    }
}
