package nl.vioms.sladesk.app.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.mail.EmailAddresses;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.PhoneNumbers;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;

/**
 * The one place where a directory entry (reseller, customer) is judged before it is written: the
 * seed file ({@code ./sladesk seed}) and the console's admin pages both call it. Every field is
 * checked (limits and character sets first), and each fault is a Dutch message under the field's
 * name, so a form can show it beside the field and a seed can name the entry at fault.
 */
public final class DirectoryEntries {
    /** Ids are part of keys and URLs: lower-case letters, digits and dashes. */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public static final int MAX_NAME = 120;
    /**
     * Per list (addresses, domains, numbers, contacts, services). With one lookup item per entry
     * an edit that swaps all of them stays within one DynamoDB transaction (100 items).
     */
    public static final int MAX_ENTRIES = 15;
    /** A monthly amount above this is a typo (the largest contract is a few thousand euros). */
    public static final BigDecimal MAX_FEE = new BigDecimal("1000000");

    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** Printable text without control characters (a name is shown, mailed and logged). */
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]+");

    /** A service as typed: its id, kind (wire name, e.g. hosted-pbx) and a name people know. */
    public record ServiceFields(String id, String kind, String name) {}

    /** A reseller as typed in a form or a seed file. */
    public record ResellerFields(String id, String name, List<String> contacts) {}

    /** A customer as typed in a form or a seed file: text, judged by {@link #customer}. */
    public record CustomerFields(
            String id,
            String reseller,
            String name,
            String level,
            String monthlyLicenceFee,
            String monthlyFixedCosts,
            List<ServiceFields> services,
            List<String> emails,
            List<String> domains,
            List<String> phones,
            String language,
            String contractStart) {}

    /**
     * The outcome: the entry, or the faults by field name (in the form's order). Exactly one of
     * the two is there.
     */
    public record Judged<T>(T value, Map<String, String> faults) {
        public boolean ok() {
            return faults.isEmpty();
        }

        /** For a seed: the entry, or an exception naming {@code where} and the first fault. */
        public T orThrow(String where) {
            if (!ok()) {
                Map.Entry<String, String> first = faults.entrySet().iterator().next();
                throw new IllegalArgumentException(where + ": " + first.getKey() + ": " + first.getValue());
            }
            return value;
        }
    }

    private DirectoryEntries() {}

    public static Judged<Reseller> reseller(ResellerFields fields) {
        Map<String, String> faults = new LinkedHashMap<>();
        String id = id(fields.id(), faults);
        String name = name(fields.name(), faults);
        Set<String> contacts = addresses("contacts", fields.contacts(), faults);
        return faults.isEmpty() ? new Judged<>(new Reseller(id, name, contacts), Map.of()) : refused(faults);
    }

    /**
     * @param resellerExists whether a reseller id is known (the directory, or the seed's own list)
     */
    public static Judged<Customer> customer(CustomerFields fields, Predicate<String> resellerExists) {
        Map<String, String> faults = new LinkedHashMap<>();
        String id = id(fields.id(), faults);
        String reseller = blankToNull(fields.reseller());
        if (reseller == null || !resellerExists.test(reseller)) {
            faults.put("reseller", "Kies een bestaande reseller.");
        }
        String name = name(fields.name(), faults);
        SlaLevel level = level(fields.level(), faults);
        BigDecimal fee = money("monthlyLicenceFee", fields.monthlyLicenceFee(), faults);
        // R25: without separate fixed costs the credit is computed from the licence fee
        BigDecimal fixed = blankToNull(fields.monthlyFixedCosts()) == null
                ? fee
                : money("monthlyFixedCosts", fields.monthlyFixedCosts(), faults);
        List<ServiceRef> services = services(fields.services(), faults);
        Set<String> emails = addresses("emails", fields.emails(), faults);
        Set<String> domains = domains(fields.domains(), faults);
        Set<String> phones = phones(fields.phones(), faults);
        String language = blankToNull(fields.language()) == null
                ? "nl"
                : fields.language().strip().toLowerCase(Locale.ROOT);
        if (!Customer.LANGUAGES.contains(language)) {
            faults.put("language", "Kies de taal van de mail: nl of en.");
        }
        LocalDate contractStart = contractStart(fields.contractStart(), faults);
        if (!faults.isEmpty()) {
            return refused(faults);
        }
        return new Judged<>(
                new Customer(
                        id,
                        reseller,
                        name,
                        level,
                        services,
                        fee,
                        fixed,
                        emails,
                        domains,
                        phones,
                        language,
                        contractStart),
                Map.of());
    }

    /** What changed between two versions of a customer, one Dutch line per field (the audit trail). */
    public static List<String> changes(Customer before, Customer after) {
        List<String> lines = new ArrayList<>();
        change(lines, "naam", before.name(), after.name());
        change(lines, "reseller", before.resellerId(), after.resellerId());
        change(lines, "niveau", before.level().name(), after.level().name());
        change(
                lines,
                "licentie per maand",
                before.monthlyLicenceFee().toPlainString(),
                after.monthlyLicenceFee().toPlainString());
        change(
                lines,
                "vaste kosten per maand",
                before.monthlyFixedCosts().toPlainString(),
                after.monthlyFixedCosts().toPlainString());
        change(lines, "diensten", servicesText(before.services()), servicesText(after.services()));
        change(lines, "e-mailadressen", sorted(before.emailAddresses()), sorted(after.emailAddresses()));
        change(lines, "maildomeinen", sorted(before.emailDomains()), sorted(after.emailDomains()));
        change(lines, "telefoonnummers", sorted(before.phoneNumbers()), sorted(after.phoneNumbers()));
        change(lines, "taal", before.language(), after.language());
        change(lines, "contractstart", String.valueOf(before.contractStart()), String.valueOf(after.contractStart()));
        return lines;
    }

    /** What changed between two versions of a reseller, one Dutch line per field. */
    public static List<String> changes(Reseller before, Reseller after) {
        List<String> lines = new ArrayList<>();
        change(lines, "naam", before.name(), after.name());
        change(lines, "contactadressen", sorted(before.contacts()), sorted(after.contacts()));
        return lines;
    }

    /** A customer's services as one line each, {@code id | kind | name} (the form's text area). */
    public static String servicesText(List<ServiceRef> services) {
        return services.stream()
                .map(s -> s.id() + " | " + s.kind().wireName() + " | " + (s.name() == null ? s.id() : s.name()))
                .collect(Collectors.joining("\n"));
    }

    /** The form's text area back into services: one a line, {@code id | kind | name}. */
    public static List<ServiceFields> parseServices(String text) {
        List<ServiceFields> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\|", 3);
            out.add(new ServiceFields(
                    parts[0].strip(),
                    parts.length > 1 ? parts[1].strip() : "",
                    parts.length > 2 ? parts[2].strip() : ""));
        }
        return out;
    }

    /** A list typed one entry a line (or separated by commas), blank lines left out. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static <T> Judged<T> refused(Map<String, String> faults) {
        return new Judged<>(null, Collections.unmodifiableMap(new LinkedHashMap<>(faults)));
    }

    private static void change(List<String> lines, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            lines.add(field + ": " + before + " \u2192 " + after);
        }
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String id(String value, Map<String, String> faults) {
        String id = value == null ? "" : value.strip();
        if (!ID.matcher(id).matches()) {
            faults.put(
                    "id",
                    "Een id bestaat uit kleine letters, cijfers en streepjes (hoogstens 64), zoals"
                            + " bakkerij-devries.");
        }
        return id;
    }

    private static String name(String value, Map<String, String> faults) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            faults.put("name", "Vul een naam in.");
        } else if (name.length() > MAX_NAME) {
            faults.put("name", "Een naam is hoogstens " + MAX_NAME + " tekens (nu " + name.length() + ").");
        } else if (!TEXT.matcher(name).matches()) {
            faults.put("name", "Een naam bevat geen regeleinden of stuurtekens.");
        }
        return name;
    }

    private static SlaLevel level(String value, Map<String, String> faults) {
        try {
            return SlaLevel.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            faults.put("level", "Kies een serviceniveau: A, N, B, HA, HS, HN of HB.");
            return SlaLevel.N;
        }
    }

    private static BigDecimal money(String field, String value, Map<String, String> faults) {
        String text = value == null ? "" : value.strip().replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.compareTo(MAX_FEE) >= 0 || amount.scale() > 2) {
                faults.put(
                        field,
                        "Een bedrag in euro's van 0 tot 1.000.000 met hoogstens twee decimalen," + " zoals 250.00.");
                return BigDecimal.ZERO;
            }
            return amount;
        } catch (NumberFormatException e) {
            faults.put(field, "'" + shortened(text) + "' is geen bedrag; schrijf het als 250.00.");
            return BigDecimal.ZERO;
        }
    }

    private static List<ServiceRef> services(List<ServiceFields> values, Map<String, String> faults) {
        List<ServiceRef> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<ServiceFields> all = values == null ? List.of() : values;
        if (all.size() > MAX_ENTRIES) {
            faults.put("services", "Hoogstens " + MAX_ENTRIES + " diensten.");
            return out;
        }
        for (ServiceFields s : all) {
            String id = s.id() == null ? "" : s.id().strip();
            if (!ID.matcher(id).matches()) {
                faults.put(
                        "services",
                        "Dienst '" + shortened(id) + "': het id bestaat uit kleine letters, cijfers"
                                + " en streepjes, zoals pbx.");
                return out;
            }
            if (!ids.add(id)) {
                faults.put("services", "Dienst '" + id + "' staat er twee keer in.");
                return out;
            }
            ServiceKind kind;
            try {
                kind = ServiceKind.fromWireName(String.valueOf(s.kind()).strip());
            } catch (IllegalArgumentException e) {
                faults.put(
                        "services",
                        "Dienst '" + id + "': de soort is hosted-pbx, sip-trunk, connectivity of" + " mobile.");
                return out;
            }
            String name = s.name() == null || s.name().isBlank() ? id : s.name().strip();
            if (name.length() > MAX_NAME || !TEXT.matcher(name).matches()) {
                faults.put(
                        "services",
                        "Dienst '" + id + "': de naam is hoogstens " + MAX_NAME + " tekens op één" + " regel.");
                return out;
            }
            out.add(new ServiceRef(id, kind, name));
        }
        return out;
    }

    private static Set<String> addresses(String field, List<String> values, Map<String, String> faults) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String address = value.strip().toLowerCase(Locale.ROOT);
            if (address.length() > 254 || !EmailAddresses.plausible(address)) {
                faults.put(field, "'" + shortened(value) + "' is geen e-mailadres.");
                return out;
            }
            out.add(address);
        }
        if (out.size() > MAX_ENTRIES) {
            faults.put(field, "Hoogstens " + MAX_ENTRIES + " adressen.");
        }
        return out;
    }

    private static Set<String> domains(List<String> values, Map<String, String> faults) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String domain = value.strip().toLowerCase(Locale.ROOT);
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                faults.put("domains", "'" + shortened(value) + "' is geen maildomein (zoals bakkerij-devries.nl).");
                return out;
            }
            out.add(domain);
        }
        if (out.size() > MAX_ENTRIES) {
            faults.put("domains", "Hoogstens " + MAX_ENTRIES + " domeinen.");
        }
        return out;
    }

    /** Normalised to E.164 (a number without country code is Dutch); an invalid number is refused. */
    private static Set<String> phones(List<String> values, Map<String, String> faults) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            var e164 = value.length() > 40 ? Optional.<String>empty() : PhoneNumbers.toE164(value);
            if (e164.isEmpty()) {
                faults.put("phones", "'" + shortened(value) + "' is geen geldig telefoonnummer.");
                return out;
            }
            out.add(e164.get());
        }
        if (out.size() > MAX_ENTRIES) {
            faults.put("phones", "Hoogstens " + MAX_ENTRIES + " telefoonnummers.");
        }
        return out;
    }

    /** R18: the first day of delivery; blank is none recorded. */
    private static LocalDate contractStart(String value, Map<String, String> faults) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            faults.put("contractStart", "Een datum zoals 2026-03-01, niet '" + shortened(value) + "'.");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A typed value quoted in a message, cut short so a message stays a line. */
    private static String shortened(String value) {
        String oneLine = String.valueOf(value).replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
