package io.roleform.portal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.ConnectOptions;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Portal API v1 client and the Keycloak client, each opened through the registry exactly as
 * {@code --portal} opens them, behave the same on the wire: the same statuses retried, {@code
 * Retry-After} honoured in seconds and as a date, {@code --max-retries} and {@code --timeout}
 * obeyed, and {@code User-Agent: roleform/...} on every request. Each client is driven through one
 * repeatable write (a membership change: one request per user for both kinds).
 */
class OneTransportTest {

  /** One kind under test: its address for a server, its credentials, and the request it sends. */
  record Kind(String name, String addressFormat, Map<String, String> env, String target) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new Kind("portal-api", "http://127.0.0.1:%d", Map.of("ROLEFORM_TOKEN", "t0ken"),
            "POST /api/v1/roles/r1/members")),
        Arguments.of(new Kind("keycloak", "keycloak:http://127.0.0.1:%d?realm=acme",
            Map.of("ROLEFORM_KEYCLOAK_CLIENT_ID", "roleform", "ROLEFORM_KEYCLOAK_CLIENT_SECRET", "s3cret"),
            "PUT /admin/realms/acme/users/u1/groups/r1")));
  }

  static Stream<Arguments> kindsAndRetriedStatuses() {
    return kinds().flatMap(k -> RetryPolicy.RETRIED_STATUSES.stream().sorted().map(s -> Arguments.of(k.get()[0], s)));
  }

  private final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  private Kind kind;
  private OpenPortal open;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        String route = request.getMethod() + " " + request.getUrl().encodedPath();
        if (route.equals("POST /realms/acme/protocol/openid-connect/token")) {
          return json(200, "{\"access_token\":\"a.b.c\",\"expires_in\":300}");
        }
        if (kind != null && route.equals(kind.target()) && !script.isEmpty()) {
          synchronized (script) {
            return script.poll();
          }
        }
        return json(404, "{}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    if (open != null) open.close();
    server.close();
  }

  private PortalClient open(Kind k, int maxRetries, Duration timeout) {
    kind = k;
    open = PortalRegistry.installed().open(k.addressFormat().formatted(server.getPort()),
        new ConnectOptions(timeout, maxRetries, null, false, null, k.env()));
    return open.client();
  }

  private void write(PortalClient client) {
    client.changeMembers("r1", Set.of("u1"), Set.of());
  }

  private List<RecordedRequest> targets() {
    return seen.stream().filter(r -> (r.getMethod() + " " + r.getUrl().encodedPath()).equals(kind.target())).toList();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("State-Version", "2").body(body).build();
  }

  private static MockResponse ok() {
    return json(200, "{\"roleId\":\"r1\",\"memberCount\":1}");
  }

  private static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).setHeader("State-Version", "1")
        .setHeader("Content-Type", "application/json").body("{}");
    if (retryAfter != null) b.setHeader("Retry-After", retryAfter);
    return b.build();
  }

  @ParameterizedTest(name = "{0} retries {1}")
  @MethodSource("kindsAndRetriedStatuses")
  void theSameStatusesAreRetried(Kind k, int status) {
    script.add(status(status, "0"));
    script.add(ok());
    write(open(k, 5, Duration.ofSeconds(5)));
    assertThat(targets()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void otherFailuresAreNotRetried(Kind k) {
    PortalClient client = open(k, 5, Duration.ofSeconds(5));
    for (int status : List.of(501, 422, 403)) {
      seen.clear();
      script.add(status(status, "0"));
      assertThatThrownBy(() -> write(client)).isInstanceOf(PortalException.class);
      assertThat(targets()).as("status %s", status).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void retryAfterInSecondsIsHonoured(Kind k) {
    script.add(status(503, "1"));
    script.add(ok());
    PortalClient client = open(k, 5, Duration.ofSeconds(5));
    long start = System.nanoTime();
    write(client);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(950);
    assertThat(targets()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void retryAfterAsADateIsHonoured(Kind k) {
    // Three seconds ahead, to the second: the retry cannot come before two seconds from now, where
    // the ~200 ms backoff would retry at once.
    long start = System.nanoTime();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    script.add(status(429, date));
    script.add(ok());
    write(open(k, 5, Duration.ofSeconds(5)));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1900);
    assertThat(targets()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void maxRetriesBoundsTheAttempts(Kind k) {
    for (int i = 0; i < 10; i++) script.add(status(503, "0"));
    PortalClient client = open(k, 2, Duration.ofSeconds(5));
    assertThatThrownBy(() -> write(client)).isInstanceOfSatisfying(PortalException.class,
        e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.UNAVAILABLE));
    assertThat(targets()).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void theTimeoutLimitsEachAttempt(Kind k) {
    script.add(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).code(200).body("{}").build());
    PortalClient client = open(k, 0, Duration.ofSeconds(1));
    assertThatThrownBy(() -> write(client)).isInstanceOfSatisfying(PortalException.class, e -> {
      assertThat(e.kind()).isEqualTo(PortalException.Kind.UNAVAILABLE);
      assertThat(e.getMessage()).containsAnyOf("timed out", "(timeout)");
    });
    assertThat(targets()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyRequestCarriesTheUserAgent(Kind k) {
    script.add(ok());
    write(open(k, 5, Duration.ofSeconds(5)));
    assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r.getHeaders().get("User-Agent")).startsWith("roleform/"));
  }
}
