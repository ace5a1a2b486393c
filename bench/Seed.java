import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds and resets benchmark data through Roster's public API, as a client would (run as a single-file program).
 *
 * <pre>
 * java Seed.java create     BASE_URL KEY COUNT IDS_FILE   creates COUNT customers, appends their ids to IDS_FILE
 * java Seed.java reactivate BASE_URL KEY COUNT IDS_FILE   reactivates the first COUNT customers of IDS_FILE
 * </pre>
 */
public final class Seed {
    private static final int CONCURRENCY = 16;
    private static final Pattern ID = Pattern.compile("\"expressCustomerId\":\"(cus_[0-9a-f]{32})\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java Seed.java create|reactivate BASE_URL KEY COUNT IDS_FILE");
            System.exit(2);
        }
        String base = args[1];
        String key = args[2];
        int count = Integer.parseInt(args[3]);
        Path idsFile = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> lines = switch (args[0]) {
            case "create" -> runAll(count, i -> post(http, base + "/v1/express", key,
                    "{\"expressCustomerName\":\"Seeded Customer " + i + "\"}"));
            case "reactivate" -> {
                List<String> ids = Files.readAllLines(idsFile).subList(0, count);
                yield runAll(count, i -> post(http, base + "/v1/express/" + ids.get(i) + "/reactivate", key, ""));
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        if (args[0].equals("create")) {
            Files.write(idsFile, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    interface Call {
        String run(int i) throws IOException, InterruptedException;
    }

    /** Runs {@code count} calls on a few threads; the first failure ends the program with its message. */
    private static List<String> runAll(int count, Call call) throws Exception {
        List<Future<String>> results = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                results.add(pool.submit(() -> call.run(n)));
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (Future<String> f : results) {
            ids.add(f.get());
        }
        return ids;
    }

    private static String post(HttpClient http, String url, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no customer id in " + response.body());
        }
        return m.group(1);
    }
}
