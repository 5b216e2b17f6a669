package nl.vioms.sladesk.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.policy.Priority;
import org.junit.jupiter.api.Test;

/** R10's phrase lists as a resource file operations can read and change. */
class PriorityPhrasesTest {

    private static String defaultFile() throws IOException {
        try (InputStream in = PriorityPhrases.class.getResourceAsStream(PriorityPhrases.DEFAULT_RESOURCE)) {
            assertNotNull(in, PriorityPhrases.DEFAULT_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PriorityPhrases load(String json) {
        return PriorityPhrases.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static PriorityClassifier classifierAfter(String find, String replace) throws IOException {
        String file = defaultFile();
        assertTrue(file.contains(find), find);
        return new PriorityClassifier(load(file.replace(find, replace)));
    }

    @Test
    void defaultFileLoadsOnceBesideThePolicyR10() {
        PriorityPhrases phrases = PriorityPhrases.defaults();
        assertSame(phrases, PriorityPhrases.defaults(), "read once");
        assertTrue(PriorityPhrases.DEFAULT_RESOURCE.startsWith("/nl/vioms/sladesk/core/policy/"));
        assertEquals(PriorityClassifier.DEFAULT_RULES, phrases.rules());
        assertEquals(
                29,
                phrases.rules().stream()
                        .filter(r -> r.priority() == Priority.P1)
                        .count());
        assertEquals(
                46,
                phrases.rules().stream()
                        .filter(r -> r.priority() == Priority.P2)
                        .count());
        assertEquals(
                16,
                phrases.rules().stream()
                        .filter(r -> r.priority() == Priority.P3)
                        .count());
        assertEquals(
                new PriorityClassifier.Rule(Priority.P1, "niemand kan bellen"),
                phrases.rules().get(0));
        assertEquals(13, phrases.negators().size());
        assertTrue(phrases.negators().contains("bijna"));
        assertEquals(
                List.of("niet iedereen", "niet voor iedereen", "not everyone", "not everybody", "not for everyone"),
                phrases.scopeLimits());
        assertEquals(Set.of("geen", "niet", "not", "no"), phrases.markerNegators());
        // ASCII phrases keep java.text.Normalizer out of the cold start (decision 11)
        phrases.rules().forEach(r -> assertTrue(r.phrase().chars().allMatch(c -> c < 0x80), r::toString));
    }

    @Test
    void phraseAddedToTheFileChangesTheClassification() throws IOException {
        String subject = "De fax doet het niet";
        assertEquals(
                PriorityClassifier.NO_MATCH,
                new PriorityClassifier().classify(subject, "").reason());
        PriorityClassifier edited = classifierAfter("\"wachtrij\",", "\"wachtrij\",\n        \"fax\",");
        PriorityClassification c = edited.classify(subject, "");
        assertEquals(Priority.P2, c.priority());
        assertEquals("rule P2 \"fax\"", c.reason());
    }

    @Test
    void phraseRemovedFromTheFileNoLongerClassifies() throws IOException {
        assertEquals(
                Priority.P2,
                new PriorityClassifier().classify("Wachtrij werkt raar", "").priority());
        PriorityClassifier edited = classifierAfter("\"wachtrij\",", "");
        assertEquals(
                PriorityClassifier.NO_MATCH,
                edited.classify("Wachtrij werkt raar", "").reason());
    }

    @Test
    void negatorAndMarkerNegatorFromTheFile() throws IOException {
        String subject = "Storing: nauwelijks alle toestellen";
        assertEquals(Priority.P1, new PriorityClassifier().classify(subject, "").priority());
        PriorityClassifier negated = classifierAfter("\"bijna\",", "\"bijna\",\n    \"nauwelijks\",");
        PriorityClassification c = negated.classify(subject, "");
        assertEquals(Priority.P3, c.priority());
        assertTrue(c.reason().contains("negated by \"nauwelijks\""), c.reason());

        assertEquals(
                Priority.P1,
                new PriorityClassifier().classify("zeker prio 1", "").priority());
        PriorityClassifier markers = classifierAfter(
                "\"geen\",\n    \"niet\",\n    \"not\",\n    \"no\"",
                "\"geen\",\n    \"niet\",\n    \"not\",\n    \"no\",\n    \"zeker\"");
        assertEquals(
                PriorityClassifier.NO_MATCH,
                markers.classify("zeker prio 1", "").reason());
    }

    @Test
    void brokenFileFailsNamingTheMember() throws IOException {
        String file = defaultFile();
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> load(file.replace("\"negators\"", "\"negator\"")));
        assertTrue(unknown.getMessage().contains("file has an unknown field 'negator'"), unknown.getMessage());
        IllegalArgumentException priority = assertThrows(
                IllegalArgumentException.class,
                () -> load(file.replace("\"priority\": \"P2\"", "\"priority\": \"P4\"")));
        assertTrue(priority.getMessage().contains("rules[1].priority is 'P4'"), priority.getMessage());
        IllegalArgumentException phrase = assertThrows(
                IllegalArgumentException.class,
                () -> load(file.replace("\"niemand kan bellen\"", "\"niemand. kan bellen\"")));
        assertTrue(phrase.getMessage().contains("rules[0].phrases[0] rule phrase must be words"), phrase.getMessage());
        assertThrows(IllegalArgumentException.class, () -> load("{\"rules\": []"));
    }
}
