package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ticket page and its actions on the emulators (issue 17 page 2). Tickets are reported on
 * Tue 1 Dec 2026 09:00 Amsterdam (08:00Z) for Hotel De Gouden Leeuw (HA: 24x7, clock hours, R5);
 * every expected deadline is worked out by hand in a comment.
 */
@ExtendWith(AwsEmulators.class)
class TicketPageTest {
    private static final Instant REPORTED = Instant.parse("2026-12-01T08:00:00Z");
    private static final String OPS_EMAIL = "ops@vioms.demo";
    private static final String OPS = TestLogin.cookie(OPS_EMAIL, Role.OPERATIONS);
    private static final String PHONE = TestLogin.cookie("telefonie@vioms.demo", Role.TELEPHONY);
    private static final String SECOND = TestLogin.cookie("tweedelijn@vioms.demo", Role.SECOND_LINE);

    private static ConsoleClient console;

    @BeforeAll
    static void console(LocalAws aws) {
        console = new ConsoleClient(aws, new MutableClock(REPORTED));
    }

    @BeforeEach
    void reportedNow() {
        console.clock.set(REPORTED);
    }

    @Test
    void thePageShowsHeaderClocksHistoryAndTheAcknowledgementMail() {
        Ticket ticket = open("P2", "Receptie kan niet doorverbinden");
        console.clock.set(REPORTED.plusSeconds(30 * 60));
        Document page = console.page(path(ticket), OPS);

        String facts = page.selectFirst("dl.facts").text();
        assertTrue(facts.contains("Receptie kan niet doorverbinden"), facts);
        assertTrue(facts.contains("Hotel De Gouden Leeuw"), facts);
        assertTrue(facts.contains("TelNet Partners B.V."), facts);
        assertTrue(facts.contains("HA"), facts);
        assertTrue(facts.contains("P2 primaire telefoniefuncties werken niet volledig (R10)"), facts);
        assertTrue(facts.contains("Status open"), facts);
        assertTrue(facts.contains("Kanaal API"), facts);

        // HA P2, reported 08:00Z: response 2 h -> 10:00Z = 11:00 Amsterdam; restore 8 h -> 16:00Z = 17:00
        Element response = clockRow(page, "Reactie");
        assertEquals("2026-12-01T10:00:00Z", response.selectFirst("td").attr("data-due"));
        assertTrue(response.text().contains("di 1 dec 11:00"), response.text());
        // at 08:30Z: 1 h 30 m left
        assertTrue(response.text().contains("1u 30m"), response.text());
        Element restore = clockRow(page, "Herstel");
        assertEquals("2026-12-01T16:00:00Z", restore.selectFirst("td").attr("data-due"));
        assertTrue(restore.text().contains("di 1 dec 17:00"), restore.text());
        assertTrue(page.text().contains("Gepauzeerd in totaal: 0 m"), page.text());

        List<String> history = page.select("table.history tbody tr").eachText();
        assertEquals(1, history.size(), history.toString());
        assertTrue(history.get(0).startsWith("di 1 dec 09:00 Aangemaakt"), history.toString());

        // the acknowledgement to the reseller's desk (issue 16), written with the ticket, not sent yet
        List<String> sent =
                page.select("#h-mail ~ .table-wrap table.mails tbody tr").eachText();
        assertTrue(sent.get(0).contains("servicedesk@telnet-partners.nl"), sent.toString());
        assertTrue(sent.get(0).contains("acknowledgement"), sent.toString());
        assertTrue(sent.get(0).contains("wacht op verzending"), sent.toString());
    }

    @Test
    void respondingStoresTheEventWithTheUserAndShowsTheResponseMetAndANotice() {
        Ticket ticket = open("P2", "Doorschakeling werkt niet");
        console.clock.set(REPORTED.plusSeconds(40 * 60));

        Map<String, String> form = form(ticket, "respond", OPS);
        WebResponse done = console.post(path(ticket) + "/respond", OPS, form);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(path(ticket) + "?gedaan=respond", done.headers().get("location"));
        // a double submit of the same form is harmless: its nonce is the event's id
        assertEquals(303, console.post(path(ticket) + "/respond", OPS, form).statusCode());

        Document page = console.page(path(ticket) + "?gedaan=respond", OPS);
        assertEquals(
                "Reactie aan de melder vastgelegd.",
                page.selectFirst(".notice.ok").text());
        // responded at 08:40Z = 09:40 Amsterdam, before its deadline (10:00Z): met, no countdown
        Element response = clockRow(page, "Reactie");
        assertTrue(response.text().contains("gehaald di 1 dec 09:40"), response.text());
        assertEquals("", response.selectFirst("td").attr("data-due"));
        List<Element> responses = historyOf(page, "Reactie aan melder");
        assertEquals(1, responses.size(), "stored once");
        assertTrue(responses.get(0).text().contains(OPS_EMAIL), responses.get(0).text());

        // the queue computes the same from the ticket's snapshot: met, not counting down
        Element row = console.page("/console/?klant=hotel-gouden-leeuw", OPS).select("tbody tr").stream()
                .filter(r -> r.selectFirst("th a").text().equals(ticket.number()))
                .findFirst()
                .orElseThrow();
        assertTrue(row.select("td.due").get(0).text().contains("gehaald di 1 dec 09:40"), row.text());
    }

    @Test
    void reclassifyingP3ToP1GivesTheRestoreDeadlineAndReachesTheSecondLine() {
        Ticket ticket = open("P3", "Wachtmuziek valt weg");
        assertEquals(404, console.get(path(ticket), SECOND).statusCode(), "not escalated: not the second line's");
        Document before = console.page(path(ticket), OPS);
        // P3 has no restore target (R14: best effort)
        assertTrue(clockRow(before, "Herstel").text().contains("geen termijn"), before.text());

        console.clock.set(REPORTED.plusSeconds(30 * 60));
        Map<String, String> form = form(ticket, "reclassify", OPS);
        form.put("prioriteit", "P1");
        form.put("reden", "alle kamers getroffen");
        assertEquals(303, console.post(path(ticket) + "/reclassify", OPS, form).statusCode());

        Document after = console.page(path(ticket), OPS);
        // R17 keeps the time since the report: HA P1 restore 8 h from 08:00Z -> 16:00Z (17:00
        // Amsterdam); response 2 h -> 10:00Z; the 75 % warning at 6 h -> 14:00Z, not yet at 08:30Z
        Element restore = clockRow(after, "Herstel");
        assertEquals("2026-12-01T16:00:00Z", restore.selectFirst("td").attr("data-due"));
        assertEquals("due", restore.selectFirst("td").attr("class"));
        assertEquals(
                "2026-12-01T10:00:00Z",
                clockRow(after, "Reactie").selectFirst("td").attr("data-due"));
        Element changed = historyOf(after, "Prioriteit gewijzigd").get(0);
        assertTrue(changed.text().contains("Prioriteit: P1"), changed.text());
        assertTrue(changed.text().contains("Reden: alle kamers getroffen"), changed.text());
        // R17: a P1 on a 24x7 contract goes to the second line at once, so now it may open it
        assertEquals(200, console.get(path(ticket), SECOND).statusCode());
    }

    @Test
    void telephonyCannotReclassifyAndNothingIsStored() {
        Ticket ticket = open("P3", "Toestel piept");
        Map<String, String> form = new LinkedHashMap<>();
        form.put(Session.CSRF_FIELD, "csrf-telefonie@vioms.demo");
        form.put("nonce", "aaaaaaaa-1111");
        form.put("prioriteit", "P1");
        form.put("reden", "klant belt boos");

        WebResponse refused = console.post(path(ticket) + "/reclassify", PHONE, form);
        assertEquals(403, refused.statusCode());
        Document page = console.page(path(ticket), PHONE);
        assertEquals(1, page.select("table.history tbody tr").size(), "nothing stored");
        assertNull(page.selectFirst("form[action$=/reclassify]"), "no reclassify form for telephony");
        assertNotNull(page.selectFirst("form[action$=/note]"));
        assertNotNull(page.selectFirst("form[action$=/reply]"));
        assertNotNull(page.selectFirst("form[action$=/customer-replied]"));
    }

    @Test
    void aFormWithoutTheCsrfTokenStoresNothing() {
        Ticket ticket = open("P2", "Geen kiestoon");
        Map<String, String> form = form(ticket, "note", OPS);
        form.remove(Session.CSRF_FIELD);
        form.put("tekst", "Zonder token");

        assertEquals(403, console.post(path(ticket) + "/note", OPS, form).statusCode());
        assertEquals(
                1,
                console.page(path(ticket), OPS).select("table.history tbody tr").size());
    }

    @Test
    void aNoteIsMarkedInternalAndAReplyGoesToTheContactTicked() {
        Ticket ticket = open("P2", "Voicemail doet raar");
        Map<String, String> note = form(ticket, "note", OPS);
        note.put("tekst", "Klant belde, is ongeduldig");
        assertEquals(303, console.post(path(ticket) + "/note", OPS, note).statusCode());

        Map<String, String> reply = form(ticket, "reply", PHONE);
        Document page = console.page(path(ticket), PHONE);
        Element box = page.select("form[action$=/reply] input[type=checkbox]").stream()
                .filter(c -> c.val().equals("receptie@goudenleeuw.nl"))
                .findFirst()
                .orElseThrow();
        reply.put(box.attr("name"), box.val());
        reply.put("tekst", "Wij komen morgen om 9 uur langs.");
        assertEquals(303, console.post(path(ticket) + "/reply", PHONE, reply).statusCode());

        Document after = console.page(path(ticket), OPS);
        Element noted = historyOf(after, "Notitie").get(0);
        assertEquals("intern", noted.selectFirst(".badge.internal").text());
        assertTrue(noted.text().contains("Klant belde, is ongeduldig"), noted.text());
        assertNull(historyOf(after, "Antwoord aan klant").get(0).selectFirst(".badge.internal"));
        List<String> sent =
                after.select("#h-mail ~ .table-wrap table.mails tbody tr").eachText();
        assertTrue(
                sent.stream().anyMatch(m -> m.contains("receptie@goudenleeuw.nl") && m.contains("reply")),
                sent.toString());
    }

    @Test
    void aReplyToAStrangerIsRefusedWithTheApisMeaningAndNothingIsStored() {
        Ticket ticket = open("P2", "Nummerweergave fout");
        Map<String, String> reply = form(ticket, "reply", OPS);
        reply.put("aan-0", "boef@example.com");
        reply.put("tekst", "Hallo");

        WebResponse refused = console.post(path(ticket) + "/reply", OPS, reply);
        assertEquals(400, refused.statusCode());
        // the same check as the API's POST /tickets/{number}/events (MailPlanner's contacts)
        assertTrue(refused.body().contains("Niet vastgelegd: 'boef@example.com' is not a contact"), refused.body());
        assertEquals(
                1,
                console.page(path(ticket), OPS).select("table.history tbody tr").size());
        Map<String, String> empty = form(ticket, "note", OPS);
        assertEquals(400, console.post(path(ticket) + "/note", OPS, empty).statusCode(), "a note needs text");
    }

    @Test
    void theSecondLineAcknowledgesAnEscalatedTicketAndMayOnlyNoteBesides() {
        // HA P1: escalated to the second line at creation (R17)
        Ticket ticket = open("P1", "Hotel volledig onbereikbaar");
        Document page = console.page(path(ticket), SECOND);
        assertEquals(
                List.of("/note", "/acknowledge"),
                page.select(".actions-grid form").eachAttr("action").stream()
                        .map(a -> a.substring(a.lastIndexOf('/')))
                        .sorted((a, b) -> a.equals("/note") ? -1 : 1)
                        .toList());
        assertEquals(
                303,
                console.post(path(ticket) + "/acknowledge", SECOND, form(ticket, "acknowledge", SECOND))
                        .statusCode());
        Element ack = historyOf(console.page(path(ticket), OPS), "Tweede lijn heeft het opgepakt")
                .get(0);
        assertTrue(ack.text().contains("tweedelijn@vioms.demo"), ack.text());
        Map<String, String> resolve = form(ticket, "acknowledge", SECOND);
        resolve.put("tekst", "opgelost");
        assertEquals(
                403, console.post(path(ticket) + "/resolve", SECOND, resolve).statusCode());
    }

    @Test
    void waitingResumingResolvingAndClosingEachMoveTheClocks() {
        Ticket ticket = open("P1", "Alle lijnen dood");
        console.clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        act(ticket, "wait", Map.of("tekst", "Is het toestel aangesloten?"));
        Document waiting = console.page(path(ticket), OPS);
        assertTrue(waiting.selectFirst("dl.facts").text().contains("wacht op klant sinds di 1 dec 10:00"));
        // R16: the restore clock pauses; its deadline is not known until the pause ends
        assertTrue(clockRow(waiting, "Herstel").text().contains("gepauzeerd"), waiting.text());

        console.clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        act(ticket, "customer-replied", Map.of());
        // paused 09:00Z-10:00Z: 1 h; restore 8 h from 08:00Z plus the hour -> 17:00Z (18:00 Amsterdam)
        Document resumed = console.page(path(ticket), OPS);
        assertEquals(
                "2026-12-01T17:00:00Z",
                clockRow(resumed, "Herstel").selectFirst("td").attr("data-due"));
        assertTrue(resumed.text().contains("Gepauzeerd in totaal: 1 u 0 m"), resumed.text());

        console.clock.set(Instant.parse("2026-12-01T11:00:00Z"));
        act(ticket, "resolve", Map.of("tekst", "Kabel vervangen"));
        Document resolved = console.page(path(ticket), OPS);
        assertTrue(clockRow(resolved, "Herstel").text().contains("gehaald di 1 dec 12:00"), resolved.text());
        // events of one instant fold in id order: the close comes a minute later, as a person's would
        console.clock.set(Instant.parse("2026-12-01T11:01:00Z"));
        act(ticket, "close", Map.of());
        Document closed = console.page(path(ticket), OPS);
        assertTrue(closed.selectFirst("dl.facts").text().contains("Status gesloten"));
        assertNull(closed.selectFirst("#h-acties"), "a closed ticket takes no more actions");
    }

    @Test
    void aTriageTicketIsAssignedToACustomerAndService() {
        Ticket ticket = console.open(null, "P2", "Onbekende beller", REPORTED);
        Document page = console.page(path(ticket), OPS);
        assertTrue(page.selectFirst("dl.facts").text().contains("onbekend (triage)"));
        Element option = page.select("#a-klantdienst option").stream()
                .filter(o -> o.val().equals("tandarts-smit|pbx"))
                .findFirst()
                .orElseThrow();
        assertTrue(option.text().startsWith("Tandartspraktijk Smit"), option.text());

        act(ticket, "assign", Map.of("klantdienst", "tandarts-smit|pbx"));
        String facts = console.page(path(ticket), OPS).selectFirst("dl.facts").text();
        assertTrue(facts.contains("Tandartspraktijk Smit"), facts);
        assertTrue(facts.contains("De Belwinkel"), facts);
        assertTrue(facts.contains("SLA-niveau B"), facts);
    }

    @Test
    void oddTicketNumbersAre404NotAServerError() {
        for (String odd : List.of("%3Cscript%3E", "VIO-2026-999999", "..", "VIO-2026-000001%00", "x'--")) {
            WebResponse response = console.get("/console/tickets/" + odd, OPS);
            assertEquals(404, response.statusCode(), odd + ": " + response.body());
            assertTrue(response.body().contains("Er is geen ticket met dit nummer."), response.body());
        }
        assertEquals(
                404,
                console.post(
                                "/console/tickets/VIO-2026-999999/note",
                                OPS,
                                Map.of(Session.CSRF_FIELD, "csrf-" + OPS_EMAIL, "nonce", "aaaaaaaa-2222", "tekst", "x"))
                        .statusCode());
    }

    @Test
    void aHostileSubjectIsShownEscapedOnTheTicketAndInTheQueue() {
        Ticket ticket = open("P2", "<script>alert(1)</script>");
        for (String path : List.of(path(ticket), "/console/?klant=hotel-gouden-leeuw")) {
            WebResponse response = console.get(path, OPS);
            assertTrue(response.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path);
            assertFalse(response.body().contains("<script>alert(1)"), path);
        }
        Document page = console.page(path(ticket), OPS);
        assertEquals(
                List.of("/console/static/console.js"), page.select("script").eachAttr("src"));
    }

    // ---- helpers

    private static Ticket open(String priority, String subject) {
        return console.open("hotel-gouden-leeuw", priority, subject, REPORTED);
    }

    private static String path(Ticket ticket) {
        return "/console/tickets/" + ticket.number();
    }

    /** The hidden fields of an action's form as the page renders it for the user (CSRF token, nonce). */
    private static Map<String, String> form(Ticket ticket, String action, String cookie) {
        Element form =
                console.page(path(ticket), cookie).selectFirst("form[action=" + path(ticket) + "/" + action + "]");
        assertNotNull(form, "the page offers " + action);
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        return fields;
    }

    private static void act(Ticket ticket, String action, Map<String, String> fields) {
        Map<String, String> form = form(ticket, action, OPS);
        form.putAll(fields);
        WebResponse response = console.post(path(ticket) + "/" + action, OPS, form);
        assertEquals(
                303,
                response.statusCode(),
                () -> action + ": "
                        + console.page(path(ticket), OPS)
                                .select("table.history")
                                .text());
    }

    private static Element clockRow(Document page, String label) {
        return page.select("table.clocks tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + label));
    }

    private static List<Element> historyOf(Document page, String what) {
        return page.select("table.history tbody tr").stream()
                .filter(r -> r.select("td").get(1).text().startsWith(what))
                .toList();
    }
}
