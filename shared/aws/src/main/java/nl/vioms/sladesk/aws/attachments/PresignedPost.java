package nl.vioms.sladesk.aws.attachments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.vioms.sladesk.app.Json;

/**
 * An S3 presigned POST (AWS Signature Version 4): the fields of an HTML form that lets a browser
 * upload one file straight to the bucket, within the limits of a signed policy. The AWS SDK for
 * Java v2 has no presigned POST, so this builds it: the policy JSON (expiration and conditions),
 * its base64 (the string to sign), the SigV4 signing key chain (date, region, {@code s3},
 * {@code aws4_request}) and the hex HMAC-SHA256 signature. With session credentials (Lambda's) the
 * token is a field and a condition too. Checked against AWS's published example
 * ("Browser-Based Upload using HTTP POST", signature {@code 8afdbf40...}) in its test.
 *
 * @param url    where the form posts (the bucket's endpoint as the browser reaches it)
 * @param fields the form's fields in the order they are posted; the file input comes after them (S3
 *               ignores what follows it)
 */
public record PresignedPost(String url, Map<String, String> fields) {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public PresignedPost {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Who signs: an access key, its secret and, for temporary credentials, the session token (else null). */
    public record Signer(String accessKeyId, String secretAccessKey, String sessionToken, String region) {
        @Override
        public String toString() {
            return "Signer[" + accessKeyId + ", " + region + "]"; // never the secret in a log line
        }
    }

    /**
     * What the upload may be.
     *
     * @param keyPrefix    the key must start with this ({@code ${filename}} after it names the file)
     * @param maxBytes     {@code content-length-range} 1..maxBytes
     * @param redirect     {@code success_action_redirect}: where S3 sends the browser after the upload
     * @param contentType  the form's Content-Type field; the policy lets the page's script change it
     * @param expiry       how long the form may be used
     */
    public record Limits(String keyPrefix, long maxBytes, String redirect, String contentType, Duration expiry) {}

    /** The form for {@code bucket} at {@code url}, signed at {@code now}. */
    public static PresignedPost create(String url, String bucket, Limits limits, Signer signer, Instant now) {
        String credential = signer.accessKeyId() + "/" + DATE.format(now) + "/" + signer.region() + "/s3/aws4_request";
        String amzDate = STAMP.format(now);
        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        conditions.add(List.of("starts-with", "$key", limits.keyPrefix()));
        conditions.add(List.of("content-length-range", 1, limits.maxBytes()));
        conditions.add(Map.of("success_action_redirect", limits.redirect()));
        // the type is decided again from the file name when the upload is recorded; a script may set it
        conditions.add(List.of("starts-with", "$Content-Type", ""));
        conditions.add(Map.of("x-amz-credential", credential));
        conditions.add(Map.of("x-amz-algorithm", ALGORITHM));
        conditions.add(Map.of("x-amz-date", amzDate));
        if (signer.sessionToken() != null) {
            conditions.add(Map.of("x-amz-security-token", signer.sessionToken()));
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("expiration", EXPIRATION.format(now.plus(limits.expiry())));
        policy.put("conditions", conditions);
        String encoded = Base64.getEncoder().encodeToString(Json.write(policy).getBytes(StandardCharsets.UTF_8));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", limits.keyPrefix() + "${filename}");
        fields.put("Content-Type", limits.contentType());
        fields.put("success_action_redirect", limits.redirect());
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-date", amzDate);
        if (signer.sessionToken() != null) {
            fields.put("x-amz-security-token", signer.sessionToken());
        }
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature(signer.secretAccessKey(), DATE.format(now), signer.region(), encoded));
        return new PresignedPost(url, fields);
    }

    /**
     * SigV4 of a POST policy: HMAC-SHA256 of the base64 policy with the key derived from the secret,
     * the date (yyyyMMdd), the region and the service {@code s3}; lower-case hex.
     */
    public static String signature(String secretAccessKey, String date, String region, String base64Policy) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, base64Policy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
