package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRouteTest {
    private final HttpRoute ticket = new HttpRoute("GET", "/tickets/{number}", "IntakeApiFunction");
    private final HttpRoute greedy = new HttpRoute("ANY", "/files/{path+}", "IntakeApiFunction");

    @Test
    void aPathParameterTakesOneSegment() {
        assertEquals(Optional.of(Map.of("number", "VIO-2026-000123")), ticket.match("GET", "/tickets/VIO-2026-000123"));
        assertEquals(Optional.empty(), ticket.match("GET", "/tickets/VIO-2026-000123/events"));
        assertEquals(Optional.empty(), ticket.match("GET", "/tickets"));
        assertEquals(Optional.empty(), ticket.match("POST", "/tickets/VIO-2026-000123"));
    }

    @Test
    void aGreedyParameterTakesTheRestAndAnyTakesEveryMethod() {
        assertEquals(Optional.of(Map.of("path", "a/b/c.csv")), greedy.match("PUT", "/files/a/b/c.csv"));
        assertEquals(Optional.empty(), greedy.match("GET", "/files"));
    }
}
