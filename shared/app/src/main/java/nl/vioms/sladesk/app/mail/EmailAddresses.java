package nl.vioms.sladesk.app.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What may be mailed: an address goes into a header of a mail of ours, so anything that could
 * smuggle a second header or recipient (line breaks, commas, angle brackets, quotes, spaces) is
 * refused, and so is anything longer than RFC 5321 allows.
 */
public final class EmailAddresses {
    /** Dot-atom local part (RFC 5322 atext) and a domain of LDH labels with a dot. */
    private static final Pattern PLAUSIBLE =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {}

    /** Whether the text is a single, mailable address (at most 254 characters, local part at most 64). */
    public static boolean plausible(String address) {
        if (address == null
                || address.length() > 254
                || !PLAUSIBLE.matcher(address).matches()) {
            return false;
        }
        return address.indexOf('@') <= 64;
    }

    /** Lower case, trimmed. */
    public static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The domain of an address, lower case. */
    public static String domain(String address) {
        String normal = normal(address);
        return normal.substring(normal.lastIndexOf('@') + 1);
    }

    /**
     * Whether an address is SLA Desk's own: the support address, or any address at its domain
     * (a mail to ourselves would come back in as a loop).
     */
    public static boolean isOurs(String address, String supportAddress) {
        String ours = normal(supportAddress);
        return normal(address).equals(ours) || domain(address).equals(domain(ours));
    }
}
