package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.Html;
import nl.vioms.sladesk.emulators.LocalAws;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The reports bucket, read-only, for a browser on this machine (issue 20 item 6): {@code GET
 * /reports/<key>} answers the object {@code <key>} of the template's {@code ReportsBucket} on the
 * emulator, with the content type of its extension; {@code GET /reports/month-end/2026-11/} an
 * index of that month's reports. Nothing else: no other bucket can be named, no other listing,
 * no writes, and a key with {@code ..}, {@code .}, an empty segment or a character outside
 * {@code [A-Za-z0-9._-]} is refused before the bucket is asked.
 *
 * <p>Local only: {@link LocalApiServer} serves it beside the template's routes; it is no route
 * of {@code template.yaml}, so AWS has no such route (the deployed bucket stays private, reached
 * through the console).
 */
final class LocalReports {
    static final String PREFIX = "/reports/";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Pattern MONTH = Pattern.compile("month-end/\\d{4}-\\d{2}/");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "json", "application/json",
            "csv", "text/csv; charset=utf-8",
            "svg", "image/svg+xml");

    private final LocalAws aws;

    LocalReports(LocalAws aws) {
        this.aws = aws;
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer text(int status, String text) {
            return new Answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The answer to a request for {@code rawPath}, which starts with {@link #PREFIX}. */
    Answer serve(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Answer.text(405, "the reports are read-only");
        }
        String key = rawPath.substring(PREFIX.length());
        if (!allowed(key)) {
            return Answer.text(400, "not a report's name");
        }
        String bucket = aws.resources().require("ReportsBucket");
        if (key.endsWith("/")) {
            return MONTH.matcher(key).matches() ? index(bucket, key) : Answer.text(404, "no such report");
        }
        try {
            byte[] bytes = aws.clients()
                    .s3()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(key))
                    .asByteArray();
            return new Answer(200, contentType(key), bytes);
        } catch (NoSuchKeyException e) {
            return Answer.text(404, "no such report");
        }
    }

    /** Whether a key is a plain path of names: no {@code ..} or {@code .}, no empty segment, no escapes. */
    static boolean allowed(String key) {
        if (key.isEmpty()) {
            return false;
        }
        String[] segments = (key.endsWith("/") ? key.substring(0, key.length() - 1) : key).split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return false;
            }
        }
        return true;
    }

    /** Copies the bucket's objects under {@code prefix} to {@code folder}, keeping their keys as paths. */
    static List<Path> download(LocalAws aws, String prefix, Path folder) throws IOException {
        String bucket = aws.resources().require("ReportsBucket");
        List<Path> files = new ArrayList<>();
        for (S3Object object : aws.clients()
                .s3()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents()) {
            if (!allowed(object.key())) {
                continue; // never a path outside the folder
            }
            Path file = folder.resolve(object.key());
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    aws.clients()
                            .s3()
                            .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                            .asByteArray());
            files.add(file);
        }
        return files;
    }

    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private Answer index(String bucket, String prefix) {
        List<String> keys =
                aws.clients().s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                        .map(S3Object::key)
                        .sorted()
                        .toList();
        if (keys.isEmpty()) {
            return Answer.text(404, "no reports for this month");
        }
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\">"
                + "<link rel=\"icon\" href=\"data:,\"><title>Rapporten ");
        html.append(Html.escape(prefix))
                .append("</title></head>\n<body>\n<h1>Rapporten ")
                .append(Html.escape(prefix))
                .append("</h1>\n<ul>\n");
        for (String key : keys) {
            String relative = key.substring(prefix.length());
            html.append("<li><a href=\"")
                    .append(Html.escape(relative))
                    .append("\">")
                    .append(Html.escape(relative))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n</body>\n</html>\n");
        return new Answer(200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
