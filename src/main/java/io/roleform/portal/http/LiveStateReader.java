package io.roleform.portal.http;

import com.fasterxml.jackson.databind.JavaType;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.transport.Url;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads a consistent {@link LiveState} in as few requests as Portal API v1 allows: {@code GET
 * /portal}, then the four lists (permissions, users, roles, memberships) concurrently, each in
 * pages of 1,000 followed by cursor. Never one request per role or user.
 *
 * <p>Consistency: every answer carries {@code State-Version}; a page whose version differs from
 * the one {@code GET /portal} gave means a write happened mid-read, and the snapshot would be torn.
 * The reader then starts again, at most {@link #REREADS} more times, and otherwise fails.
 */
final class LiveStateReader {

  static final int PAGE_SIZE = 1000;
  static final int REREADS = 3;

  private final PortalApi transport;
  private final ExecutorService pool;

  LiveStateReader(PortalApi transport, ExecutorService pool) {
    this.transport = transport;
    this.pool = pool;
  }

  LiveState read() {
    long first = -1;
    long last = -1;
    for (int round = 0; round <= REREADS; round++) {
      Snapshot snapshot = readOnce();
      if (snapshot.state != null) {
        return snapshot.state;
      }
      first = round == 0 ? snapshot.startVersion : first;
      last = snapshot.startVersion;
    }
    throw new PortalException(Kind.UNAVAILABLE, 0,
        "The portal kept changing while it was read: " + (REREADS + 1) + " reads in a row saw its"
            + " state version move (from " + first + " to at least " + last + ") between the first"
            + " and the last page, so no consistent snapshot could be taken. Another writer is"
            + " busy (a person in the web UI, another apply?); wait until it is done and run again.");
  }

  /** A consistent state, or {@code null} state if the portal changed mid-read. */
  private record Snapshot(LiveState state, long startVersion) {}

  private Snapshot readOnce() {
    Reply portalReply = transport.get(transport.url("portal"));
    long version = transport.stateVersion(portalReply);
    PortalInfo portal = map(portalReply, () -> transport.read(portalReply, Wire.PortalDoc.class).toLive());
    transport.failures().roleManagementPermission(portal.roleManagementPermission());
    if (portal.stateVersion() != version) {
      return new Snapshot(null, version);
    }

    AtomicBoolean stop = new AtomicBoolean();
    Future<List<Permission>> permissions =
        pool.submit(() -> list("permissions", Wire.PermissionDoc.class, (d, i) -> d.toLive(i), version, stop));
    Future<List<LiveUser>> users =
        pool.submit(() -> list("users", Wire.UserDoc.class, (d, i) -> d.toLive(i), version, stop));
    Future<List<LiveRole>> roles =
        pool.submit(() -> list("roles", Wire.RoleDoc.class, (d, i) -> d.toLive(i), version, stop));
    Future<List<Wire.MembershipDoc>> memberships =
        pool.submit(() -> list("memberships", Wire.MembershipDoc.class, (d, i) -> d, version, stop));
    // Departments only where the portal has them: one more paged list, usually one request.
    Future<List<LiveDepartment>> departments = portal.capabilities().has(Feature.DEPARTMENTS)
        ? pool.submit(() -> list("departments", Wire.DepartmentDoc.class, (d, i) -> d.toLive(i), version, stop))
        : java.util.concurrent.CompletableFuture.completedFuture(List.of());

    List<Permission> p = join(permissions, stop);
    List<LiveUser> u = join(users, stop);
    List<LiveRole> r = join(roles, stop);
    List<Wire.MembershipDoc> m = join(memberships, stop);
    List<LiveDepartment> d = join(departments, stop);
    if (p == null || u == null || r == null || m == null || d == null) {
      return new Snapshot(null, version);
    }
    LiveState state = assemble(portal, p, u, r, m);
    return new Snapshot(new LiveState(state.portal(), state.permissions(), state.users(), state.roles(),
        state.members(), d), version);
  }

  /**
   * Every page of one list, or {@code null} if a page showed another state version (or another
   * list already did, which {@code stop} tells).
   */
  private <D, T> List<T> list(
      String path, Class<D> type, BiFunction<D, Integer, T> toLive, long version, AtomicBoolean stop) {
    JavaType pageType =
        transport.json().getTypeFactory().constructParametricType(Wire.Page.class, type);
    List<T> all = new ArrayList<>();
    String cursor = null;
    Set<String> seenCursors = new HashSet<>();
    do {
      if (stop.get()) {
        return null;
      }
      Url url = transport.url(path).query("limit", PAGE_SIZE);
      if (cursor != null) {
        url = url.query("cursor", cursor);
      }
      Reply reply = transport.get(url);
      if (transport.stateVersion(reply) != version) {
        stop.set(true);
        return null;
      }
      Wire.Page<D> page = transport.read(reply, pageType);
      List<D> items = page.items() == null ? List.of() : page.items();
      for (int i = 0; i < items.size(); i++) {
        int index = i;
        all.add(map(reply, () -> toLive.apply(Wire.need(items.get(index), "$.items[" + index + "]"), index)));
      }
      cursor = page.nextCursor() == null || page.nextCursor().isEmpty() ? null : page.nextCursor();
      if (cursor != null && !seenCursors.add(cursor)) {
        throw transport.failures().protocol(reply, "the list's nextCursor repeats an earlier one");
      }
    } while (cursor != null);
    return all;
  }

  private static <T> T join(Future<T> future, AtomicBoolean stop) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      stop.set(true);
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new PortalException(Kind.UNAVAILABLE, 0, "Reading the portal was interrupted.");
    }
  }

  private <T> T map(Reply reply, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (Wire.Missing e) {
      throw transport.failures().protocol(reply, "`" + e.getMessage() + "` is missing or invalid");
    }
  }

  private static LiveState assemble(
      PortalInfo portal, List<Permission> permissions, List<LiveUser> users, List<LiveRole> roles,
      List<Wire.MembershipDoc> memberships) {
    List<LiveRole> sorted = new ArrayList<>(roles);
    sorted.sort(Comparator.comparingInt(LiveRole::position));
    Map<String, List<String>> members = new HashMap<>();
    for (LiveRole role : sorted) {
      members.put(role.id(), new ArrayList<>());
    }
    // Members are held as the users' own id strings, not the copies each membership page brought:
    // one string per user instead of one per membership (200,000 at L), and the diff's look-ups
    // compare equal ids by identity.
    Map<String, String> userIds = new HashMap<>(users.size() * 2);
    for (LiveUser u : users) userIds.put(u.id(), u.id());
    for (Wire.MembershipDoc m : memberships) {
      List<String> ids = m.roleId() == null ? null : members.get(m.roleId());
      if (ids == null || m.userId() == null) {
        throw new PortalException(Kind.PROTOCOL, 200, "GET /api/v1/memberships listed a membership"
            + " of role `" + m.roleId() + "` that GET /api/v1/roles did not list (or one without a"
            + " user id), although both answered at the same state version; the portal's answers"
            + " are inconsistent, which Portal API v1 does not allow.");
      }
      ids.add(userIds.getOrDefault(m.userId(), m.userId()));
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    members.forEach((role, ids) -> frozen.put(role, SortedIds.of(ids.toArray(new String[0]))));
    return new LiveState(portal, permissions, users, sorted, frozen);
  }
}
