package nl.vioms.sladesk.aws.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import org.junit.jupiter.api.Test;

/** The presigned POST's policy and signature (issue 18), without S3: fixed inputs, fixed outputs. */
class PresignedPostTest {
    /** AWS's published example: "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)". */
    private static final String AWS_EXAMPLE_POLICY = String.join(
            "",
            "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1",
            "Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8i",
            "XSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDov",
            "L3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0",
            "YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUx",
            "MjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFy",
            "dHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZP",
            "RE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGht",
            "IjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9");

    private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final PresignedPost.Limits LIMITS = new PresignedPost.Limits(
            "attachments/telnet/VIO-2026-000001/abc123/",
            10L * 1024 * 1024,
            "http://127.0.0.1:3000/portal/tickets/VIO-2026-000001/attachments/done",
            "application/octet-stream",
            Duration.ofMinutes(10));

    @Test
    void theSignatureOfAwsPublishedExampleIsReproduced() {
        assertEquals(
                "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e",
                PresignedPost.signature(EXAMPLE_SECRET, "20151229", "us-east-1", AWS_EXAMPLE_POLICY));
    }

    @Test
    void thePolicyLimitsKeySizeRedirectAndExpiry() {
        PresignedPost post = PresignedPost.create(
                "http://127.0.0.1:4566/attachments",
                "sladesk-attachments",
                LIMITS,
                new PresignedPost.Signer("AKIDEXAMPLE", EXAMPLE_SECRET, null, "eu-central-1"),
                NOW);

        Map<String, Object> policy = policy(post);
        // 08:00Z + 10 min = 08:10Z
        assertEquals("2026-12-01T08:10:00.000Z", policy.get("expiration"));
        List<Object> conditions = listOf(policy.get("conditions"));
        assertTrue(conditions.contains(Map.of("bucket", "sladesk-attachments")), conditions.toString());
        assertTrue(conditions.contains(List.of("starts-with", "$key", "attachments/telnet/VIO-2026-000001/abc123/")));
        // 10 MiB = 10 * 1024 * 1024 = 10485760 bytes
        assertTrue(conditions.contains(List.of("content-length-range", 1, 10485760)), conditions.toString());
        assertTrue(conditions.contains(Map.of("success_action_redirect", LIMITS.redirect())));
        assertTrue(conditions.contains(Map.of("x-amz-algorithm", "AWS4-HMAC-SHA256")));
        assertTrue(
                conditions.contains(Map.of("x-amz-credential", "AKIDEXAMPLE/20261201/eu-central-1/s3/aws4_request")));
        assertTrue(conditions.contains(Map.of("x-amz-date", "20261201T080000Z")));
        assertFalse(post.fields().containsKey("x-amz-security-token"), "no token without session credentials");

        assertEquals(
                "attachments/telnet/VIO-2026-000001/abc123/${filename}",
                post.fields().get("key"));
        assertEquals(
                List.of(
                        "key",
                        "Content-Type",
                        "success_action_redirect",
                        "x-amz-credential",
                        "x-amz-algorithm",
                        "x-amz-date",
                        "policy",
                        "x-amz-signature"),
                List.copyOf(post.fields().keySet()),
                "the policy's fields first, the signature last; the file input follows them");
    }

    @Test
    void theSignatureIsStableForFixedInputsAndIsTheSigV4OfThePolicy() {
        var signer = new PresignedPost.Signer("AKIDEXAMPLE", EXAMPLE_SECRET, null, "eu-central-1");
        PresignedPost first = PresignedPost.create("http://s3", "b", LIMITS, signer, NOW);
        PresignedPost again = PresignedPost.create("http://s3", "b", LIMITS, signer, NOW);

        assertEquals(first.fields(), again.fields());
        assertEquals(
                PresignedPost.signature(
                        EXAMPLE_SECRET,
                        "20261201",
                        "eu-central-1",
                        first.fields().get("policy")),
                first.fields().get("x-amz-signature"));
        assertEquals(64, first.fields().get("x-amz-signature").length());
        PresignedPost later = PresignedPost.create("http://s3", "b", LIMITS, signer, NOW.plusSeconds(1));
        assertFalse(first.fields().get("x-amz-signature").equals(later.fields().get("x-amz-signature")));
    }

    @Test
    void sessionCredentialsAddTheTokenAsFieldAndCondition() {
        var signer = new PresignedPost.Signer("ASIAEXAMPLE", EXAMPLE_SECRET, "token-of-the-role", "eu-central-1");
        PresignedPost post = PresignedPost.create("http://s3", "b", LIMITS, signer, NOW);

        assertEquals("token-of-the-role", post.fields().get("x-amz-security-token"));
        assertTrue(
                listOf(policy(post).get("conditions")).contains(Map.of("x-amz-security-token", "token-of-the-role")));
        assertFalse(signer.toString().contains(EXAMPLE_SECRET), "the secret never reaches a log line");
    }

    @Test
    void fileNamesAreMadeSafeAndTypedByTheirExtension() {
        assertEquals("storing_2_dec.pdf", AttachmentFiles.safeName("storing 2 dec.pdf"));
        assertEquals("passwd", AttachmentFiles.safeName("../../etc/passwd"));
        assertEquals("x_.png", AttachmentFiles.safeName("x\u202e.png"));
        assertEquals("image/png", AttachmentFiles.typeOf("scherm.PNG").orElseThrow());
        assertTrue(AttachmentFiles.typeOf("pagina.html").isEmpty());
        assertTrue(AttachmentFiles.typeOf("zonder-extensie").isEmpty());
        assertTrue(AttachmentFiles.typeFits("binary/octet-stream", "application/pdf"));
        assertTrue(AttachmentFiles.typeFits("text/x-log", "text/plain"));
        assertFalse(AttachmentFiles.typeFits("text/html", "application/pdf"));
    }

    private static Map<String, Object> policy(PresignedPost post) {
        return Json.readObject(
                new String(Base64.getDecoder().decode(post.fields().get("policy")), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object value) {
        return (List<Object>) value;
    }
}
