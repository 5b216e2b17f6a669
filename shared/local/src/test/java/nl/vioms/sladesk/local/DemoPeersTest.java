package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's platform peers answer like an SBC and a TCP service, and stop answering when the platform goes down. */
class DemoPeersTest {
    private static final String OPTIONS = "OPTIONS sip:sbc@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-demo-1;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:probe@sladesk.local>;tag=abc\r\n"
            + "To: <sip:sbc@127.0.0.1>\r\n"
            + "Call-ID: demo-call-1@sladesk.local\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void theSbcAnswersOptionsWith200EchoingTheTransactionHeaders() throws Exception {
        try (DemoPeers peers = new DemoPeers();
                DatagramSocket client = new DatagramSocket()) {
            String reply = ask(client, peers.sipPort());

            assertTrue(reply.startsWith("SIP/2.0 200 OK\r\n"), reply);
            // RFC 3261 8.2.6.2: Via, From, To, Call-ID and CSeq copied from the request
            assertTrue(reply.contains("Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-demo-1;rport\r\n"), reply);
            assertTrue(reply.contains("Call-ID: demo-call-1@sladesk.local\r\nCSeq: 1 OPTIONS\r\n"), reply);
            assertTrue(reply.endsWith("Content-Length: 0\r\n\r\n"), reply);
        }
    }

    @Test
    void downTheSbcIsSilentAndTheTcpPortRefusesThenBothComeBack() throws Exception {
        try (DemoPeers peers = new DemoPeers();
                DatagramSocket client = new DatagramSocket()) {
            connect(peers.tcpPort());

            peers.down();
            assertThrows(SocketTimeoutException.class, () -> ask(client, peers.sipPort()));
            assertThrows(ConnectException.class, () -> connect(peers.tcpPort()));

            peers.up();
            assertTrue(ask(client, peers.sipPort()).startsWith("SIP/2.0 200 OK"));
            connect(peers.tcpPort());
        }
    }

    private static String ask(DatagramSocket client, int port) throws IOException {
        byte[] request = OPTIONS.getBytes(StandardCharsets.UTF_8);
        client.setSoTimeout(300);
        client.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        client.receive(reply);
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            assertEquals(port, socket.getPort());
        }
    }
}
