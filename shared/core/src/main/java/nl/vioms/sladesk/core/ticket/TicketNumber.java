package nl.vioms.sladesk.core.ticket;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Human ticket numbers: {@code VIO-2026-000123}, the year of creation and a yearly counter. */
public final class TicketNumber {
    public static final Pattern PATTERN = Pattern.compile("VIO-(\\d{4})-(\\d{6})");

    private TicketNumber() {}

    public static String format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return String.format("VIO-%04d-%06d", year, sequence);
    }

    public static boolean isValid(@Nullable String number) {
        return number != null && PATTERN.matcher(number).matches();
    }
}
