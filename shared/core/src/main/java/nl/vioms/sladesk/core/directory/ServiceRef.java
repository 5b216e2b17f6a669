package nl.vioms.sladesk.core.directory;

import java.util.Objects;
import nl.vioms.sladesk.core.policy.ServiceKind;
import org.jspecify.annotations.Nullable;

/** One service a customer takes (R1): its id, kind and a name people recognise. */
public record ServiceRef(
        String id, ServiceKind kind, @Nullable String name) {
    public ServiceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
