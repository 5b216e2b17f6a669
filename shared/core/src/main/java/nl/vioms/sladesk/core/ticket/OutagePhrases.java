package nl.vioms.sladesk.core.ticket;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of a report that say "the platform is down for us" (issue 19): a new report with one
 * of them, of a customer whose service an open major incident's platform carries (R21), is linked
 * to it. Read from {@value #DEFAULT_RESOURCE}, beside the priority phrases, so operations can read
 * and change them without touching code. Format: {@code {"about": "...", "phrases": ["storing", ...]}};
 * phrases are matched as whole words after {@link PriorityClassifier#normalize(String)}.
 */
public record OutagePhrases(List<String> phrases) {
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/core/policy/outage-phrases.json";

    public OutagePhrases {
        phrases = phrases.stream()
                .map(PriorityClassifier::normalize)
                .filter(p -> !p.isBlank())
                .toList();
    }

    /** The product's phrases, read on first use. */
    public static OutagePhrases defaults() {
        return Defaults.PHRASES;
    }

    /** Whether the text names an outage in one of the phrases (whole words, any case, accents dropped). */
    public boolean found(String text) {
        String padded = " " + PriorityClassifier.normalize(text) + " ";
        for (String phrase : phrases) {
            if (padded.contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a phrase file in the format above.
     *
     * @throws IllegalArgumentException when it breaks the format
     */
    public static OutagePhrases load(InputStream json) {
        Object root;
        try {
            root = JSON.std.anyFrom(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("outage phrases are not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("phrases") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("outage phrases: $.phrases must be a non-empty list of text");
        }
        List<String> phrases = new ArrayList<>();
        for (Object phrase : list) {
            if (!(phrase instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("outage phrases: $.phrases[" + phrases.size() + "] must be text");
            }
            phrases.add(text);
        }
        return new OutagePhrases(phrases);
    }

    private static final class Defaults {
        static final OutagePhrases PHRASES = read();

        private static OutagePhrases read() {
            try (InputStream in = OutagePhrases.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
