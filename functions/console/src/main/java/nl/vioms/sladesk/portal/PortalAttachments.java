package nl.vioms.sladesk.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.attachments.Attachment;
import nl.vioms.sladesk.aws.attachments.AttachmentFiles;
import nl.vioms.sladesk.aws.attachments.PresignedPost;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketNumber;

/**
 * A ticket's attachments in the portal (issue 18, decision 32). The browser uploads a file straight
 * to the attachments bucket with a presigned POST whose policy fixes the key's prefix
 * ({@code attachments/<reseller>/<ticket>/<random id>/}), the size and the expiry; S3 sends it back
 * to {@code .../attachments/done} with the key, where the portal checks before it records: the key
 * is inside this reseller's and this ticket's prefix, the object is there, at most
 * {@link AttachmentFiles#MAX_BYTES} and of an allowed type (the local emulator enforces no policy,
 * so this check is what makes the limits real locally, and a second wall on AWS). A refused upload
 * is deleted and the person told why. Downloads are a short-lived presigned GET, always as a download.
 */
public final class PortalAttachments {
    /** More than this on one ticket is refused: a ticket is no file share. */
    static final int MAX_PER_TICKET = 20;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern KEY_REST = Pattern.compile("([0-9a-f]{32})/([^/]{1,255})");

    private final Services services;

    private PortalAttachments(Services services) {
        this.services = services;
    }

    /** The one line in PortalApp's constructor. */
    public static void register(PageRouter router, Services services) {
        PortalAttachments pages = new PortalAttachments(services);
        router.page("GET", "/tickets/{number}/attachments", PortalApp.STAFF, pages::list);
        // registered before {id}: "done" is no attachment id (ids are 32 hex digits)
        router.page("GET", "/tickets/{number}/attachments/done", PortalApp.STAFF, pages::done);
        router.page("GET", "/tickets/{number}/attachments/{id}", PortalApp.STAFF, pages::download);
    }

    /** The list, the upload form and, after an upload or a refusal, what happened. */
    private WebResponse list(WebRequest request, Session session, PathParameters parameters) {
        Ticket ticket = ownTicket(session, parameters.get("number"));
        Language lang = Language.of(request, Site.PORTAL);
        List<Attachment> attachments = services.attachments().of(ticket.number());
        AttachmentFiles files = services.attachmentFiles();
        String prefix = prefix(session, ticket) + UUID.randomUUID().toString().replace("-", "") + "/";
        PresignedPost upload = files.uploadForm(prefix, origin(request) + path(ticket) + "/done");

        Map<String, Object> model = new LinkedHashMap<>();
        model.put(
                "chrome",
                PortalApp.chrome(
                        request, session, lang.t("Bijlagen bij ", "Attachments of ") + ticket.number(), "/portal/"));
        model.put("ticket", ticket);
        model.put("attachments", attachments);
        model.put("upload", upload);
        model.put("full", attachments.size() >= MAX_PER_TICKET);
        model.put("notice", notice(request, lang, ticket, attachments));
        model.put("refusal", refusal(request, lang));
        model.put(
                "types",
                String.join(
                        ", ", AttachmentFiles.TYPES.keySet().stream().sorted().toList()));
        return Views.page(200, "portal/open/attachments.jte", model).withFormActionTo(files.postOrigin());
    }

    /**
     * S3's redirect after an upload ({@code ?bucket=&key=&etag=}). Anyone can type this address, so
     * nothing of it is trusted: the key must be inside this reseller's and this ticket's prefix
     * (else 404 and nothing touched: it may be another reseller's file), and the object is judged by
     * what S3 holds.
     */
    private WebResponse done(WebRequest request, Session session, PathParameters parameters) {
        Ticket ticket = ownTicket(session, parameters.get("number"));
        String key = request.query("key").orElse("");
        String prefix = prefix(session, ticket);
        Matcher rest = KEY_REST.matcher(key.startsWith(prefix) ? key.substring(prefix.length()) : "");
        if (!rest.matches()) {
            throw noUpload();
        }
        AttachmentFiles files = services.attachmentFiles();
        var stored = files.head(key).orElseThrow(PortalAttachments::noUpload);
        String name = AttachmentFiles.safeName(rest.group(2));
        String type = AttachmentFiles.typeOf(name).orElse(null);
        String refused = null;
        if (stored.size() > AttachmentFiles.MAX_BYTES) {
            refused = "groot";
        } else if (stored.size() == 0) {
            refused = "leeg";
        } else if (type == null || !AttachmentFiles.typeFits(stored.contentType(), type)) {
            refused = "soort";
        } else if (services.attachments().of(ticket.number()).size() >= MAX_PER_TICKET) {
            refused = "aantal";
        }
        String back = path(ticket);
        if (refused != null) {
            files.delete(key);
            return WebResponse.redirect(back + "?geweigerd=" + refused);
        }
        services.attachments()
                .record(new Attachment(
                        ticket.number(),
                        rest.group(1),
                        name,
                        type,
                        stored.size(),
                        key,
                        session.user().resellerId(),
                        session.user().email(),
                        services.clock().instant()));
        return WebResponse.redirect(back + "?toegevoegd=" + rest.group(1));
    }

    /** 303 to a presigned GET valid for five minutes, offered as a download under the file's name. */
    private WebResponse download(WebRequest request, Session session, PathParameters parameters) {
        Ticket ticket = ownTicket(session, parameters.get("number"));
        String id = parameters.get("id");
        Optional<Attachment> found =
                ID.matcher(id).matches() ? services.attachments().find(ticket.number(), id) : Optional.empty();
        Attachment attachment = found.orElseThrow(
                () -> new WebError(404, "Deze bijlage bestaat niet.", "This attachment does not exist."));
        return WebResponse.redirect(
                services.attachmentFiles().download(attachment).toString());
    }

    /** The ticket, when it is this reseller's; any other is answered as one that does not exist. */
    private Ticket ownTicket(Session session, String number) {
        String reseller = session.user().resellerId();
        Optional<TicketStore.Stored> stored =
                TicketNumber.isValid(number) ? services.ticketRepository().read(number) : Optional.empty();
        return stored.map(TicketStore.Stored::ticket)
                .filter(t -> reseller.equals(t.resellerId()))
                .orElseThrow(() -> new WebError(404, "Deze melding bestaat niet.", "This ticket does not exist."));
    }

    private static WebError noUpload() {
        return new WebError(404, "Deze upload bestaat niet.", "This upload does not exist.");
    }

    private static String prefix(Session session, Ticket ticket) {
        return "attachments/" + session.user().resellerId() + "/" + ticket.number() + "/";
    }

    private static String path(Ticket ticket) {
        return "/portal/tickets/" + ticket.number() + "/attachments";
    }

    /**
     * The portal's origin as the browser reached it, for S3's redirect back: the Host header, over
     * HTTPS unless the request came to a local address (./sladesk up and the browser tests).
     */
    static String origin(WebRequest request) {
        String host = request.header("host").orElse("localhost");
        String proto = request.header("x-forwarded-proto")
                .orElse(host.startsWith("127.0.0.1") || host.startsWith("localhost") ? "http" : "https");
        return proto.toLowerCase(Locale.ROOT) + "://" + host;
    }

    private static String notice(WebRequest request, Language lang, Ticket ticket, List<Attachment> attachments) {
        if (request.query("nieuw").isPresent()) {
            return lang.t(
                    "Melding " + ticket.number() + " is aangemaakt; de bevestiging gaat per mail naar je servicedesk."
                            + " Voeg hier eventueel bestanden toe.",
                    "Ticket " + ticket.number() + " has been opened; the confirmation is mailed to your service desk."
                            + " Add files here if you have any.");
        }
        return request.query("toegevoegd")
                .flatMap(id ->
                        attachments.stream().filter(a -> a.id().equals(id)).findFirst())
                .map(a -> lang.t(a.name() + " is toegevoegd.", a.name() + " has been added."))
                .orElse("");
    }

    private static String refusal(WebRequest request, Language lang) {
        String mb = String.valueOf(AttachmentFiles.MAX_BYTES / (1024 * 1024));
        switch (request.query("geweigerd").orElse("")) {
            case "groot":
                return lang.t(
                        "Het bestand is groter dan " + mb + " MB en is verwijderd.",
                        "The file is larger than " + mb + " MB and has been removed.");
            case "leeg":
                return lang.t("Het bestand was leeg en is verwijderd.", "The file was empty and has been removed.");
            case "soort":
                return lang.t(
                        "Dit soort bestand kan niet worden toegevoegd; het is verwijderd.",
                        "This kind of file cannot be added; it has been removed.");
            case "aantal":
                return lang.t(
                        "Een melding heeft hoogstens " + MAX_PER_TICKET + " bijlagen; het bestand is verwijderd.",
                        "A ticket has at most " + MAX_PER_TICKET + " attachments; the file has been removed.");
            default:
                return "";
        }
    }
}
