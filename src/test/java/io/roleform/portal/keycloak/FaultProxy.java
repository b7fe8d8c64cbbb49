package io.roleform.portal.keycloak;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small fault-injecting HTTP proxy on loopback, in front of a real Keycloak. Token requests pass
 * through; of the Admin API requests, a fixed rotation fails — before the request reaches Keycloak
 * (503, 429 with {@code Retry-After: 1}, a connection reset) or after (the request is forwarded and
 * Keycloak made the change, then the answer is a 502 or a reset), so that retries meet writes that
 * already happened. Every fault is recorded.
 */
final class FaultProxy implements AutoCloseable {

  /** What happens to the n-th Admin API request (n from 1), in rotation. */
  enum Fault { NONE, BEFORE_503, BEFORE_429, BEFORE_RESET, AFTER_502, AFTER_RESET }

  private static final Fault[] ROTATION = {
    Fault.NONE, Fault.BEFORE_503, Fault.NONE, Fault.AFTER_502, Fault.BEFORE_RESET, Fault.NONE,
    Fault.AFTER_RESET, Fault.BEFORE_429, Fault.NONE
  };

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
      .retryOnConnectionFailure(false).readTimeout(30, TimeUnit.SECONDS).build();
  private final String target;
  private final AtomicInteger admin = new AtomicInteger();
  /** Faults in a row per request (method, path, query); see {@link #bounded}. */
  private final Map<String, Integer> inARow = new ConcurrentHashMap<>();
  private static final int MAX_FAULTS_IN_A_ROW = 2;
  final List<String> injected = new CopyOnWriteArrayList<>();
  volatile boolean enabled = true;

  FaultProxy(String targetUrl) throws IOException {
    this.target = targetUrl.endsWith("/") ? targetUrl.substring(0, targetUrl.length() - 1) : targetUrl;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handle(request);
      }
    });
    server.start();
  }

  /** The proxy's base URL ({@code http://127.0.0.1:PORT}). */
  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String what = request.getMethod() + " " + path;
    Fault fault = enabled && path.startsWith("/admin/")
        ? ROTATION[(admin.incrementAndGet() - 1) % ROTATION.length] : Fault.NONE;
    fault = bounded(what + "?" + request.getUrl().encodedQuery(), fault);
    switch (fault) {
      case BEFORE_503:
        injected.add("503 before " + what);
        return new MockResponse.Builder().code(503).body("{\"error\":\"injected\"}").build();
      case BEFORE_429:
        injected.add("429 before " + what);
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build();
      case BEFORE_RESET:
        injected.add("reset before " + what);
        // Not forwarded: the connection drops before Keycloak sees the request. (onRequestStart
        // would need Dispatcher.peek; the request has been read by now, so drop at the answer.)
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      default:
        break;
    }
    MockResponse forwarded = forward(request);
    switch (fault) {
      case AFTER_502:
        injected.add("502 after " + what);
        return new MockResponse.Builder().code(502).body("bad gateway").build();
      case AFTER_RESET:
        injected.add("reset after " + what);
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      default:
        return forwarded;
    }
  }

  /**
   * At most {@link #MAX_FAULTS_IN_A_ROW} faults in a row for the same request (method, path and
   * query): the rotation alone guarantees that only when requests arrive one at a time, but roleform
   * reads with several requests in flight, and interleaved requests could land one request's every
   * retry on a fault — a test of the proxy's luck, not of convergence. Writes still meet faults after
   * they reached Keycloak.
   */
  private Fault bounded(String key, Fault fault) {
    if (fault == Fault.NONE) {
      inARow.remove(key);
      return fault;
    }
    int row = inARow.merge(key, 1, Integer::sum);
    if (row <= MAX_FAULTS_IN_A_ROW) return fault;
    inARow.remove(key);
    return Fault.NONE;
  }

  private MockResponse forward(RecordedRequest in) {
    String url = target + in.getUrl().encodedPath() + (in.getUrl().encodedQuery() == null ? "" : "?" + in.getUrl().encodedQuery());
    RequestBody body = null;
    String method = in.getMethod();
    if (in.getBody() != null && in.getBody().size() > 0 || !List.of("GET", "HEAD", "DELETE").contains(method)) {
      String type = in.getHeaders().get("Content-Type");
      body = RequestBody.create(in.getBody() == null ? new byte[0] : in.getBody().toByteArray(),
          type == null ? null : MediaType.get(type));
    }
    Request.Builder out = new Request.Builder().url(url).method(method, body);
    for (String name : in.getHeaders().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("host") || lower.equals("content-length") || lower.equals("connection")
          || lower.equals("accept-encoding")) continue;
      out.header(name, in.getHeaders().get(name));
    }
    try (Response r = http.newCall(out.build()).execute()) {
      MockResponse.Builder b = new MockResponse.Builder().code(r.code()).body(r.body().string());
      Headers h = r.headers();
      for (String name : h.names()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-length") || lower.equals("transfer-encoding") || lower.equals("connection")) continue;
        b.setHeader(name, h.get(name));
      }
      return b.build();
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body("proxy: " + e.getMessage()).build();
    }
  }

  @Override
  public void close() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
