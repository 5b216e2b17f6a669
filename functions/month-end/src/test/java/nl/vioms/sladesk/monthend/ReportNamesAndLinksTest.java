package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 8: the reports name customers and resellers, each contract report links back to
 * the month's overview, the overview links finance.csv, and every relative link of both resolves
 * to an object of the month (so it works when the files are opened from the reports folder).
 */
@ExtendWith(AwsEmulators.class)
class ReportNamesAndLinksTest {
    /** 1 Sep 2026 00:05 Amsterdam: August has ended. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-08-31T22:05:00Z"));

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @Test
    void reportsShowNamesAndLinkEachOther(LocalAws aws) {
        Environment env = aws.environmentOf("MonthEndFunction");
        var directory = new DirectoryRepository(aws.clients().dynamo(), env.require(EnvVar.DIRECTORY_TABLE));
        directory.putReseller(new Reseller("links-reseller", "Koppel Telecom B.V."));
        directory.putCustomer(new Customer(
                "links-zaak",
                "links-reseller",
                "Zaak & Zonen",
                SlaLevel.N,
                List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "Hosted PBX kantoor")),
                new BigDecimal("100.00"),
                new BigDecimal("100.00"),
                Set.of(),
                Set.of(),
                Set.of()));
        var monitoring = new MonitoringRepository(aws.clients().dynamo(), env.require(EnvVar.MONITORING_TABLE));
        monitoring.putService(new MonitoredService(
                "customer:links-zaak:pbx",
                "Centrale Zaak & Zonen",
                Set.of(ServiceKind.HOSTED_PBX),
                "links-zaak",
                "pbx"));
        Instant down = Instant.parse("2026-08-12T08:00:00Z");
        monitoring.putOutage(new Outage(
                "customer:links-zaak:pbx", "probe-links", down, down.plusSeconds(240), down.plusSeconds(1800), null));
        LambdaInvoke.invoke(new MonthEndHandler(env, aws.clients(), CLOCK), Map.of("month", "2026-08"), Map.class);

        String bucket = env.require(EnvVar.REPORTS_BUCKET);
        String overviewKey = "month-end/2026-08/overview.html";
        String reportKey = "month-end/2026-08/contracts/links-zaak/v0001.html";
        String overview = object(aws, bucket, overviewKey);
        String report = object(aws, bucket, reportKey);

        assertTrue(overview.contains("<a href=\"finance.csv\">finance.csv</a>"), overview);
        assertTrue(overview.contains("<a href=\"financieel.csv\">financieel.csv</a>"), overview);
        assertTrue(overview.contains(">Zaak &amp; Zonen</a></td><td>Koppel Telecom B.V.</td>"), overview);
        assertTrue(report.contains("<a href=\"../../overview.html\">← Maandoverzicht augustus 2026</a>"), report);
        assertTrue(report.contains("Klant Zaak &amp; Zonen · reseller Koppel Telecom B.V."), report);
        assertTrue(report.contains("Hosted PBX kantoor"), report);
        assertTrue(report.contains("Gemeten via: Centrale Zaak &amp; Zonen</p>"), report);
        for (String id : List.of("links-reseller", "Contract links-zaak", "customer:links-zaak")) {
            assertFalse(report.contains(id), id + " in the report");
            assertFalse(overview.contains(id), id + " in the overview");
        }
        assertLinksResolve(aws, bucket, overviewKey, overview);
        assertLinksResolve(aws, bucket, reportKey, report);
    }

    /** Every relative link, resolved against the page's key as a browser does, is an object of the bucket. */
    private static void assertLinksResolve(LocalAws aws, String bucket, String key, String html) {
        URI page = URI.create("file:///" + key);
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = m.group(1);
            if (href.startsWith("data:")) {
                continue;
            }
            String target = page.resolve(href).getPath().substring(1);
            assertTrue(
                    aws.clients().s3().listObjectsV2(b -> b.bucket(bucket).prefix(target)).contents().stream()
                            .anyMatch(o -> o.key().equals(target)),
                    href + " from " + key + " leads to " + target + ", which is not there");
        }
    }

    private static String object(LocalAws aws, String bucket, String key) {
        return aws.clients()
                .s3()
                .getObjectAsBytes(b -> b.bucket(bucket).key(key))
                .asString(StandardCharsets.UTF_8);
    }
}
