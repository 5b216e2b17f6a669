package nl.vioms.sladesk.console;

import java.util.Optional;

/**
 * How people log in to the console: it reads a request's session ({@link Sessions}) and adds its
 * own open routes (login, logout...) to the router.
 */
public interface Login extends Sessions {
    void routes(PageRouter router);

    /** No login at all: every page answers with the way to the login page. */
    Login NONE = new Login() {
        @Override
        public Optional<Session> read(WebRequest request) {
            return Optional.empty();
        }

        @Override
        public void routes(PageRouter router) {}
    };
}
