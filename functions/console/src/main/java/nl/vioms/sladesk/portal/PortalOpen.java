package nl.vioms.sladesk.portal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.mail.PriorityMeanings;
import nl.vioms.sladesk.app.tickets.ResellerTickets;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.TicketKind;

/**
 * "Nieuwe melding" (issue 18): a reseller's staff member opens an incident or an RFC for one of
 * the reseller's own customers. The ticket is opened exactly as the reseller API opens one
 * ({@link ResellerTickets}: channel API, R8), under the source key {@code portal#<reseller>#<key>}
 * with the form's hidden key, so a double submit opens one ticket. Everything is checked before
 * anything is written; a customer of another reseller is answered as one that does not exist.
 */
public final class PortalOpen {
    static final String PATH = "/portal/tickets/new";
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 10_000;
    /** The form's idempotency key: a UUID the form page made, or any such token of a retrying browser. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Services services;

    private PortalOpen(Services services) {
        this.services = services;
    }

    /** The one line in PortalApp's constructor. */
    public static void register(PageRouter router, Services services) {
        PortalOpen pages = new PortalOpen(services);
        router.page("GET", "/tickets/new", PortalApp.STAFF, (request, session, p) -> pages.form(request, session));
        router.page("POST", "/tickets", PortalApp.STAFF, (request, session, p) -> pages.open(request, session));
    }

    /** One R10 choice with its definition, as guidance beside the radio button. */
    public record PriorityChoice(String code, String meaning) {}

    private WebResponse form(WebRequest request, Session session) {
        Map<String, String> values = new HashMap<>();
        values.put("soort", "incident");
        values.put("sleutel", UUID.randomUUID().toString());
        request.query("klant").ifPresent(c -> values.put("klant", c));
        return render(request, session, 200, values, "");
    }

    private WebResponse open(WebRequest request, Session session) {
        Language lang = Language.of(request, Site.PORTAL);
        Map<String, String> values = new HashMap<>(request.form());
        try {
            Reseller reseller = PortalApp.reseller(services, session);
            Checked checked = check(values, reseller);
            String source = "portal#" + reseller.id() + "#" + checked.key();
            var asked = new ResellerTickets.Request(
                    checked.kind(),
                    checked.subject(),
                    checked.description(),
                    checked.priority(),
                    checked.service().id(),
                    session.user().email(),
                    "portal");
            var report = asked.report(services.clock().instant());
            TicketService tickets = services.ticketService();
            var opened = ResellerTickets.open(tickets, asked, checked.customer(), report.at(), source);
            if (!ResellerTickets.sameRequest(
                    tickets, opened, report, checked.customer().id())) {
                // the form's key came back with other input (edited after a submit): a new form, a new key
                values.put("sleutel", UUID.randomUUID().toString());
                throw new WebError(
                        409,
                        "Dit formulier was al verstuurd als melding "
                                + opened.ticket().number()
                                + ". Controleer je invoer en verstuur opnieuw voor een nieuwe melding.",
                        "This form was already sent as ticket "
                                + opened.ticket().number() + ". Check your input and send again for a new ticket.");
            }
            // decision 32: first the attachments page, where the new ticket is confirmed and files are added
            return WebResponse.redirect("/portal/tickets/" + opened.ticket().number() + "/attachments?nieuw=1");
        } catch (WebError e) {
            return render(request, session, e.status(), values, e.message(lang));
        }
    }

    /** A form that passed every check: what the ticket is opened with. */
    private record Checked(
            TicketKind kind,
            Customer customer,
            ServiceRef service,
            String subject,
            String description,
            String priority,
            String key) {}

    /** Every check before any write; a customer of another reseller is one that does not exist. */
    private Checked check(Map<String, String> form, Reseller reseller) {
        String key = form.getOrDefault("sleutel", "");
        if (!KEY.matcher(key).matches()) {
            throw bad(
                    "Het formulier mist zijn sleutel. Laad de pagina opnieuw.",
                    "The form lacks its key. Load the page again.");
        }
        TicketKind kind = switch (form.getOrDefault("soort", "")) {
            case "incident" -> TicketKind.INCIDENT;
            case "rfc" -> TicketKind.RFC;
            default -> throw bad("Kies storing of wijzigingsverzoek.", "Choose incident or request for change.");
        };
        String customerId = form.getOrDefault("klant", "");
        if (customerId.isBlank()) {
            throw bad("Kies de klant.", "Choose the customer.");
        }
        Customer customer = services.directory()
                .customer(customerId)
                .filter(c -> c.resellerId().equals(reseller.id()))
                .orElseThrow(() -> new WebError(404, "Deze klant bestaat niet.", "This customer does not exist."));
        ServiceRef service = service(form.getOrDefault("dienst", ""), customer);
        String subject = text("onderwerp", form.getOrDefault("onderwerp", ""), MAX_SUBJECT, false);
        String description = text("omschrijving", form.getOrDefault("omschrijving", ""), MAX_DESCRIPTION, true);
        String priority = null;
        if (kind == TicketKind.INCIDENT) {
            priority = form.getOrDefault("prioriteit", "");
            if (!priority.matches("P[123]")) {
                throw bad(
                        "Kies de prioriteit van de storing (P1, P2 of P3).",
                        "Choose the incident's priority (P1, P2 or P3).");
            }
        }
        // R10: an RFC carries no priority and no clock, whatever the form sent
        return new Checked(kind, customer, service, subject, description, priority, key);
    }

    /** The service as {@code <customer>/<service>} (the select's value): it must be the chosen customer's. */
    private static ServiceRef service(String value, Customer customer) {
        if (value.isBlank()) {
            throw bad("Kies de dienst.", "Choose the service.");
        }
        String prefix = customer.id() + "/";
        return Optional.of(value)
                .filter(v -> v.startsWith(prefix))
                .flatMap(v -> customer.service(v.substring(prefix.length())))
                .orElseThrow(() -> bad(
                        "Deze dienst hoort niet bij " + customer.name() + ". Kies een dienst van deze klant.",
                        "This service is not one of " + customer.name() + "'s. Choose a service of this customer."));
    }

    /**
     * A subject (one line) or description (lines and tabs): present, within its cap, and without
     * control characters or characters that reorder what a reader sees (issue 15 item 10).
     */
    static String text(String field, String value, int max, boolean multiLine) {
        boolean subject = field.equals("onderwerp");
        String text = multiLine ? value.replace("\r\n", "\n") : value;
        if (text.isBlank()) {
            throw subject
                    ? bad("Vul het onderwerp in.", "Fill in the subject.")
                    : bad("Vul de omschrijving in.", "Fill in the description.");
        }
        if (text.length() > max) {
            throw bad(
                    (subject ? "Het onderwerp" : "De omschrijving") + " is " + text.length() + " tekens; hoogstens "
                            + max + ".",
                    (subject ? "The subject" : "The description") + " is " + text.length() + " characters; at most "
                            + max + ".");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\t');
            if (!allowed && (Character.isISOControl(c) || Texts.isBidiControl(c))) {
                String code = String.format("U+%04X", (int) c);
                throw bad(
                        (subject ? "Het onderwerp" : "De omschrijving") + " bevat een stuurteken (" + code
                                + "); alleen gewone tekst" + (multiLine ? " en regeleinden." : "."),
                        (subject ? "The subject" : "The description") + " contains a control character (" + code
                                + "); plain text only" + (multiLine ? " and line breaks." : "."));
            }
        }
        return text.strip();
    }

    private static WebError bad(String dutch, String english) {
        return new WebError(400, dutch, english);
    }

    /** The form, with the person's input and, after a refusal, what to correct. */
    private WebResponse render(
            WebRequest request, Session session, int status, Map<String, String> values, String error) {
        Reseller reseller = PortalApp.reseller(services, session);
        Language lang = Language.of(request, Site.PORTAL);
        Chrome chrome = PortalApp.chrome(request, session, lang.t("Nieuwe melding", "New ticket"), PATH);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chrome", chrome);
        model.put("values", values);
        model.put("error", error);
        model.put("customers", ownCustomers(reseller));
        model.put(
                "priorities",
                List.of(Priority.P1, Priority.P2, Priority.P3).stream()
                        .map(p -> new PriorityChoice(p.name(), PriorityMeanings.of(p, lang.code())))
                        .toList());
        return Views.page(status, "portal/open/new.jte", model);
    }

    /** The reseller's own customers by name (the directory's customers index, filtered to this reseller). */
    private List<Customer> ownCustomers(Reseller reseller) {
        return services.directory().customers().stream()
                .filter(c -> c.resellerId().equals(reseller.id()))
                .sorted(Comparator.comparing(Customer::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
