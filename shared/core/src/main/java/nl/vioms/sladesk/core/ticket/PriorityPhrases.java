package nl.vioms.sladesk.core.ticket;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.PriorityClassifier.Rule;
import org.jspecify.annotations.Nullable;

/**
 * The words and phrases {@link PriorityClassifier} proposes an R10 priority from, read from a JSON
 * file so operations can read and change them without touching code. The product's file is
 * {@value #DEFAULT_RESOURCE}, beside the SLA policy; it is read once per execution environment.
 *
 * <p>Format (every member required, no others; phrases are plain words, matched after
 * {@link PriorityClassifier#normalize(String)}):
 * <pre>{@code
 * {
 *   "about": "free text for the reader",
 *   "rules": [                          // tried in this order, phrase by phrase: the first found wins
 *     {"priority": "P1", "about": "...", "phrases": ["niemand kan bellen", "total outage", ...]},
 *     {"priority": "P2", "about": "...", "phrases": ["kan niet bellen", ...]},
 *     {"priority": "P3", "about": "...", "phrases": ["voicemail", ...]}
 *   ],
 *   "negators": ["niet", "geen", ...],  // one or two words before a P1 phrase: it does not count
 *   "scopeLimits": ["niet iedereen", ...],  // anywhere in the ticket: no P1 from text at all
 *   "markerNegators": ["geen", ...]     // the word before "prio 1" etc.: not a marker
 * }
 * }</pre>
 * A group's {@code about} is optional. Write phrases in plain ASCII ({@code alle}, not
 * {@code álle}; accents are dropped before matching anyway): a phrase with an accent makes
 * every cold start load the JDK's Unicode tables to normalise it (decision 11). A file that
 * breaks the format fails loudly with the path of the bad member (at class initialisation for the
 * product's file, so a bad edit cannot deploy silently: the tests load it).
 *
 * @param rules          the text rules in evaluation order
 * @param negators       words that negate a P1 phrase right after them
 * @param scopeLimits    phrases that say not all end users are affected
 * @param markerNegators words that make a following priority marker not count
 */
public record PriorityPhrases(
        List<Rule> rules, Set<String> negators, List<String> scopeLimits, Set<String> markerNegators) {

    /** Classpath location of the phrases that ship with the product. */
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/core/policy/priority-phrases.json";

    public PriorityPhrases {
        rules = List.copyOf(rules);
        negators = Set.copyOf(negators);
        scopeLimits = List.copyOf(scopeLimits);
        markerNegators = Set.copyOf(markerNegators);
    }

    /** The phrases of {@value #DEFAULT_RESOURCE}, read on first use. */
    public static PriorityPhrases defaults() {
        return Defaults.PHRASES;
    }

    /** The same phrases with other text rules. */
    public PriorityPhrases withRules(List<Rule> otherRules) {
        return new PriorityPhrases(otherRules, negators, scopeLimits, markerNegators);
    }

    /**
     * Reads a phrase file in the format above.
     *
     * @throws IllegalArgumentException naming the member that breaks the format
     */
    public static PriorityPhrases load(InputStream json) {
        Object root;
        try {
            root = JSON.std.anyFrom(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("priority phrases are not valid JSON: " + e.getMessage(), e);
        }
        Map<String, @Nullable Object> file =
                object(root, "file", List.of("about", "rules", "negators", "scopeLimits", "markerNegators"));
        List<Rule> rules = new ArrayList<>();
        List<@Nullable Object> groups = list(file.get("rules"), "rules");
        for (int i = 0; i < groups.size(); i++) {
            String at = "rules[" + i + "]";
            Map<String, @Nullable Object> group = object(groups.get(i), at, List.of("priority", "about", "phrases"));
            String name = text(group.get("priority"), at + ".priority");
            if (!name.matches("P[123]")) {
                throw invalid(at + ".priority", "is '" + name + "', not P1, P2 or P3");
            }
            List<String> phrases = texts(group.get("phrases"), at + ".phrases");
            for (int j = 0; j < phrases.size(); j++) {
                try {
                    rules.add(new Rule(Priority.valueOf(name), phrases.get(j)));
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".phrases[" + j + "]", e.getMessage());
                }
            }
        }
        return new PriorityPhrases(
                rules,
                new LinkedHashSet<>(texts(file.get("negators"), "negators")),
                texts(file.get("scopeLimits"), "scopeLimits"),
                new LinkedHashSet<>(texts(file.get("markerNegators"), "markerNegators")));
    }

    private static Map<String, @Nullable Object> object(@Nullable Object value, String at, List<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(at, "is not a JSON object");
        }
        for (Object name : map.keySet()) {
            if (!known.contains(name)) {
                throw invalid(at, "has an unknown field '" + name + "' (known: " + String.join(", ", known) + ")");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) map;
        return members;
    }

    private static List<@Nullable Object> list(@Nullable Object value, String at) {
        if (!(value instanceof List<?> items)) {
            throw invalid(at, "is missing or not a JSON array");
        }
        return new ArrayList<>(items);
    }

    private static List<String> texts(@Nullable Object value, String at) {
        List<@Nullable Object> items = list(value, at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(text(items.get(i), at + "[" + i + "]"));
        }
        return out;
    }

    private static String text(@Nullable Object value, String at) {
        if (value instanceof String s) {
            return s;
        }
        throw invalid(at, "is missing or not a string");
    }

    private static IllegalArgumentException invalid(String at, String problem) {
        return new IllegalArgumentException("priority phrases are not valid: " + at + " " + problem);
    }

    /** Holds the product's phrases: read when first asked for, then kept. */
    private static final class Defaults {
        static final PriorityPhrases PHRASES = read();

        private static PriorityPhrases read() {
            try (InputStream in = PriorityPhrases.class.getResourceAsStream(DEFAULT_RESOURCE)) {
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
