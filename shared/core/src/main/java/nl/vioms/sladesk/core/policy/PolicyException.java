package nl.vioms.sladesk.core.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A policy that cannot be used; the message lists every error found, one per line. */
public class PolicyException extends RuntimeException {

    private final transient List<PolicyFinding> findings;

    public PolicyException(List<PolicyFinding> findings) {
        super("invalid SLA policy, "
                + findings.stream().filter(PolicyFinding::isError).count() + " error(s):\n"
                + findings.stream()
                        .filter(PolicyFinding::isError)
                        .map(f -> "  " + f)
                        .collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public PolicyException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.findings = List.of(PolicyFinding.error("(file)", message));
    }

    /** All findings, errors and warnings. */
    public List<PolicyFinding> findings() {
        return findings;
    }
}
