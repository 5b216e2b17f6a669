package nl.vioms.sladesk.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.local.StormDirectory.StormCustomer;

/**
 * The storm's reports: who reports, through which channel, when (an offset into the storm) and
 * what they write. One report per customer; the channels are shuffled over the customers and the
 * times spread at random over the storm (the same plan for the same options: a fixed seed). One
 * report in twenty is about something else ({@link #UNRELATED_EVERY}): linking must leave it alone.
 */
final class StormPlan {
    /** Every 20th report (5 %) is unrelated to the outage: a new handset, a voicemail password. */
    static final int UNRELATED_EVERY = 20;

    /** How a report reaches SLA Desk; the wire names are the JSON output's. */
    enum Channel {
        EMAIL,
        PHONE,
        API;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A subject and a text, as the customer writes it. */
    record Words(String subject, String text) {}

    /** One report: index (unique), channel, customer, offset, words, and whether it is about the outage. */
    record Report(int index, Channel channel, StormCustomer customer, Duration offset, Words words, boolean related) {}

    /** What customers write during a platform outage (R10's P1 and P2 phrases among them). */
    private static final List<Words> OUTAGE = List.of(
            new Words(
                    "Niemand kan bellen",
                    "Sinds een paar minuten kan niemand bij ons bellen of gebeld worden. "
                            + "Alle toestellen geven een fout."),
            new Words("Geen kiestoon", "Alle toestellen hebben geen kiestoon meer, ook de receptie niet."),
            new Words(
                    "Alle lijnen dood",
                    "Alle lijnen zijn dood, klanten krijgen ons niet te pakken. De telefonie ligt plat."),
            new Words("Telefonie ligt eruit", "Onze telefonie ligt eruit, niemand is bereikbaar. Graag snel contact."),
            new Words("Storing telefonie", "Wij zijn onbereikbaar: niemand kan bellen, ook niet naar buiten."));

    /** What some customers write anyway, about something else. */
    private static final List<Words> OTHER = List.of(
            new Words("Nieuw toestel", "Wij willen graag een extra toestel bestellen voor een nieuwe collega."),
            new Words(
                    "Voicemail wachtwoord",
                    "Ik ben het wachtwoord van mijn voicemail vergeten. Kunnen jullie het opnieuw instellen?"),
            new Words("Wachtmuziek aanpassen", "Kunnen jullie de wachtmuziek vervangen door ons nieuwe bestand?"));

    private static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final List<Report> reports;

    private StormPlan(List<Report> reports) {
        this.reports = reports;
    }

    /**
     * The plan: {@code mails} e-mails, {@code calls} phone calls and {@code api} reseller requests
     * from the first customers of {@code directory}, spread over {@code minutes}.
     */
    static StormPlan of(StormDirectory directory, int mails, int calls, int api, int minutes) {
        List<Channel> channels = new ArrayList<>();
        channels.addAll(Collections.nCopies(mails, Channel.EMAIL));
        channels.addAll(Collections.nCopies(calls, Channel.PHONE));
        channels.addAll(Collections.nCopies(api, Channel.API));
        Random random = new Random(19);
        Collections.shuffle(channels, random);
        long spanMillis = Duration.ofMinutes(minutes).toMillis();
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            boolean related = i % UNRELATED_EVERY != UNRELATED_EVERY - 1;
            List<Words> pool = related ? OUTAGE : OTHER;
            Words words = pool.get(random.nextInt(pool.size()));
            Duration offset = Duration.ofMillis((long) (random.nextDouble() * spanMillis));
            reports.add(new Report(i, channels.get(i), directory.customers().get(i), offset, words, related));
        }
        reports.sort(Comparator.comparing(Report::offset));
        return new StormPlan(List.copyOf(reports));
    }

    /** Every report, in the order of its offset. */
    List<Report> reports() {
        return reports;
    }

    long count(Channel channel) {
        return reports.stream().filter(r -> r.channel() == channel).count();
    }

    long unrelated() {
        return reports.stream().filter(r -> !r.related()).count();
    }

    /** The e-mail a customer sends (plain text, as the demo's .eml files), received at {@code at}. */
    static byte[] mail(Report report, Instant at) {
        StormCustomer customer = report.customer();
        String domain = customer.email().substring(customer.email().indexOf('@') + 1);
        String text = "Return-Path: <" + customer.email() + ">\r\n"
                + "From: " + customer.name() + " <" + customer.email() + ">\r\n"
                + "To: support@vioms.nl\r\n"
                + "Subject: " + report.words().subject() + "\r\n"
                + "Date: " + MAIL_DATE.format(at.atZone(Amsterdam.ZONE)) + "\r\n"
                + "Message-ID: <storm-" + report.index() + "@" + domain + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Goedemiddag,\r\n\r\n" + report.words().text() + "\r\n\r\nMet vriendelijke groet,\r\n"
                + customer.name() + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What the phone agent types while the customer is on the line. */
    static String callSummary(Report report) {
        return report.customer().name() + " belt: " + report.words().text();
    }
}
