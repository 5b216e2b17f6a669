package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue page on the emulators with real tickets (issue 17 page 1). Looked at on
 * Thu 26 Nov 2026 14:00 Amsterdam (13:00Z); the deadlines below are worked out by hand from R5,
 * R13, R17 and the default policy (office hours 09:00-17:30, R3).
 */
@ExtendWith(AwsEmulators.class)
class QueuePageTest {
    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");
    private static final String OPS = TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS);

    private static ConsoleClient console;
    /** N, P1, Wed 25 Nov 15:30 Amsterdam: response red, restore amber. */
    private static Ticket bakkerP1;
    /** HA, P1, Thu 09:12:30: response red, restore running; escalated at once (R17). */
    private static Ticket hotelP1;
    /** HA, P2, Thu 12:20: response amber. */
    private static Ticket hotelP2;
    /** HA, P3, Thu 10:00, waiting for the customer since 13:00. */
    private static Ticket hotelP3;
    /** B (De Belwinkel), P2, Thu 10:30. */
    private static Ticket tandartsP2;
    /** An unknown reporter: triage. */
    private static Ticket triage;

    @BeforeAll
    static void openTickets(LocalAws aws) {
        console = new ConsoleClient(aws, new MutableClock(NOW));
        bakkerP1 = console.open("bakkerij-devries", "P1", "Kassa-telefoon dood", Instant.parse("2026-11-25T14:30:00Z"));
        hotelP1 =
                console.open("hotel-gouden-leeuw", "P1", "Centrale ligt eruit", Instant.parse("2026-11-26T08:12:30Z"));
        hotelP3 = console.open(
                "hotel-gouden-leeuw", "P3", "Vraag over wachtmuziek", Instant.parse("2026-11-26T09:00:00Z"));
        tandartsP2 =
                console.open("tandarts-smit", "P2", "Doorverbinden lukt niet", Instant.parse("2026-11-26T09:30:00Z"));
        triage = console.open(null, "P2", "Wie ben ik", Instant.parse("2026-11-26T10:00:00Z"));
        hotelP2 = console.open(
                "hotel-gouden-leeuw", "P2", "Receptie onbereikbaar", Instant.parse("2026-11-26T11:20:00Z"));
        console.clock.set(Instant.parse("2026-11-26T12:00:00Z"));
        console.services
                .ticketService()
                .record(
                        hotelP3.number(),
                        new TicketEvent(
                                "test-wait",
                                EventKind.WAITING_FOR_CUSTOMER,
                                console.clock.instant(),
                                "ops@vioms.demo",
                                "test",
                                Map.of("text", "Welke muziek wilt u?")));
        console.clock.set(NOW);
    }

    @Test
    void theQueueListsOpenTicketsInR11OrderWithNamesNotIds() {
        Document page = console.page("/console/", OPS);

        // R11: priority first, then the time of reporting; the triage ticket is in its own section
        assertEquals(
                List.of(bakkerP1.number(), hotelP1.number(), tandartsP2.number(), hotelP2.number(), hotelP3.number()),
                mine(page.select("#h-queue ~ .table-wrap tbody tr")));
        assertEquals(List.of(triage.number()), mine(page.select("#h-triage ~ .table-wrap tbody tr")));

        Element hotel = row(page, hotelP1.number());
        assertEquals(
                "/console/tickets/" + hotelP1.number(),
                hotel.selectFirst("th a").attr("href"));
        assertTrue(hotel.text().contains("Hotel De Gouden Leeuw"), hotel.text());
        assertTrue(hotel.text().contains("TelNet Partners B.V."), hotel.text());
        assertTrue(hotel.text().contains("HA"), hotel.text());
        assertTrue(hotel.text().contains("API"), hotel.text());
        // 09:12:30 -> 14:00 Amsterdam: 4 h 47 m old
        assertTrue(hotel.text().contains("4 u 47 m"), hotel.text());
        assertFalse(hotel.text().contains("hotel-gouden-leeuw"), "no ids for people: " + hotel.text());
        assertTrue(row(page, tandartsP2.number()).text().contains("De Belwinkel"));
        assertEquals("Wachtrij · SLA Desk", page.title());
    }

    @Test
    void eachRunningDeadlineCountsDownAmberFromTheWarningAndRedWhenBreached() {
        Document page = console.page("/console/", OPS);

        // N is office hours (09:00-17:30). Reported Wed 15:30: 2 office hours left that day.
        // response 4 h: Wed 2 h + Thu 2 h -> Thu 11:00 Amsterdam = 10:00Z, passed at 14:00: red.
        // restore 8 h: Wed 2 h + Thu 6 h -> Thu 15:00 = 14:00Z; 75 % (6 h): Wed 2 h + Thu 4 h
        // -> Thu 13:00 = 12:00Z, passed at 14:00 but the deadline not yet: amber (R17).
        Element bakker = row(page, bakkerP1.number());
        assertDeadline(bakker, 0, "2026-11-26T10:00:00Z", "due breached");
        assertDeadline(bakker, 1, "2026-11-26T14:00:00Z", "due warning");

        // HA runs 24x7 in clock hours. Reported Thu 08:12:30Z: response 2 h -> 10:12:30Z, red;
        // restore 8 h -> 16:12:30Z, its 75 % at 6 h -> 14:12:30Z, still ahead at 13:00Z: plain.
        Element hotel = row(page, hotelP1.number());
        assertDeadline(hotel, 0, "2026-11-26T10:12:30Z", "due breached");
        assertDeadline(hotel, 1, "2026-11-26T16:12:30Z", "due");

        // HA P2 reported 11:20Z: response 2 h -> 13:20Z; amber from 75 % of it, 1 h 30 m -> 12:50Z
        Element p2 = row(page, hotelP2.number());
        assertDeadline(p2, 0, "2026-11-26T13:20:00Z", "due warning");
        assertEquals("20m 0s", cells(p2).get(0).selectFirst(".left").text(), "20 minutes left at 13:00Z");
    }

    @Test
    void aPausedTicketIsMarkedWaitingForTheCustomerWithSince() {
        Element paused = row(console.page("/console/", OPS), hotelP3.number());
        // waiting since 12:00Z = 13:00 Amsterdam; a P3 on HA has no response or restore target (R14)
        assertTrue(paused.text().contains("wacht op klant sinds do 26 nov 13:00"), paused.text());
        assertEquals("", cells(paused).get(0).attr("data-due"));
        assertTrue(cells(paused).get(0).text().contains("geen termijn"), paused.text());
    }

    @Test
    void filtersNarrowTheQueueByQuery() {
        assertEquals(
                List.of(bakkerP1.number(), hotelP1.number()),
                mine(console.page("/console/?prioriteit=P1", OPS).select("tbody tr")));
        assertEquals(
                List.of(tandartsP2.number()),
                mine(console.page("/console/?reseller=belwinkel", OPS).select("tbody tr")));
        assertEquals(
                List.of(hotelP1.number(), hotelP2.number(), hotelP3.number()),
                mine(console.page("/console/?klant=hotel-gouden-leeuw", OPS).select("tbody tr")));
        assertEquals(
                List.of(triage.number()),
                mine(console.page("/console/?triage=ja", OPS).select("tbody tr")));
        // breached at 13:00Z: the two P1s' responses (10:00Z, 10:12:30Z); the others run
        assertEquals(
                List.of(bakkerP1.number(), hotelP1.number()),
                mine(console.page("/console/?verlopen=ja", OPS).select("tbody tr")));

        Document filtered = console.page("/console/?prioriteit=P1&verlopen=ja", OPS);
        assertEquals(
                "P1", filtered.selectFirst("#f-prioriteit option[selected]").val());
        assertTrue(filtered.selectFirst("#f-verlopen").hasAttr("checked"));
        assertEquals(
                "f-prioriteit", filtered.selectFirst("label[for=f-prioriteit]").attr("for"));
        assertEquals(
                "/console/?prioriteit=P1&verlopen=ja",
                filtered.selectFirst("#wachtrij").attr("data-src"));
    }

    @Test
    void anUnknownFilterValueIsRefusedWith400() {
        WebResponse response = console.get("/console/?prioriteit=P9", OPS);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Prioriteit is P1, P2 of P3."), response.body());
    }

    @Test
    void theSecondLineSeesOnlyWhatWasEscalatedToIt() {
        Document page = console.page("/console/", TestLogin.cookie("tweedelijn@vioms.demo", Role.SECOND_LINE));
        // R17: the HA P1 went to the second line at creation; the N P1 only at its 75 % warning
        // (recorded by the sweep, which has not run), the P2s and P3 never
        assertEquals(List.of(hotelP1.number()), mine(page.select("tbody tr")));
    }

    @Test
    void theFragmentRefreshesItselfEvery30Seconds() {
        WebResponse fragment = console.get("/console/", OPS, true);
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().strip().startsWith("<div id=\"wachtrij\""), fragment.body());
        Element box = Jsoup.parseBodyFragment(fragment.body()).selectFirst("#wachtrij");
        assertEquals("30", box.attr("data-refresh"));
        assertEquals("/console/", box.attr("data-src"));
        assertFalse(fragment.body().contains("<header"), "a fragment, not a page");
    }

    @Test
    void financeLandsOnTheStartPageNotTheQueue() {
        WebResponse response = console.get("/console/", TestLogin.cookie("finance@vioms.demo", Role.FINANCE));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Welkom"), response.body());
        assertFalse(response.body().contains("wachtrij\""), response.body());
    }

    private static void assertDeadline(Element row, int index, String due, String css) {
        Element cell = cells(row).get(index);
        assertEquals(due, cell.attr("data-due"), row.text());
        assertEquals(css, cell.attr("class"), row.text());
        assertTrue(cell.selectFirst(".left") != null, "a countdown: " + cell);
    }

    /** The response and restore cells. */
    private static List<Element> cells(Element row) {
        return row.select("td.due");
    }

    private static Element row(Document page, String number) {
        return page.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th a").text().equals(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError(number + " not in the queue"));
    }

    /** The ticket numbers of this class's tickets among the rows, in their order (other tests share the table). */
    private static List<String> mine(List<Element> rows) {
        Set<String> ours = Set.of(
                bakkerP1.number(),
                hotelP1.number(),
                hotelP2.number(),
                hotelP3.number(),
                tandartsP2.number(),
                triage.number());
        return rows.stream()
                .map(r -> r.selectFirst("th a").text())
                .filter(ours::contains)
                .toList();
    }
}
