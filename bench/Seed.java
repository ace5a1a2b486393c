import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds and resets benchmark data through Roster's public API, as a client would (run as a single-file program).
 *
 * <pre>
 * java Seed.java customers        BASE_URL KEY COUNT IDS_FILE             creates COUNT Express customers
 * java Seed.java reactivate       BASE_URL KEY COUNT IDS_FILE             reactivates the first COUNT of them
 * java Seed.java users            BASE_URL KEY COUNT IDS_FILE [PASSWORD]  creates COUNT v2 human users
 * java Seed.java reactivate-users BASE_URL KEY COUNT IDS_FILE             reactivates the inactive ones of them
 * </pre>
 *
 * Creating appends the new ids to IDS_FILE, one a line.
 */
public final class Seed {
    private static final int CONCURRENCY = 16;
    private static final Pattern CUSTOMER_ID = Pattern.compile("\"expressCustomerId\":\"(cus_[0-9a-f]{32})\"");
    private static final Pattern USER_ID = Pattern.compile("\"userId\":\"(usr_[0-9a-f]{32})\"");
    /** ZITADEL's answer to reactivating a user that is not inactive: the user is already where a reset wants it. */
    private static final String NOT_INACTIVE = "COMMAND-s5qqcz97hf";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    private Seed(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || args.length > (args[0].equals("users") ? 6 : 5)) {
            System.err.println("usage: java Seed.java customers|reactivate|users|reactivate-users"
                    + " BASE_URL KEY COUNT IDS_FILE [PASSWORD]");
            System.exit(2);
        }
        Seed seed = new Seed(args[1], args[2]);
        int count = Integer.parseInt(args[3]);
        Path idsFile = Path.of(args[4]);
        switch (args[0]) {
            case "customers" -> append(idsFile, seed.createCustomers(count));
            case "reactivate" -> seed.reactivateCustomers(firstIds(idsFile, count));
            case "users" -> append(idsFile, seed.createUsers(count, args.length == 6 ? args[5] : null));
            case "reactivate-users" -> seed.reactivateUsers(firstIds(idsFile, count));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private List<String> createCustomers(int count) throws Exception {
        return runAll(count, i -> idIn(CUSTOMER_ID, ok(post("/v1/express",
                "{\"expressCustomerName\":\"Seeded Customer " + i + "\"}"))));
    }

    private void reactivateCustomers(List<String> ids) throws Exception {
        runAll(ids.size(), i -> ok(post("/v1/express/" + ids.get(i) + "/reactivate", "")));
    }

    /** Human users, active from the start (a verified email); with a password when one is given. */
    private List<String> createUsers(int count, String password) throws Exception {
        return runAll(count, i -> {
            String name = "bench-" + UUID.randomUUID();
            String json = "{\"username\":\"" + name + "\",\"profile\":{\"givenName\":\"Bench\",\"familyName\":\"User " + i
                    + "\"},\"email\":{\"email\":\"" + name + "@example.com\",\"isVerified\":true}"
                    + (password == null ? "" : ",\"password\":{\"password\":\"" + password + "\"}") + "}";
            return idIn(USER_ID, ok(post("/v2/users/human", json)));
        });
    }

    /**
     * v2 transitions are not idempotent and a run stops part-way through a pass, so some users are active already:
     * their "not inactive" answer is what a reset expects.
     */
    private void reactivateUsers(List<String> ids) throws Exception {
        runAll(ids.size(), i -> {
            HttpResponse<String> response = post("/v2/users/" + ids.get(i) + "/reactivate", "{}");
            return response.statusCode() == 400 && response.body().contains(NOT_INACTIVE) ? "" : ok(response);
        });
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
        List<String> answers = new ArrayList<>(count);
        for (Future<String> f : results) {
            answers.add(f.get());
        }
        return answers;
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer; anything else ends the program with the answer. */
    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String idIn(Pattern id, String body) {
        Matcher m = id.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    private static List<String> firstIds(Path idsFile, int count) throws IOException {
        List<String> ids = Files.readAllLines(idsFile);
        return ids.subList(0, Math.min(count, ids.size()));
    }

    private static void append(Path idsFile, List<String> ids) throws IOException {
        Files.write(idsFile, ids, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
