package dev.roster.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a training run sends: each public surface at least once (v1 reads, lists, writes and errors, v2
 * over transcoded REST, health and metrics), the frequent ones many times so their methods get profiled. Only a
 * server error fails the run; anything else a client may see is part of what is being trained. Plain HTTP/1.1 on a
 * socket per request: a client library would load classes of its own, which the recording would then keep and
 * every server start would load for nothing.
 */
final class TrainingRequests {
    private static final Pattern CUSTOMER_ID = Pattern.compile("\"expressCustomerId\":\"(cus_[0-9a-f]{32})\"");

    private final URI base;
    private final String key;

    TrainingRequests(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    void send(int rounds) throws IOException {
        for (int round = 0; round < rounds; round++) {
            send("GET", "/healthz", null, false);
            String created = send("POST", "/v1/express", "{\"expressCustomerName\":\"Training " + round + "\"}", true);
            Matcher id = CUSTOMER_ID.matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("no customer id in " + created);
            }
            String customer = "/v1/express/" + id.group(1);
            send("GET", customer, null, true);
            send("PATCH", customer, "{\"metadata\":{\"round\":\"" + round + "\"}}", true);
            send("POST", customer + "/deactivate", null, true);
            send("POST", customer + "/reactivate", null, true);
            send("GET", "/v1/express?limit=100", null, true);
            send("GET", "/v1/express/cus_00000000000000000000000000000000", null, true);
            send("GET", "/v1/express", null, false);
            // A password in the first round only: each one costs an Argon2 run, and one loads every class it needs.
            String password = round == 0 ? ",\"password\":{\"password\":\"training password 0\"}" : "";
            send("POST", "/v2/users/human", "{\"profile\":{\"givenName\":\"T\",\"familyName\":\"R\"},"
                    + "\"email\":{\"email\":\"training" + round + "@example.com\",\"isVerified\":true}" + password + "}",
                    true);
            send("POST", "/v2/users", "{}", true);
        }
        send("GET", "/metrics", null, false);
    }

    private String send(String method, String path, String json, boolean authenticated) throws IOException {
        byte[] content = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (authenticated) {
            head.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = line(in);
            int length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring("content-length:".length()).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String body = chunked ? chunks(in) : new String(in.readNBytes(Math.max(length, 0)), StandardCharsets.UTF_8);
            if (!status.matches("HTTP/1\\.1 [1-4]\\d\\d.*")) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    private static String chunks(InputStream in) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
            body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line(in);
        }
        return body.toString();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the middle of a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
