package nl.vioms.sladesk.core.directory;

import java.util.Set;

/**
 * A Business Partner through which customers are reached (R1).
 *
 * @param contacts the reseller's service-desk addresses, lower case: they get a copy of every
 *                 acknowledgement and update of their customers' tickets (issue 16)
 */
public record Reseller(String id, String name, Set<String> contacts) {
    public Reseller {
        contacts = Set.copyOf(contacts);
    }

    /** A reseller without contact addresses. */
    public Reseller(String id, String name) {
        this(id, name, Set.of());
    }
}
