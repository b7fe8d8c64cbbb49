package io.roleform.portal.http;

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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
    List<Permission> permissionList = new ArrayList<>();
    List<LiveUser> userList = new ArrayList<>();
    List<LiveRole> roleList = new ArrayList<>();
    MemberPages memberPages = new MemberPages();
    List<LiveDepartment> departmentList = new ArrayList<>();
    Future<Boolean> permissions =
        pool.submit(() -> list("permissions", LiveItems.permissions(permissionList), version, stop));
    Future<Boolean> users = pool.submit(() -> list("users", LiveItems.users(userList), version, stop));
    Future<Boolean> roles = pool.submit(() -> list("roles", LiveItems.roles(roleList), version, stop));
    Future<Boolean> memberships = pool.submit(() -> list("memberships", memberPages.item(), version, stop));
    // Departments only where the portal has them: one more paged list, usually one request.
    Future<Boolean> departments = portal.capabilities().has(Feature.DEPARTMENTS)
        ? pool.submit(() -> list("departments", LiveItems.departments(departmentList), version, stop))
        : java.util.concurrent.CompletableFuture.completedFuture(true);

    boolean complete = join(permissions, stop) & join(users, stop) & join(roles, stop)
        & join(memberships, stop) & join(departments, stop);
    if (!complete) {
      return new Snapshot(null, version);
    }
    roleList.sort(Comparator.comparingInt(LiveRole::position));
    // One immutable list for the state and the member sets' ranks (MemberRanks): the same instance.
    List<LiveUser> allUsers = List.copyOf(userList);
    return new Snapshot(new LiveState(portal, permissionList, allUsers, roleList,
        memberPages.byRole(roleList, allUsers, pool), departmentList), version);
  }

  /**
   * Reads every page of one list into {@code item}; {@code false} if a page showed another state
   * version (or another list already did, which {@code stop} tells).
   *
   * <p>The pages of a list are asked for one after the other (each names the next). This thread
   * asks for them: as soon as a page's {@code nextCursor} is known from the end of its bytes
   * ({@link PageCursor}) it asks for the next one, and the page is parsed on another thread
   * ({@link PageParsing}, in order); the chain of requests never waits for a parse or a hand-over.
   * A page whose cursor the scan cannot tell is parsed here, after the pages before it, before the
   * next request. A page is only asked for after the one before it answered with the expected
   * state version; a parse that fails, or finds another cursor than the scan, stops the list, after
   * at most {@link PageParsing#AHEAD} further pages were asked for (each page parsed before the
   * next was asked for: at most one), and a list that fails starts no further parse.
   */
  private boolean list(String path, ListPage.Item item, long version, AtomicBoolean stop) {
    Set<String> seenCursors = new HashSet<>();
    PageParsing parsing = new PageParsing(pool);
    String cursor = null;
    try {
      do {
        parsing.check();
        Reply reply = fetch(path, cursor, version, stop);
        if (reply == null) {
          parsing.await();
          return false;
        }
        String scanned = PageCursor.scan(reply.body());
        if (scanned != null && scanned.isEmpty()) scanned = null;
        if (scanned == PageCursor.UNKNOWN) {
          parsing.await();
          cursor = parse(reply, item);
        } else {
          String expected = scanned;
          parsing.add(() -> {
            if (!java.util.Objects.equals(parse(reply, item), expected)) {
              throw transport.failures().protocol(reply, "its nextCursor cannot be read consistently");
            }
          });
          cursor = scanned;
        }
        if (cursor != null) repeatCheck(reply, cursor, seenCursors);
      } while (cursor != null);
      parsing.await();
      return true;
    } catch (RuntimeException | Error e) {
      stop.set(true);
      parsing.abandon();
      throw e;
    }
  }

  private void repeatCheck(Reply reply, String cursor, Set<String> seen) {
    if (!seen.add(cursor)) {
      throw transport.failures().protocol(reply, "the list's nextCursor repeats an earlier one");
    }
  }

  /** One page, or {@code null} if it showed another state version or {@code stop} is set. */
  private Reply fetch(String path, String cursor, long version, AtomicBoolean stop) {
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
    return reply;
  }

  /** Parses one page into {@code item}; returns its {@code nextCursor} ({@code null}: the last page). */
  private String parse(Reply reply, ListPage.Item item) {
    try {
      String cursor = ListPage.read(transport.json(), reply.body(), item);
      return cursor == null || cursor.isEmpty() ? null : cursor;
    } catch (Wire.Missing e) {
      throw transport.failures().protocol(reply, "`" + e.getMessage() + "` is missing or invalid");
    } catch (IOException e) {
      throw transport.failures().protocol(reply, JsonTrouble.describe(e, reply, transport.failures()));
    }
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
}
