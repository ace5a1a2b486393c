import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the lifecycle-webhook scenario: answers every POST with 204 at once and counts them;
 * GET /count says how many so far. Signatures are not checked here (the tests do that), so what is measured is
 * Roster's side. Usage: java Receiver.java <port>
 */
public final class Receiver {
    public static void main(String[] args) throws IOException {
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 128);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("GET")) {
                    byte[] body = Long.toString(received.get()).getBytes(StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else {
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("receiver listening on 127.0.0.1:" + args[0]);
    }
}
