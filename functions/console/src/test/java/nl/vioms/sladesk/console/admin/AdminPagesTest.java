package nl.vioms.sladesk.console.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.DirectoryAdmin;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.intake.api.IntakeApiHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Beheer on the emulated account with the demo directory: the real ConsoleApp (TestLogin for the
 * session), the directory table as the console writes it, and the real HTTP API handler that has
 * to accept (or refuse) what the pages did. What a person sees is read with jsoup.
 */
@ExtendWith(AwsEmulators.class)
class AdminPagesTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam. */
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static final String ADMIN = TestLogin.cookie("admin@vioms.demo", Role.ADMIN);
    private static final String CSRF = "csrf-admin@vioms.demo";
    /** Each test its own ids and numbers: the emulated account is shared by the whole JVM. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static ConsoleApp app;
    private static IntakeApiHandler api;
    private static DirectoryAdmin directory;
    private static DirectoryRepository repository;

    @BeforeAll
    static void start(LocalAws aws) {
        aws.seed("demo");
        app = new ConsoleApp(new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), CLOCK), new TestLogin());
        api = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);
        String table = aws.resources().tableName("DirectoryTable");
        directory = new DirectoryAdmin(aws.clients().dynamo(), table);
        repository = new DirectoryRepository(aws.clients().dynamo(), table);
    }

    @Test
    void aCustomerCreatedOnThePageIsStoredAndTheApiTakesItsTicketWithATokenIssuedOnThePage() {
        String id = "klant-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        String digits = twoDigits();
        Map<String, String> form = customerForm(id, "Kapsalon Knip", "020 555 01" + digits);

        WebResponse created = post("/console/admin/customers", form);

        assertEquals(303, created.statusCode(), created.body());
        Customer stored = directory.customer(id).orElseThrow().value();
        assertEquals(SlaLevel.HA, stored.level());
        // 020 555 01xx, a Dutch number without country code: +31 and the number without its 0
        assertEquals(Set.of("+312055501" + digits), stored.phoneNumbers(), "E.164");
        Document page = get("/console/admin/customers/" + id);
        assertTrue(page.text().contains("Kapsalon Knip"));
        assertTrue(page.text().contains("TelNet Partners B.V."), "the reseller by name, not its id");
        assertTrue(page.text().contains("€ 1.250,00"), page.text());
        assertTrue(page.text().contains("aangemaakt"), "the audit trail");
        assertTrue(page.text().contains("admin@vioms.demo"), "who did it");

        WebResponse issued = post(
                "/console/admin/tokens",
                Map.of("name", "portaal-" + id, "scope", "RESELLER", "reseller", "telnet", "expires", "90"));
        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Jsoup.parse(issued.body()).getElementById("geheim").val();
        assertTrue(secret.startsWith("sld_"), secret);

        APIGatewayV2HTTPResponse ticket = openTicket(secret, id);

        assertEquals(201, ticket.getStatusCode(), ticket.getBody());
        String tokensPage =
                app.handle(request("GET", "/console/admin/tokens", null)).body();
        assertFalse(tokensPage.contains(secret), "the secret is shown on the page that issued it only");
        assertTrue(Jsoup.parse(tokensPage).text().contains("portaal-" + id));
        assertFalse(get("/console/admin/resellers/telnet").html().contains(secret));
    }

    @Test
    void invalidFieldsAreRefusedWith400EachWithItsMessageTheFormKeptAndNothingStored() {
        String id = "fout-" + SEQUENCE.incrementAndGet();
        Map<String, String> form = new HashMap<>(customerForm(id, "Garage Fout", "12345"));
        form.put("emails", "jan@");
        form.put("level", "Z");
        form.put("monthlyLicenceFee", "-5");

        WebResponse refused = post("/console/admin/customers", form);

        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals(
                "'12345' is geen geldig telefoonnummer.",
                page.getElementById("fout-phones").text());
        assertEquals(
                "'jan@' is geen e-mailadres.",
                page.getElementById("fout-emails").text());
        assertEquals(
                "Kies een serviceniveau: A, N, B, HA, HS, HN of HB.",
                page.getElementById("fout-level").text());
        assertTrue(page.getElementById("fout-monthlyLicenceFee").text().contains("tot 1.000.000"));
        assertEquals("true", page.getElementById("veld-phones").attr("aria-invalid"));
        assertEquals("Garage Fout", page.getElementById("veld-name").val(), "what was typed stays");
        assertTrue(directory.customer(id).isEmpty(), "nothing stored");
    }

    @Test
    void ofTwoAdminsEditingOneCustomerTheSecondGets409AndSeesTheFirstOnesValues() {
        String id = "samen-" + SEQUENCE.incrementAndGet();
        assertEquals(
                303,
                post("/console/admin/customers", customerForm(id, "Drukkerij Een", ""))
                        .statusCode());
        String version = get("/console/admin/customers/" + id + "/edit")
                .selectFirst("input[name=version]")
                .val();

        Map<String, String> first = new HashMap<>(customerForm(id, "Drukkerij Twee", ""));
        first.put("version", version);
        first.put("level", "N");
        Map<String, String> second = new HashMap<>(customerForm(id, "Drukkerij Drie", ""));
        second.put("version", version);
        WebResponse firstSaved = post("/console/admin/customers/" + id, first);
        WebResponse secondSaved = post("/console/admin/customers/" + id, second);

        assertEquals(303, firstSaved.statusCode(), firstSaved.body());
        assertEquals(409, secondSaved.statusCode());
        Document page = Jsoup.parse(secondSaved.body());
        assertTrue(page.text().contains("Iemand anders heeft dit intussen gewijzigd"), page.text());
        assertEquals("Drukkerij Twee", page.getElementById("veld-name").val(), "the current values");
        assertEquals(
                "Drukkerij Twee", directory.customer(id).orElseThrow().value().name());
        String history = get("/console/admin/customers/" + id).text();
        assertTrue(history.contains("naam: Drukkerij Een → Drukkerij Twee"), history);
        assertTrue(history.contains("niveau: HA → N"), history);
    }

    @Test
    void aRotatedTokenAndThenARevokedOneAreRefusedByTheApiAtOnce() {
        String id = "tok-" + SEQUENCE.incrementAndGet();
        assertEquals(
                303,
                post("/console/admin/customers", customerForm(id, "Bloemist Tok", ""))
                        .statusCode());
        String name = "rot-" + id;
        String first = secretOf(post(
                "/console/admin/tokens",
                Map.of("name", name, "scope", "RESELLER", "reseller", "telnet", "expires", "30")));
        assertEquals(201, openTicket(first, id).getStatusCode());

        Document confirm = get("/console/admin/tokens/" + name + "/rotate");
        assertTrue(confirm.text().contains("Het oude werkt meteen niet meer"), confirm.text());
        assertTrue(confirm.text().contains("TelNet Partners B.V."), "for whom, by name");
        assertEquals(1, openTicketCount(first, id), "asking is not doing: the old one still works");

        String second = secretOf(post("/console/admin/tokens/" + name + "/rotate", Map.of()));

        assertEquals(401, openTicket(first, id).getStatusCode(), "no overlap on the page: the old one ends now");
        assertEquals(201, openTicket(second, id).getStatusCode());

        WebResponse revoked = post("/console/admin/tokens/" + name + "/revoke", Map.of());

        assertEquals(303, revoked.statusCode());
        assertEquals(401, openTicket(second, id).getStatusCode());
        assertEquals(
                303, post("/console/admin/tokens/" + name + "/revoke", Map.of()).statusCode(), "twice: harmless");
    }

    @Test
    void operationsGet403OnEveryAdminRoute() {
        String ops = TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS);
        List<String> gets = List.of(
                "/console/admin",
                "/console/admin/resellers",
                "/console/admin/resellers/new",
                "/console/admin/resellers/telnet",
                "/console/admin/resellers/telnet/edit",
                "/console/admin/customers",
                "/console/admin/customers/new",
                "/console/admin/customers/bakkerij-devries",
                "/console/admin/customers/bakkerij-devries/edit",
                "/console/admin/tokens",
                "/console/admin/tokens/telnet-portal/revoke");
        List<String> posts = List.of(
                "/console/admin/resellers",
                "/console/admin/resellers/telnet",
                "/console/admin/customers",
                "/console/admin/customers/bakkerij-devries",
                "/console/admin/tokens",
                "/console/admin/tokens/telnet-portal/rotate",
                "/console/admin/tokens/telnet-portal/revoke");
        for (String path : gets) {
            assertEquals(
                    403,
                    app.handle(WebRequest.of("GET", path, Map.of(), List.of(ops), null))
                            .statusCode(),
                    path);
        }
        for (String path : posts) {
            WebResponse response = app.handle(WebRequest.of(
                    "POST",
                    path,
                    Map.of("content-type", "application/x-www-form-urlencoded"),
                    List.of(ops),
                    "_csrf=csrf-ops%40vioms.demo&name=x"));
            assertEquals(403, response.statusCode(), path);
        }
        assertEquals(
                "Bakkerij De Vries",
                directory.customer("bakkerij-devries").orElseThrow().value().name());
    }

    @Test
    void markupInACustomersNameIsShownAsTextNotRun() {
        String id = "xss-" + SEQUENCE.incrementAndGet();
        String name = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        assertEquals(
                303,
                post("/console/admin/customers", customerForm(id, name, "")).statusCode());

        String body = app.handle(request("GET", "/console/admin/customers/" + id, null))
                .body();
        assertFalse(body.contains("<script>alert"), "escaped");
        assertFalse(body.contains("<img src=x"), "escaped");
        Document page = Jsoup.parse(body);
        assertEquals(name, page.selectFirst("h1").text(), "shown as the text that was typed");
        assertTrue(get("/console/admin/customers").text().contains(name));
    }

    @Test
    void aResellerIsCreatedAndListedWithItsDeskAddressAndNumberOfCustomers() {
        String id = "partner-" + SEQUENCE.incrementAndGet();

        WebResponse created = post(
                "/console/admin/resellers",
                Map.of("id", id, "name", "Partner & Zn", "contacts", "Desk@Partner.example\n"));
        WebResponse refused =
                post("/console/admin/resellers", Map.of("id", "Fout Id", "name", "", "contacts", "geen-adres"));

        assertEquals(303, created.statusCode(), created.body());
        assertEquals(400, refused.statusCode());
        Document list = get("/console/admin/resellers");
        assertTrue(list.text().contains("Partner & Zn desk@partner.example 0"), list.text());
        assertEquals(
                "Vul een naam in.",
                Jsoup.parse(refused.body()).getElementById("fout-name").text());
    }

    @Test
    void anEditMovesTheLookupsAndANumberOfAnotherCustomerIsRefusedAtItsField() {
        String id = "nummer-" + SEQUENCE.incrementAndGet();
        String phone = "020 555 02" + twoDigits();
        assertEquals(
                303,
                post("/console/admin/customers", customerForm(id, "Fietsenmaker", phone))
                        .statusCode());
        String e164 = directory
                .customer(id)
                .orElseThrow()
                .value()
                .phoneNumbers()
                .iterator()
                .next();
        assertEquals(id, repository.customerByPhone(e164).orElseThrow().id(), "a caller leads to the customer");

        Map<String, String> edit = new HashMap<>(customerForm(id, "Fietsenmaker", ""));
        edit.put("version", "1");
        edit.put("emails", "Werkplaats@Fietsenmaker.example");
        assertEquals(303, post("/console/admin/customers/" + id, edit).statusCode());

        assertTrue(repository.customerByPhone(e164).isEmpty(), "the removed number's lookup is gone");
        assertEquals(
                id,
                repository
                        .customerByEmail("werkplaats@fietsenmaker.example")
                        .orElseThrow()
                        .id());
        WebResponse taken = post(
                "/console/admin/customers",
                customerForm("ander-" + SEQUENCE.incrementAndGet(), "Ander", "020 123 4567"));
        assertEquals(400, taken.statusCode());
        assertEquals(
                "'+31201234567' hoort al bij Bakkerij De Vries.",
                Jsoup.parse(taken.body()).getElementById("fout-phones").text());
    }

    @Test
    void aResellersDeskAddressIsChangedWithItsLookupAndTheChangeIsRecorded() {
        String id = "desk-" + SEQUENCE.incrementAndGet();
        assertEquals(
                303,
                post("/console/admin/resellers", Map.of("id", id, "name", "Desk BV", "contacts", "oud@desk.example"))
                        .statusCode());

        WebResponse edited = post(
                "/console/admin/resellers/" + id,
                Map.of("name", "Desk BV", "contacts", "nieuw@desk.example", "version", "1"));
        WebResponse stale = post(
                "/console/admin/resellers/" + id,
                Map.of("name", "Desk Oud BV", "contacts", "oud@desk.example", "version", "1"));

        assertEquals(303, edited.statusCode(), edited.body());
        assertEquals(409, stale.statusCode());
        assertTrue(repository.resellerByEmail("oud@desk.example").isEmpty());
        assertEquals(
                id,
                repository.resellerByEmail("nieuw@desk.example").orElseThrow().id());
        String page = get("/console/admin/resellers/" + id).text();
        assertTrue(page.contains("contactadressen: oud@desk.example → nieuw@desk.example"), page);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> customerForm(String id, String name, String phone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("reseller", "telnet");
        form.put("name", name);
        form.put("level", "HA");
        form.put("monthlyLicenceFee", "1250.00");
        form.put("monthlyFixedCosts", "");
        form.put("services", "pbx | hosted-pbx | Hosted PBX (4 toestellen)");
        form.put("emails", "");
        form.put("domains", "");
        form.put("phones", phone);
        form.put("language", "nl");
        form.put("contractStart", "2026-01-01");
        return form;
    }

    private static String twoDigits() {
        return String.format("%02d", SEQUENCE.incrementAndGet() % 100);
    }

    private static String secretOf(WebResponse response) {
        assertEquals(201, response.statusCode(), response.body());
        return Jsoup.parse(response.body()).getElementById("geheim").val();
    }

    private static WebResponse post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", CSRF);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return app.handle(request("POST", path, body));
    }

    private static Document get(String path) {
        WebResponse response = app.handle(request("GET", path, null));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }

    private static WebRequest request(String method, String path, String body) {
        Map<String, String> headers =
                body == null ? Map.of() : Map.of("content-type", "application/x-www-form-urlencoded");
        return WebRequest.of(method, path, headers, List.of(ADMIN), body);
    }

    /** 1 when the token opened a ticket (201). */
    private static int openTicketCount(String token, String customer) {
        return openTicket(token, customer).getStatusCode() == 201 ? 1 : 0;
    }

    /** POST /tickets of the HTTP API with a reseller's bearer token, for the customer's PBX. */
    private static APIGatewayV2HTTPResponse openTicket(String token, String customer) {
        APIGatewayV2HTTPEvent event = LambdaEvents.load("intake-api/post-tickets.json", APIGatewayV2HTTPEvent.class);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + token);
        headers.put("idempotency-key", "admin-" + System.nanoTime());
        event.setHeaders(headers);
        event.setBody(
                "{\"customer\": \"" + customer + "\", \"kind\": \"incident\", \"subject\": \"Toestellen vallen uit\","
                        + " \"description\": \"Geen kiestoon sinds 10:00.\", \"service\": \"pbx\"}");
        return LambdaInvoke.invoke(api, event, APIGatewayV2HTTPResponse.class);
    }
}
