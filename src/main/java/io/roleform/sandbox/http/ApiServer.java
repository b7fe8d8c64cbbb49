package io.roleform.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.store.Database;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.PortalTable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Portal API v1 on the JDK's {@code HttpServer}, bound to 127.0.0.1 only.
 *
 * <p>Per API request: route (404/405) → count → faults (latency, rate limit, 429, 5xx/reset
 * before) → auth (401/403) → the read in one read transaction, or the write through {@link
 * WriteExecutor} → faults after a write (5xx/reset although it committed). Every response carries
 * {@code State-Version}. {@code GET /_sandbox/stats} (no auth, never faulted) reports the counts.
 *
 * <p>Robustness: connections are served by a pool that grows to {@value #MAX_THREADS} threads (and
 * shrinks when idle), so idle or half-sent connections cannot starve other clients; the JDK server
 * drops a request whose headers and body take longer than {@value #MAX_REQUEST_SECONDS} s to arrive
 * and a response not taken within {@value #MAX_RESPONSE_SECONDS} s; a request is authenticated
 * before its body is read, and a body over the limit is refused from its {@code Content-Length} or
 * as soon as reading passes the limit.
 */
public final class ApiServer implements AutoCloseable {
  private static final int MAX_BODY = 8 * 1024 * 1024;
  /** Most threads serving connections at once (created on demand, ended after 30 s idle). */
  static final int MAX_THREADS = 256;
  /** Longest time a request's headers and body may take to arrive. */
  static final int MAX_REQUEST_SECONDS = 5;
  /** Longest time a response may take to be sent. */
  static final int MAX_RESPONSE_SECONDS = 60;

  static {
    // Read once, by the JDK server's configuration, when the first server is created.
    // Without TCP_NODELAY the server's separate header and body writes meet the client's delayed
    // ACK: ~40 ms per response on loopback.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    // Header and body read timeouts: a connection that sends a request slowly (or half of one and
    // then nothing) is closed, so it cannot hold a thread for ever.
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(MAX_RESPONSE_SECONDS));
    System.getProperties().putIfAbsent("sun.net.httpserver.timerMillis", "250");
  }

  private final Database db;
  private final Router router;
  private final Authenticator auth;
  private final WriteExecutor writes;
  private final FaultInjector faults;
  private final RateLimiter rateLimiter;
  private final RequestCounts counts = new RequestCounts();
  private final AtomicLong stateVersion;
  private final boolean verbose;
  private final PrintStream log;
  private final HttpServer server;
  private final ExecutorService executor;

  private ApiServer(
      Database db, Tokens tokens, FaultSpec faults, long seed, int rateLimit, boolean verbose,
      PrintStream log, int port) throws IOException {
    this.db = db;
    this.stateVersion = new AtomicLong(db.read(c -> PortalTable.load(c).stateVersion()));
    List<Route> routes = new ArrayList<>(ReadEndpoints.routes());
    routes.addAll(RoleWrites.routes());
    routes.addAll(MemberWrites.routes());
    routes.addAll(PortalWrites.routes());
    routes.addAll(UserWrites.routes());
    routes.addAll(DepartmentWrites.routes());
    this.router = new Router(routes);
    this.auth = new Authenticator(tokens);
    this.writes = new WriteExecutor(db, stateVersion);
    this.faults = new FaultInjector(faults, seed);
    this.rateLimiter = new RateLimiter(rateLimit);
    this.verbose = verbose;
    this.log = log;
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true); // threads only while there are connections to serve
    this.executor = pool;
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (java.net.BindException e) {
      executor.shutdownNow();
      throw new IOException("port " + port + " on 127.0.0.1 is already in use; choose another with --port", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts serving on 127.0.0.1:{@code port} (0 = any free port). */
  public static ApiServer start(
      Database db, Tokens tokens, FaultSpec faults, long seed, int rateLimit, boolean verbose,
      PrintStream log, int port) throws IOException {
    return new ApiServer(db, tokens, faults, seed, rateLimit, verbose, log, port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public RequestCounts counts() {
    return counts;
  }

  /** Stops accepting, lets running exchanges finish briefly, stops the threads. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    int status = 0;
    try {
      if (path.equals("/_sandbox/stats")) {
        status = send(ex, stats(method));
      } else if (path.startsWith("/api/v1/")) {
        status = api(ex, method, path);
      } else {
        status = send(ex, problem(ApiProblem.notFound("There is no resource at " + path + "; the API is under /api/v1.")));
      }
    } catch (IOException e) {
      status = -1; // the client went away mid-exchange; nothing to answer
    } catch (Throwable t) {
      log.println("sandbox: internal error on " + method + " " + path + ": " + t);
      try {
        status = send(ex, problem(ApiProblem.serverError(500, "The sandbox failed unexpectedly; see its log.")));
      } catch (IOException | RuntimeException ignored) {
        // The client is gone.
      }
    } finally {
      ex.close();
      if (verbose) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.println(method + " " + path + " " + (status < 0 ? "reset" : Integer.toString(status)) + " " + ms + "ms");
      }
    }
  }

  private int api(HttpExchange ex, String method, String path) throws IOException {
    Router.Match match;
    try {
      match = router.match(method, path);
    } catch (ApiProblem p) {
      counts.add(method + " (unmatched)");
      return send(ex, problem(p));
    }
    Route route = match.route();
    counts.add(method + " " + route.template());
    FaultInjector.Decision fault = faults.decide(route.isWrite());
    if (fault.latencyMs() > 0) {
      try {
        Thread.sleep(fault.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!rateLimiter.tryAcquire()) {
      return send(ex, problem(ApiProblem.tooManyRequests("More requests per second than the sandbox's --rate-limit; retry after Retry-After seconds.")));
    }
    switch (fault.kind()) {
      case TOO_MANY_REQUESTS -> {
        return send(ex, problem(ApiProblem.tooManyRequests("Injected fault: too many requests; retry after Retry-After seconds.")));
      }
      case ERROR_BEFORE -> {
        return send(ex, problem(ApiProblem.serverError(fault.status(), "Injected fault (before any change).")));
      }
      case RESET_BEFORE -> {
        return reset(ex);
      }
      default -> { }
    }
    ApiResponse response = serve(ex, match, method, path);
    return switch (fault.kind()) {
      case ERROR_AFTER -> send(ex, problem(ApiProblem.serverError(fault.status(), "Injected fault (after the request was processed).")));
      case RESET_AFTER -> reset(ex);
      default -> send(ex, response);
    };
  }

  private ApiResponse serve(HttpExchange ex, Router.Match match, String method, String path) throws IOException {
    try {
      Route route = match.route();
      Map<String, String> headers = Exchanges.headers(ex.getRequestHeaders());
      String rawQuery = ex.getRequestURI().getRawQuery();
      Map<String, String> query = Exchanges.query(rawQuery);
      if (route.isWrite()) {
        // Authenticated before a byte of the body is read: an unknown caller cannot make the
        // sandbox wait for (or buffer) a large body.
        Caller caller = db.read(c -> auth.authenticate(c, headers.get("authorization"), true));
        byte[] body = Exchanges.readBody(ex.getRequestBody(), headers.get("content-length"), MAX_BODY);
        ApiRequest req = new ApiRequest(method, path, rawQuery == null ? "" : rawQuery, route.template(),
            match.params(), query, headers, body, caller);
        return writes.execute(route, req);
      }
      byte[] body = new byte[0]; // reads take no body; the server discards one if sent
      return db.read(
          c -> {
            Caller caller = auth.authenticate(c, headers.get("authorization"), false);
            ApiRequest req = new ApiRequest(method, path, rawQuery == null ? "" : rawQuery, route.template(),
                match.params(), query, headers, body, caller);
            PortalRow portal = PortalTable.load(c);
            return route.read().read(req, c, portal)
                .withHeader("State-Version", Long.toString(portal.stateVersion()));
          });
    } catch (ApiProblem p) {
      return problem(p);
    }
  }

  private ApiResponse problem(ApiProblem p) {
    return ApiResponse.problem(p).withHeader("State-Version", Long.toString(stateVersion.get()));
  }

  private ApiResponse stats(String method) {
    if (!method.equals("GET")) {
      return problem(ApiProblem.methodNotAllowed("GET"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", counts.snapshot());
    body.put("stateVersion", stateVersion.get());
    return ApiResponse.json(200, body).withHeader("State-Version", Long.toString(stateVersion.get()));
  }

  private int send(HttpExchange ex, ApiResponse r) throws IOException {
    return Exchanges.send(ex, r, stateVersion.get());
  }

  private static int reset(HttpExchange ex) {
    return Exchanges.reset(ex);
  }
}
