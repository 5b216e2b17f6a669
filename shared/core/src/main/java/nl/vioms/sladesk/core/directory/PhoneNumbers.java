package nl.vioms.sladesk.core.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Phone numbers as stored and looked up: E.164, numbers without a country code read as Dutch. */
public final class PhoneNumbers {
    private static final String DEFAULT_REGION = "NL";

    private PhoneNumbers() {}

    /** E.164 form ({@code +31201234567}), or empty when the text is no valid number. */
    public static Optional<String> toE164(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(text, DEFAULT_REGION);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
