import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.EventLoopGroups;
import com.linecorp.armeria.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the lifecycle-webhook scenario: answers every POST with 204 once its body arrived and
 * counts them; GET /count says how many so far. One event loop, no signature checks (the tests do those), so that
 * the receiver takes as little of the machine's two cores as a receiver can and what is measured is Roster's side.
 * Usage: java -cp server/target/roster.jar Receiver.java <port>
 */
public final class Receiver {
    public static void main(String[] args) {
        AtomicLong received = new AtomicLong();
        Server server = Server.builder()
                .http(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])))
                .workerGroup(EventLoopGroups.newEventLoopGroup(1), true)
                .service("/count", (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8,
                        Long.toString(received.get())))
                .service("/hooks", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(body -> {
                    received.incrementAndGet();
                    return HttpResponse.of(HttpStatus.NO_CONTENT);
                })))
                .build();
        server.start().join();
        System.out.println("receiver listening on 127.0.0.1:" + args[0]);
    }
}
