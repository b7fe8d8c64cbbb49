package io.roleform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the sandbox (run by bench/sandbox.sh): starts {@code roleform sandbox --generate
 * users=50000,roles=1000,memberships=200000} as a child JVM on a fresh file, reports its start-up
 * time (JVM + seeding + generation, until the URL is printed), then requests per second of
 * {@code GET /memberships?limit=1000} pages and of {@code POST /roles/{id}/members} batches.
 *
 * <p>Arguments: {@code [seconds-per-phase] [generate-spec]}.
 */
public final class SandboxBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String generate = args.length > 1 ? args[1] : "users=50000,roles=1000,memberships=200000";
    Path dir = Files.createTempDirectory("roleform-bench");
    Path db = dir.resolve("bench.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.roleform.cli.Main",
        "sandbox", "--port", "0", "--data", db.toString(), "--generate", generate, "--seed", "1")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      double startup = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "start-up (%s, JVM + seed + generate, until the URL is printed): %.2f s%n", generate, startup);
      System.out.printf(Locale.ROOT, "database file: %.1f MB%n", Files.size(db) / 1e6);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = URI.create(url);

      // Warm-up scan, and the roles and users to batch with.
      long t1 = System.nanoTime();
      int total = scan(http, base);
      System.out.printf(Locale.ROOT, "first full scan of GET /memberships (limit=1000): %d memberships in %.2f s%n",
          total, (System.nanoTime() - t1) / 1e9);
      List<String> roles = ids(http, base, "/api/v1/roles?limit=1000", 1000);
      List<String> users = ids(http, base, "/api/v1/users?limit=1000", 1000);

      for (int threads : new int[] {1, 4}) {
        AtomicLong pages = new AtomicLong();
        run(threads, seconds, worker -> {
          String cursor = null;
          while (!Thread.currentThread().isInterrupted()) {
            JsonNode page = get(http, base, "/api/v1/memberships?limit=1000"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            pages.incrementAndGet();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
          }
        });
        System.out.printf(Locale.ROOT, "GET /memberships?limit=1000, %d client thread(s): %.1f pages/s (%.0f memberships/s)%n",
            threads, pages.get() / (double) seconds, pages.get() * 1000.0 / seconds);
      }

      for (int batch : new int[] {100, 1000}) {
        for (int threads : new int[] {1, 4}) {
          AtomicLong batches = new AtomicLong();
          run(threads, seconds, worker -> {
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
              String role = roles.get((int) ((worker * 7919 + n * 31) % roles.size()));
              int from = (int) ((n * batch) % Math.max(1, users.size() - batch));
              List<String> ids = users.subList(from, Math.min(users.size(), from + batch));
              Map<String, Object> body = n % 2 == 0 ? Map.of("add", ids) : Map.of("remove", ids);
              post(http, base, "/api/v1/roles/" + role + "/members", JSON.writeValueAsString(body));
              batches.incrementAndGet();
              if (n % 2 == 1) {
                n++;
              }
              n++;
            }
          });
          System.out.printf(Locale.ROOT,
              "POST /roles/{id}/members, %d ids per batch, %d client thread(s): %.1f batches/s (%.0f ids/s)%n",
              batch, threads, batches.get() / (double) seconds, batches.get() * (double) batch / seconds);
        }
      }
      System.out.println("server counts: " + get(http, base, "/_sandbox/stats").get("requests"));
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  interface Work {
    void run(int worker) throws Exception;
  }

  static void run(int threads, int seconds, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int worker = i;
      futures.add(pool.submit(() -> {
        work.run(worker);
        return null;
      }));
    }
    Thread.sleep(seconds * 1000L);
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }

  static int scan(HttpClient http, URI base) throws Exception {
    int n = 0;
    String cursor = null;
    do {
      JsonNode page = get(http, base, "/api/v1/memberships?limit=1000"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      n += page.get("items").size();
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return n;
  }

  static List<String> ids(HttpClient http, URI base, String path, int max) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : get(http, base, path).get("items")) {
      if (!item.has("status") || item.get("status").asText().equals("active")) {
        ids.add(item.get("id").asText());
      }
    }
    return ids.subList(0, Math.min(max, ids.size()));
  }

  static JsonNode get(HttpClient http, URI base, String path) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer demo-read").build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }

  static void post(HttpClient http, URI base, String path, String body) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer demo-write").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
  }
}
