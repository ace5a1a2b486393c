package dev.roster.http;

import dev.roster.testing.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads grpc-status and grpc-message from a gRPC-Web answer read as text: from the headers of a trailers-only answer,
 * else from the trailer frame at the end of the body (base64 chunks first decoded for grpc-web-text).
 */
final class GrpcWebTrailers {
    private static final Pattern BASE64_CHUNK = Pattern.compile("[A-Za-z0-9+/]+=*");

    private GrpcWebTrailers() {
    }

    static String status(Reply reply, boolean text) {
        return field(reply, text, "grpc-status");
    }

    static String message(Reply reply, boolean text) {
        String message = field(reply, text, "grpc-message");
        return message == null ? "" : java.net.URLDecoder.decode(message.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String field(Reply reply, boolean text, String name) {
        String header = reply.header(name);
        if (header != null) {
            return header;
        }
        String body = text ? decodeChunks(reply.body()) : reply.body();
        Matcher m = Pattern.compile("(?i)" + name + ":\\s*([^\\r\\n]*)").matcher(body);
        String last = null;
        while (m.find()) {
            last = m.group(1).trim();
        }
        return last;
    }

    /** Each frame of grpc-web-text is base64 of its own, padding included, so the body is decoded chunk by chunk. */
    private static String decodeChunks(String body) {
        StringBuilder decoded = new StringBuilder();
        Matcher m = BASE64_CHUNK.matcher(body);
        while (m.find()) {
            decoded.append(decode(m.group()));
        }
        return decoded.toString();
    }

    private static String decode(String chunk) {
        try {
            return new String(Base64.getDecoder().decode(chunk), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
