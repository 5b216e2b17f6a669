package nl.vioms.sladesk.core.ticket;

import static nl.vioms.sladesk.core.ticket.ClassifierWords.BREAK;
import static nl.vioms.sladesk.core.ticket.ClassifierWords.indexOf;
import static nl.vioms.sladesk.core.ticket.ClassifierWords.lastWord;
import static nl.vioms.sladesk.core.ticket.ClassifierWords.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.policy.Priority;
import org.jspecify.annotations.Nullable;

/**
 * Proposes the R10 priority of a new incident from its subject and body (Dutch or English).
 *
 * <p>R10: <b>P1</b> the service is unavailable for all end users; <b>P2</b> primary telephony
 * functions (calling, being called, transferring, call routing) do not work fully for one or more
 * end users; <b>P3</b> a request for information, a secondary function (voicemail, music on hold,
 * call recording, reports, display names) or an unclear description that needs investigation.
 *
 * <h2>Order of evaluation (the first step that decides wins)</h2>
 * <ol>
 *   <li><b>API field</b> ({@link #classify(String, String, String)}): a requested priority of
 *       {@code P1}, {@code P2} or {@code P3} (trimmed, any case). Anything else is ignored and
 *       said so in the reason.</li>
 *   <li><b>Subject markers</b>, any case, first kind found in this order:
 *       a tag {@code [P1]}/{@code [P2]}/{@code [P3]} anywhere in the subject; a prefix
 *       {@code P1:} at the start of the subject (after any {@code Re:}/{@code Fw:}/{@code Antw:}
 *       prefixes); the words {@code prio 1}, {@code prioriteit 1} or {@code priority 1} (also
 *       {@code prio: 1}, {@code prio P1}, {@code prio-1}).</li>
 *   <li><b>Body marker</b>: only the word form ({@code prio 2} etc.); tags and prefixes in a body
 *       are too often quoted history. A word marker right after a marker negator of the phrase
 *       file ({@code geen}/{@code niet}/{@code not}/{@code no}: "geen prio 1") is not a marker.</li>
 *   <li><b>Text rules</b> ({@link #DEFAULT_RULES}, read from {@link PriorityPhrases#DEFAULT_RESOURCE}),
 *       an ordered list of (priority, phrase): the first rule in list order whose phrase occurs in
 *       the subject or body wins. The default list has all P1 rules first, then P2, then P3.</li>
 *   <li><b>Default</b>: P3, "no rule matched: needs investigation (R10)".</li>
 * </ol>
 *
 * <h2>Matching</h2>
 * Text and phrases go through {@link #normalize(String)}: lower case, accents stripped
 * ({@code álle} matches {@code alle}), apostrophes removed ({@code can't} becomes {@code cant}),
 * other punctuation and whitespace collapsed to single spaces, and sentence punctuation
 * ({@code . ! ? ; : ,} and brackets) kept as a clause break {@code |}. A phrase matches a whole
 * sequence of words inside one clause: {@code wachtrij} does not match {@code wachtrijen}, and
 * {@code "kan niet. Bellen"} does not match {@code kan niet bellen}.
 *
 * <h2>Negation (P1 rules only)</h2>
 * P1 means "unavailable for <i>all</i> end users", so a P1 phrase is skipped when
 * <ul>
 *   <li>one of the two words before it is a negator ({@link #NEGATORS} by default: "niet alle
 *       toestellen", "not a complete outage", "bijna niemand kan bellen"), or</li>
 *   <li>the subject or body contains a scope limit ({@link #SCOPE_LIMITS} by default:
 *       "niet iedereen", "not everyone").</li>
 * </ul>
 * A skipped P1 phrase is named in the reason; evaluation continues with the later rules.
 *
 * <p>Every word and phrase list comes from a {@link PriorityPhrases} file; the product's is read
 * once, when this class is first used.
 *
 * <p>Known limits, by design of a transparent phrase list: a P1 phrase wins even when the rest of
 * the text is about a secondary function ("alle toestellen tonen de verkeerde weergavenaam" is P1),
 * and {@code wachtrij} is P2 also in a question about queue reports. The result is a proposal an
 * agent can change; the reason says what matched.
 */
public final class PriorityClassifier {

    /**
     * One text rule: when {@code phrase} occurs (whole words, after {@link #normalize(String)}),
     * the ticket gets {@code priority}.
     */
    public record Rule(Priority priority, String phrase) {

        public Rule {
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(phrase, "phrase");
            List<String> words = words(phrase);
            if (words.isEmpty() || words.contains(BREAK)) {
                throw new IllegalArgumentException(
                        "rule phrase must be words without sentence punctuation: \"" + phrase + "\"");
            }
        }

        @Override
        public String toString() {
            return "rule " + priority + " \"" + phrase + "\"";
        }
    }

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[\\s*p\\s*([123])\\s*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fw|fwd|antw|aw|wg|doorst)\\s*:\\s*)*(p([123])\\s*:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIO_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:prioriteit|priority|prio)\\s*[:=#-]?\\s*p?([123])(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** The default text rules in evaluation order (P1, then P2, then P3), from the phrase file. */
    public static final List<Rule> DEFAULT_RULES = PriorityPhrases.defaults().rules();

    /** Words that, one or two words before a P1 phrase, stop it from counting (phrase file). */
    public static final Set<String> NEGATORS = PriorityPhrases.defaults().negators();

    /** Phrases that, anywhere in the ticket, say not all end users are affected: no P1 from text. */
    public static final List<String> SCOPE_LIMITS = PriorityPhrases.defaults().scopeLimits();

    /** Reason of the default result. */
    public static final String NO_MATCH = "no rule matched: needs investigation (R10)";

    private final List<Rule> rules;
    private final List<List<String>> ruleWords;
    private final Set<String> negators;
    private final List<String> scopeLimits;
    private final List<List<String>> scopeLimitWords;
    private final Set<String> markerNegators;

    /** A classifier with the product's phrases ({@link PriorityPhrases#defaults()}). */
    public PriorityClassifier() {
        this(PriorityPhrases.defaults());
    }

    /** A classifier with the given rules, evaluated in list order, and the product's other phrases. */
    public PriorityClassifier(List<Rule> rules) {
        this(PriorityPhrases.defaults().withRules(rules));
    }

    /** A classifier with the given phrases, e.g. an edited phrase file. */
    public PriorityClassifier(PriorityPhrases phrases) {
        this.rules = phrases.rules();
        this.ruleWords = rules.stream().map(r -> words(r.phrase())).toList();
        this.negators = phrases.negators();
        this.scopeLimits = phrases.scopeLimits();
        this.scopeLimitWords = scopeLimits.stream().map(ClassifierWords::words).toList();
        this.markerNegators = phrases.markerNegators();
    }

    /** The text rules of this classifier, in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Classifies a ticket from its subject and body; {@code null} counts as empty. */
    public PriorityClassification classify(@Nullable String subject, @Nullable String body) {
        return classify(null, subject, body);
    }

    /**
     * Classifies a ticket; a valid {@code requested} priority ("P1", "P2", "P3", any case, e.g. from
     * an API field) wins over everything else. {@code null} or blank means not requested.
     */
    public PriorityClassification classify(
            @Nullable String requested, @Nullable String subject, @Nullable String body) {
        String note = "";
        if (requested != null && !requested.isBlank()) {
            String r = requested.trim().toUpperCase(Locale.ROOT);
            if (r.matches("P[123]")) {
                return new PriorityClassification(Priority.valueOf(r), "requested priority field \"" + r + "\"", true);
            }
            note = "; requested priority \"" + requested.trim() + "\" ignored (not P1, P2 or P3)";
        }
        String s = subject == null ? "" : subject;
        String b = body == null ? "" : body;

        PriorityClassification marker = marker(s, b);
        if (marker != null) {
            return new PriorityClassification(marker.priority(), marker.reason() + note, true);
        }
        PriorityClassification text = textRules(s, b);
        return new PriorityClassification(text.priority(), text.reason() + note, false);
    }

    private @Nullable PriorityClassification marker(String subject, String body) {
        Matcher m = SUBJECT_TAG.matcher(subject);
        if (m.find()) {
            Priority p = priority(m.group(1));
            return new PriorityClassification(p, "subject tag [" + p + "]", true);
        }
        m = SUBJECT_PREFIX.matcher(subject);
        if (m.find()) {
            Priority p = priority(m.group(2));
            return new PriorityClassification(p, "subject prefix \"" + p + ":\"", true);
        }
        PriorityClassification word = prioWord(subject, "subject");
        return word != null ? word : prioWord(body, "body");
    }

    private @Nullable PriorityClassification prioWord(String text, String where) {
        Matcher m = PRIO_WORD.matcher(text);
        while (m.find()) {
            if (!markerNegators.contains(lastWord(text.substring(0, m.start())))) {
                String found = m.group().replaceAll("\\s+", " ").trim();
                return new PriorityClassification(priority(m.group(1)), where + " marker \"" + found + "\"", true);
            }
        }
        return null;
    }

    private PriorityClassification textRules(String subject, String body) {
        List<String> words = new ArrayList<>(words(subject));
        words.add(BREAK);
        words.addAll(words(body));

        String scopeLimit = null;
        for (int i = 0; i < scopeLimits.size() && scopeLimit == null; i++) {
            if (indexOf(words, scopeLimitWords.get(i), 0) >= 0) {
                scopeLimit = scopeLimits.get(i);
            }
        }

        List<String> skipped = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            List<String> phrase = ruleWords.get(r);
            for (int at = indexOf(words, phrase, 0); at >= 0; at = indexOf(words, phrase, at + 1)) {
                if (rule.priority() == Priority.P1) {
                    String negator = negatorBefore(words, at);
                    if (negator != null) {
                        skipped.add(rule + " ignored: negated by \"" + negator + "\"");
                        continue;
                    }
                    if (scopeLimit != null) {
                        skipped.add(rule + " ignored: \"" + scopeLimit + "\" says not all users");
                        break;
                    }
                }
                return new PriorityClassification(rule.priority(), rule + suffix(skipped), false);
            }
        }
        return new PriorityClassification(Priority.P3, NO_MATCH + suffix(skipped), false);
    }

    private static String suffix(List<String> skipped) {
        return skipped.isEmpty()
                ? ""
                : " (" + String.join("; ", skipped.stream().distinct().toList()) + ")";
    }

    private @Nullable String negatorBefore(List<String> words, int at) {
        for (int i = at - 1; i >= Math.max(0, at - 2); i--) {
            String w = words.get(i);
            if (w.equals(BREAK)) {
                return null;
            }
            if (negators.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The normalised form rules match against: lower case, accents stripped, apostrophes removed,
     * sentence punctuation as a clause break {@code |}, all other non-letters as single spaces.
     * E.g. {@code "Storing op ÁLLE toestellen!  Can't   call"} gives
     * {@code "storing op alle toestellen | cant call"}.
     */
    public static String normalize(@Nullable String text) {
        return String.join(" ", words(text));
    }

    private static Priority priority(String digit) {
        return Priority.valueOf("P" + digit);
    }
}
