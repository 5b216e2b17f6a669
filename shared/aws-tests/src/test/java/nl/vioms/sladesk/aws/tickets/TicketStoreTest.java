package nl.vioms.sladesk.aws.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The ticket store under failures and races the API cannot stage: a write that fails halfway and
 * is retried, and two writers on one ticket. A DynamoDB client wrapper fails or interleaves
 * chosen PutItem calls against the real emulator.
 */
@ExtendWith(AwsEmulators.class)
class TicketStoreTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam (UTC+1), inside office hours. */
    private static final Instant T1 = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(T1);
    private static DynamoDbClient real;
    private static String table;
    private static Customer hotel;
    /** Runs before each PutItem of the wrapped client; may throw to fail it. */
    private static final AtomicReference<Consumer<PutItemRequest>> beforePut = new AtomicReference<>(r -> {});

    @BeforeAll
    static void setUp(LocalAws aws) throws Exception {
        var env = aws.environmentOf("IntakeApiFunction");
        real = aws.clients().dynamo();
        table = env.require(EnvVar.TICKETS_TABLE);
        var directory = new DirectoryRepository(real, env.require(EnvVar.DIRECTORY_TABLE));
        aws.seed("demo");
        hotel = directory.customer("hotel-gouden-leeuw").orElseThrow();
    }

    @BeforeEach
    void reset() {
        CLOCK.set(T1);
        beforePut.set(r -> {});
    }

    @Test
    void aRetryAfterAFailureHalfwayKeepsTheFirstReceiptAsTheClockStart() {
        TicketService service = service(wrapped());
        String source = "api#telnet#retry-" + System.nanoTime();
        failOnce(r -> "TICKET".equals(r.item().get("sk").s())); // the snapshot write fails

        assertThrows(DynamoDbException.class, () -> service.open(report(T1), hotel, source));
        // the client retries with the same Idempotency-Key five seconds later
        CLOCK.set(T1.plusSeconds(5));
        var opened = service.open(report(T1.plusSeconds(5)), hotel, source);

        var stored = store().find(opened.ticket().number()).orElseThrow();
        assertEquals(T1, stored.ticket().createdAt(), "R8: the clock starts at the first receipt");
        assertEquals(1, stored.history().size(), "one created event: " + stored.history());
        // HA, P2, inside office hours -> 24x7 from 10:12:30 (R7): response 2 h -> 12:12:30 Amsterdam
        assertEquals(
                Instant.parse("2026-11-26T11:12:30Z"),
                service.clocksOf(stored.ticket()).responseDue());
    }

    @Test
    void aWriterThatLosesTheRaceIsJudgedAgainstTheWinnersEvent() {
        TicketService service = service(wrapped());
        TicketService other = service(real);
        String number = service.open(report(T1), hotel, "api#telnet#race-" + System.nanoTime())
                .ticket()
                .number();
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        // just before our first write, another operator resolves the ticket
        interleaveOnce(
                r -> r.item().get("pk").s().equals("TICKET#" + number),
                () -> other.record(number, event("resolve-a", EventKind.RESOLVED, "2026-11-26T09:58:00Z")));

        assertThrows(
                ConflictException.class,
                () -> service.record(number, event("resolve-b", EventKind.RESOLVED, "2026-11-26T09:59:00Z")),
                "resolved twice is a conflict");

        var stored = store().find(number).orElseThrow();
        assertEquals(TicketStatus.RESOLVED, stored.ticket().status());
        assertEquals(
                Instant.parse("2026-11-26T09:58:00Z"),
                stored.ticket().timeline().resolvedAt());
        assertEquals(
                1,
                stored.history().stream()
                        .filter(e -> e.kind() == EventKind.RESOLVED)
                        .count(),
                stored.history().toString());
    }

    @Test
    void aWriterThatLosesTheRaceWithAnEventThatStillFitsIsStoredAfterTheWinner() {
        TicketService service = service(wrapped());
        TicketService other = service(real);
        String number = service.open(report(T1), hotel, "api#telnet#race2-" + System.nanoTime())
                .ticket()
                .number();
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        interleaveOnce(
                r -> r.item().get("pk").s().equals("TICKET#" + number),
                () -> other.record(
                        number,
                        new TicketEvent(
                                "note-a",
                                EventKind.NOTE,
                                Instant.parse("2026-11-26T09:58:00Z"),
                                "operations:a",
                                "api",
                                Map.of("text", "gebeld"))));

        var view = service.record(number, event("wait-b", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T09:59:00Z"))
                .orElseThrow();

        assertEquals(TicketStatus.WAITING, view.ticket().status());
        assertEquals(3, view.history().size(), view.history().toString());
        assertEquals("WAITING", snapshot(number).get("status").s(), "the listed view agrees");
    }

    @Test
    void aCrashAfterTheSnapshotBeforeTheEventItemIsRepairedByTheNextRead() {
        TicketService service = service(wrapped());
        String number = service.open(report(T1), hotel, "api#telnet#crash-" + System.nanoTime())
                .ticket()
                .number();
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        failOnce(r -> r.item().get("sk").s().startsWith("EVENT#")
                && r.item().get("sk").s().endsWith("#wait-c"));

        try {
            service.record(number, event("wait-c", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T09:59:00Z"));
        } catch (DynamoDbException crashed) {
            // whichever write it hit, the history and the listed view must agree afterwards
        }

        var stored = store().find(number).orElseThrow();
        assertEquals(
                stored.ticket().status().name(), snapshot(number).get("status").s());
        if (stored.has("wait-c")) {
            assertEquals(TicketStatus.WAITING, stored.ticket().status());
            assertTrue(store().find(number).orElseThrow().has("wait-c"), "kept");
        }
    }

    @Test
    void anEventIdOfElevenHundredCharactersLeavesTheTicketReadableAndWritable() {
        // issue 15 item 2: an id of 1 100 characters makes the event item's key exceed 1 024 bytes,
        // after the snapshot (the commit point) holds it as its pending event
        TicketService service = service(real);
        String number = service.open(report(T1), hotel, "api#telnet#poison-" + System.nanoTime())
                .ticket()
                .number();
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        String longId = "api-" + "a".repeat(1100);

        service.record(number, event(longId, EventKind.WORK_STARTED, "2026-11-26T09:58:00Z"));

        assertTrue(store().find(number).orElseThrow().has(longId), "still read from the snapshot");
        var after = service.record(number, event("note-after", EventKind.NOTE, "2026-11-26T09:59:00Z"))
                .orElseThrow();
        assertTrue(
                after.history().stream().anyMatch(e -> e.id().equals("note-after")),
                after.history().toString());
        assertEquals(
                after.ticket().status().name(), snapshot(number).get("status").s());
        assertTrue(service.recordCheckpoints(number, Instant.parse("2026-11-26T10:00:00Z")) >= 0);
    }

    // ---------------------------------------------------------------- helpers

    /** The store on the emulator's own client, for reading back. */
    private static TicketRepository store() {
        return new TicketRepository(real, table);
    }

    @Test
    void aQueueEntryCarriesTheTimelineSoItsClocksAreTheTicketsOwn() {
        TicketService service = service(real);
        String number = service.open(report(T1), hotel, "api#telnet#timeline-" + System.nanoTime())
                .ticket()
                .number();
        Instant responded = T1.plusSeconds(600);
        Instant paused = T1.plusSeconds(1200);
        Instant resumed = T1.plusSeconds(3000);
        Instant reclassified = T1.plusSeconds(3600);
        record(service, number, "r", EventKind.RESPONSE, responded, Map.of());
        record(service, number, "w", EventKind.WAITING_FOR_CUSTOMER, paused, Map.of("text", "Welk toestel?"));
        record(service, number, "c", EventKind.CUSTOMER_REPLIED, resumed, Map.of());
        record(service, number, "p", EventKind.RECLASSIFIED, reclassified, Map.of("priority", "P1"));
        record(service, number, "w2", EventKind.WAITING_FOR_CUSTOMER, reclassified.plusSeconds(60), Map.of());

        // the queue reads snapshots only (no history): the timeline's facts come with them (issue 17)
        var entry = service.queue().stream()
                .filter(t -> t.number().equals(number))
                .findFirst()
                .orElseThrow();
        var full = service.view(number).orElseThrow().ticket();
        assertEquals(full.timeline(), entry.timeline());
        assertEquals(responded, entry.timeline().respondedAt());
        assertEquals(2, entry.timeline().pauses().size());
        assertTrue(entry.timeline().pauses().get(1).ongoing());
        assertEquals(1, entry.timeline().reclassifications().size());
        CLOCK.set(reclassified.plusSeconds(120));
        assertEquals(service.clocksOf(full), service.clocksOf(entry));
    }

    private static void record(
            TicketService service, String number, String id, EventKind kind, Instant at, Map<String, String> data) {
        CLOCK.set(at);
        service.record(number, new TicketEvent(id, kind, at, "ops", "test", data))
                .orElseThrow();
    }

    private static TicketService service(DynamoDbClient client) {
        return new TicketService(
                new TicketRepository(client, table),
                new TicketClocks(PolicyLoader.loadDefault()),
                new PriorityClassifier(),
                CLOCK);
    }

    private static Report report(Instant at) {
        return new Report(
                TicketKind.INCIDENT,
                Channel.API,
                at,
                "reseller:telnet-portal",
                "Receptie kan niet doorverbinden",
                "Sinds vanochtend werkt doorverbinden niet.",
                null,
                "pbx",
                "api",
                "reseller:telnet-portal");
    }

    private static TicketEvent event(String id, EventKind kind, String at) {
        return new TicketEvent(id, kind, Instant.parse(at), "operations:noc", "api", Map.of());
    }

    private static Map<String, AttributeValue> snapshot(String number) {
        var key = Map.of("pk", AttributeValue.fromS("TICKET#" + number), "sk", AttributeValue.fromS("TICKET"));
        return real.getItem(b -> b.tableName(table).consistentRead(true).key(key))
                .item();
    }

    private static void failOnce(Predicate<PutItemRequest> which) {
        beforePut.set(r -> {
            if (which.test(r)) {
                beforePut.set(x -> {});
                throw DynamoDbException.builder().message("simulated failure").build();
            }
        });
    }

    private static void interleaveOnce(Predicate<PutItemRequest> which, Runnable otherWriter) {
        beforePut.set(r -> {
            if (which.test(r)) {
                beforePut.set(x -> {});
                otherWriter.run();
            }
        });
    }

    /** The emulator's client, with {@link #beforePut} run before every PutItem. */
    private static DynamoDbClient wrapped() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof Consumer<?>) {
                return InvocationHandler.invokeDefault(proxy, method, args); // builds the request, comes back here
            }
            if (method.getName().equals("putItem")) {
                beforePut.get().accept((PutItemRequest) args[0]);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, handler);
    }
}
