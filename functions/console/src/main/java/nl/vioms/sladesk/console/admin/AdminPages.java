package nl.vioms.sladesk.console.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.directory.DirectoryEntries;
import nl.vioms.sladesk.app.directory.DirectoryEntries.CustomerFields;
import nl.vioms.sladesk.app.directory.DirectoryEntries.Judged;
import nl.vioms.sladesk.app.directory.DirectoryEntries.ResellerFields;
import nl.vioms.sladesk.app.directory.Versioned;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.ApiTokens;
import nl.vioms.sladesk.aws.directory.DirectoryAdmin;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;

/**
 * Beheer (issue 17, page 6), for the admin role only: resellers, customers and API tokens. Every
 * entry is judged by {@link DirectoryEntries} (the seed's rules too) before anything is written;
 * a refused form comes back with 400, what was typed, and a message at each field at fault.
 * Console users are the login's page ({@code /console/admin/users}).
 */
public final class AdminPages {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private static final String MENU = "/console/admin";
    /** The lifetimes a new token may be given on the page (the portal's too). */
    public static final List<Integer> LIFETIME_DAYS = List.of(30, 90, 365);

    private final DirectoryAdmin directory;
    private final ApiTokens tokens;
    private final Clock clock;

    private AdminPages(DirectoryAdmin directory, ApiTokens tokens, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Registers the admin pages (one line in ConsoleApp). */
    public static void register(PageRouter router, Services services) {
        String table = services.setting(EnvVar.DIRECTORY_TABLE);
        AdminPages pages = new AdminPages(
                new DirectoryAdmin(services.dynamo(), table),
                new ApiTokens(new DirectoryRepository(services.dynamo(), table).tokens()),
                services.clock());
        router.page("GET", "/admin", ADMIN, pages::start)
                .page("GET", "/admin/resellers", ADMIN, pages::resellers)
                .page("GET", "/admin/resellers/new", ADMIN, pages::newReseller)
                .page("POST", "/admin/resellers", ADMIN, pages::createReseller)
                .page("GET", "/admin/resellers/{id}", ADMIN, pages::reseller)
                .page("GET", "/admin/resellers/{id}/edit", ADMIN, pages::editReseller)
                .page("POST", "/admin/resellers/{id}", ADMIN, pages::updateReseller)
                .page("GET", "/admin/customers", ADMIN, pages::customers)
                .page("GET", "/admin/customers/new", ADMIN, pages::newCustomer)
                .page("POST", "/admin/customers", ADMIN, pages::createCustomer)
                .page("GET", "/admin/customers/{id}", ADMIN, pages::customer)
                .page("GET", "/admin/customers/{id}/edit", ADMIN, pages::editCustomer)
                .page("POST", "/admin/customers/{id}", ADMIN, pages::updateCustomer)
                .page("GET", "/admin/tokens", ADMIN, pages::tokens)
                .page("POST", "/admin/tokens", ADMIN, pages::issueToken)
                .page("GET", "/admin/tokens/{name}/{action}", ADMIN, pages::confirmToken)
                .page("POST", "/admin/tokens/{name}/rotate", ADMIN, pages::rotateToken)
                .page("POST", "/admin/tokens/{name}/revoke", ADMIN, pages::revokeToken);
    }

    private WebResponse start(WebRequest request, Session session, PathParameters parameters) {
        return Views.page(200, "admin/start.jte", Map.of("chrome", chrome("Beheer", session)));
    }

    // ---------------------------------------------------------------- resellers

    private WebResponse resellers(WebRequest request, Session session, PathParameters parameters) {
        List<Reseller> resellers = directory.resellers();
        Map<String, Long> counts = directory.customers(null).stream()
                .collect(Collectors.groupingBy(Customer::resellerId, Collectors.counting()));
        return Views.page(
                200,
                "admin/resellers.jte",
                Map.of("chrome", chrome("Resellers", session), "resellers", resellers, "counts", counts));
    }

    private WebResponse reseller(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = existingReseller(parameters.get("id")).value();
        Instant now = clock.instant();
        List<ApiToken> own = tokens.list().stream()
                .filter(t -> reseller.id().equals(t.resellerId()))
                .toList();
        return Views.page(
                200,
                "admin/reseller.jte",
                Map.of(
                        "chrome",
                        chrome(reseller.name(), session),
                        "reseller",
                        reseller,
                        "customers",
                        directory.customers(reseller.id()),
                        "tokens",
                        own,
                        "now",
                        now,
                        "history",
                        directory.resellerHistory(reseller.id())));
    }

    private WebResponse newReseller(WebRequest request, Session session, PathParameters parameters) {
        return resellerForm(200, session, null, new FormState(Map.of(), Map.of()), null);
    }

    private WebResponse editReseller(WebRequest request, Session session, PathParameters parameters) {
        Versioned<Reseller> read = existingReseller(parameters.get("id"));
        return resellerForm(200, session, read.value().id(), resellerValues(read), null);
    }

    private WebResponse createReseller(WebRequest request, Session session, PathParameters parameters) {
        Map<String, String> typed = typed(request, "id", "name", "contacts");
        Judged<Reseller> judged = DirectoryEntries.reseller(resellerFields(typed, typed.get("id")));
        if (!judged.ok()) {
            return resellerForm(400, session, null, new FormState(typed, judged.faults()), null);
        }
        try {
            directory.create(judged.value(), session.user().email(), clock.instant());
        } catch (ConflictException e) {
            return resellerForm(409, session, null, new FormState(typed, Map.of("id", e.getMessage())), null);
        }
        return WebResponse.redirect(MENU + "/resellers/" + judged.value().id());
    }

    private WebResponse updateReseller(WebRequest request, Session session, PathParameters parameters) {
        Versioned<Reseller> current = existingReseller(parameters.get("id"));
        Map<String, String> typed = typed(request, "name", "contacts", "version");
        Judged<Reseller> judged =
                DirectoryEntries.reseller(resellerFields(typed, current.value().id()));
        if (!judged.ok()) {
            return resellerForm(400, session, current.value().id(), new FormState(typed, judged.faults()), null);
        }
        try {
            if (version(typed) != current.version()) {
                throw new ConflictException("Iemand anders heeft dit intussen gewijzigd.");
            }
            directory.update(current, judged.value(), session.user().email(), clock.instant());
        } catch (ConflictException e) {
            Versioned<Reseller> now = existingReseller(current.value().id());
            return resellerForm(409, session, now.value().id(), resellerValues(now), conflict());
        }
        return WebResponse.redirect(MENU + "/resellers/" + current.value().id());
    }

    private WebResponse resellerForm(int status, Session session, String id, FormState form, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", chrome(id == null ? "Nieuwe reseller" : "Reseller wijzigen", session));
        model.put("form", form);
        model.put("id", id == null ? "" : id);
        model.put("notice", notice == null ? "" : notice);
        return Views.page(status, "admin/reseller-form.jte", model);
    }

    private static FormState resellerValues(Versioned<Reseller> read) {
        Reseller r = read.value();
        return new FormState(
                Map.of(
                        "id", r.id(),
                        "name", r.name(),
                        "contacts",
                                String.join("\n", r.contacts().stream().sorted().toList()),
                        "version", Long.toString(read.version())),
                Map.of());
    }

    private static ResellerFields resellerFields(Map<String, String> typed, String id) {
        return new ResellerFields(id, typed.get("name"), DirectoryEntries.lines(typed.get("contacts")));
    }

    private Versioned<Reseller> existingReseller(String id) {
        return directory.reseller(id).orElseThrow(() -> new NotFoundException("Deze reseller bestaat niet."));
    }

    // ---------------------------------------------------------------- customers

    private WebResponse customers(WebRequest request, Session session, PathParameters parameters) {
        Optional<String> reseller = request.query("reseller");
        List<Reseller> resellers = directory.resellers();
        return Views.page(
                200,
                "admin/customers.jte",
                Map.of(
                        "chrome", chrome("Klanten", session),
                        "customers", byName(directory.customers(reseller.orElse(null))),
                        "resellers", resellers,
                        "names", names(resellers),
                        "selected", reseller.orElse("")));
    }

    private WebResponse customer(WebRequest request, Session session, PathParameters parameters) {
        Customer customer = existingCustomer(parameters.get("id")).value();
        return Views.page(
                200,
                "admin/customer.jte",
                Map.of(
                        "chrome", chrome(customer.name(), session),
                        "customer", customer,
                        "names", names(directory.resellers()),
                        "history", directory.customerHistory(customer.id())));
    }

    private WebResponse newCustomer(WebRequest request, Session session, PathParameters parameters) {
        Map<String, String> values = new HashMap<>(Map.of("language", "nl", "level", "N"));
        request.query("reseller").ifPresent(r -> values.put("reseller", r));
        return customerForm(200, session, null, new FormState(values, Map.of()), null);
    }

    private WebResponse editCustomer(WebRequest request, Session session, PathParameters parameters) {
        Versioned<Customer> read = existingCustomer(parameters.get("id"));
        return customerForm(200, session, read.value().id(), customerValues(read), null);
    }

    private static final String[] CUSTOMER_FIELDS = {
        "id",
        "reseller",
        "name",
        "level",
        "monthlyLicenceFee",
        "monthlyFixedCosts",
        "services",
        "emails",
        "domains",
        "phones",
        "language",
        "contractStart",
        "version"
    };

    private WebResponse createCustomer(WebRequest request, Session session, PathParameters parameters) {
        Map<String, String> typed = typed(request, CUSTOMER_FIELDS);
        Judged<Customer> judged = judgeCustomer(typed, typed.get("id"));
        if (!judged.ok()) {
            return customerForm(400, session, null, new FormState(typed, judged.faults()), null);
        }
        try {
            directory.create(judged.value(), session.user().email(), clock.instant());
        } catch (ConflictException e) {
            return customerForm(409, session, null, new FormState(typed, Map.of("id", e.getMessage())), null);
        }
        return WebResponse.redirect(MENU + "/customers/" + judged.value().id());
    }

    private WebResponse updateCustomer(WebRequest request, Session session, PathParameters parameters) {
        Versioned<Customer> current = existingCustomer(parameters.get("id"));
        String id = current.value().id();
        Map<String, String> typed = typed(request, CUSTOMER_FIELDS);
        Judged<Customer> judged = judgeCustomer(typed, id);
        if (!judged.ok()) {
            return customerForm(400, session, id, new FormState(typed, judged.faults()), null);
        }
        try {
            if (version(typed) != current.version()) {
                throw new ConflictException("Iemand anders heeft dit intussen gewijzigd.");
            }
            directory.update(current, judged.value(), session.user().email(), clock.instant());
        } catch (ConflictException e) {
            return customerForm(409, session, id, customerValues(existingCustomer(id)), conflict());
        }
        return WebResponse.redirect(MENU + "/customers/" + id);
    }

    /**
     * The seed's rules, then whether an address, domain or number belongs to another customer
     * already (a sender or caller must lead to one customer, R8).
     */
    private Judged<Customer> judgeCustomer(Map<String, String> typed, String id) {
        Set<String> resellers = directory.resellers().stream().map(Reseller::id).collect(Collectors.toSet());
        Judged<Customer> judged = DirectoryEntries.customer(
                new CustomerFields(
                        id,
                        typed.get("reseller"),
                        typed.get("name"),
                        typed.get("level"),
                        typed.get("monthlyLicenceFee"),
                        typed.get("monthlyFixedCosts"),
                        DirectoryEntries.parseServices(typed.get("services")),
                        DirectoryEntries.lines(typed.get("emails")),
                        DirectoryEntries.lines(typed.get("domains")),
                        DirectoryEntries.lines(typed.get("phones")),
                        typed.get("language"),
                        typed.get("contractStart")),
                resellers::contains);
        if (!judged.ok()) {
            return judged;
        }
        Map<String, String> taken = directory.takenLookups(judged.value());
        return taken.isEmpty() ? judged : new Judged<>(null, taken);
    }

    private WebResponse customerForm(int status, Session session, String id, FormState form, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", chrome(id == null ? "Nieuwe klant" : "Klant wijzigen", session));
        model.put("form", form);
        model.put("id", id == null ? "" : id);
        model.put("resellers", directory.resellers());
        model.put("notice", notice == null ? "" : notice);
        return Views.page(status, "admin/customer-form.jte", model);
    }

    private static FormState customerValues(Versioned<Customer> read) {
        Customer c = read.value();
        Map<String, String> values = new HashMap<>();
        values.put("id", c.id());
        values.put("reseller", c.resellerId());
        values.put("name", c.name());
        values.put("level", c.level().name());
        values.put("monthlyLicenceFee", c.monthlyLicenceFee().toPlainString());
        values.put("monthlyFixedCosts", c.monthlyFixedCosts().toPlainString());
        values.put("services", DirectoryEntries.servicesText(c.services()));
        values.put(
                "emails", String.join("\n", c.emailAddresses().stream().sorted().toList()));
        values.put(
                "domains", String.join("\n", c.emailDomains().stream().sorted().toList()));
        values.put(
                "phones", String.join("\n", c.phoneNumbers().stream().sorted().toList()));
        values.put("language", c.language());
        values.put(
                "contractStart",
                c.contractStart() == null ? "" : c.contractStart().toString());
        values.put("version", Long.toString(read.version()));
        return new FormState(values, Map.of());
    }

    private Versioned<Customer> existingCustomer(String id) {
        return directory.customer(id).orElseThrow(() -> new NotFoundException("Deze klant bestaat niet."));
    }

    // ---------------------------------------------------------------- tokens

    private WebResponse tokens(WebRequest request, Session session, PathParameters parameters) {
        return tokensPage(200, session, new FormState(Map.of("expires", "90"), Map.of()), null);
    }

    /** The list (never a secret: only hashes are stored), and the form to issue one. */
    private WebResponse tokensPage(int status, Session session, FormState form, ApiTokens.Issued issued) {
        Instant now = clock.instant();
        List<Reseller> resellers = directory.resellers();
        List<ApiToken> all = tokens.list().stream()
                .sorted(Comparator.comparing((ApiToken t) -> t.resellerId() == null ? "" : t.resellerId())
                        .thenComparing(t -> t.name() == null ? "" : t.name()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", chrome(issued == null ? "API-tokens" : "Token uitgegeven", session));
        model.put("tokens", all);
        model.put("resellers", resellers);
        model.put("names", names(resellers));
        model.put("now", now);
        model.put("form", form);
        model.put("lifetimes", LIFETIME_DAYS);
        model.put(
                "issuedName",
                issued == null ? "" : String.valueOf(issued.token().name()));
        model.put("secret", issued == null ? "" : issued.secret());
        return Views.page(status, "admin/tokens.jte", model);
    }

    /** A new token: its secret is in this one answer only (not a redirect: nothing keeps it). */
    private WebResponse issueToken(WebRequest request, Session session, PathParameters parameters) {
        Map<String, String> typed = typed(request, "name", "scope", "reseller", "expires");
        Map<String, String> faults = new LinkedHashMap<>();
        String name = typed.getOrDefault("name", "").strip();
        if (!ApiTokens.NAME.matcher(name).matches()) {
            faults.put("name", "Een naam bestaat uit kleine letters, cijfers en streepjes, zoals telnet-portaal.");
        }
        TokenScope scope = null;
        try {
            scope = TokenScope.valueOf(typed.getOrDefault("scope", ""));
        } catch (IllegalArgumentException e) {
            faults.put("scope", "Kies waarvoor het token is.");
        }
        String reseller = typed.get("reseller");
        Set<String> resellerIds =
                directory.resellers().stream().map(Reseller::id).collect(Collectors.toSet());
        if (scope == TokenScope.RESELLER && (reseller == null || !resellerIds.contains(reseller))) {
            faults.put("reseller", "Een reseller-token hoort bij een reseller: kies die.");
        }
        Integer days = LIFETIME_DAYS.stream()
                .filter(d -> Integer.toString(d).equals(typed.get("expires")))
                .findFirst()
                .orElse(null);
        if (days == null) {
            faults.put("expires", "Kies hoe lang het token geldig is.");
        }
        if (!faults.isEmpty()) {
            return tokensPage(400, session, new FormState(typed, faults), null);
        }
        Instant now = clock.instant();
        try {
            ApiTokens.Issued issued = tokens.issue(
                    name, scope, scope == TokenScope.RESELLER ? reseller : null, now.plus(Duration.ofDays(days)), now);
            return tokensPage(201, session, new FormState(Map.of("expires", "90"), Map.of()), issued);
        } catch (ConflictException e) {
            return tokensPage(
                    409,
                    session,
                    new FormState(
                            typed,
                            Map.of("name", "Er is al een werkend token '" + name + "': vernieuw het of trek het in.")),
                    null);
        } catch (InvalidInputException e) {
            throw new WebError(400, "Dit token kan zo niet worden uitgegeven.");
        }
    }

    /**
     * Rotating or revoking cuts off whoever uses the token: the list links here, and this page
     * says what will happen and holds the one button that does it.
     */
    private WebResponse confirmToken(WebRequest request, Session session, PathParameters parameters) {
        String name = parameters.get("name");
        String action = parameters.get("action");
        if (!action.equals("rotate") && !action.equals("revoke")) {
            throw new NotFoundException("Deze pagina bestaat niet.");
        }
        ApiToken token = tokens.working(name, clock.instant()).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Er is geen werkend token met de naam '" + name + "'."));
        String title = action.equals("rotate") ? "Token vernieuwen" : "Token intrekken";
        String forWhom = token.resellerId() == null
                ? "VIOMS"
                : names(directory.resellers()).getOrDefault(token.resellerId(), token.resellerId());
        return Views.page(
                200,
                "admin/token-confirm.jte",
                Map.of(
                        "chrome", chrome(title, session),
                        "name", name,
                        "action", action,
                        "forWhom", forWhom,
                        "scope", AdminText.scope(token.scope())));
    }

    /**
     * A new secret; the old one stops working at once (no overlap): whoever rotates on this page
     * does so because the old secret must go. A planned switch with an overlap is
     * {@code ./sladesk token rotate --overlap}.
     */
    private WebResponse rotateToken(WebRequest request, Session session, PathParameters parameters) {
        Instant now = clock.instant();
        String name = parameters.get("name");
        try {
            ApiTokens.Issued issued = tokens.rotate(name, now, now.plus(Duration.ofDays(90)), now);
            return tokensPage(201, session, new FormState(Map.of("expires", "90"), Map.of()), issued);
        } catch (NotFoundException e) {
            throw new NotFoundException("Er is geen werkend token met de naam '" + name + "'.");
        }
    }

    private WebResponse revokeToken(WebRequest request, Session session, PathParameters parameters) {
        String name = parameters.get("name");
        try {
            tokens.revoke(name, clock.instant());
        } catch (NotFoundException e) {
            // revoked already (a second click): harmless
        }
        return WebResponse.redirect(MENU + "/tokens");
    }

    // ---------------------------------------------------------------- shared

    private static Chrome chrome(String title, Session session) {
        return new Chrome(title, session, MENU);
    }

    /** People look a customer up by name, not by id. */
    private static List<Customer> byName(List<Customer> customers) {
        return customers.stream()
                .sorted(Comparator.comparing((Customer c) -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static Map<String, String> names(List<Reseller> resellers) {
        return resellers.stream().collect(Collectors.toMap(Reseller::id, Reseller::name, (a, b) -> a));
    }

    /** The form's fields as typed (absent ones as empty), for judging and for showing back. */
    private static Map<String, String> typed(WebRequest request, String... fields) {
        Map<String, String> typed = new HashMap<>();
        for (String field : fields) {
            typed.put(field, request.form().getOrDefault(field, ""));
        }
        return typed;
    }

    private static long version(Map<String, String> typed) {
        try {
            return Long.parseLong(typed.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new WebError(400, "Het formulier is niet volledig; laad de pagina opnieuw.");
        }
    }

    private static String conflict() {
        return "Iemand anders heeft dit intussen gewijzigd. Hieronder staat wat nu is opgeslagen; voer je"
                + " wijziging opnieuw in als die nog nodig is.";
    }
}
