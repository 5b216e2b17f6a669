package nl.vioms.sladesk.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Test helper: the shipped policy file as a JSON tree, edited and loaded again. */
final class PolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {}

    static ObjectNode defaultDocument() {
        try (InputStream in = PolicyJson.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode firstPolicy(ObjectNode document) {
        return (ObjectNode) document.get("policies").get(0);
    }

    /** Node at a dotted path below the policy, e.g. "levels.A.targets.P1". */
    static ObjectNode at(ObjectNode policy, String path) {
        ObjectNode node = policy;
        for (String part : path.split("\\.")) {
            node = (ObjectNode) node.get(part);
        }
        return node;
    }

    /** Two versions: v2025 [2025-01-01, 2026-01-01) with threshold 99.5, v2026 from 2026-01-01. */
    static String twoVersions() {
        ObjectNode doc = defaultDocument();
        ObjectNode v2025 = firstPolicy(doc).deepCopy();
        v2025.put("id", "v2025").put("validFrom", "2025-01-01").put("validTo", "2026-01-01");
        at(v2025, "credit").put("threshold", new BigDecimal("99.5"));
        ObjectNode v2026 = firstPolicy(doc).deepCopy();
        v2026.put("id", "v2026").put("validFrom", "2026-01-01").putNull("validTo");
        ArrayNode policies = doc.putArray("policies");
        policies.add(v2026).add(v2025);
        return doc.toString();
    }

    static PolicySet load(String json) {
        return PolicyLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Loads the default policy after an edit; returns the findings of the failure (none if it loaded). */
    static List<PolicyFinding> findingsAfter(Consumer<ObjectNode> editPolicy) {
        ObjectNode doc = defaultDocument();
        editPolicy.accept(firstPolicy(doc));
        try {
            return load(doc.toString()).warnings();
        } catch (PolicyException e) {
            return e.findings();
        }
    }
}
