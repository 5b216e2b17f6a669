package nl.vioms.sladesk.console.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.outbox.OutboxRepository.Delivery;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;

/**
 * Operations' escalations page (issue 17, page 4): the outbox's escalations to the second line
 * and notifications to operations (not mail, which has its own list) with their delivery state,
 * by state from the outbox's by-state index; a failed or stuck one is redriven through
 * {@code OutboxRepository.redrive}, the one place the sla-check sweep and the CLI use too.
 */
public final class EscalationPages {
    static final String PATH = "/console/escalations";
    /** The most rows one state shows; the oldest beyond it wait for the next look. */
    static final int LIMIT = 200;

    private static final Set<Role> OPERATIONS = Set.of(Role.OPERATIONS);

    private final Services services;

    private EscalationPages(Services services) {
        this.services = services;
    }

    public static void register(PageRouter router, Services services) {
        EscalationPages pages = new EscalationPages(services);
        router.page("GET", "/escalations", OPERATIONS, pages::show)
                .page("POST", "/escalations/redrive", OPERATIONS, pages::redrive);
    }

    /** One message as the table shows it. */
    public record MessageRow(
            String id,
            String ticket,
            String kind,
            String audience,
            String created,
            String state,
            String stateClass,
            int attempts,
            String lastError,
            boolean redrivable) {}

    /** A choice of the state filter. */
    public record StateOption(String value, String label, boolean selected) {}

    private WebResponse show(WebRequest request, Session session, PathParameters parameters) {
        List<DeliveryState> shown = states(request.query("state").orElse(""));
        List<Delivery> found = new ArrayList<>();
        for (DeliveryState state : shown) {
            found.addAll(services.outbox().deliveries(state, LIMIT));
        }
        List<MessageRow> rows = found.stream()
                .sorted(Comparator.comparing((Delivery d) -> d.message().createdAt())
                        .reversed())
                .map(EscalationPages::row)
                .toList();
        String chosen = request.query("state").orElse("");
        List<StateOption> options = new ArrayList<>();
        options.add(new StateOption("", "Alle", chosen.isEmpty()));
        for (DeliveryState s : List.of(DeliveryState.FAILED, DeliveryState.PENDING, DeliveryState.DELIVERED)) {
            String value = s.name().toLowerCase(Locale.ROOT);
            options.add(new StateOption(value, state(s), value.equals(chosen)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome("Escalaties", session, PATH));
        model.put("rows", rows);
        model.put("options", options);
        model.put("notice", notice(request));
        model.put("csrf", session.csrfToken());
        return Views.page(200, "escalations/page.jte", model);
    }

    private static String notice(WebRequest request) {
        return request.query("gedaan").filter("opnieuw"::equals).isPresent()
                ? "Opnieuw aangeboden: de escalatiefunctie levert het bericht nu af."
                : "";
    }

    /** The states of the filter: one, or all (skipped is a mail's state only). */
    private static List<DeliveryState> states(String value) {
        if (value.isEmpty()) {
            return List.of(DeliveryState.FAILED, DeliveryState.PENDING, DeliveryState.DELIVERED);
        }
        return Arrays.stream(DeliveryState.values())
                .filter(s -> s != DeliveryState.SKIPPED && s.name().equalsIgnoreCase(value))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> new WebError(
                        400, "Onbekende status '" + value + "': kies mislukt, in behandeling of afgeleverd."));
    }

    private static MessageRow row(Delivery d) {
        OutboxMessage m = d.message();
        String kind = m.attributes().getOrDefault("kind", "");
        return new MessageRow(
                m.id(),
                m.attributes().getOrDefault("ticketNumber", ""),
                kind(kind),
                m.topic() == OutboxMessage.Topic.ESCALATIONS ? "tweede lijn" : "operations",
                Moments.dayTime(m.createdAt()),
                state(m.state()),
                m.state().name().toLowerCase(Locale.ROOT),
                d.attempts(),
                d.lastError() == null ? "" : d.lastError(),
                m.state() == DeliveryState.FAILED || m.state() == DeliveryState.PENDING);
    }

    static String state(DeliveryState state) {
        switch (state) {
            case PENDING:
                return "in behandeling";
            case DELIVERED:
                return "afgeleverd";
            case FAILED:
                return "mislukt";
            default:
                return "overgeslagen";
        }
    }

    /** The kinds of R17 and of the probe and month-end notifications, in Dutch. */
    static String kind(String kind) {
        switch (kind) {
            case "p1-escalation":
                return "P1 naar de tweede lijn";
            case "p1-restore-warning":
                return "P1 hersteltijd 75 % (waarschuwing)";
            case "p1-restore-breach":
                return "P1 hersteltijd overschreden";
            case "acknowledge-breach":
                return "bevestiging te laat";
            case "response-breach":
                return "reactietijd overschreden";
            case "start-work-breach":
                return "start werkzaamheden te laat";
            case "restore-warning":
                return "hersteltijd 75 % (waarschuwing)";
            case "restore-breach":
                return "hersteltijd overschreden";
            case "probe-failing":
                return "controlepunt faalt";
            case "month-end-report":
                return "maandafsluiting klaar";
            default:
                return kind.isEmpty() ? "melding" : kind;
        }
    }

    /** Another delivery of a failed (or stuck pending) message; 409 when it was delivered meanwhile. */
    private WebResponse redrive(WebRequest request, Session session, PathParameters parameters) {
        String id = request.form("id").orElseThrow(() -> new WebError(400, "Welk bericht? Er is geen id meegestuurd."));
        Delivery found = services.outbox()
                .delivery(id)
                .filter(d -> d.message().topic() != OutboxMessage.Topic.MAIL)
                .orElseThrow(() -> new WebError(404, "Dit bericht bestaat niet."));
        if (!services.outbox().redrive(found.message().id(), services.clock().instant())) {
            throw new WebError(409, "Dit bericht is al afgeleverd; opnieuw aanbieden is niet nodig.");
        }
        return WebResponse.redirect(PATH + "?gedaan=opnieuw");
    }
}
