package nl.vioms.sladesk.console;

import java.util.Optional;

/** Reads the session of a request from its cookies, verified; empty when there is none or it is not valid. */
public interface Sessions {
    Optional<Session> read(WebRequest request);
}
