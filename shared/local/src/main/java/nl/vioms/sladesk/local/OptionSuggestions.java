package nl.vioms.sladesk.local;

import java.util.ArrayList;
import java.util.List;

/** The options a misspelt one may have meant: one it starts, or one a couple of keystrokes away. */
final class OptionSuggestions {
    private static final int MAX_EDITS = 2;

    private OptionSuggestions() {}

    static List<String> near(String typed, List<String> known) {
        List<String> near = new ArrayList<>();
        for (String option : known) {
            boolean longEnoughPrefix = typed.length() >= 4 && option.startsWith(typed);
            if (longEnoughPrefix || edits(typed, option) <= MAX_EDITS) {
                near.add(option);
            }
        }
        near.sort(null);
        return near;
    }

    /** Levenshtein distance. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
