package io.roleform.portal.http;

import static io.roleform.portal.http.PortalServer.json;
import static io.roleform.portal.http.PortalServer.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.MemberRanks;
import io.roleform.portal.PortalException;
import io.roleform.portal.UserStatus;
import io.roleform.portal.transport.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** read(): few requests, all pages, a consistent snapshot or none. */
class ReadTest extends OverPortalServer {

  private static final String PORTAL =
      "{\"name\":\"Acme\",\"profile\":\"app-roles\",\"stateVersion\":%d,"
          + "\"settings\":{\"owner\":\"alice@acme.example\",\"allowView\":false,\"notifyMembers\":true,\"version\":\"2\"},"
          + "\"adminRoleId\":\"r1\",\"roleManagementPermission\":\"manage-members\","
          + "\"viewer\":{\"userId\":\"u1\",\"email\":\"alice@acme.example\",\"scope\":\"write\"}}";

  /** Pages by path and cursor ("" for the first page). */
  private static final Map<String, String> PAGES =
      Map.of(
          "/api/v1/permissions|",
          "{\"items\":[{\"id\":\"view-records\",\"name\":\"View\",\"description\":\"d\",\"caseActions\":[]}],\"nextCursor\":null}",
          "/api/v1/users|",
          "{\"items\":[{\"id\":\"u1\",\"email\":\"alice@acme.example\",\"firstName\":\"Alice\",\"lastName\":\"A\",\"status\":\"active\",\"external\":false},"
              + "{\"id\":\"u16\",\"email\":\"victor@acme.example\",\"status\":\"pending\",\"external\":false}],\"nextCursor\":null}",
          "/api/v1/roles|",
          "{\"items\":[" + role("r3", "Viewers", 2, "1") + "," + role("r1", "Admin", 0, "4") + "],\"nextCursor\":\"c2\"}",
          "/api/v1/roles|c2",
          "{\"items\":[" + role("r2", "Editors", 1, "9") + "],\"nextCursor\":null}",
          "/api/v1/memberships|",
          "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\"}],\"nextCursor\":\"m2\"}",
          "/api/v1/memberships|m2",
          "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u2\"}],\"nextCursor\":\"m3\"}",
          "/api/v1/memberships|m3",
          "{\"items\":[{\"roleId\":\"r2\",\"userId\":\"u3\"}],\"nextCursor\":null}");

  private final List<String> targets = new CopyOnWriteArrayList<>();

  /** Serves PAGES; GET /portal reports portalVersion, every list page listVersion. */
  private void serve(LongSupplier portalVersion, java.util.function.Function<RecordedRequest, Long> listVersion) {
    serve(PAGES, portalVersion, listVersion);
  }

  /** Serves {@code pages}; GET /portal reports portalVersion, every list page listVersion. */
  private void serve(Map<String, String> pages, LongSupplier portalVersion,
      java.util.function.Function<RecordedRequest, Long> listVersion) {
    portal.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            targets.add(request.getTarget());
            String path = request.getUrl().encodedPath();
            if (path.equals("/api/v1/portal")) {
              long v = portalVersion.getAsLong();
              return json(200, String.format(PORTAL, v), v);
            }
            String cursor = request.getUrl().queryParameter("cursor");
            String page = pages.get(path + "|" + (cursor == null ? "" : cursor));
            return page == null ? new MockResponse.Builder().code(404).build()
                : json(200, page, listVersion.apply(request));
          }
        });
  }

  @Test
  void membersOfListedUsersComeWithTheirIndexesInTheStatesUsers() {
    Map<String, String> pages = new java.util.HashMap<>(PAGES);
    pages.put("/api/v1/memberships|m2", "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u16\"}],\"nextCursor\":\"m3\"}");
    pages.put("/api/v1/memberships|m3", "{\"items\":[{\"roleId\":\"r2\",\"userId\":\"u16\"}],\"nextCursor\":null}");
    serve(pages, () -> 7, r -> 7L);

    LiveState state = client.read();

    assertThat(state.members().get("r1")).containsExactly("u1", "u16");
    for (String role : List.of("r1", "r2", "r3")) {
      MemberRanks ranks = (MemberRanks) state.members().get(role);
      assertThat(ranks.rankedUsers()).as(role).isSameAs(state.users());
    }
    assertThat(((MemberRanks) state.members().get("r1")).ranksEqual(new int[] {0, 1}, 2)).isTrue();
    assertThat(((MemberRanks) state.members().get("r2")).ranksEqual(new int[] {1}, 1)).isTrue();
    assertThat(((MemberRanks) state.members().get("r3")).ranksEqual(new int[0], 0)).isTrue();
  }

  @Test
  void readsEveryPageOfEveryListAndNothingPerRoleOrUser() {
    serve(() -> 7, r -> 7L);

    LiveState state = client.read();

    assertThat(state.portal().stateVersion()).isEqualTo(7);
    assertThat(state.portal().adminRoleId()).isEqualTo("r1");
    assertThat(state.portal().roleManagementPermission()).isEqualTo("manage-members");
    assertThat(state.portal().viewerEmail()).isEqualTo("alice@acme.example");
    assertThat(state.portal().settings().owner()).isEqualTo("alice@acme.example");
    assertThat(state.portal().settings().allowView()).isFalse();
    assertThat(state.roles()).extracting(LiveRole::name).containsExactly("Admin", "Editors", "Viewers");
    assertThat(state.roles().get(1).version()).isEqualTo("9");
    assertThat(state.users()).extracting(u -> u.status()).containsExactly(UserStatus.ACTIVE, UserStatus.PENDING);
    assertThat(state.permissions()).extracting(p -> p.id()).containsExactly("view-records");
    assertThat(state.members()).containsOnlyKeys("r1", "r2", "r3");
    assertThat(state.members().get("r1")).containsExactly("u1", "u2");
    assertThat(state.members().get("r2")).containsExactly("u3");
    assertThat(state.members().get("r3")).isEmpty();

    assertThat(targets).hasSize(8).first().isEqualTo("/api/v1/portal");
    assertThat(targets).contains(
        "/api/v1/permissions?limit=1000", "/api/v1/users?limit=1000", "/api/v1/roles?limit=1000",
        "/api/v1/roles?limit=1000&cursor=c2", "/api/v1/memberships?limit=1000",
        "/api/v1/memberships?limit=1000&cursor=m2", "/api/v1/memberships?limit=1000&cursor=m3");
    assertThat(client.requestCount()).isEqualTo(8);
  }

  @Test
  void aSnapshotTornByAWriteMidReadIsReadAgain() {
    AtomicInteger portalReads = new AtomicInteger();
    // the first round: a write lands while the second roles page is read (version 7 -> 8)
    serve(() -> portalReads.incrementAndGet() == 1 ? 7 : 8,
        r -> portalReads.get() == 1 && "c2".equals(r.getUrl().queryParameter("cursor")) ? 8L
            : (portalReads.get() == 1 ? 7L : 8L));

    LiveState state = client.read();

    assertThat(portalReads.get()).isEqualTo(2);
    assertThat(state.portal().stateVersion()).isEqualTo(8);
    assertThat(state.roles()).hasSize(3);
  }

  @Test
  void aPortalThatKeepsChangingFailsWithAClearMessage() {
    AtomicInteger portalReads = new AtomicInteger();
    serve(() -> 10L * portalReads.incrementAndGet(), r -> 10L * portalReads.get() + 1);

    assertThatThrownBy(client::read)
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.UNAVAILABLE))
        .hasMessageContaining("kept changing while it was read")
        .hasMessageContaining("4 reads");
    assertThat(portalReads.get()).isEqualTo(4);
  }

  @Test
  void aMembershipOfAnUnlistedRoleIsAProtocolError() {
    serveOneList("/api/v1/memberships", "{\"items\":[{\"roleId\":\"r404\",\"userId\":\"u1\"}],\"nextCursor\":null}");
    assertThatThrownBy(client::read)
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.PROTOCOL))
        .hasMessageContaining("r404");
  }

  @Test
  void anItemWithoutItsIdIsAProtocolErrorNamingWhere() {
    serveOneList("/api/v1/users", "{\"items\":[{\"email\":\"x@acme.example\",\"status\":\"active\"}],\"nextCursor\":null}");
    assertThatThrownBy(client::read)
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.PROTOCOL))
        .hasMessageContaining("GET /api/v1/users?limit=1000")
        .hasMessageContaining("`$.items[0].id`");
  }

  @Test
  void aBrokenPageMidListFailsNamingItAndStopsTheChain() {
    // 50 pages of users; the third lacks an id. Pages are parsed behind the chain of requests, so
    // a few more may have been asked for, but not the rest of the list.
    Map<String, String> pages = new java.util.HashMap<>();
    for (String list : List.of("permissions", "roles", "memberships")) {
      pages.put("/api/v1/" + list + "|", "{\"items\":[],\"nextCursor\":null}");
    }
    for (int page = 1; page <= 50; page++) {
      String item = page == 3 ? "{\"email\":\"x@acme.example\",\"status\":\"active\"}"
          : "{\"id\":\"u" + page + "\",\"email\":\"u" + page + "@acme.example\",\"status\":\"active\"}";
      pages.put("/api/v1/users|" + (page == 1 ? "" : "p" + page),
          "{\"items\":[" + item + "],\"nextCursor\":" + (page == 50 ? "null" : "\"p" + (page + 1) + "\"") + "}");
    }
    serve(pages, () -> 1, r -> 1L);
    assertThatThrownBy(client::read)
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.PROTOCOL))
        .hasMessageContaining("cursor=p3")
        .hasMessageContaining("`$.items[0].id`");
    long usersPages = targets.stream().filter(t -> t.startsWith("/api/v1/users")).count();
    assertThat(usersPages).isBetween(3L, 3L + PageParsing.AHEAD + 1);
  }

  @Test
  void aCursorThatRepeatsIsAProtocolError() {
    serveOneList("/api/v1/memberships", "{\"items\":[],\"nextCursor\":\"again\"}");
    assertThatThrownBy(client::read)
        .isInstanceOfSatisfying(PortalException.class,
            e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.PROTOCOL))
        .hasMessageContaining("repeats an earlier one");
  }

  @Test
  void aPathPrefixInThePortalUrlIsKept() throws Exception {
    client.close();
    client = HttpPortalClient.create(new HttpPortalConfig(portal.server.url("/tenant/acme/").uri(),
        PortalServer.TOKEN, false, java.time.Duration.ofSeconds(5), RetryPolicy.none(), null));
    portal.enqueue(json(200, "{\"roleIds\":[]}", 2));
    client.reorderRoles(List.of());
    assertThat(portal.take().getTarget()).isEqualTo("/tenant/acme/api/v1/roles/order");
  }

  /** A consistent portal (state version 1) whose lists are empty except {@code path}, which serves {@code body}. */
  private void serveOneList(String path, String body) {
    portal.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String requested = request.getUrl().encodedPath();
            if (requested.equals("/api/v1/portal")) return json(200, String.format(PORTAL, 1), 1);
            return json(200, requested.equals(path) ? body : "{\"items\":[],\"nextCursor\":null}", 1);
          }
        });
  }
}
