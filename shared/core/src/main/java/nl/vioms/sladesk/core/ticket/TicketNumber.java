package nl.vioms.sladesk.core.ticket;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Human ticket numbers: {@code VIO-2026-000123}, the year of creation and a yearly counter of at
 * least six digits. Beyond 999 999 the counter simply grows a digit ({@code VIO-2026-1000000}):
 * there is no ceiling that stops intake. Numbers are never zero-padded beyond six digits, so each
 * number has one spelling. Where numbers are ordered as text (DynamoDB sort keys) use
 * {@link #sortKey}; in code use {@link #ORDER}.
 */
public final class TicketNumber {
    /** Six digits (zero-padded), or more without a leading zero; at most 18 (a long). */
    public static final Pattern PATTERN = Pattern.compile("VIO-(\\d{4})-(\\d{6}|[1-9]\\d{6,17})");

    /** The counter value from which operations are told that the six-digit width is nearly used up. */
    public static final long WARNING_SEQUENCE = 900_000;

    /** By year, then by counter as a number: VIO-2026-999999 before VIO-2026-1000000. */
    public static final Comparator<String> ORDER = Comparator.comparing(TicketNumber::sortKey);

    private TicketNumber() {}

    public static String format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999_999_999_999_999L) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return String.format("VIO-%04d-%06d", year, sequence);
    }

    public static boolean isValid(@Nullable String number) {
        return number != null && PATTERN.matcher(number).matches();
    }

    public static int year(String number) {
        return Integer.parseInt(parts(number).group(1));
    }

    public static long sequence(String number) {
        return Long.parseLong(parts(number).group(2));
    }

    /**
     * The number as a text that sorts as {@link #ORDER} does: a six-digit number is itself (so keys
     * stored before longer numbers existed stay valid), a longer one gets one {@code ~} per digit
     * beyond six before its counter ({@code VIO-2026-~1000000}); {@code ~} sorts after every digit.
     * Text that is no ticket number is its own key.
     */
    public static String sortKey(String number) {
        Matcher m = PATTERN.matcher(number);
        if (!m.matches()) {
            return number;
        }
        String digits = m.group(2);
        return "VIO-" + m.group(1) + "-" + "~".repeat(digits.length() - 6) + digits;
    }

    /** Whether a counter value has passed {@link #WARNING_SEQUENCE} (operations should be told). */
    public static boolean nearingSixDigits(long sequence) {
        return sequence >= WARNING_SEQUENCE;
    }

    private static Matcher parts(String number) {
        Matcher m = PATTERN.matcher(number);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a ticket number: " + number);
        }
        return m;
    }
}
