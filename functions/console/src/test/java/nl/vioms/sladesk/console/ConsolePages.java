package nl.vioms.sladesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Calls the console's pages as a logged-in person (TestLogin) and reads what they see. */
public final class ConsolePages {
    private final Function<WebRequest, WebResponse> app;

    /** @param app the console's entry: {@code ConsoleApp::handle}, or a router's {@code route} */
    public ConsolePages(Function<WebRequest, WebResponse> app) {
        this.app = app;
    }

    public static PageRouter router() {
        return new PageRouter(new TestLogin(), new ErrorPages());
    }

    public WebResponse get(String path, String email, Role... roles) {
        return app.apply(request(path, Map.of(), email, roles));
    }

    /** As the console's script asks for a self-refreshing region (header hx-request): the fragment. */
    public WebResponse getPartial(String path, String email, Role... roles) {
        return app.apply(request(path, Map.of("hx-request", "true"), email, roles));
    }

    public WebResponse post(String path, Map<String, String> form, String email, Role... roles) {
        String body = "_csrf=" + encode("csrf-" + email) + "&"
                + form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return app.apply(WebRequest.of(
                "POST",
                path,
                Map.of("content-type", "application/x-www-form-urlencoded"),
                List.of(TestLogin.cookie(email, roles)),
                body));
    }

    public static Document html(WebResponse response) {
        return Jsoup.parse(response.body());
    }

    /** A GET as API Gateway hands it over, its query string as parameters. */
    private static WebRequest request(String pathAndQuery, Map<String, String> headers, String email, Role... roles) {
        String[] parts = pathAndQuery.split("\\?", 2);
        String query = parts.length == 2 ? parts[1] : "";
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", parts[0]);
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("headers", headers);
        event.put("cookies", List.of(TestLogin.cookie(email, roles)));
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        event.put("queryStringParameters", parameters);
        return new WebRequest(event);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
