package nl.vioms.sladesk.core.ticket;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The normalised words {@link PriorityClassifier} matches phrases on (see its "Matching"
 * section): lower case, accents stripped, apostrophes removed, sentence punctuation as a clause
 * break {@link #BREAK}, all other non-letters as single spaces.
 */
final class ClassifierWords {

    /** A clause break: a phrase never matches across it. */
    static final String BREAK = "|";

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[.!?;:,()\\[\\]{}<>\"|\u201C\u201D]+");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}|]+");

    private ClassifierWords() {}

    static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = APOSTROPHES.matcher(text).replaceAll("");
        // ASCII is its own NFKD form: skipping it leaves the JDK's Unicode tables unloaded for
        // most mails and calls, some 30 ms of a cold start (decision 11)
        if (!isAscii(s)) {
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        }
        s = s.toLowerCase(Locale.ROOT);
        s = CLAUSE_PUNCTUATION.matcher(s).replaceAll(" | ");
        s = OTHER.matcher(s).replaceAll(" ").trim();
        List<String> out = new ArrayList<>();
        for (String w : s.split(" +")) {
            boolean duplicateBreak =
                    w.equals(BREAK) && (out.isEmpty() || out.get(out.size() - 1).equals(BREAK));
            if (!w.isEmpty() && !duplicateBreak) {
                out.add(w);
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).equals(BREAK)) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The last normalised word of the text, or "" when it has none. */
    static String lastWord(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }

    /** Where {@code phrase} occurs as whole words in {@code words}, at or after {@code from}; -1 if not. */
    static int indexOf(List<String> words, List<String> phrase, int from) {
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

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
