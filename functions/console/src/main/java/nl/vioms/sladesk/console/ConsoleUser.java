package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is logged in: the e-mail address they log in with, the name shown, their roles, and for a
 * reseller's staff the reseller they belong to (empty for VIOMS's people).
 */
public record ConsoleUser(String email, String name, Set<Role> roles, Optional<String> reseller) {
    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    /** One of VIOMS's people. */
    public ConsoleUser(String email, String name, Set<Role> roles) {
        this(email, name, roles, Optional.empty());
    }

    /**
     * The person a token's Cognito groups make: the console's roles by name; exactly one
     * {@code reseller-<id>} group makes them that reseller's staff (two make them nobody's: a
     * person belongs to one reseller), {@code portal-admin} beside it their portal admin.
     */
    public static ConsoleUser ofGroups(String email, Collection<String> groups) {
        Set<Role> roles = new HashSet<>();
        groups.forEach(group -> Role.ofGroup(group).ifPresent(roles::add));
        List<String> resellers = groups.stream()
                .map(Role::resellerOfGroup)
                .flatMap(Optional::stream)
                .toList();
        Optional<String> reseller = resellers.size() == 1 ? Optional.of(resellers.get(0)) : Optional.empty();
        if (reseller.isPresent()) {
            roles.add(Role.RESELLER);
        } else {
            roles.remove(Role.PORTAL_ADMIN);
        }
        return new ConsoleUser(email, email, roles, reseller);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** The reseller of a portal session (the portal's router admits no session without one). */
    public String resellerId() {
        return reseller.orElseThrow(() -> new IllegalStateException("not a reseller's session"));
    }
}
