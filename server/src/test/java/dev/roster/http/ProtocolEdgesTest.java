package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import dev.roster.proto.zitadel.user.v2.GetUserByIDRequest;
import dev.roster.proto.zitadel.v1.ErrorDetail;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Protocol edges a hostile client reaches over real HTTP: gRPC and gRPC-Web frames that cannot be read, requests on
 * gRPC paths that no gRPC client sends, deadlines and slow bodies, HEAD. Every answer is the one error shape of its
 * transport (a gRPC status with one ErrorDetail, or the JSON body) with X-Request-Id, and names no Java class.
 * Storage plays no part here, so SQLite is enough.
 */
class ProtocolEdgesTest {
    private static final String GET_USER = "/zitadel.user.v2.UserService/GetUserByID";
    private static final Pattern JAVA_NAMES = Pattern.compile("(?i)linecorp|exception|\\b(com|io|java)\\.[a-z]");

    @RegisterExtension
    static final Servers servers = new Servers();

    /** gRPC over HTTP/2 and gRPC-Web over HTTP/1.1, the way ZITADEL's clients reach the services. */
    enum Framed {
        GRPC("h2c", "application/grpc"),
        GRPC_WEB("h1c", "application/grpc-web+proto");

        final String scheme;
        final String contentType;

        Framed(String scheme, String contentType) {
            this.scheme = scheme;
            this.contentType = contentType;
        }
    }

    @ParameterizedTest
    @EnumSource(Framed.class)
    void framesThatCannotBeReadAreInvalidArgumentWithOneDetail(Framed framed) {
        byte[] notUtf8 = {0x0a, 0x02, (byte) 0xff, (byte) 0xfe};
        Map<String, AggregatedHttpResponse> answers = Map.of(
                "a string that is not UTF-8", call(framed, frame(0, notUtf8.length, notUtf8)),
                "a compressed frame without grpc-encoding", call(framed, frame(1, notUtf8.length, notUtf8)),
                "reserved flag bits", call(framed, frame(0x02, notUtf8.length, notUtf8)),
                "a frame shorter than its length prefix", call(framed, frame(0, 100, notUtf8)),
                "gzip that is not gzip", call(framed, frame(1, notUtf8.length, notUtf8), "grpc-encoding", "gzip"));

        answers.forEach((what, answer) -> assertGrpcError(answer, 3, "ROSTER-MALFORMED-MESSAGE", what));
        // The same frames, well formed, reach the service: the refusals above are about the bytes, not the call.
        byte[] unknownUser = GetUserByIDRequest.newBuilder().setUserId("usr_nobody").build().toByteArray();
        assertGrpcError(call(framed, frame(0, unknownUser.length, unknownUser)), 5, "QUERY-Dfbg2", "a readable frame");
    }

    @ParameterizedTest
    @EnumSource(Framed.class)
    void messagesOverTheLimitAreResourceExhaustedBeforeAndAfterDecompression(Framed framed) {
        byte[] big = GetUserByIDRequest.newBuilder().setUserId("a".repeat(4 * 1024 * 1024)).build().toByteArray();
        byte[] bomb = gzip(big);
        assertThat(bomb.length).as("a small frame that inflates to 4 MiB").isLessThan(64 * 1024);

        assertGrpcError(call(framed, frame(0, 0xffffffffL, new byte[5])), 8, "ROSTER-MESSAGE-TOO-LARGE",
                "a 4 GiB length prefix");
        assertGrpcError(call(framed, frame(1, bomb.length, bomb), "grpc-encoding", "gzip"), 8,
                "ROSTER-MESSAGE-TOO-LARGE", "a gzip bomb");
        byte[] small = GetUserByIDRequest.newBuilder().setUserId("usr_nobody").build().toByteArray();
        byte[] zipped = gzip(small);
        assertGrpcError(call(framed, frame(1, zipped.length, zipped), "grpc-encoding", "gzip"), 5, "QUERY-Dfbg2",
                "a small gzip message is still read");
    }

    @Test
    void grpcWebTextThatIsNotBase64IsInvalidArgument() {
        AggregatedHttpResponse answer = client(Framed.GRPC_WEB).execute(headers(Framed.GRPC_WEB,
                "application/grpc-web-text").build(), HttpData.ofUtf8("!!!")).aggregate().join();

        assertGrpcError(answer, 3, "ROSTER-MALFORMED-MESSAGE", "grpc-web-text body !!!");
    }

    @ParameterizedTest
    @EnumSource(Framed.class)
    void aDeadlineThatPassesIsDeadlineExceededWithoutAStackTrace(Framed framed) {
        byte[] request = GetUserByIDRequest.newBuilder().setUserId("usr_nobody").build().toByteArray();
        try (CapturedLog log = CapturedLog.start()) {
            for (String timeout : List.of("1n", "1u")) {
                assertGrpcError(call(framed, frame(0, request.length, request), "grpc-timeout", timeout), 4,
                        "ROSTER-DEADLINE-EXCEEDED", "grpc-timeout " + timeout);
            }
            log.assertNoErrorsOrStackTraces();
        }
    }

    @Test
    void unframedProtobufThatDoesNotParseIsABadRequest() {
        Http api = servers.admin(Engine.SQLITE);

        Reply garbage = api.sendBytes("POST", GET_USER, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff},
                "application/protobuf");
        assertJsonError(garbage, 400, 3, "ROSTER-MALFORMED-MESSAGE");

        Reply json = api.send("POST", GET_USER, "{\"userId\":\"usr_nobody\"}", "application/json");
        assertJsonError(json, 404, 5, "QUERY-Dfbg2");
    }

    @Test
    void aContentTypeNoGrpcClientSendsIsRefusedWithTheJsonBody() {
        Http api = servers.admin(Engine.SQLITE);

        for (Reply r : List.of(api.send("POST", GET_USER, "hi", "text/plain"), api.send("POST", GET_USER, "hi", null),
                api.send("POST", GET_USER, "x", "multipart/form-data; boundary=x"))) {
            assertJsonError(r, 400, 3, "ROSTER-REQUEST-REJECTED");
            assertThat(r.json().get("message").asText()).contains("Content-Type");
        }
        Reply fromABrowser = api.with("Origin", "https://app.example.com").send("POST", GET_USER, "hi", "text/plain");
        assertJsonError(fromABrowser, 400, 3, "ROSTER-REQUEST-REJECTED");
        assertThat(fromABrowser.header("access-control-allow-origin")).as("readable by the page").isNotNull();
    }

    @Test
    void otherMethodsThanPostOnAGrpcPathAre405WithTheJsonBody() {
        Http api = servers.admin(Engine.SQLITE);

        for (Reply r : List.of(api.get(GET_USER), api.send("PUT", GET_USER, "{}", "application/grpc-web+proto"),
                api.delete(GET_USER), api.send("PATCH", GET_USER, "{}", "application/json"))) {
            assertJsonError(r, 405, 12, "ROSTER-METHOD-NOT-ALLOWED");
        }
        Reply head = api.send("HEAD", GET_USER, null, null);
        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("x-request-id")).isNotNull();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408OrDeadlineExceededWithoutAStackTrace() {
        try (TestServer server = TestServer.start(Engine.SQLITE, Duration.ofSeconds(1));
             CapturedLog log = CapturedLog.start()) {
            for (String path : List.of("/v1/express", "/v2/users", "/v2/users/human")) {
                String answer = trickle(server, path, "application/json", "{\"expressCustomerName\":");

                assertThat(answer).as(path).startsWith("HTTP/1.1 408");
                assertThat(answer.toLowerCase()).contains("x-request-id: req_");
                Reply reply = new Reply(408, Map.of(), answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(reply.json().get("code").asInt()).isEqualTo(4);
                assertThat(reply.errorId()).isEqualTo("ROSTER-REQUEST-TIMEOUT");
                assertThat(reply.json().get("details")).hasSize(1);
                assertThat(answer).doesNotContainPattern(JAVA_NAMES);
            }
            String grpcWeb = trickle(server, GET_USER, Framed.GRPC_WEB.contentType, "\0\0\0");
            assertThat(grpcWeb).startsWith("HTTP/1.1 200").contains("grpc-status: 4")
                    .contains("ROSTER-DEADLINE-EXCEEDED").doesNotContainPattern(JAVA_NAMES);
            log.assertNoErrorsOrStackTraces();
        }
    }

    @Test
    void headIsGetWithoutABodyOnEverySurface() {
        Http api = servers.admin(Engine.SQLITE);
        String customer = api.post("/v1/express", Http.json("expressCustomerName", "Head")).json()
                .get("expressCustomerId").asText();
        String user = api.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "H", "familyName", "Ead"),
                "email", Http.json("email", "head@example.com"))).json().get("userId").asText();

        for (String path : List.of("/healthz", "/v1/express", "/v1/express/" + customer, "/v2/users/" + user,
                "/v2/users/usr_00000000000000000000000000000000", "/v1/express/cus_00000000000000000000000000000000")) {
            Reply get = api.get(path);
            Reply head = api.send("HEAD", path, null, null);

            assertThat(head.status()).as(path).isEqualTo(get.status());
            assertThat(head.header("content-type")).as(path).isEqualTo(get.header("content-type"));
            assertThat(head.header("x-request-id")).as(path).isNotNull().isNotEqualTo(get.header("x-request-id"));
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    private static void assertGrpcError(AggregatedHttpResponse answer, int code, String id, String what) {
        HttpHeaders all = answer.headers().toBuilder().add(answer.trailers()).build();
        assertThat(answer.status().code()).as(what).isEqualTo(200);
        assertThat(all.get("grpc-status")).as(what + ": " + all).isEqualTo(Integer.toString(code));
        assertThat(all.get("x-request-id")).as(what).startsWith("req_");
        String message = all.get("grpc-message", "");
        assertThat(message).as(what).endsWith("(" + id + ")").doesNotContainPattern(JAVA_NAMES);
        com.google.rpc.Status status;
        try {
            status = com.google.rpc.Status.parseFrom(Base64.getDecoder().decode(all.get("grpc-status-details-bin")));
            assertThat(status.getCode()).as(what).isEqualTo(code);
            assertThat(status.getDetailsList()).as(what).hasSize(1);
            ErrorDetail detail = status.getDetails(0).unpack(ErrorDetail.class);
            assertThat(detail.getId()).as(what).isEqualTo(id);
            assertThat(detail.getMessage()).as(what).doesNotContainPattern(JAVA_NAMES);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(what + ": details are not a google.rpc.Status with an ErrorDetail", e);
        }
    }

    private static void assertJsonError(Reply r, int status, int code, String id) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        assertThat(r.json().get("code").asInt()).as(r.toString()).isEqualTo(code);
        assertThat(r.errorId()).as(r.toString()).isEqualTo(id);
        assertThat(r.json().get("details")).hasSize(1);
        assertThat(r.header("x-request-id")).startsWith("req_");
        assertThat(r.body()).doesNotContainPattern(JAVA_NAMES);
    }

    private static AggregatedHttpResponse call(Framed framed, byte[] body, String... headerPairs) {
        RequestHeadersBuilder headers = headers(framed, framed.contentType);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return client(framed).execute(headers.build(), HttpData.wrap(body)).aggregate().join();
    }

    private static RequestHeadersBuilder headers(Framed framed, String contentType) {
        RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.POST, GET_USER)
                .contentType(MediaType.parse(contentType))
                .add("authorization", "Bearer " + TestServer.ADMIN_KEY);
        if (framed == Framed.GRPC) {
            headers.add("te", "trailers");
        }
        return headers;
    }

    private static WebClient client(Framed framed) {
        Http http = servers.on(Engine.SQLITE).http();
        return WebClient.of(framed.scheme + "://" + http.base().getHost() + ":" + http.base().getPort());
    }

    /** One length-prefixed message as the gRPC framing writes it: a flag byte, a 4-byte length, the payload. */
    private static byte[] frame(int flags, long length, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (length >>> shift));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sends the headers and the first bytes of a 1,000-byte body, then nothing; returns the answer. */
    private static String trickle(TestServer server, String path, String contentType, String start) {
        try (Socket s = new Socket(server.http().base().getHost(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestServer.ADMIN_KEY
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 1000\r\n\r\n" + start)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readAnswer(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one HTTP/1.1 answer with a Content-Length, without waiting for the connection to close. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int headEnd = -1;
        while (headEnd < 0) {
            int b = in.read();
            if (b < 0) {
                return seen.toString(StandardCharsets.UTF_8);
            }
            seen.write(b);
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                headEnd = text.length();
            }
        }
        String head = seen.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        int at = head.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).trim());
        seen.writeBytes(in.readNBytes(length));
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Everything the server logs while it is open, to show that expected failures leave no error or stack trace. */
    private static final class CapturedLog implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final ListAppender<ILoggingEvent> events = new ListAppender<>();

        static CapturedLog start() {
            CapturedLog log = new CapturedLog();
            log.events.start();
            log.root.addAppender(log.events);
            return log;
        }

        void assertNoErrorsOrStackTraces() {
            for (ILoggingEvent e : List.copyOf(events.list)) {
                assertThat(e.getLevel().isGreaterOrEqual(Level.ERROR)).as(e.toString()).isFalse();
                assertThat(e.getThrowableProxy()).as(e.toString()).isNull();
            }
        }

        @Override
        public void close() {
            root.detachAppender(events);
            events.stop();
        }
    }
}
