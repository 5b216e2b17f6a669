package nl.vioms.sladesk.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The console's stylesheet and script, from the jar, by exact name only (no path is read from the request). */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, String> contents;

    public StaticFiles() {
        this.contents = Map.of("console.css", read("console.css"), "console.js", read("console.js"));
    }

    public WebResponse serve(WebRequest request, PathParameters parameters) {
        String name = parameters.get("name");
        String body = contents.get(name);
        if (body == null) {
            return WebResponse.of(404, "text/plain; charset=utf-8", "niet gevonden");
        }
        // short: a deployment's new stylesheet reaches everyone within minutes
        return WebResponse.of(200, TYPES.get(name), body).withHeader("cache-control", "public, max-age=300");
    }

    private static String read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing static/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
