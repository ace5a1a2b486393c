package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.TestServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one server takes on at once, seen on the wire: connections beyond the cap are closed as they arrive while the
 * ones already open keep working, and an HTTP/2 client is told how many requests it may run on one connection.
 */
class ConnectionLimitsTest {
    private static final int CAP = 3;

    @Test
    void aConnectionBeyondTheCapIsClosedAndTheOpenOnesKeepWorking() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE,
                RosterServer.Limits.DEFAULTS.withMaxConnections(CAP))) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < CAP; i++) {
                    open.add(connect(server));
                    assertThat(healthz(open.get(i))).as("connection %d, within the cap", i + 1).startsWith("HTTP/1.1 200");
                }

                try (Socket beyond = connect(server)) {
                    assertThat(closedByServer(beyond)).as("the connection beyond the cap").isTrue();
                }
                for (Socket socket : open) {
                    assertThat(healthz(socket)).as("an open connection after the refusal").startsWith("HTTP/1.1 200");
                }

                open.remove(0).close();
                // The server counts the closed connection out once its event loop has seen the close.
                Eventually.until(() -> acceptedAfterAClose(server), "a new connection once one is closed");
            } finally {
                for (Socket socket : open) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void anHttp2ClientMayRunAHundredRequestsOnOneConnection() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE); Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 0x4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame on stream 0
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
            int type = in.readUnsignedByte();
            in.readUnsignedByte(); // flags
            in.readInt(); // stream id
            assertThat(type).as("the server's first frame is its SETTINGS").isEqualTo(0x4);
            Long maxConcurrentStreams = null;
            for (int read = 0; read < length; read += 6) {
                int id = in.readUnsignedShort();
                long value = in.readInt() & 0xFFFFFFFFL;
                if (id == 0x3) {
                    maxConcurrentStreams = value;
                }
            }
            assertThat(maxConcurrentStreams).as("SETTINGS_MAX_CONCURRENT_STREAMS")
                    .isEqualTo((long) RosterServer.MAX_STREAMS_PER_CONNECTION);
        }
    }

    private static Socket connect(TestServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** One keep-alive request on {@code socket}, its whole answer read; its status line, or "" if the server closed. */
    private static String healthz(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return "";
            }
            head.append((char) b);
        }
        int length = head.toString().lines()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst().orElseThrow();
        in.readNBytes(length);
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** True when the server ends the connection without answering a request on it. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return healthz(socket).isEmpty();
        } catch (SocketTimeoutException e) {
            return false; // held open without an answer: not refused
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static boolean acceptedAfterAClose(TestServer server) {
        try (Socket socket = connect(server)) {
            return healthz(socket).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
