package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vioms.sladesk.app.tickets.MajorIncidentData;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19, R21: a customer whose report was linked to the platform's major incident (and resolved
 * by its cascade) gets the same availability and credit as one who never reported: both come from
 * the one platform outage; a child's ticket is no outage. The real month-end handler on the emulators.
 */
@ExtendWith(AwsEmulators.class)
class MajorIncidentMonthEndTest {
    /** 1 Mar 2027 00:05 Amsterdam: February has ended. */
    private static final MutableClock CLOCK = new MutableClock(at("2027-03-01T00:05"));

    @Test
    void aLinkedReportChangesNeitherAvailabilityNorCredit(LocalAws aws) throws Exception {
        Environment env = aws.environmentOf("MonthEndFunction");
        var dynamo = aws.clients().dynamo();
        var directory = new DirectoryRepository(dynamo, env.require(EnvVar.DIRECTORY_TABLE));
        var monitoring = new MonitoringRepository(dynamo, env.require(EnvVar.MONITORING_TABLE));
        TicketService tickets = new TicketService(
                new TicketRepository(
                        dynamo,
                        env.require(EnvVar.TICKETS_TABLE),
                        aws.resources().tableName("OutboxTable")),
                new TicketClocks(PolicyLoader.loadDefault()),
                new PriorityClassifier(),
                CLOCK);
        Customer linked = customer("mi-gemeld", "Gemeld Maandeinde");
        Customer quiet = customer("mi-stil", "Stil Maandeinde");
        directory.putCustomer(linked);
        directory.putCustomer(quiet);
        MonitoredService platform =
                MonitoredService.platform("mi-maandeinde", "Hosted (maandeinde)", Set.of(ServiceKind.HOSTED_PBX));
        monitoring.putService(platform);

        // Tue 9 Feb 2027 10:00-20:00 Amsterdam the platform is down: confirmed 10:04, the probe's P1 at 10:04
        Instant start = at("2027-02-09T10:00");
        CLOCK.set(start.plusSeconds(240));
        String major = tickets.open(
                        new Report(
                                TicketKind.INCIDENT,
                                Channel.MONITORING,
                                CLOCK.instant(),
                                "monitoring:probe-mi",
                                "Hosted (maandeinde) onbereikbaar",
                                "",
                                "P1",
                                null,
                                "probe",
                                "monitoring:probe",
                                Map.of(
                                        TicketLifecycle.MAJOR_SERVICE, platform.key(),
                                        MajorIncidentData.SERVICE_NAME, platform.name(),
                                        MajorIncidentData.CARRIES, "hosted-pbx")),
                        new Customer(
                                platform.key(),
                                "vioms",
                                platform.name(),
                                SlaLevel.A,
                                List.of(new ServiceRef("hosted-pbx", ServiceKind.HOSTED_PBX, platform.name())),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                Set.of(),
                                Set.of(),
                                Set.of()),
                        "monitoring#mi-maandeinde#" + UUID.randomUUID())
                .ticket()
                .number();
        // 10:20 the customer reports it: linked as a child
        CLOCK.set(at("2027-02-09T10:20"));
        String child = tickets.open(
                        new Report(
                                TicketKind.INCIDENT,
                                Channel.PHONE,
                                CLOCK.instant(),
                                "+31201234567",
                                "Storing",
                                "Niemand kan bellen",
                                null,
                                null,
                                "phone",
                                "test"),
                        linked,
                        "phone#mi-maandeinde#" + UUID.randomUUID())
                .ticket()
                .number();
        // 20:00 the outage ends; operations resolve the major incident, the child follows
        CLOCK.set(at("2027-02-09T20:00"));
        tickets.record(
                major, new TicketEvent("resolve", EventKind.RESOLVED, CLOCK.instant(), "operations", "api", Map.of()));
        assertEquals(
                TicketStatus.RESOLVED,
                tickets.view(child).orElseThrow().ticket().status());
        assertEquals(major, tickets.view(child).orElseThrow().ticket().parent());
        monitoring.putOutage(
                new Outage(platform.key(), "probe-mi", start, start.plusSeconds(240), at("2027-02-09T20:00"), major));

        CLOCK.set(at("2027-03-01T00:05"));
        LambdaInvoke.invoke(new MonthEndHandler(env, aws.clients(), CLOCK), Map.of("month", "2027-02"), Map.class);

        // February 2027: 28 x 1440 = 40 320 min; down 10 h = 600 min -> 39 720 / 40 320 = 98.511904...% -> 98.5119
        JsonNode reported = report(aws, env, linked.id());
        JsonNode silent = report(aws, env, quiet.id());
        for (JsonNode report : List.of(reported, silent)) {
            JsonNode pbx = report.get("report").get("services").get(0);
            assertEquals("40320", pbx.get("totalMinutes").asText());
            assertEquals("600", pbx.get("downMinutes").asText(), "the one platform outage, not the child's ticket");
            assertEquals("98.5119", pbx.get("availability").asText());
            assertEquals(1, pbx.get("outages").size());
        }
        assertEquals(silent.get("report").get("credit"), reported.get("report").get("credit"), "the same credit");
    }

    private static JsonNode report(LocalAws aws, Environment env, String customer) throws Exception {
        String json = aws.clients()
                .s3()
                .getObjectAsBytes(b -> b.bucket(env.require(EnvVar.REPORTS_BUCKET))
                        .key("month-end/2027-02/contracts/" + customer + "/v0001.json"))
                .asString(StandardCharsets.UTF_8);
        return DatabindJson.MAPPER.readTree(json);
    }

    private static Customer customer(String id, String name) {
        return new Customer(
                id,
                "telnet",
                name,
                SlaLevel.N,
                List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX")),
                new BigDecimal("100.00"),
                new BigDecimal("100.00"),
                Set.of(),
                Set.of(),
                Set.of());
    }

    private static Instant at(String amsterdam) {
        return LocalDateTime.parse(amsterdam).atZone(Amsterdam.ZONE).toInstant();
    }
}
