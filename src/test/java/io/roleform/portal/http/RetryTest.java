package io.roleform.portal.http;

import static io.roleform.portal.http.PortalServer.TOKEN;
import static io.roleform.portal.http.PortalServer.json;
import static io.roleform.portal.http.PortalServer.problem;
import static io.roleform.portal.http.PortalServer.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.NewRole;
import io.roleform.portal.PortalException;
import io.roleform.portal.RolePatch;
import io.roleform.portal.transport.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries: what is retried, how long the client waits, and that a retried write applies once. */
class RetryTest extends OverPortalServer {

  @BeforeEach
  void assumeSecureExchanges() {
    client.assumeRead(10, "secure-exchanges");
  }

  private static MockResponse tooManyRequests(String retryAfter) {
    return new MockResponse.Builder().code(429).setHeader("Retry-After", retryAfter)
        .setHeader("State-Version", 10).build();
  }

  @Test
  void a429IsRetriedAfterTheWaitItAsksFor() throws Exception {
    portal.enqueue(tooManyRequests("2"));
    portal.enqueue(json(200, role("r2", "Ops", 1, "8"), 11));

    client.updateRole("r2", new RolePatch("Ops", null, null, null), "7");

    assertThat(portal.sleeps).containsExactly(Duration.ofSeconds(2));
    RecordedRequest first = portal.take();
    RecordedRequest second = portal.take();
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
    assertThat(second.getHeaders().get("If-State-Version")).isEqualTo("10");
    assertThat(second.getHeaders().get("If-Match")).isEqualTo("\"7\"");
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8());
    assertThat(client.requestCount()).isEqualTo(2);
    assertThat(portal.log).hasSize(2);
    assertThat(portal.log.get(0)).contains("-> 429").contains("attempt 1/4");
    assertThat(portal.log.get(1)).contains("-> 200").contains("attempt 2/4");
  }

  @Test
  void aRetryAfterBeyondTheCapIsCutDownToIt() {
    client.close();
    client = portal.client(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(50)));
    portal.enqueue(tooManyRequests("3600"));
    portal.enqueue(json(200, "{\"roleIds\":[]}", 11));
    client.reorderRoles(List.of());
    assertThat(portal.sleeps).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void a503IsRetriedWithAShortJitteredBackoff() throws Exception {
    portal.enqueue(problem(503, "Service Unavailable", "try later", null, 10));
    portal.enqueue(json(200, "{\"roleIds\":[\"r1\"]}", 11));

    client.reorderRoles(List.of("r1"));

    assertThat(portal.sleeps).hasSize(1);
    assertThat(portal.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(2));
    assertThat(portal.takeAll(2)).extracting(RecordedRequest::getMethod).containsExactly("PUT", "PUT");
  }

  @Test
  void aConnectionDroppedAfterAPostIsRetriedWithTheSameIdempotencyKey() throws Exception {
    portal.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    portal.enqueue(json(201, role("r9", "New", 3, "1"), 11));

    String id = client.createRole(new NewRole("New", null, List.of(), null, null));

    assertThat(id).isEqualTo("r9");
    RecordedRequest first = portal.take();
    RecordedRequest second = portal.take();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(first.getHeaders().get("Idempotency-Key")).isNotNull()
        .isEqualTo(second.getHeaders().get("Idempotency-Key"));
    assertThat(portal.log.get(0)).contains("POST /api/v1/roles -> failed").contains("attempt 1/4");
  }

  @Test
  void aWriteThatCommittedBeforeTheErrorIsOneLogicalWrite() throws Exception {
    // The portal committed the first attempt but answered 503; the replay of the same key returns
    // the stored success. The client must take it as success and chain on its State-Version.
    portal.enqueue(problem(503, "Service Unavailable", "upstream hiccup", null, 11));
    portal.enqueue(json(201, role("r9", "Auditors", 3, "1"), 11));
    portal.enqueue(json(200, "{\"roleId\":\"r9\",\"memberCount\":1}", 12));

    String id = client.createRole(new NewRole("Auditors", null, List.of("billing"), null, null));
    client.changeMembers(id, Set.of("u6"), Set.of());

    List<RecordedRequest> sent = portal.takeAll(3);
    assertThat(sent.get(0).getHeaders().get("Idempotency-Key"))
        .isEqualTo(sent.get(1).getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(sent.get(2).getHeaders().get("Idempotency-Key"));
    assertThat(sent.get(0).getBody()).isEqualTo(sent.get(1).getBody());
    assertThat(sent).extracting(r -> r.getHeaders().get("If-State-Version")).containsExactly("10", "10", "11");
    assertThat(sent.get(2).getTarget()).isEqualTo("/api/v1/roles/r9/members");
    assertThat(client.requestCount()).isEqualTo(3);
  }

  @Test
  void exhaustedRetriesAreUnavailableWithAClearMessage() {
    for (int i = 0; i < 4; i++) {
      portal.enqueue(problem(503, "Service Unavailable", "maintenance", null, 10));
    }
    assertThatThrownBy(() -> client.changeMembers("r2", Set.of("u16"), Set.of()))
        .isInstanceOfSatisfying(PortalException.class, e -> {
          assertThat(e.kind()).isEqualTo(PortalException.Kind.UNAVAILABLE);
          assertThat(e.status()).isEqualTo(503);
        })
        .hasMessageContaining("POST /api/v1/roles/r2/members failed after 4 attempts")
        .hasMessageContaining("503 Service Unavailable")
        .hasMessageContaining("maintenance")
        .hasMessageNotContaining(TOKEN);
    assertThat(portal.sleeps).hasSize(3);
    assertThat(client.requestCount()).isEqualTo(4);
  }

  @Test
  void connectionFailuresThatOutlastTheRetriesAreUnavailable() {
    for (int i = 0; i < 4; i++) {
      portal.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }
    assertThatThrownBy(() -> client.deleteRole("r4", null))
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.UNAVAILABLE))
        .hasMessageContaining("DELETE /api/v1/roles/r4 failed after 4 attempts")
        .hasMessageContaining("reachable");
    assertThat(client.requestCount()).isEqualTo(4);
  }

  @Test
  void errorsThatARetryCannotFixAreNotRetried() {
    portal.enqueue(problem(422, "Invalid", "name taken", "name", 10));
    assertThatThrownBy(() -> client.updateRole("r2", new RolePatch("Admin", null, null, null), null))
        .isInstanceOf(PortalException.class);
    assertThat(client.requestCount()).isEqualTo(1);
    assertThat(portal.sleeps).isEmpty();
  }

  @Test
  void aPostWithoutAnIdempotencyKeyIsNeverSentTwice() {
    // Every Portal API write carries a key; a plain POST (none of ours) would not be retried.
    portal.enqueue(problem(503, "Service Unavailable", "busy", null, 10));
    io.roleform.portal.transport.Call post = io.roleform.portal.transport.Call.json("POST",
        io.roleform.portal.transport.Url.of(portal.url()).path("x"), new byte[0]);
    assertThat(post.repeatable()).isFalse();
    assertThat(post.header("Idempotency-Key", "k").repeatable(true).repeatable()).isTrue();
  }
}
