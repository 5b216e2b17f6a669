package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The router's guards, without AWS: login first, then the route's roles, then CSRF on every form. */
class PageRouterTest {
    private final PageRouter router = new PageRouter(new TestLogin(), new ErrorPages())
            .page("GET", "/", ConsoleApp.EVERYONE, (r, s, p) -> WebResponse.html(200, "queue"))
            .page(
                    "GET",
                    "/tickets/{number}",
                    Set.of(Role.OPERATIONS),
                    (r, s, p) -> WebResponse.html(200, p.get("number")))
            .page(
                    "POST",
                    "/tickets/{number}/respond",
                    Set.of(Role.OPERATIONS),
                    (r, s, p) -> WebResponse.redirect("/x"));

    @Test
    void withoutSessionEveryPageLeadsToLoginAndRemembersThePage() {
        WebResponse response =
                router.route(WebRequest.of("GET", "/console/tickets/VIO-2026-000001", Map.of(), List.of(), null));
        assertEquals(303, response.statusCode());
        assertEquals(
                "/console/login?next=%2Fconsole%2Ftickets%2FVIO-2026-000001",
                response.headers().get("location"));
    }

    @Test
    void aRoleTheRouteDoesNotAllowIsRefusedWith403() {
        WebResponse response = router.route(WebRequest.of(
                "GET", "/console/tickets/VIO-1", Map.of(), List.of(TestLogin.cookie("fin@x", Role.FINANCE)), null));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("geen toegang"), response.body());
    }

    @Test
    void theRightRoleGetsThePageWithItsPathParameter() {
        WebResponse response = router.route(WebRequest.of(
                "GET", "/console/tickets/VIO-1", Map.of(), List.of(TestLogin.cookie("ops@x", Role.OPERATIONS)), null));
        assertEquals(200, response.statusCode());
        assertEquals("VIO-1", response.body());
        assertEquals("no-store", response.headers().get("cache-control"));
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndNotRun() {
        String cookie = TestLogin.cookie("ops@x", Role.OPERATIONS);
        Map<String, String> form = Map.of("content-type", "application/x-www-form-urlencoded");
        WebResponse missing =
                router.route(WebRequest.of("POST", "/console/tickets/VIO-1/respond", form, List.of(cookie), "note=x"));
        WebResponse wrong = router.route(
                WebRequest.of("POST", "/console/tickets/VIO-1/respond", form, List.of(cookie), "_csrf=csrf-other%40x"));
        WebResponse right = router.route(
                WebRequest.of("POST", "/console/tickets/VIO-1/respond", form, List.of(cookie), "_csrf=csrf-ops%40x"));
        assertEquals(403, missing.statusCode());
        assertEquals(403, wrong.statusCode());
        assertEquals(303, right.statusCode());
    }

    @Test
    void aFormFromAnotherOriginIsRefusedEvenWithTheToken() {
        Map<String, String> headers = Map.of(
                "content-type", "application/x-www-form-urlencoded",
                "origin", "https://evil.example",
                "host", "console.vioms.nl");
        WebResponse response = router.route(WebRequest.of(
                "POST",
                "/console/tickets/VIO-1/respond",
                headers,
                List.of(TestLogin.cookie("ops@x", Role.OPERATIONS)),
                "_csrf=csrf-ops%40x"));
        assertEquals(403, response.statusCode());
    }

    @Test
    void anUnknownPathIs404AndAnOversizeFormIs413() {
        String cookie = TestLogin.cookie("ops@x", Role.OPERATIONS);
        assertEquals(
                404,
                router.route(WebRequest.of("GET", "/console/nope", Map.of(), List.of(cookie), null))
                        .statusCode());
        String big = "_csrf=csrf-ops%40x&text=" + "a".repeat(WebRequest.MAX_FORM_BYTES);
        WebResponse response = router.route(WebRequest.of(
                "POST",
                "/console/tickets/VIO-1/respond",
                Map.of("content-type", "application/x-www-form-urlencoded"),
                List.of(cookie),
                big));
        assertEquals(413, response.statusCode());
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyWithoutInlineScript() {
        WebResponse response = router.route(
                WebRequest.of("GET", "/console/", Map.of(), List.of(TestLogin.cookie("ops@x", Role.OPERATIONS)), null));
        String policy = response.headers().get("content-security-policy");
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("DENY", response.headers().get("x-frame-options"));
    }
}
