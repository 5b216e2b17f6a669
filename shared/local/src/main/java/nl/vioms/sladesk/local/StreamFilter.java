package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.List;
import software.amazon.event.ruler.RuleCompiler;
import software.amazon.event.ruler.Ruler;

/**
 * An event source mapping's FilterCriteria: a record is handed to the function when it matches any
 * of the patterns (no patterns: every record). Patterns are EventBridge's pattern language, as
 * Lambda applies them to the record's JSON ({@code eventName}, {@code dynamodb.NewImage...});
 * matched by Event Ruler, the library EventBridge itself is built on.
 */
final class StreamFilter {
    private final List<String> patterns;

    /** @throws IllegalArgumentException naming the pattern that is not valid */
    StreamFilter(List<String> patterns) {
        for (String pattern : patterns) {
            String problem = RuleCompiler.check(pattern);
            if (problem != null) {
                throw new IllegalArgumentException("filter pattern " + pattern + " is not valid: " + problem);
            }
        }
        this.patterns = List.copyOf(patterns);
    }

    boolean matches(DynamodbEvent.DynamodbStreamRecord record) {
        if (patterns.isEmpty()) {
            return true;
        }
        return matches(StreamRecords.json(record));
    }

    boolean matches(String recordJson) {
        try {
            for (String pattern : patterns) {
                if (Ruler.matchesRule(recordJson, pattern)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot match a record against the filter: " + e.getMessage(), e);
        }
    }
}
