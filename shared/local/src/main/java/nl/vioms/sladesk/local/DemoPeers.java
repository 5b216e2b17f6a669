package nl.vioms.sladesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The demo's stand-ins for the hosted platform, on 127.0.0.1: an SBC answering SIP OPTIONS over
 * UDP with 200 OK, and the softphone service's TCP port. {@link #down()} makes both stop
 * answering (the platform outage the probes must see); {@link #up()} brings them back.
 */
final class DemoPeers implements AutoCloseable {
    private final DatagramSocket sip;
    private final int tcpPort;
    private volatile ServerSocket tcp;
    private volatile boolean answering = true;
    private volatile boolean closed;

    /** On free ports (the demo month). */
    DemoPeers() {
        this(0, 0);
    }

    /** On the given ports (0: any free one), e.g. those the demo seed's probe targets name. */
    DemoPeers(int sipUdpPort, int tcpPort) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            sip = new DatagramSocket(new InetSocketAddress(loopback, sipUdpPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open UDP port " + sipUdpPort + " for the demo's SBC", e);
        }
        try {
            tcp = new ServerSocket(tcpPort, 50, loopback);
        } catch (IOException e) {
            sip.close();
            throw new UncheckedIOException("cannot open TCP port " + tcpPort + " for the demo's softphone service", e);
        }
        this.tcpPort = tcp.getLocalPort();
        Thread sbc = new Thread(this::answerSip, "demo-sbc");
        sbc.setDaemon(true);
        sbc.start();
        acceptOn(tcp);
    }

    int sipPort() {
        return sip.getLocalPort();
    }

    int tcpPort() {
        return tcpPort;
    }

    /** Whether the peers answer now (the demo's time-lapse carries the probes' streaks with it). */
    boolean answering() {
        return answering;
    }

    /** The platform fails: the SBC stops answering and the TCP port is closed (connections refused). */
    synchronized void down() {
        answering = false;
        closeQuietly(tcp);
    }

    synchronized void up() {
        answering = true;
        if (!tcp.isClosed()) {
            return;
        }
        try {
            ServerSocket reopened = new ServerSocket();
            reopened.setReuseAddress(true);
            reopened.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 50);
            tcp = reopened;
            acceptOn(reopened);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen port " + tcpPort, e);
        }
    }

    private void answerSip() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            try {
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                sip.receive(request);
                if (!answering) {
                    continue; // a dead SBC: no reply, the probe times out
                }
                String text = new String(request.getData(), 0, request.getLength(), StandardCharsets.UTF_8);
                byte[] reply = okFor(text).getBytes(StandardCharsets.UTF_8);
                sip.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // one bad datagram: keep serving
            }
        }
    }

    /** 200 OK to an OPTIONS request, echoing the headers a SIP client matches replies on (RFC 3261 8.2.6). */
    static String okFor(String request) {
        StringBuilder reply = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":")
                    ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                    : "";
            if (List.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq")
                    .contains(name)) {
                reply.append(line).append("\r\n");
            }
        }
        return reply.append("Allow: INVITE, ACK, CANCEL, OPTIONS, BYE\r\nContent-Length: 0\r\n\r\n")
                .toString();
    }

    private void acceptOn(ServerSocket socket) {
        Thread thread = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket connection = socket.accept()) {
                            connection.getOutputStream().flush();
                        } catch (IOException e) {
                            // closed (down) or a client gone: the loop ends or goes on
                        }
                    }
                },
                "demo-softphone-port");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        sip.close();
        closeQuietly(tcp);
    }
}
