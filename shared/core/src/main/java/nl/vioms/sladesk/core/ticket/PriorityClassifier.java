package nl.vioms.sladesk.core.ticket;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.vioms.sladesk.core.policy.Priority;

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
 *       are too often quoted history. A word marker right after {@code geen}/{@code niet}/
 *       {@code not}/{@code no} ("geen prio 1") is not a marker.</li>
 *   <li><b>Text rules</b> ({@link #DEFAULT_RULES}), an ordered list of (priority, phrase): the first
 *       rule in list order whose phrase occurs in the subject or body wins. The default list has
 *       all P1 rules first, then P2, then P3.</li>
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
 *   <li>one of the two words before it is in {@link #NEGATORS} ("niet alle toestellen",
 *       "not a complete outage", "bijna niemand kan bellen"), or</li>
 *   <li>the subject or body contains a phrase of {@link #SCOPE_LIMITS} ("niet iedereen",
 *       "not everyone").</li>
 * </ul>
 * A skipped P1 phrase is named in the reason; evaluation continues with the later rules.
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
            List<String> words = PriorityClassifier.words(phrase);
            if (words.isEmpty() || words.contains(BREAK)) {
                throw new IllegalArgumentException("rule phrase must be words without sentence punctuation: \"" + phrase + "\"");
            }
        }

        @Override
        public String toString() {
            return "rule " + priority + " \"" + phrase + "\"";
        }
    }

    static final String BREAK = "|";

    // patterns first: DEFAULT_RULES below normalises its phrases while the class initialises

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[\\s*p\\s*([123])\\s*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fw|fwd|antw|aw|wg|doorst)\\s*:\\s*)*(p([123])\\s*:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIO_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:prioriteit|priority|prio)\\s*[:=#-]?\\s*p?([123])(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> MARKER_NEGATORS = Set.of("geen", "niet", "not", "no");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[.!?;:,()\\[\\]{}<>\"|\u201C\u201D]+");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}|]+");

    /** The default text rules in evaluation order: P1, then P2, then P3. */
    public static final List<Rule> DEFAULT_RULES = List.of(
            // P1: total loss of service for everyone
            p1("niemand kan bellen"),
            p1("niemand kan meer bellen"),
            p1("niemand kan gebeld worden"),
            p1("niemand is bereikbaar"),
            p1("niemand bereikbaar"),
            p1("hele bedrijf onbereikbaar"),
            p1("hele bedrijf is onbereikbaar"),
            p1("hele bedrijf niet bereikbaar"),
            p1("hele bedrijf is niet bereikbaar"),
            p1("alle toestellen"),
            p1("volledige storing"),
            p1("geen enkele lijn"),
            p1("totale storing"),
            p1("telefonie ligt plat"),
            p1("telefonie ligt eruit"),
            p1("platform ligt plat"),
            p1("nobody can call"),
            p1("no one can call"),
            p1("nobody can be reached"),
            p1("no one can be reached"),
            p1("all phones down"),
            p1("all phones are down"),
            p1("complete outage"),
            p1("entire company unreachable"),
            p1("entire company is unreachable"),
            p1("whole company unreachable"),
            p1("total outage"),
            p1("platform down"),
            p1("platform is down"),
            // P2: a primary function (calling, being called, transferring, routing) fails for some
            p2("niet iedereen kan bellen"),
            p2("niet iedereen is bereikbaar"),
            p2("kan niet bellen"),
            p2("kan niet meer bellen"),
            p2("kunnen niet bellen"),
            p2("kunnen niet meer bellen"),
            p2("kan niet uitbellen"),
            p2("kunnen niet uitbellen"),
            p2("niet gebeld worden"),
            p2("niet meer gebeld worden"),
            p2("niet worden gebeld"),
            p2("niet bereikbaar"),
            p2("onbereikbaar"),
            p2("doorverbinden werkt niet"),
            p2("doorverbinden lukt niet"),
            p2("kan niet doorverbinden"),
            p2("kunnen niet doorverbinden"),
            p2("wachtrij"),
            p2("geen kiestoon"),
            p2("valt weg"),
            p2("vallen weg"),
            p2("eenrichtingsverkeer"),
            p2("not everyone can call"),
            p2("not everyone can be reached"),
            p2("cannot call"),
            p2("can not call"),
            p2("can't call"),
            p2("cannot make calls"),
            p2("can't make calls"),
            p2("cannot receive calls"),
            p2("can't receive calls"),
            p2("not receiving calls"),
            p2("cannot be called"),
            p2("can't be called"),
            p2("one-way audio"),
            p2("transfer not working"),
            p2("transfer is not working"),
            p2("transfer doesn't work"),
            p2("cannot transfer"),
            p2("can't transfer"),
            p2("call routing"),
            p2("no dial tone"),
            p2("calls drop"),
            p2("calls are dropping"),
            p2("calls dropping"),
            p2("dropped calls"),
            // P3: information and secondary functions (listed so the reason names them)
            p3("voicemail"),
            p3("wachtmuziek"),
            p3("music on hold"),
            p3("gespreksopname"),
            p3("call recording"),
            p3("rapportage"),
            p3("rapport"),
            p3("report"),
            p3("weergavenaam"),
            p3("display name"),
            p3("vraag"),
            p3("question"),
            p3("hoe kan ik"),
            p3("how do i"),
            p3("informatie"),
            p3("information"));

    /** Words that, one or two words before a P1 phrase, stop it from counting. */
    public static final Set<String> NEGATORS = Set.of(
            "niet", "geen", "nooit", "bijna", "not", "no", "never", "isnt", "arent", "wasnt", "almost", "nearly", "hardly");

    /** Phrases that, anywhere in the ticket, say not all end users are affected: no P1 from text. */
    public static final List<String> SCOPE_LIMITS = List.of(
            "niet iedereen", "niet voor iedereen", "not everyone", "not everybody", "not for everyone");

    /** Reason of the default result. */
    public static final String NO_MATCH = "no rule matched: needs investigation (R10)";

    private final List<Rule> rules;
    private final List<List<String>> ruleWords;
    private final List<List<String>> scopeLimits;

    /** A classifier with {@link #DEFAULT_RULES}. */
    public PriorityClassifier() {
        this(DEFAULT_RULES);
    }

    /** A classifier with the given rules, evaluated in list order. */
    public PriorityClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.ruleWords = this.rules.stream().map(r -> words(r.phrase())).toList();
        this.scopeLimits = SCOPE_LIMITS.stream().map(PriorityClassifier::words).toList();
    }

    /** The text rules of this classifier, in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Classifies a ticket from its subject and body; {@code null} counts as empty. */
    public PriorityClassification classify(String subject, String body) {
        return classify(null, subject, body);
    }

    /**
     * Classifies a ticket; a valid {@code requested} priority ("P1", "P2", "P3", any case, e.g. from
     * an API field) wins over everything else. {@code null} or blank means not requested.
     */
    public PriorityClassification classify(String requested, String subject, String body) {
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

    private static PriorityClassification marker(String subject, String body) {
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

    private static PriorityClassification prioWord(String text, String where) {
        Matcher m = PRIO_WORD.matcher(text);
        while (m.find()) {
            if (!MARKER_NEGATORS.contains(lastWord(text.substring(0, m.start())))) {
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
        for (int i = 0; i < SCOPE_LIMITS.size() && scopeLimit == null; i++) {
            if (indexOf(words, scopeLimits.get(i), 0) >= 0) {
                scopeLimit = SCOPE_LIMITS.get(i);
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
        return skipped.isEmpty() ? "" : " (" + String.join("; ", skipped.stream().distinct().toList()) + ")";
    }

    private static String negatorBefore(List<String> words, int at) {
        for (int i = at - 1; i >= Math.max(0, at - 2); i--) {
            String w = words.get(i);
            if (w.equals(BREAK)) {
                return null;
            }
            if (NEGATORS.contains(w)) {
                return w;
            }
        }
        return null;
    }

    private static int indexOf(List<String> words, List<String> phrase, int from) {
        outer:
        for (int i = from; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The normalised form rules match against: lower case, accents stripped, apostrophes removed,
     * sentence punctuation as a clause break {@code |}, all other non-letters as single spaces.
     * E.g. {@code "Storing op ÁLLE toestellen!  Can't   call"} gives
     * {@code "storing op alle toestellen | cant call"}.
     */
    public static String normalize(String text) {
        return String.join(" ", words(text));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = APOSTROPHES.matcher(text).replaceAll("");
        // ASCII is its own NFKD form: skipping it leaves the JDK's Unicode tables unloaded for
        // most mails and calls, some 30 ms of a cold start (decision 11)
        if (!isAscii(s)) s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = CLAUSE_PUNCTUATION.matcher(s).replaceAll(" | ");
        s = OTHER.matcher(s).replaceAll(" ").trim();
        List<String> out = new ArrayList<>();
        for (String w : s.split(" +")) {
            boolean duplicateBreak = w.equals(BREAK) && (out.isEmpty() || out.get(out.size() - 1).equals(BREAK));
            if (!w.isEmpty() && !duplicateBreak) {
                out.add(w);
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).equals(BREAK)) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String lastWord(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }

    private static Priority priority(String digit) {
        return Priority.valueOf("P" + digit);
    }

    private static Rule p1(String phrase) {
        return new Rule(Priority.P1, phrase);
    }

    private static Rule p2(String phrase) {
        return new Rule(Priority.P2, phrase);
    }

    private static Rule p3(String phrase) {
        return new Rule(Priority.P3, phrase);
    }
}
