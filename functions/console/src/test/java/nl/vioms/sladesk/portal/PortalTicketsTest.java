package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reseller's ticket list, ticket page and replies (issue 18, follow) on the emulators, with the
 * demo directory: TelNet (Hotel De Gouden Leeuw, HA: 24x7 clock hours, R5/R6) and De Belwinkel
 * (Tandartspraktijk Smit). Tickets are reported on Tue 1 Dec 2026 09:00 Amsterdam (08:00Z), a
 * working day inside office hours (so R7 does not hold the HA clock to office hours); every
 * expected deadline is worked out by hand in a comment.
 */
@ExtendWith(AwsEmulators.class)
class PortalTicketsTest {
    private static final Instant REPORTED = Instant.parse("2026-12-01T08:00:00Z");
    private static final String ANNA_EMAIL = "anna@telnet.demo";
    private static final String ANNA = TestLogin.reseller(ANNA_EMAIL, "telnet", false);
    private static final String PIET_EMAIL = "piet@belwinkel.demo";
    private static final String PIET = TestLogin.reseller(PIET_EMAIL, "belwinkel", false);

    private static ConsoleClient portal;
    private static ConsoleClient console;

    @BeforeAll
    static void portal(LocalAws aws) {
        MutableClock clock = new MutableClock(REPORTED);
        portal = ConsoleClient.portal(aws, clock);
        console = new ConsoleClient(aws, clock);
    }

    @BeforeEach
    void reportedNow() {
        portal.clock.set(REPORTED);
    }

    @Test
    void theListShowsTheResellersOwnOpenAndClosedTicketsAndNoneOfAnothers() {
        Ticket open = portal.open("hotel-gouden-leeuw", "P2", "Receptie kan niet doorverbinden", REPORTED);
        Ticket done = portal.open("bakkerij-devries", "P3", "Vraag over wachtmuziek", REPORTED.plusSeconds(60));
        Ticket other = portal.open("tandarts-smit", "P2", "Belwinkel: wachtrij valt weg", REPORTED.plusSeconds(120));
        record(done, EventKind.RESOLVED, REPORTED.plusSeconds(3600), Map.of("text", "Wachtmuziek ingesteld"));
        portal.clock.set(REPORTED.plusSeconds(2 * 3600));

        Document list = portal.page("/portal/", ANNA);
        assertEquals("TelNet Partners B.V.", list.select("main h1").text());
        List<String> openNumbers = list.select("#h-open + ul .number").eachText();
        List<String> doneNumbers = list.select("#h-done + ul .number").eachText();
        assertTrue(openNumbers.contains(open.number()), openNumbers.toString());
        assertFalse(openNumbers.contains(done.number()), openNumbers.toString());
        assertTrue(doneNumbers.contains(done.number()), doneNumbers.toString());
        assertFalse(list.text().contains(other.number()), "another reseller's ticket in the list");

        Element card = card(list, open.number());
        assertTrue(card.text().contains("Receptie kan niet doorverbinden"), card.text());
        assertTrue(card.text().contains("Hotel De Gouden Leeuw"), card.text());
        assertTrue(card.text().contains("P2"), card.text());
        assertTrue(card.text().contains("open"), card.text());
        // HA P2 reported 08:00Z: response 2 h -> 10:00Z (11:00 Amsterdam), restore 8 h -> 16:00Z (17:00)
        assertEquals(
                List.of("2026-12-01T10:00:00Z", "2026-12-01T16:00:00Z"),
                card.select("[data-due]").eachAttr("data-due"));
        // at 10:00Z (the list's now) the response deadline is reached without a response: not met
        assertTrue(card.text().contains("Reactie niet gehaald (uiterlijk di 1 dec 11:00)"), card.text());
        assertTrue(card.text().contains("Herstel uiterlijk di 1 dec 17:00"), card.text());

        Document belwinkel = portal.page("/portal/", PIET);
        assertTrue(belwinkel.text().contains(other.number()), belwinkel.text());
        assertFalse(belwinkel.text().contains(open.number()), "TelNet's ticket at De Belwinkel");
        assertFalse(belwinkel.text().contains(done.number()), "TelNet's ticket at De Belwinkel");

        // filters: by customer and by status
        Document bakery = portal.page("/portal/?klant=bakkerij-devries", ANNA);
        assertFalse(bakery.text().contains(open.number()), bakery.text());
        assertTrue(bakery.text().contains(done.number()), bakery.text());
        Document onlyDone = portal.page("/portal/?status=klaar", ANNA);
        assertNull(onlyDone.selectFirst("#h-open"));
        assertTrue(onlyDone.text().contains(done.number()), onlyDone.text());
        // a position in the list that is not one
        assertEquals(400, portal.get("/portal/?na=gisteren", ANNA).statusCode());
    }

    @Test
    void closedTicketsComeTwentyAPageWithALinkToTheOlderOnes() {
        // later than any other test's tickets, so these 21 are TelNet's newest closed ones
        Instant first = Instant.parse("2026-12-28T08:00:00Z");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < PortalTickets.PAGE + 1; i++) {
            Ticket t = portal.open("bakkerij-devries", "P3", "Vraag " + i, first.plusSeconds(60L * i));
            record(t, EventKind.RESOLVED, first.plusSeconds(60L * i + 30), Map.of("text", "Beantwoord"));
            numbers.add(t.number());
        }

        Document newest = portal.page("/portal/?status=klaar", ANNA);
        List<String> shown = newest.select("#h-done + ul .number").eachText();
        List<String> expected = new ArrayList<>(numbers.subList(1, numbers.size()));
        Collections.reverse(expected);
        assertEquals(expected, shown);
        Element older = newest.selectFirst("a[rel=next]");
        assertNotNull(older, newest.text());
        assertEquals("Meer (oudere meldingen)", older.text());
        assertTrue(older.attr("href").startsWith("/portal/?status=klaar&na="), older.attr("href"));

        Document next = portal.page(older.attr("href").replace("%3A", ":").replace("%7E", "~"), ANNA);
        assertEquals(
                numbers.get(0), next.select("#h-done + ul .number").eachText().get(0));
        assertNotNull(next.selectFirst("a[href=/portal/]:containsOwn(Nieuwste)"));
    }

    @Test
    void theTicketPageShowsTheFactsWorkedOutFromTheRules() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P1", "Centrale volledig onbereikbaar", REPORTED);
        portal.clock.set(REPORTED.plusSeconds(30 * 60));

        Document page = portal.page(path(ticket) + "?nieuw=1", ANNA);
        assertEquals(
                "Je melding is ontvangen met nummer " + ticket.number() + ".",
                page.selectFirst("p.notice.ok").text());
        String facts = page.selectFirst("dl.facts").text();
        assertTrue(facts.contains("Centrale volledig onbereikbaar"), facts);
        assertTrue(facts.contains("Status open"), facts);
        assertTrue(facts.contains("Soort storing"), facts);
        assertTrue(facts.contains("P1 de dienst is onbereikbaar voor alle eindgebruikers (R10)"), facts);
        assertTrue(facts.contains("Klant Hotel De Gouden Leeuw"), facts);
        assertTrue(facts.contains("Dienst Hosted PBX"), facts);
        assertTrue(facts.contains("Gemeld di 1 dec 09:00 via het portaal/API"), facts);
        assertNotNull(page.selectFirst("a[href=/portal/tickets/" + ticket.number() + "/attachments]"));

        // HA P1 reported 08:00Z (09:00 Amsterdam), HA is 24x7 on clock hours (R5, R6):
        // response < 2 h -> 10:00Z = 11:00; restore < 8 h -> 16:00Z = 17:00; R12 feedback 24 h -> wo 2 dec 09:00
        Element deadlines = page.selectFirst("dl.deadlines");
        assertEquals(
                List.of("2026-12-01T10:00:00Z", "2026-12-01T16:00:00Z"),
                deadlines.select("[data-due]").eachAttr("data-due"));
        assertTrue(deadlines.text().contains("Reactie (R13) uiterlijk di 1 dec 11:00 · 1u 30m"), deadlines.text());
        assertTrue(deadlines.text().contains("Herstel (R13) uiterlijk di 1 dec 17:00 · 7u 30m"), deadlines.text());
        assertTrue(deadlines.text().contains("Terugkoppeling (R12) uiterlijk wo 2 dec 09:00"), deadlines.text());
        assertTrue(page.text().contains("Geen: de klok heeft niet stilgestaan."), page.text());

        // the public history: the report; the acknowledgement mail written with the ticket (issue 16)
        List<String> history = page.select("ol.history-list li").eachText();
        assertEquals(1, history.size(), history.toString());
        assertTrue(history.get(0).startsWith("di 1 dec 09:00 Gemeld"), history.toString());
        List<String> mails = page.select("table.mails tbody tr").eachText();
        assertFalse(mails.isEmpty(), "the acknowledgement among the mails");
        assertTrue(mails.get(0).contains("[" + ticket.number() + "]"), mails.toString());
    }

    @Test
    void afterTheResolutionEachDeadlineSaysMetOrNotMetAndTheResolutionIsShown() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P1", "Geen inkomende gesprekken", REPORTED);
        // an internal note: operations' own, never on the reseller's page
        record(ticket, EventKind.NOTE, REPORTED.plusSeconds(600), Map.of("text", "intern: leverancier gebeld"));
        // response at 09:00Z, before its deadline 10:00Z: met
        record(ticket, EventKind.RESPONSE, REPORTED.plusSeconds(3600), Map.of("text", "We kijken ernaar"));
        // resolved at 17:00Z, after the restore deadline 16:00Z (8 h after 08:00Z): not met
        record(ticket, EventKind.RESOLVED, REPORTED.plusSeconds(9 * 3600), Map.of("text", "SBC herstart"));
        portal.clock.set(REPORTED.plusSeconds(10 * 3600));

        Document page = portal.page(path(ticket), ANNA);
        String deadlines = page.selectFirst("dl.deadlines").text();
        assertTrue(deadlines.contains("Reactie (R13) gehaald (di 1 dec 10:00, uiterlijk di 1 dec 11:00)"), deadlines);
        assertTrue(
                deadlines.contains("Herstel (R13) niet gehaald (di 1 dec 18:00, uiterlijk di 1 dec 17:00)"), deadlines);
        assertTrue(page.select("[data-due]").isEmpty(), "nothing counts down once decided");
        assertEquals("SBC herstart", page.selectFirst("blockquote.resolution").text());
        assertTrue(page.selectFirst("dl.facts").text().contains("Status opgelost"));
        assertFalse(page.text().contains("leverancier gebeld"), "an internal note on the reseller's page");
        assertFalse(page.text().contains("Notitie"), "an internal note on the reseller's page");
    }

    @Test
    void aPauseIsShownAndTheResellersAnswerEndsItMovingTheRestoreDeadlineByItsLength() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P1", "Toestellen registreren niet", REPORTED);
        record(ticket, EventKind.RESPONSE, REPORTED.plusSeconds(1800), Map.of("text", "Opgepakt"));
        // VIOMS asks at 09:00Z (10:00 Amsterdam): the clock pauses (R16)
        record(
                ticket,
                EventKind.WAITING_FOR_CUSTOMER,
                REPORTED.plusSeconds(3600),
                Map.of("text", "Welk type toestel gebruikt de receptie?"));
        portal.clock.set(REPORTED.plusSeconds(2 * 3600));

        Document waiting = portal.page(path(ticket), ANNA);
        assertEquals(
                "Welk type toestel gebruikt de receptie?",
                waiting.selectFirst("section.question blockquote").text());
        assertTrue(waiting.selectFirst("section.question").text().contains("di 1 dec 10:00"));
        assertTrue(waiting.selectFirst("dl.facts").text().contains("Status wacht op jouw antwoord"));
        assertTrue(waiting.selectFirst("dl.deadlines").text().contains("Herstel (R13) gepauzeerd"));
        assertEquals(
                List.of("sinds di 1 dec 10:00 (1 u 0 m, loopt nog)"),
                waiting.select("ul.pauses li").eachText());
        Document list = portal.page("/portal/", ANNA);
        assertTrue(card(list, ticket.number()).text().contains("Wacht op jouw antwoord"));

        // the reseller answers at 10:30Z (11:30 Amsterdam), after a pause of 1 h 30 m
        portal.clock.set(REPORTED.plusSeconds(2 * 3600 + 1800));
        Map<String, String> form = form("Een Yealink T54W, firmware 96.86", "a1b2c3d4-pause");
        WebResponse answered = portal.post(replies(ticket), ANNA, form);
        assertEquals(303, answered.statusCode(), answered.body());
        assertEquals(path(ticket) + "?gedaan=antwoord", answered.headers().get("location"));
        // a double submit (the same form again) is harmless: one event
        assertEquals(303, portal.post(replies(ticket), ANNA, form).statusCode());

        Document page = portal.page(path(ticket) + "?gedaan=antwoord", ANNA);
        assertEquals(
                "Je antwoord is vastgelegd: VIOMS gaat verder en de klok loopt weer (R16).",
                page.selectFirst("p.notice.ok").text());
        assertNull(page.selectFirst("section.question"));
        assertTrue(page.selectFirst("dl.facts").text().contains("Status open"));
        // restore: 16:00Z plus the pause of 1 h 30 m (09:00Z-10:30Z) -> 17:30Z (18:30 Amsterdam)
        Element restore = page.select("dl.deadlines dd").get(1);
        assertEquals("2026-12-01T17:30:00Z", restore.attr("data-due"));
        assertTrue(restore.text().contains("uiterlijk di 1 dec 18:30"), restore.text());
        assertEquals(
                List.of("di 1 dec 10:00 – di 1 dec 11:30 (1 u 30 m)"),
                page.select("ul.pauses li").eachText());
        List<String> history = page.select("ol.history-list li").eachText();
        assertEquals(
                1,
                history.stream()
                        .filter(h -> h.contains("Jouw antwoord of aanvulling"))
                        .count(),
                history.toString());
        assertTrue(history.get(history.size() - 1).contains("Een Yealink T54W, firmware 96.86"), history.toString());

        // operations read it as the event the API and the console record, with who sent it
        TicketEvent replied = portal.services.ticketService().view(ticket.number()).orElseThrow().history().stream()
                .filter(e -> e.kind() == EventKind.CUSTOMER_REPLIED)
                .findFirst()
                .orElseThrow();
        assertEquals("reseller:portal:" + ANNA_EMAIL, replied.actor());
        assertEquals("Een Yealink T54W, firmware 96.86", replied.data().get("text"));
        assertEquals(REPORTED.plusSeconds(2 * 3600 + 1800), replied.at());
    }

    @Test
    void informationOutsideAWaitIsRecordedForOperationsAndChangesNoClock() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P2", "Doorschakelen naar mobiel faalt", REPORTED);
        portal.clock.set(REPORTED.plusSeconds(600));
        WebResponse added = portal.post(replies(ticket), ANNA, form("Het gaat om toestel 214.", "info-0001"));
        assertEquals(303, added.statusCode(), added.body());
        assertEquals(path(ticket) + "?gedaan=aanvulling", added.headers().get("location"));

        var view = portal.services.ticketService().view(ticket.number()).orElseThrow();
        assertEquals(TicketStatus.OPEN, view.ticket().status());
        assertEquals(
                EventKind.CUSTOMER_REPLIED,
                view.history().get(view.history().size() - 1).kind());
        // still the HA P2 restore deadline: 08:00Z + 8 h = 16:00Z
        assertEquals(Instant.parse("2026-12-01T16:00:00Z"), view.clocks().restoreDue());
        Document page = portal.page(path(ticket) + "?gedaan=aanvulling", ANNA);
        assertEquals(
                "Je aanvulling is vastgelegd; VIOMS ziet haar bij het ticket.",
                page.selectFirst("p.notice.ok").text());
        // operations read it on the console's ticket page: what, who, the text
        Document consolePage = console.page(
                "/console/tickets/" + ticket.number(), TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS));
        List<String> history = consolePage.select("table.history tbody tr").eachText();
        assertTrue(
                history.get(history.size() - 1)
                        .contains("Klant heeft geantwoord reseller:portal:" + ANNA_EMAIL
                                + " Tekst: Het gaat om toestel 214."),
                history.toString());
    }

    @Test
    void aClosedTicketRefusesInformationWithA409AndStoresNothing() {
        Ticket ticket = portal.open("bakkerij-devries", "P3", "Vraag over nummerweergave", REPORTED);
        record(ticket, EventKind.CLOSED, REPORTED.plusSeconds(600), Map.of());
        int before = historySize(ticket);

        WebResponse refused = portal.post(replies(ticket), ANNA, form("Nog een vraag", "closed-0001"));
        assertEquals(409, refused.statusCode());
        assertTrue(
                Jsoup.parse(refused.body()).selectFirst("p.notice.error").text().startsWith("Dit ticket is gesloten"),
                refused.body());
        assertEquals(before, historySize(ticket));
        assertNull(portal.page(path(ticket), ANNA).selectFirst("form[action$=/replies]"));
    }

    @Test
    void badInputIsRefusedWithA400AndNothingIsStored() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P2", "Voicemail werkt niet", REPORTED);
        int before = historySize(ticket);
        Map<String, String> cases = Map.of(
                "   ",
                "Schrijf eerst je antwoord of aanvulling.",
                "x".repeat(10_001),
                "Je tekst is 10001 tekens; het maximum is 10000.",
                "bel\u0007mij",
                "Je tekst bevat een stuurteken (positie 4); haal het weg en verstuur opnieuw.",
                "omgekeerd \u202e tekst",
                "Je tekst bevat een stuurteken (positie 11); haal het weg en verstuur opnieuw.");
        cases.forEach((text, message) -> {
            WebResponse refused = portal.post(replies(ticket), ANNA, form(text, "bad-00001"));
            assertEquals(400, refused.statusCode(), text);
            assertEquals(
                    message,
                    Jsoup.parse(refused.body()).selectFirst("p.notice.error").text());
        });
        Map<String, String> noNonce = Map.of("_csrf", TestLogin.csrf(ANNA_EMAIL), "tekst", "Zonder kenmerk");
        assertEquals(400, portal.post(replies(ticket), ANNA, noNonce).statusCode());
        assertEquals(before, historySize(ticket));
        // exactly 10 000 characters is allowed
        assertEquals(
                303,
                portal.post(replies(ticket), ANNA, form("y".repeat(10_000), "max-00001"))
                        .statusCode());
    }

    @Test
    void anotherResellersTicketIsAnUnknownNumberOnEveryRoute() {
        Ticket theirs = portal.open("tandarts-smit", "P2", "Tandarts: wachtrij", REPORTED);
        int before = historySize(theirs);

        WebResponse page = portal.get(path(theirs), ANNA);
        WebResponse unknown = portal.get("/portal/tickets/VIO-2026-999999", ANNA);
        WebResponse nonsense = portal.get("/portal/tickets/geen-nummer", ANNA);
        assertEquals(404, page.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(404, nonsense.statusCode());
        String words = Jsoup.parse(page.body()).select("main").text();
        assertEquals(words, Jsoup.parse(unknown.body()).select("main").text());
        assertTrue(words.contains("Er is geen melding met dit nummer."), words);
        assertFalse(page.body().contains("Tandarts"), "another reseller's subject on the 404");

        WebResponse reply = portal.post(replies(theirs), ANNA, form("Niet van mij", "other-0001"));
        assertEquals(404, reply.statusCode());
        assertEquals(words, Jsoup.parse(reply.body()).select("main").text());
        assertEquals(before, historySize(theirs));
        // in English, the same refusal in English
        WebResponse english =
                portal.app.handle(WebRequest.of("GET", path(theirs), Map.of(), List.of(ANNA, "sladesk-lang=en"), ""));
        assertEquals(404, english.statusCode());
        assertTrue(english.body().contains("There is no ticket with this number."), english.body());
        // their own reseller sees it
        assertEquals(200, portal.get(path(theirs), PIET).statusCode());
    }

    @Test
    void anRfcHasNoDeadlines() {
        portal.clock.set(REPORTED);
        Report report = new Report(
                TicketKind.RFC,
                Channel.API,
                REPORTED,
                "servicedesk@telnet-partners.nl",
                "Extra belgroep voor de keuken",
                "Graag een belgroep keuken met toestellen 301-304",
                null,
                null,
                "api",
                "test");
        Ticket rfc = portal.services
                .ticketService()
                .open(
                        report,
                        portal.services
                                .directory()
                                .customer("hotel-gouden-leeuw")
                                .orElseThrow(),
                        "portal-test-rfc#" + System.nanoTime())
                .ticket();

        Document page = portal.page(path(rfc), ANNA);
        assertTrue(page.selectFirst("dl.facts").text().contains("Soort wijzigingsverzoek (RFC)"));
        assertTrue(page.selectFirst("dl.facts").text().contains("Prioriteit RFC"));
        assertNull(page.selectFirst("dl.deadlines"));
        assertTrue(
                page.text().contains("Een wijzigingsverzoek (RFC) heeft geen SLA-klok en dus geen termijnen (R10)."));
        Element card = card(portal.page("/portal/", ANNA), rfc.number());
        assertTrue(card.select("[data-due]").isEmpty(), card.outerHtml());
        assertTrue(card.text().contains("geen: wijzigingsverzoek (R10)"), card.text());
    }

    @Test
    void theListAndTicketPageReadInEnglishOnRequest() {
        Ticket ticket = portal.open("hotel-gouden-leeuw", "P1", "Centrale onbereikbaar", REPORTED);
        record(ticket, EventKind.WAITING_FOR_CUSTOMER, REPORTED.plusSeconds(600), Map.of("text", "Welk adres?"));
        portal.clock.set(REPORTED.plusSeconds(1200));

        Document page = english(path(ticket));
        assertEquals("en", page.selectFirst("html").attr("lang"));
        String facts = page.selectFirst("dl.facts").text();
        assertTrue(facts.contains("Status waiting for your answer"), facts);
        assertTrue(facts.contains("Kind incident"), facts);
        assertTrue(facts.contains("P1 the service is unavailable for all end users (R10)"), facts);
        assertTrue(facts.contains("Reported Tue 1 Dec 09:00 through the portal/API"), facts);
        String deadlines = page.selectFirst("dl.deadlines").text();
        // HA P1 at 08:00Z, waiting since 08:10Z: the restore clock is paused (R16); R12: 24 h -> 2 Dec 09:00
        assertTrue(deadlines.contains("Restore (R13) paused: VIOMS waits for your answer (R16)"), deadlines);
        assertTrue(deadlines.contains("Feedback (R12) by Wed 2 Dec 09:00"), deadlines);
        assertEquals(
                "Waiting for your answer",
                page.selectFirst("section.question h2").text());
        assertTrue(page.text().contains("Send answer"), page.text());
        for (String dutch : List.of("Gemeld", "uiterlijk", "Geschiedenis", "Wacht op jouw antwoord")) {
            assertFalse(page.select("main").text().contains(dutch), dutch + " on the English page");
        }
        Document list = english("/portal/");
        assertTrue(list.text().contains("Open tickets"), list.text());
        assertTrue(card(list, ticket.number()).text().contains("Waiting for your answer"));
    }

    // ---------------------------------------------------------------- helpers

    private static Document english(String path) {
        WebResponse response =
                portal.app.handle(WebRequest.of("GET", path, Map.of(), List.of(ANNA, "sladesk-lang=en"), ""));
        assertEquals(200, response.statusCode(), response.body());
        return Jsoup.parse(response.body());
    }

    private static Element card(Document list, String number) {
        Element link = list.selectFirst("a.number:containsOwn(" + number + ")");
        assertNotNull(link, number + " not in the list: " + list.text());
        return link.closest("li");
    }

    private static void record(Ticket ticket, EventKind kind, Instant at, Map<String, String> data) {
        portal.clock.set(at);
        portal.services
                .ticketService()
                .record(
                        ticket.number(),
                        new TicketEvent(
                                kind.wireName() + "-" + at.getEpochSecond(), kind, at, "operations:noc", "api", data))
                .orElseThrow();
    }

    private static int historySize(Ticket ticket) {
        return portal.services
                .ticketService()
                .view(ticket.number())
                .orElseThrow()
                .history()
                .size();
    }

    private static Map<String, String> form(String text, String nonce) {
        return Map.of("_csrf", TestLogin.csrf(ANNA_EMAIL), "nonce", nonce, "tekst", text);
    }

    private static String path(Ticket ticket) {
        return "/portal/tickets/" + ticket.number();
    }

    private static String replies(Ticket ticket) {
        return path(ticket) + "/replies";
    }
}
