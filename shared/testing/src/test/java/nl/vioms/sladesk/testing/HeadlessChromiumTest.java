package nl.vioms.sladesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser helper reports what a page does wrong, and nothing on a clean page. */
class HeadlessChromiumTest {
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCleanPageHasNoProblemsAndCanBeQueried(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("clean.html");
        Files.writeString(
                page,
                "<!doctype html><html lang=nl><head><meta charset=utf-8><title>Schoon</title></head>"
                        + "<body><svg class=chart width=100 height=50><rect width=10 height=10 /></svg></body></html>");
        var loaded = browser.open(page.toUri());
        assertEquals(List.of(), loaded.problems());
        assertEquals("Schoon", loaded.evaluate("document.title").asText());
        assertEquals(
                100,
                loaded.evaluate("document.querySelector('svg.chart').getBoundingClientRect().width")
                        .asInt());
    }

    @Test
    void scriptErrorsConsoleErrorsAndMissingResourcesAreReported(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!doctype html><html><head><meta charset=utf-8><title>Kapot</title></head><body>"
                        + "<img src=\"missing.png\"><script>console.error('kapot'); undefinedFunction();"
                        + "</script></body></html>");
        List<String> problems = browser.open(page.toUri()).problems();
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("console.error") && p.contains("kapot")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("exception") && p.contains("undefinedFunction")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("missing.png")), problems.toString());
    }
}
