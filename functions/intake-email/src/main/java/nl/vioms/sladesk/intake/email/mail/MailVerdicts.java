package nl.vioms.sladesk.intake.email.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SES's verdicts on one received mail ({@code receipt.*Verdict.status}): PASS, FAIL, GRAY,
 * PROCESSING_FAILED, or null when SES sent none (then it is shown as NONE). Stored upper case.
 */
public record MailVerdicts(String spf, String dkim, String dmarc, String spam, String virus) {
    /** Shown for a verdict SES did not send. */
    public static final String NONE = "NONE";

    public MailVerdicts {
        spf = normalize(spf);
        dkim = normalize(dkim);
        dmarc = normalize(dmarc);
        spam = normalize(spam);
        virus = normalize(virus);
    }

    /** No verdicts at all (a notification without a receipt's verdicts). */
    public static MailVerdicts none() {
        return new MailVerdicts(null, null, null, null, null);
    }

    /** All PASS: what SES sends for a well-authenticated clean mail. */
    public static MailVerdicts allPass() {
        return new MailVerdicts("PASS", "PASS", "PASS", "PASS", "PASS");
    }

    /** The verdicts as the ticket history shows them: spf, dkim, dmarc, spam, virus. */
    public Map<String, String> asData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("spf", spf);
        data.put("dkim", dkim);
        data.put("dmarc", dmarc);
        data.put("spam", spam);
        data.put("virus", virus);
        return data;
    }

    /** One line for the history, e.g. {@code spf=PASS dkim=PASS dmarc=FAIL spam=PASS virus=PASS}. */
    public String summary() {
        return "spf=" + spf + " dkim=" + dkim + " dmarc=" + dmarc + " spam=" + spam + " virus=" + virus;
    }

    private static String normalize(String verdict) {
        return verdict == null || verdict.isBlank() ? NONE : verdict.trim().toUpperCase(Locale.ROOT);
    }
}
