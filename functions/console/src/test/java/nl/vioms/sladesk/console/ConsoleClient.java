package nl.vioms.sladesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.portal.PortalApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A site (the console, or the portal: {@link #portal}) as page tests use it: built as its handler
 * builds it, on the shared emulated account with the demo directory, logged in through
 * {@link TestLogin}; requests as API Gateway hands them over; tickets opened through the same
 * TicketService as the intakes.
 */
public final class ConsoleClient {
    public final Services services;
    public final SiteHandler.Pages app;
    public final MutableClock clock;

    public ConsoleClient(LocalAws aws, MutableClock clock) {
        this(aws, clock, "ConsoleFunction", services -> new ConsoleApp(services, new TestLogin())::handle);
    }

    private ConsoleClient(
            LocalAws aws, MutableClock clock, String function, Function<Services, SiteHandler.Pages> pages) {
        aws.seed("demo");
        this.clock = clock;
        this.services = new Services(aws.environmentOf(function), aws.clients(), clock);
        this.app = pages.apply(services);
    }

    /** The portal (issue 18) with the PortalFunction's environment. */
    public static ConsoleClient portal(LocalAws aws, MutableClock clock) {
        return new ConsoleClient(
                aws, clock, "PortalFunction", services -> new PortalApp(services, new TestLogin())::handle);
    }

    /** A GET with its query (e.g. {@code /console/?prioriteit=P1}); {@code partial}: as console.js refreshes. */
    public WebResponse get(String pathAndQuery, String cookie, boolean partial) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", parts[0]);
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("headers", partial ? Map.of("hx-request", "true") : Map.of());
        event.put("cookies", List.of(cookie));
        if (parts.length == 2) {
            Map<String, String> query = new HashMap<>();
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
            event.put("queryStringParameters", query);
        }
        return app.handle(new WebRequest(event));
    }

    public WebResponse get(String pathAndQuery, String cookie) {
        return get(pathAndQuery, cookie, false);
    }

    public Document page(String pathAndQuery, String cookie) {
        WebResponse response = get(pathAndQuery, cookie);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " -> " + response.statusCode() + ": " + response.body());
        }
        return Jsoup.parse(response.body());
    }

    /** A form POST with the fields given (add {@code _csrf} yourself, so a test can leave it out). */
    public WebResponse post(String path, String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return app.handle(WebRequest.of(
                "POST",
                path,
                Map.of("content-type", "application/x-www-form-urlencoded", "host", "127.0.0.1:3000"),
                List.of(cookie),
                body));
    }

    /** Opens a ticket as the API would, received at {@code at} (the clock is set there first). */
    public Ticket open(String customerId, String priority, String subject, Instant at) {
        clock.set(at);
        Customer customer = customerId == null
                ? null
                : services.directory().customer(customerId).orElseThrow();
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.API,
                at,
                customerId == null ? "onbekend@example.org" : "servicedesk@telnet-partners.nl",
                subject,
                "Beschrijving: " + subject,
                priority,
                null,
                "api",
                "test");
        return services.ticketService()
                .open(report, customer, "console-test#" + subject + "#" + at + "#" + System.nanoTime())
                .ticket();
    }
}
