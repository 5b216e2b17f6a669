package nl.vioms.sladesk.core.ticket;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a report that say "the platform is down for us" (issue 19): a new report with one
 * of them, of a customer whose service an open major incident's platform carries (R21), is linked
 * to it. Read from {@value #DEFAULT_RESOURCE}, beside the priority phrases, so operations can read
 * and change them without touching code. Format: {@code {"about": "...", "phrases": ["storing", ...]}};
 * phrases are matched as whole words after {@link PriorityClassifier#normalize(String)}.
 */
public record OutagePhrases(List<String> phrases, Set<String> callWords, Set<String> failureWords) {
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/core/policy/outage-phrases.json";

    public OutagePhrases {
        phrases = normalized(phrases).toList();
        callWords = normalized(callWords).collect(Collectors.toUnmodifiableSet());
        failureWords = normalized(failureWords).collect(Collectors.toUnmodifiableSet());
    }

    /** Phrases only, no pair of words. */
    public OutagePhrases(List<String> phrases) {
        this(phrases, Set.of(), Set.of());
    }

    private static Stream<String> normalized(Collection<String> words) {
        return words.stream().map(PriorityClassifier::normalize).filter(p -> !p.isBlank());
    }

    /** The product's phrases, read on first use. */
    public static OutagePhrases defaults() {
        return Defaults.PHRASES;
    }

    /**
     * Whether the text names an outage: one of the phrases, or, in any order, a word of calling
     * together with a word of failure ("kan niemand bij ons bellen", "alle lijnen zijn dood"), as
     * people put it in their own words. Whole words, any case, accents dropped.
     */
    public boolean found(String text) {
        String normalized = PriorityClassifier.normalize(text);
        String padded = " " + normalized + " ";
        for (String phrase : phrases) {
            if (padded.contains(" " + phrase + " ")) {
                return true;
            }
        }
        Set<String> words = Arrays.stream(normalized.split(" +")).collect(Collectors.toSet());
        return words.stream().anyMatch(callWords::contains) && words.stream().anyMatch(failureWords::contains);
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
        List<String> phrases = texts(list, "$.phrases");
        if (!(map.get("together") instanceof Map<?, ?> together)) {
            return new OutagePhrases(phrases);
        }
        if (!(together.get("call") instanceof List<?> call) || !(together.get("failure") instanceof List<?> failure)) {
            throw new IllegalArgumentException("outage phrases: $.together needs the lists call and failure");
        }
        return new OutagePhrases(
                phrases, Set.copyOf(texts(call, "$.together.call")), Set.copyOf(texts(failure, "$.together.failure")));
    }

    private static List<String> texts(List<?> list, String where) {
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("outage phrases: " + where + "[" + texts.size() + "] must be text");
            }
            texts.add(text);
        }
        return texts;
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
