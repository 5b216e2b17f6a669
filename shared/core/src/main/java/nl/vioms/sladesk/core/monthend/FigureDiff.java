package nl.vioms.sladesk.core.monthend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions of a contract's month (R24: a recomputation after late data
 * keeps the earlier version): every figure of {@link ContractMonth#figures()} whose value differs,
 * appeared or disappeared.
 */
public final class FigureDiff {

    /** One changed figure; {@code before} or {@code after} is null when the figure is new or gone. */
    public record Change(String figure, String before, String after) {}

    private FigureDiff() {}

    public static List<Change> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(before.get(k), after.get(k))) {
                changes.add(new Change(k, before.get(k), after.get(k)));
            }
        }
        return changes;
    }
}
