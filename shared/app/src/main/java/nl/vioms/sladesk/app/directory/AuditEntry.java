package nl.vioms.sladesk.app.directory;

import java.time.Instant;
import java.util.List;

/**
 * One change of a directory entry, kept under the entry's own key: who did it, when, and what
 * changed (one Dutch line per field, e.g. "niveau: N → HA"; "aangemaakt" for a new entry).
 */
public record AuditEntry(Instant at, String actor, List<String> changes) {
    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
