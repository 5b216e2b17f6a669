package nl.vioms.sladesk.console.users;

import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.console.Role;

/**
 * One person of the console's user pool as the users page shows them.
 *
 * @param username Cognito's own name for the account (the key of every admin call; never shown)
 * @param state the account's state in Dutch (e.g. "Actief", "Moet wachtwoord kiezen")
 */
public record ConsoleAccount(String username, String email, Set<Role> roles, boolean enabled, String state) {
    public ConsoleAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Every role, in the order of the menu, for the page's checkboxes. */
    public static List<Role> allRoles() {
        return List.copyOf(Role.CONSOLE);
    }
}
