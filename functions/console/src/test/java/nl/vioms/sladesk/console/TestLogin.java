package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A login for tests of pages: the cookie {@code test-user=<email>|<group>,<group>} is the session,
 * with CSRF token {@code csrf-<email>}; the groups make the person as Cognito's would
 * ({@link ConsoleUser#ofGroups}). Test scope only: the deployed sites never read it.
 */
public final class TestLogin implements Login {
    public static final String COOKIE = "test-user";

    @Override
    public Optional<Session> read(WebRequest request) {
        return request.cookie(COOKIE).map(value -> {
            String[] parts = value.split("\\|", 2);
            List<String> groups = List.of(parts[1].split(","));
            return new Session(ConsoleUser.ofGroups(parts[0], groups), "csrf-" + parts[0]);
        });
    }

    @Override
    public void routes(PageRouter router) {}

    /** The cookie that logs {@code email} in with the given roles. */
    public static String cookie(String email, Role... roles) {
        return COOKIE + "=" + email + "|"
                + Arrays.stream(roles).map(Role::group).collect(Collectors.joining(","));
    }

    /** The cookie of a reseller's staff member in the portal; {@code admin}: also its portal admin. */
    public static String reseller(String email, String resellerId, boolean admin) {
        return COOKIE + "=" + email + "|" + Role.resellerGroup(resellerId)
                + (admin ? "," + Role.PORTAL_ADMIN.group() : "");
    }

    /** The CSRF token of the session {@code email} has with this login. */
    public static String csrf(String email) {
        return "csrf-" + email;
    }
}
