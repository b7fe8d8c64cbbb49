package io.roleform.portal.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.portal.Capabilities;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.LiveState;
import io.roleform.portal.NewRole;
import io.roleform.portal.NewUser;
import io.roleform.portal.UserPatch;
import io.roleform.portal.PortalClient;
import io.roleform.portal.RolePatch;
import io.roleform.portal.transport.Sleeper;
import io.roleform.portal.transport.TokenSupplier;
import io.roleform.portal.transport.Transport;
import io.roleform.portal.transport.TransportOptions;
import io.roleform.portal.transport.Url;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link PortalClient} for Portal API v1 over HTTP.
 *
 * <p>One shared {@link Transport} per instance (the bearer token, {@code User-Agent}, retries,
 * request logging and failure mapping, as for every portal kind; {@link Failures} is this kind's
 * message table). Every
 * write carries a fresh {@code Idempotency-Key} per call, repeated on its retries, so a retried
 * write applies at most once; after {@link #read()} every write also carries {@code
 * If-State-Version} (first the version read) and chains on the {@code State-Version} its answer
 * returns. Appliers, settings and owner writes are offered as the profile read declares them
 * ({@link PortalApiCapabilities}). Failures surface
 * as {@link io.roleform.portal.PortalException}s whose messages never contain the token.
 *
 * <p>Writes are serialised (the chain needs one at a time); {@link #read()} may run alongside.
 */
public final class HttpPortalClient implements PortalClient {

  /** Portal API v1 takes at most this many user ids in one membership change. */
  static final int MAX_MEMBER_BATCH = 10_000;

  private final Transport wire;
  private final PortalApi transport;
  private final ExecutorService readers;
  private final WriteChain chain = new WriteChain();
  /** What the last read declared; nothing optional before the first read. */
  private volatile Capabilities capabilities = Capabilities.core(Capabilities.Concurrency.STATE_VERSION);

  private HttpPortalClient(HttpPortalConfig config, Sleeper sleeper) {
    ObjectMapper json =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    Failures failures = new Failures(json, config.token());
    this.wire = Transport.open(new TransportOptions(config.timeout(), config.retry(),
        TokenSupplier.bearer(config.token()), config.verboseLog(), failures, sleeper),
        "https".equalsIgnoreCase(config.portalUrl().getScheme()));
    this.transport = new PortalApi(wire, apiBase(config), json, failures);
    AtomicInteger threads = new AtomicInteger();
    this.readers =
        // Cached, not fixed: each list's reader waits on the fetch of its next page, a task of its own.
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "roleform-read-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A client for the portal {@code config} names. Close it when done. */
  public static HttpPortalClient create(HttpPortalConfig config) {
    return new HttpPortalClient(config, Sleeper.REAL);
  }

  /** For tests: waits between retries go to {@code sleeper}. */
  static HttpPortalClient create(HttpPortalConfig config, Sleeper sleeper) {
    return new HttpPortalClient(config, sleeper);
  }

  /** Requests sent so far, every retry counted. */
  public long requestCount() {
    return wire.requestCount();
  }

  @Override
  public LiveState read() {
    LiveState state = new LiveStateReader(transport, readers).read();
    capabilities = state.portal().capabilities();
    chain.guard(state.portal().stateVersion());
    return state;
  }

  /** For tests: what {@link #read()} does with what it reads, without a read. */
  void assumeRead(long stateVersion, String profile) {
    capabilities = PortalApiCapabilities.of(profile);
    chain.guard(stateVersion);
  }

  @Override
  public Optional<ApplierWrites> applierWrites() {
    return offered(capabilities.has(Feature.APPLIERS), new ApplierWrites() {
      @Override
      public void approveUser(String userId, String roleId) {
        HttpPortalClient.this.approveUser(userId, roleId);
      }

      @Override
      public void denyUser(String userId) {
        write("POST", transport.url("users", userId, "deny"), null, null);
      }
    });
  }

  @Override
  public Optional<UserWrites> userWrites() {
    return offered(capabilities.has(Feature.USERS), new UserWrites() {
      @Override
      public String inviteUser(NewUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", user.email());
        putIfPresent(body, "firstName", user.firstName());
        putIfPresent(body, "lastName", user.lastName());
        if (!user.departmentIds().isEmpty()) body.put("departments", user.departmentIds());
        return createdId(write("POST", transport.url("users"), body, null), "user");
      }

      @Override
      public void updateUser(String userId, UserPatch patch, String expectedVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "firstName", patch.firstName());
        putIfPresent(body, "lastName", patch.lastName());
        putIfPresent(body, "departments", patch.departmentIds());
        putIfPresent(body, "status", patch.status() == null ? null : patch.status().name().toLowerCase(Locale.ROOT));
        if (!body.isEmpty()) write("PATCH", transport.url("users", userId), body, expectedVersion);
      }

      @Override
      public void deleteUser(String userId) {
        write("DELETE", transport.url("users", userId), null, null);
      }
    });
  }

  @Override
  public Optional<DepartmentWrites> departmentWrites() {
    return offered(capabilities.has(Feature.DEPARTMENTS), new DepartmentWrites() {
      @Override
      public String createDepartment(String name) {
        return createdId(write("POST", transport.url("departments"), Map.of("name", name), null), "department");
      }

      @Override
      public void renameDepartment(String departmentId, String name, String expectedVersion) {
        write("PATCH", transport.url("departments", departmentId), Map.of("name", name), expectedVersion);
      }

      @Override
      public void deleteDepartment(String departmentId) {
        write("DELETE", transport.url("departments", departmentId), null, null);
      }
    });
  }

  private String createdId(Reply reply, String what) {
    String id = transport.read(reply, Wire.CreatedDoc.class).id();
    if (id == null || id.isBlank()) {
      throw transport.failures().protocol(reply, "the created " + what + " has no `id`");
    }
    return id;
  }

  @Override
  public Optional<SettingsWrites> settingsWrites() {
    return offered(!capabilities.settings().isEmpty(), (SettingsWrites) this::updateSettings);
  }

  @Override
  public Optional<OwnerWrites> ownerWrites() {
    return offered(capabilities.has(Feature.OWNER_TRANSFER), (OwnerWrites) this::transferOwner);
  }

  private static <T> Optional<T> offered(boolean declared, T writes) {
    return declared ? Optional.of(writes) : Optional.empty();
  }

  @Override
  public String createRole(NewRole role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", role.name());
    putIfPresent(body, "description", role.description());
    body.put("permissions", role.permissions());
    putIfPresent(body, "caseActions", role.caseActions());
    putIfPresent(body, "copyFrom", role.copyFromId());
    Reply reply = write("POST", transport.url("roles"), body, null);
    String id = transport.read(reply, Wire.CreatedDoc.class).id();
    if (id == null || id.isBlank()) {
      throw transport.failures().protocol(reply, "the created role has no `id`");
    }
    return id;
  }

  @Override
  public void updateRole(String roleId, RolePatch patch, String expectedVersion) {
    if (patch.isEmpty()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    putIfPresent(body, "name", patch.name());
    putIfPresent(body, "description", patch.description());
    putIfPresent(body, "permissions", patch.permissions());
    putIfPresent(body, "caseActions", patch.caseActions());
    write("PATCH", transport.url("roles", roleId), body, expectedVersion);
  }

  @Override
  public void deleteRole(String roleId, String moveMembersToId) {
    Url url = transport.url("roles", roleId);
    if (moveMembersToId != null) {
      url = url.query("moveMembersTo", moveMembersToId);
    }
    write("DELETE", url, null, null);
  }

  @Override
  public void reorderRoles(List<String> roleIds) {
    write("PUT", transport.url("roles", "order"), Map.of("roleIds", roleIds), null);
  }

  @Override
  public void changeMembers(String roleId, Set<String> addUserIds, Set<String> removeUserIds) {
    for (MemberBatch batch : MemberBatch.split(addUserIds, removeUserIds, MAX_MEMBER_BATCH)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("add", batch.add());
      body.put("remove", batch.remove());
      write("POST", transport.url("roles", roleId, "members"), body, null);
    }
  }

  private void approveUser(String userId, String roleId) {
    write("POST", transport.url("users", userId, "approve"), Map.of("roleId", roleId), null);
  }

  private void updateSettings(Boolean allowView, Boolean notifyMembers) {
    Map<String, Object> body = new LinkedHashMap<>();
    putIfPresent(body, "allowView", allowView);
    putIfPresent(body, "notifyMembers", notifyMembers);
    if (!body.isEmpty()) {
      write("PATCH", transport.url("portal", "settings"), body, null);
    }
  }

  private void transferOwner(String newOwnerUserId) {
    write("POST", transport.url("portal", "owner-transfer"), Map.of("newOwner", newOwnerUserId), null);
  }

  @Override
  public void close() {
    readers.shutdownNow();
    wire.close();
  }

  @Override
  public String toString() {
    return "HttpPortalClient[" + transport.url() + "]";
  }

  /** One write, conditional on the chain (if guarded) and on {@code ifMatch} (if given). */
  private synchronized Reply write(String method, Url url, Object body, String ifMatch) {
    Map<String, String> headers = new LinkedHashMap<>();
    chain.current().ifPresent(v -> headers.put("If-State-Version", Long.toString(v)));
    if (ifMatch != null) {
      headers.put("If-Match", quoted(ifMatch));
    }
    Reply reply = transport.write(method, url, body, headers);
    if (chain.isGuarded()) {
      chain.advance(transport.stateVersion(reply));
    }
    return reply;
  }

  /** An entity tag as sent: {@code "7"}; a value that already is one is sent unchanged. */
  static String quoted(String version) {
    return version.startsWith("\"") || version.startsWith("W/\"") ? version : "\"" + version + "\"";
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  private static Url apiBase(HttpPortalConfig config) {
    Url url = Url.of(config.portalUrl());
    List<String> segments = new ArrayList<>(url.segments());
    segments.removeIf(String::isEmpty);
    boolean hasApi = segments.size() >= 2
        && segments.subList(segments.size() - 2, segments.size()).equals(List.of("api", "v1"));
    if (!hasApi) {
      segments.add("api");
      segments.add("v1");
    }
    return url.withPath(segments);
  }
}
