package nl.vioms.sladesk.probe;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import nl.vioms.sladesk.core.monitoring.ProbeTarget.SipTransport;

/**
 * An OPTIONS ping as RFC 3261 asks for it (section 11: Via with a z9hG4bK branch and rport,
 * From with a tag, To, Call-ID, CSeq, Max-Forwards, Contact, Content-Length), and the reading of
 * its reply: the status line, matched to the request by Call-ID, CSeq and the Via branch.
 * See docs/decisions/10-probe.md for why this is not a SIP stack.
 */
final class SipOptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    final String callId;
    final String branch;
    final String text;

    private SipOptions(String callId, String branch, String text) {
        this.callId = callId;
        this.branch = branch;
        this.text = text;
    }

    /** @param localHost and localPort where replies are to be sent (the socket's own address) */
    static SipOptions request(String host, int port, SipTransport transport, String localHost, int localPort) {
        String callId = random(12) + "@sladesk-probe";
        String branch = "z9hG4bK" + random(10);
        String uri = "sip:ping@" + hostPart(host) + ":" + port
                + (transport == SipTransport.UDP
                        ? ""
                        : ";transport=" + transport.name().toLowerCase(Locale.ROOT));
        String local = hostPart(localHost) + ":" + localPort;
        String text = "OPTIONS " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport.name() + " " + local + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:sladesk-probe@" + hostPart(localHost) + ">;tag=" + random(6) + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Contact: <sip:sladesk-probe@" + local
                + (transport == SipTransport.UDP
                        ? ""
                        : ";transport=" + transport.name().toLowerCase(Locale.ROOT)) + ">\r\n"
                + "Accept: application/sdp\r\n"
                + "User-Agent: SLA Desk probe\r\n"
                + "Content-Length: 0\r\n\r\n";
        return new SipOptions(callId, branch, text);
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A reply's status code and reason. */
    record Reply(int code, String reason) {
        boolean provisional() {
            return code < 200;
        }

        @Override
        public String toString() {
            return "SIP " + code + " " + reason;
        }
    }

    /**
     * The reply in {@code message} if it answers this request; empty for anything else (a stray
     * datagram, a reply to another ping, a request). Header names are matched case-insensitively,
     * compact forms included (i = Call-ID, v = Via).
     */
    Optional<Reply> match(String message) {
        int headEnd = message.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? message : message.substring(0, headEnd);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("SIP/2.0 ")) {
            return Optional.empty();
        }
        String[] status = lines[0].split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        boolean sameCall = false, sameCseq = false, sameBranch = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "call-id", "i" -> sameCall = value.equals(callId);
                case "cseq" -> sameCseq = value.replaceAll("\\s+", " ").equalsIgnoreCase("1 OPTIONS");
                case "via", "v" -> sameBranch |= value.contains("branch=" + branch);
                default -> {}
            }
        }
        if (!(sameCall && sameCseq && sameBranch)) {
            return Optional.empty();
        }
        return Optional.of(new Reply(code, status.length > 2 ? status[2] : ""));
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
