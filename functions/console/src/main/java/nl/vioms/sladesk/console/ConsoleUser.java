package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.Set;

/** Who is logged in: the e-mail address they log in with, the name shown, their roles. */
public record ConsoleUser(String email, String name, Set<Role> roles) {
    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }
}
