package nl.vioms.sladesk.intake.email.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.core.policy.Priority;

/**
 * The sender-trust policy data of received mail: which SES verdicts authenticate a mail, which make
 * it unauthenticated, the priority cap of unauthenticated mail, and the mail domains of VIOMS and of
 * the resellers. The product's is {@link #DEFAULT_RESOURCE}, read once ({@link #defaults()}); the
 * file documents the decision {@link MailTrust} takes.
 */
public record TrustPolicy(
        Set<String> authenticated,
        Set<String> unauthenticatedDmarc,
        Set<String> unauthenticatedSpam,
        Priority untrustedMaxPriority,
        Set<String> supportDomains,
        Map<String, String> resellerByDomain) {

    /** The product's policy file, on the class path. */
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/intake/email/mail-trust.properties";

    private static final TrustPolicy DEFAULTS = load(DEFAULT_RESOURCE);

    public TrustPolicy {
        authenticated = Set.copyOf(authenticated);
        unauthenticatedDmarc = Set.copyOf(unauthenticatedDmarc);
        unauthenticatedSpam = Set.copyOf(unauthenticatedSpam);
        supportDomains = Set.copyOf(supportDomains);
        resellerByDomain = Map.copyOf(resellerByDomain);
    }

    /** The product's policy ({@link #DEFAULT_RESOURCE}). */
    public static TrustPolicy defaults() {
        return DEFAULTS;
    }

    /** The same policy with one more support domain (e.g. the support address's). */
    public TrustPolicy withSupportDomain(String domain) {
        Set<String> domains = new HashSet<>(supportDomains);
        domains.add(domain.toLowerCase(Locale.ROOT));
        return new TrustPolicy(
                authenticated,
                unauthenticatedDmarc,
                unauthenticatedSpam,
                untrustedMaxPriority,
                domains,
                resellerByDomain);
    }

    /** Reads a policy file from the class path. */
    public static TrustPolicy load(String resource) {
        Properties p = new Properties();
        try (InputStream in = TrustPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no sender-trust policy " + resource + " on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> resellers = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("reseller.")) {
                String id = name.substring("reseller.".length());
                list(p.getProperty(name), false).forEach(domain -> resellers.put(domain, id));
            }
        }
        return new TrustPolicy(
                list(required(p, "authenticated"), true),
                list(required(p, "unauthenticated.dmarc"), true),
                list(required(p, "unauthenticated.spam"), true),
                Priority.valueOf(required(p, "untrusted.max-priority").trim().toUpperCase(Locale.ROOT)),
                list(p.getProperty("support.domains", ""), false),
                resellers);
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("sender-trust policy misses " + name);
        }
        return value;
    }

    private static Set<String> list(String value, boolean upper) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
