package nl.vioms.sladesk.intake.email.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * Keeps only what intake reads of each part: up to {@link #TEXT_KEEP} bytes of a text part and
 * {@link #BINARY_KEEP} bytes of any other part, while counting the full decoded size. A 30 MB
 * attachment thus costs a counter, not 30 MB of heap.
 */
final class KeptBodyFactory implements BodyFactory {
    static final int TEXT_KEEP = 8 * 1024 * 1024;
    /** Enough for a message/delivery-status part, which is not text/* but is read as text. */
    static final int BINARY_KEEP = 64 * 1024;

    @Override
    public BinaryBody binaryBody(InputStream in) throws IOException {
        Kept kept = read(in, BINARY_KEEP);
        return new KeptBinaryBody(kept);
    }

    @Override
    public TextBody textBody(InputStream in, String mimeCharset) throws IOException {
        return new KeptTextBody(read(in, TEXT_KEEP), mimeCharset);
    }

    /** The kept prefix of a part's decoded content and the full decoded size. */
    record Kept(byte[] bytes, long size) {
        boolean truncated() {
            return size > bytes.length;
        }
    }

    /** Reads the whole stream, keeping at most {@code keep} bytes; a read error ends the part early. */
    static Kept read(InputStream in, int keep) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(keep, 8192));
        byte[] chunk = new byte[16 * 1024];
        long size = 0;
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                int room = (int) Math.max(0, Math.min(n, keep - size));
                if (room > 0) {
                    buffer.write(chunk, 0, room);
                }
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            // a broken encoding or a cut-off message: keep what was read, the rest is lost anyway
        }
        return new Kept(buffer.toByteArray(), size);
    }

    /** Access to what a body kept, for the parser. */
    static Kept kept(SingleBody body) {
        if (body instanceof KeptTextBody t) {
            return t.kept;
        }
        if (body instanceof KeptBinaryBody b) {
            return b.kept;
        }
        try (InputStream in = body.getInputStream()) {
            return read(in, TEXT_KEEP);
        } catch (IOException e) {
            return new Kept(new byte[0], 0);
        }
    }

    static final class KeptTextBody extends TextBody {
        private final Kept kept;
        private final String mimeCharset;

        KeptTextBody(Kept kept, String mimeCharset) {
            this.kept = kept;
            this.mimeCharset = mimeCharset;
        }

        @Override
        public String getMimeCharset() {
            return mimeCharset;
        }

        @Override
        public Charset getCharset() {
            Charset cs = mimeCharset == null ? null : MailText.lookup(mimeCharset);
            return cs == null ? StandardCharsets.UTF_8 : cs;
        }

        @Override
        public Reader getReader() {
            return new StringReader(MailText.decode(kept.bytes(), mimeCharset));
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(kept.bytes());
        }

        @Override
        public long size() {
            return kept.size();
        }
    }

    static final class KeptBinaryBody extends BinaryBody {
        private final Kept kept;

        KeptBinaryBody(Kept kept) {
            this.kept = kept;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(kept.bytes());
        }

        @Override
        public long size() {
            return kept.size();
        }
    }
}
