package nl.vioms.sladesk.aws.attachments;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The attachments bucket (issue 18, decision 32): presigned POST forms for the browser's upload,
 * the check of what arrived, the removal of what is refused, and short-lived presigned downloads
 * that are always offered as a download ({@code attachment}), never shown inline: an uploaded HTML
 * file must not run on any origin.
 */
public final class AttachmentFiles {
    /** The most one file may be: 10 MiB (a policy condition, and checked again before recording). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    public static final Duration UPLOAD_EXPIRY = Duration.ofMinutes(10);
    public static final Duration DOWNLOAD_EXPIRY = Duration.ofMinutes(5);

    /**
     * The files a reseller may attach, by extension, with the type SLA Desk serves each as:
     * documents, screenshots, logs and traces, mails, spreadsheets' CSV, archives. No HTML, SVG or
     * executables.
     */
    public static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("txt", "text/plain"),
            Map.entry("log", "text/plain"),
            Map.entry("eml", "message/rfc822"),
            Map.entry("csv", "text/csv"),
            Map.entry("zip", "application/zip"),
            Map.entry("pcap", "application/vnd.tcpdump.pcap"));

    /** What a browser may have sent as the object's type: one of ours, or the form's opaque default. */
    private static final Set<String> OPAQUE = Set.of("application/octet-stream", "binary/octet-stream", "");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String postUrl;
    private final Supplier<PresignedPost.Signer> signer;
    private final Clock clock;

    public AttachmentFiles(
            S3Client s3,
            S3Presigner presigner,
            String bucket,
            String postUrl,
            Supplier<PresignedPost.Signer> signer,
            Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.postUrl = postUrl;
        this.signer = signer;
        this.clock = clock;
    }

    /** The upload form for keys below {@code keyPrefix}; S3 sends the browser on to {@code redirect}. */
    public PresignedPost uploadForm(String keyPrefix, String redirect) {
        var limits =
                new PresignedPost.Limits(keyPrefix, MAX_BYTES, redirect, "application/octet-stream", UPLOAD_EXPIRY);
        return PresignedPost.create(postUrl, bucket, limits, signer.get(), clock.instant());
    }

    /** The origin the upload form posts to (for the page's {@code form-action}). */
    public String postOrigin() {
        URI uri = URI.create(postUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** An uploaded object's size and type as S3 holds them. */
    public record Stored(long size, String contentType) {}

    /** The object at {@code key}, or empty when there is none. */
    public Optional<Stored> head(String key) {
        try {
            var head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new Stored(
                    head.contentLength() == null ? 0 : head.contentLength(),
                    head.contentType() == null ? "" : head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Removes a refused upload (every version is kept by the bucket's versioning until its lifecycle rule). */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** A link valid for {@link #DOWNLOAD_EXPIRY} that downloads the file under its name, never inline. */
    public URI download(Attachment attachment) {
        String disposition = "attachment; filename=\"" + attachment.name() + "\"";
        var presigned = presigner.presignGetObject(b -> b.signatureDuration(DOWNLOAD_EXPIRY)
                .getObjectRequest(g -> g.bucket(bucket)
                        .key(attachment.key())
                        .responseContentDisposition(disposition)
                        .responseContentType(attachment.contentType())));
        return URI.create(presigned.url().toString());
    }

    /** The type SLA Desk serves a file of this name as; empty when its extension is not allowed. */
    public static Optional<String> typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Whether the type S3 stored (the form's Content-Type) fits the file: its own type, or opaque bytes. */
    public static boolean typeFits(String stored, String expected) {
        String bare = stored.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        // a log's or CSV's type varies by browser (text/x-log, application/vnd.ms-excel...): text stays text
        boolean bothText = bare.startsWith("text/") && expected.startsWith("text/");
        return OPAQUE.contains(bare) || bare.equals(expected) || bothText;
    }

    /**
     * A file name as it may be shown and offered on download: letters, digits, dot, dash and
     * underscore (others become {@code _}), no leading dot, at most 100 characters with the extension kept.
     */
    public static String safeName(String raw) {
        String base = raw.replaceAll(".*[/\\\\]", "");
        StringBuilder out = new StringBuilder();
        for (char c : base.toCharArray()) {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
            out.append(plain ? c : '_');
        }
        String name = out.toString().replaceAll("_{2,}", "_").replaceAll("^[._]+", "");
        if (name.length() > 100) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, 100 - ext.length()) + ext;
        }
        return name.isEmpty() ? "bestand" : name;
    }
}
