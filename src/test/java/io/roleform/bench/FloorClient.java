package io.roleform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor of a no-op plan: a plain {@code java.net.http} client that GETs {@code /portal} and
 * then every page (limit 1000) of the four lists, concurrently as roleform does, reading each body
 * fully but parsing only {@code nextCursor} and counting items. Run as its own JVM, so its wall
 * time includes JVM start-up. Prints one line: {@code fetchMs=.. requests=.. pages=P,U,R,M
 * items=P,U,R,M}.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/roleform.jar io.roleform.bench.FloorClient
 * http://127.0.0.1:PORT TOKEN}
 */
public final class FloorClient {
  private static final List<String> LISTS = List.of("permissions", "users", "roles", "memberships");
  private static final Pattern CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern ITEM_START = Pattern.compile("\\{\"(id|roleId)\"");

  private FloorClient() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0] + "/api/v1/");
    String token = args[1];
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long t0 = System.nanoTime();
    get(http, base.resolve("portal"), token);
    ExecutorService pool = Executors.newFixedThreadPool(LISTS.size());
    try {
      List<Future<long[]>> results = LISTS.stream()
          .map(list -> pool.submit(() -> fetchAll(http, base, list, token)))
          .toList();
      long[] pages = new long[LISTS.size()];
      long[] items = new long[LISTS.size()];
      for (int i = 0; i < LISTS.size(); i++) {
        long[] r = results.get(i).get();
        pages[i] = r[0];
        items[i] = r[1];
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      long requests = 1 + pages[0] + pages[1] + pages[2] + pages[3];
      System.out.printf("fetchMs=%.1f requests=%d pages=%d,%d,%d,%d items=%d,%d,%d,%d%n", ms, requests,
          pages[0], pages[1], pages[2], pages[3], items[0], items[1], items[2], items[3]);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] fetchAll(HttpClient http, URI base, String list, String token) throws Exception {
    long pages = 0;
    long items = 0;
    String cursor = null;
    do {
      String q = list + "?limit=1000" + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
      String body = get(http, base.resolve(q), token);
      pages++;
      Matcher items$ = ITEM_START.matcher(body);
      while (items$.find()) {
        items++;
      }
      Matcher m = CURSOR.matcher(body);
      cursor = m.find() ? m.group(1) : null;
    } while (cursor != null);
    return new long[] {pages, items};
  }

  private static String get(HttpClient http, URI uri, String token) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri.getPath() + " answered " + r.statusCode());
    }
    return r.body();
  }
}
