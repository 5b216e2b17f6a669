package nl.vioms.sladesk.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.policy.PolicyFile.FileDto;
import nl.vioms.sladesk.core.policy.PolicyFile.PolicyDto;

/**
 * Reads SLA policies from JSON ({@code {"policies": [ ... ]}}, durations as ISO-8601 such as
 * {@code "PT2H"}, dates as {@code "2026-01-01"}). Unknown fields are rejected so a typo cannot
 * silently drop a setting. Every error of the file is collected and thrown together.
 *
 * <p>Three steps: {@link PolicyFile} reads the file format into its raw shape,
 * {@link PolicyConverter} turns that into the domain records, {@link PolicyValidation} checks them.
 */
public final class PolicyLoader {

    /** Classpath location of the policy that ships with the product. */
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/core/policy/default-policy.json";

    private PolicyLoader() {}

    /** The policy shipped in {@value #DEFAULT_RESOURCE}. */
    public static PolicySet loadDefault() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads, converts and validates a policy file.
     *
     * @throws PolicyException with every error found (syntax, unknown names, impossible values)
     */
    public static PolicySet load(InputStream json) {
        FileDto file = PolicyFile.read(json);
        PolicyConverter c = new PolicyConverter();
        List<SlaPolicy> policies = new ArrayList<>();
        List<PolicyDto> dtos = file.policies() == null ? List.of() : file.policies();
        for (int i = 0; i < dtos.size(); i++) {
            PolicyDto dto = dtos.get(i);
            String id = dto.id();
            policies.add(c.policy(dto, id == null || id.isBlank() ? "policies[" + i + "]" : id));
        }
        List<PolicyFinding> findings = new ArrayList<>(c.findings);
        Set<String> reported = new HashSet<>();
        c.findings.forEach(f -> reported.add(f.field()));
        // a value that did not parse is also "missing" to the validator: report it once
        PolicyValidation.validate(policies).stream()
                .filter(f -> !reported.contains(f.field()))
                .forEach(findings::add);
        if (findings.stream().anyMatch(PolicyFinding::isError)) {
            throw new PolicyException(findings);
        }
        return new PolicySet(policies);
    }
}
