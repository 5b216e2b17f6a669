package nl.vioms.sladesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The Selenium browser types, clicks, photographs, and axe-core finds what keeps people out. */
class WebBrowserTest {

    @Test
    void typingAndClickingReachThePage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("form.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html lang=\"nl\"><head><title>Formulier</title></head><body><main>"
                        + "<h1>Melding</h1><label for=\"naam\">Naam</label><input id=\"naam\">"
                        + "<button id=\"ok\" type=\"button\">Verstuur</button><p id=\"uit\"></p>"
                        + "<script>document.getElementById('ok').addEventListener('click', function () {"
                        + "var naam = document.getElementById('naam').value;"
                        + "document.getElementById('uit').textContent = 'Hallo ' + naam;"
                        + "});</script></main></body></html>");
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            browser.open(page.toUri());
            browser.type(By.id("naam"), "Bakkerij de Vries");
            browser.click(By.id("ok"));
            assertEquals("Hallo Bakkerij de Vries", browser.find(By.id("uit")).getText());
            assertEquals(List.of(), browser.axe().seriousOrCritical());
            Path shot = browser.screenshot(dir, "form");
            assertTrue(Files.size(shot) > 1000, "a PNG of the page");
        }
    }

    @Test
    void axeReportsAnImageWithoutAlternativeTextAndAFieldWithoutLabel(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("bad.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html lang=\"nl\"><head><title>Slecht</title></head><body><main>"
                        + "<h1>Slecht</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input id=\"x\">"
                        + "</main></body></html>");
        try (WebBrowser browser = WebBrowser.startOrSkip(390, 800)) {
            browser.open(page.toUri());
            List<String> rules = browser.axe().seriousOrCritical().stream()
                    .map(WebBrowser.Axe.Violation::id)
                    .toList();
            assertTrue(rules.contains("image-alt"), rules.toString());
            assertTrue(rules.contains("label"), rules.toString());
        }
    }
}
