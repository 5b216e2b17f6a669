package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A login for tests of pages: the cookie {@code test-user=<email>|<group>,<group>} is the session,
 * with CSRF token {@code csrf-<email>}. Test scope only: the deployed console never reads it.
 */
public final class TestLogin implements Login {
    public static final String COOKIE = "test-user";

    @Override
    public Optional<Session> read(WebRequest request) {
        return request.cookie(COOKIE).map(value -> {
            String[] parts = value.split("\\|", 2);
            var roles = Arrays.stream(parts[1].split(","))
                    .map(group -> Role.ofGroup(group).orElseThrow())
                    .collect(Collectors.toSet());
            return new Session(new ConsoleUser(parts[0], parts[0], roles), "csrf-" + parts[0]);
        });
    }

    @Override
    public void routes(ConsoleRouter router) {}

    /** The cookie that logs {@code email} in with the given roles. */
    public static String cookie(String email, Role... roles) {
        return COOKIE + "=" + email + "|"
                + Arrays.stream(roles).map(Role::group).collect(Collectors.joining(","));
    }
}
