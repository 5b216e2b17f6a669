package nl.vioms.sladesk.testing;

import static nl.vioms.sladesk.testing.DevToolsConnection.JSON;
import static nl.vioms.sladesk.testing.DevToolsConnection.TIMEOUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A real browser for tests: Debian's {@code chromium}, headless, driven over the DevTools
 * protocol with the JDK's own WebSocket client (no driver, no npm package). A page is loaded and
 * everything that went wrong on it is collected: uncaught exceptions, console errors, log
 * entries of level error (blocked or failed resources), failed requests and HTTP errors; then
 * the test can evaluate JavaScript on it or take a screenshot.
 *
 * <pre>
 * try (HeadlessChromium browser = HeadlessChromium.startOrSkip()) {
 *     HeadlessChromium.Page page = browser.open(URI.create("file:///tmp/report.html"));
 *     assertEquals(List.of(), page.problems());
 *     assertTrue(page.evaluate("document.querySelector('svg') !== null").asBoolean());
 * }
 * </pre>
 *
 * The flags keep a headless browser quiet on a closed network (no first-run, sync, component
 * update or background requests, no QUIC). Each browser gets a fresh profile, removed on close.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Overrides where the browser is found. */
    public static final String EXECUTABLE_ENV = "SLADESK_CHROMIUM";

    private final DevToolsConnection devTools;

    private HeadlessChromium(Path executable) throws IOException, InterruptedException {
        devTools = new DevToolsConnection(executable);
    }

    /** Where the browser is: {@value #EXECUTABLE_ENV}, else {@code chromium} or {@code chromium-browser} on PATH. */
    public static Optional<Path> executable() {
        String configured = System.getenv(EXECUTABLE_ENV);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the browser. Without one, the calling test fails when the environment variable
     * {@code CI} is set (CI installs it: .ci/run), and is skipped with the reason otherwise.
     */
    public static HeadlessChromium startOrSkip() {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            String message = "headless Chromium is not installed: install Debian's package"
                    + " (apt-get install -y chromium) or point " + EXECUTABLE_ENV + " at a chromium binary";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                throw new IllegalStateException(message + " (CI is set, so this fails)");
            }
            Assumptions.abort(message + "; browser test skipped");
        }
        try {
            return new HeadlessChromium(executable.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page loaded in its own tab, with what went wrong while it loaded. */
    public final class Page {
        private final String session;
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final Map<String, String> urls = new ConcurrentHashMap<>();

        private Page(String session) {
            this.session = session;
        }

        /** Exceptions, console errors, error log entries, failed loads and HTTP errors, in order; empty when clean. */
        public List<String> problems() {
            return List.copyOf(problems);
        }

        /** The value of a JavaScript expression evaluated in the page (JSON-serialisable values). */
        public JsonNode evaluate(String expression) {
            ObjectNode params = JSON.createObjectNode()
                    .put("expression", expression)
                    .put("returnByValue", true)
                    .put("awaitPromise", true);
            JsonNode result = send(session, "Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("evaluation failed: " + result.get("exceptionDetails"));
            }
            JsonNode value = result.path("result").get("value");
            return value == null ? JSON.nullNode() : value;
        }

        /** A PNG of the viewport (for looking at a page while writing a test). */
        public void screenshot(Path png, int width, int height) {
            // a page that is not in front is not painted, and its capture never answers
            send(session, "Page.bringToFront", JSON.createObjectNode());
            send(
                    session,
                    "Emulation.setDeviceMetricsOverride",
                    JSON.createObjectNode()
                            .put("width", width)
                            .put("height", height)
                            .put("deviceScaleFactor", 1)
                            .put("mobile", false));
            JsonNode shot = send(
                    session,
                    "Page.captureScreenshot",
                    JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
            try {
                Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void onEvent(JsonNode message) {
            if (!session.equals(message.path("sessionId").asText())) {
                return;
            }
            JsonNode p = message.path("params");
            switch (message.path("method").asText()) {
                case "Runtime.exceptionThrown" -> {
                    JsonNode details = p.path("exceptionDetails");
                    problems.add("exception: "
                            + details.path("exception")
                                    .path("description")
                                    .asText(details.path("text").asText()));
                }
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        problems.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    JsonNode entry = p.path("entry");
                    if ("error".equals(entry.path("level").asText())) {
                        problems.add("log: " + entry.path("text").asText() + " "
                                + entry.path("url").asText());
                    }
                }
                case "Network.requestWillBeSent" ->
                    urls.put(
                            p.path("requestId").asText(),
                            p.path("request").path("url").asText());
                case "Network.loadingFailed" ->
                    problems.add("failed load: "
                            + urls.getOrDefault(p.path("requestId").asText(), "?") + " "
                            + p.path("errorText").asText());
                case "Network.responseReceived" -> {
                    int status = p.path("response").path("status").asInt();
                    if (status >= 400) {
                        problems.add("HTTP " + status + ": "
                                + p.path("response").path("url").asText());
                    }
                }
                default -> {}
            }
        }
    }

    /** Opens {@code url} in a new tab and waits for its load event (and a short settle for late errors). */
    public Page open(URI url) {
        return open(url, Map.of());
    }

    /** Like {@link #open(URI)}, sending these headers with every request of the tab (e.g. a bearer token). */
    public Page open(URI url, Map<String, String> headers) {
        String target = send(
                        null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                .get("targetId")
                .asText();
        String session = send(
                        null,
                        "Target.attachToTarget",
                        JSON.createObjectNode().put("targetId", target).put("flatten", true))
                .get("sessionId")
                .asText();
        Page page = new Page(session);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        devTools.listen(page::onEvent);
        devTools.listen(m -> {
            if (session.equals(m.path("sessionId").asText())
                    && "Page.loadEventFired".equals(m.path("method").asText())) {
                loaded.complete(null);
            }
        });
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            send(session, domain + ".enable", JSON.createObjectNode());
        }
        if (!headers.isEmpty()) {
            ObjectNode extra = JSON.createObjectNode();
            headers.forEach(extra::put);
            ObjectNode params = JSON.createObjectNode();
            params.set("headers", extra);
            send(session, "Network.setExtraHTTPHeaders", params);
        }
        JsonNode navigation =
                send(session, "Page.navigate", JSON.createObjectNode().put("url", url.toString()));
        if (navigation.hasNonNull("errorText")) {
            page.problems.add("navigation: " + navigation.get("errorText").asText());
        }
        try {
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Thread.sleep(250); // errors of the last resources arrive just after the load event
        } catch (ExecutionException | TimeoutException e) {
            page.problems.add("no load event within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return page;
    }

    private JsonNode send(String session, String method, ObjectNode params) {
        return devTools.send(session, method, params);
    }

    @Override
    public void close() {
        devTools.close();
    }
}
