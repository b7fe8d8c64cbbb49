package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.portal.Capabilities;
import io.roleform.portal.LiveState;
import io.roleform.portal.NewRole;
import io.roleform.portal.NewUser;
import io.roleform.portal.UserPatch;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.RolePatch;
import io.roleform.portal.transport.RetryPolicy;
import io.roleform.portal.transport.Sleeper;
import io.roleform.portal.transport.Transport;
import io.roleform.portal.transport.TransportOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link PortalClient} over Keycloak's Admin REST API (see the package doc for the mapping).
 *
 * <p>Keycloak has no state version and no batch endpoints, so ({@link #CAPABILITIES}): stale saved
 * plans are refused by the fingerprint of everything read, and {@link #updateRole} honours {@code
 * expectedVersion} against the group as this client last read or wrote it (no extra request), re-reading
 * the group first only when its {@code PUT} would have to carry a field the patch does not set
 * (see {@link #updateRole}); members are changed one request per user, {@code writeConcurrency} at
 * a time. Every list is read in one request up to {@link Paging#PAGE} items. Every write is idempotent or made so (a create retried after a lost
 * answer finds the group it made), so retries never apply a change twice. Owner, appliers, case
 * actions and portal settings do not exist in Keycloak: it declares none of them, so the planner
 * refuses a config that asks for them before anything is written.
 */
public final class KeycloakPortalClient implements PortalClient {

  /**
   * What a Keycloak realm supports: roles (groups), their role mappings, order and members, and
   * users (invite, change, disable, delete). With a parent group also departments ({@link
   * #capabilities(KeycloakConfig)}).
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.core(Capabilities.Concurrency.RESOURCE_VERSION).with(Capabilities.Feature.USERS);

  /** The capabilities of the realm and parent group {@code config} names. */
  static Capabilities capabilities(KeycloakConfig config) {
    return config.parentGroup() == null ? CAPABILITIES : CAPABILITIES.with(Capabilities.Feature.DEPARTMENTS);
  }

  private final KeycloakConfig config;
  private final Transport tokenWire;
  private final Transport adminWire;
  private final AdminTransport transport;
  private final KeycloakReader reader;
  private final Parallel parallel;
  private final ExecutorService executor;
  private final KeycloakPeople people;
  /** What the last read saw, updated by every write of this client. */
  private final Map<String, GroupView> groups = new ConcurrentHashMap<>();
  private volatile Map<String, CatalogRole> catalog;
  private volatile String parentId;
  private volatile String clientUuid;
  private volatile boolean resolved;

  private KeycloakPortalClient(KeycloakConfig config, RetryPolicy retry, Clock clock, Sleeper sleeper, int page) {
    this.config = config;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "roleform-keycloak");
      t.setDaemon(true);
      return t;
    });
    this.parallel = new Parallel(executor);
    TransportOptions options = new TransportOptions(config.timeout(), retry, null, config.verboseLog(),
        KeycloakErrors.TABLE, sleeper);
    // TLS set up only for an https:// server (the token and the Admin API share its address): loading
    // the JDK's trust store is a few hundred ms of start-up that a plain-http Keycloak never needs.
    boolean tls = "https".equalsIgnoreCase(config.serverUrl().getScheme());
    this.tokenWire = Transport.open(options, tls);
    TokenSource tokens = new TokenSource(config, tokenWire, clock);
    this.adminWire = Transport.open(options.withAuth(tokens), tls);
    this.transport = new AdminTransport(config, adminWire);
    this.reader = new KeycloakReader(config, transport, tokens, parallel, page);
    this.people = new KeycloakPeople(transport, config.realm(), page);
  }

  /**
   * A client for the realm and credentials of {@code config}, retrying as {@code retry} says;
   * nothing is sent until the first call.
   */
  public static KeycloakPortalClient create(KeycloakConfig config, RetryPolicy retry) {
    return new KeycloakPortalClient(config, retry, Clock.systemUTC(), Sleeper.REAL, Paging.PAGE);
  }

  /** For tests: lists are read {@code page} items per request instead of {@link Paging#PAGE}. */
  static KeycloakPortalClient create(KeycloakConfig config, int page) {
    return new KeycloakPortalClient(config, RetryPolicy.defaults(), Clock.systemUTC(), Sleeper.REAL, page);
  }

  /** A client with the default retries. */
  public static KeycloakPortalClient create(KeycloakConfig config) {
    return create(config, RetryPolicy.defaults());
  }

  /** For tests: another clock, and waits between retries go to {@code sleeper}. */
  static KeycloakPortalClient create(KeycloakConfig config, Clock clock, RetryPolicy retry, Sleeper sleeper) {
    return create(config, clock, retry, sleeper, Paging.PAGE);
  }

  /** For tests: as {@link #create(KeycloakConfig, Clock, RetryPolicy, Sleeper)}, lists read {@code page} items per request. */
  static KeycloakPortalClient create(KeycloakConfig config, Clock clock, RetryPolicy retry, Sleeper sleeper, int page) {
    return new KeycloakPortalClient(config, retry, clock, sleeper, page);
  }

  /** HTTP requests sent so far, token requests included, retries counted each time. */
  public long requestCount() {
    return tokenWire.requestCount() + adminWire.requestCount();
  }

  @Override
  public LiveState read() {
    KeycloakReader.Snapshot s = reader.read();
    groups.clear();
    groups.putAll(s.groups());
    catalog = s.catalog();
    parentId = s.parentId();
    clientUuid = s.clientUuid();
    resolved = true;
    return s.state();
  }

  @Override
  public String createRole(NewRole role) {
    resolve();
    List<CatalogRole> grants = catalogRoles(role.permissions());
    int position = groups.values().stream().map(GroupView::storedPosition)
        .filter(p -> p != null).mapToInt(Integer::intValue).max().orElse(groups.size() - 1) + 1;
    GroupView wanted = new GroupView("new", role.name(), role.description(), Map.of(), List.of()).withPosition(position);
    ObjectNode body = wanted.toRepresentation();
    AdminRequest post = parentId == null ? AdminRequest.post(body, true, "groups")
        : AdminRequest.post(body, true, "groups", parentId, "children");
    AdminReply reply = transport.send(post.accepting(409));
    String id;
    if (reply.status() == 409) {
      // A retried create whose first attempt committed meets its own group; otherwise a real clash.
      id = reply.attempts() > 1 ? findByName(role.name()) : null;
      if (id == null) {
        throw new PortalException(Kind.CONFLICT, 409, "Keycloak already has a group named '" + role.name()
            + "' " + where() + "; rename one of them or run plan again.");
      }
    } else {
      id = createdId(reply);
    }
    GroupView created = new GroupView(id, wanted.name(), wanted.description(), wanted.attributes(), List.of());
    if (!grants.isEmpty()) mapRoles("POST", id, grants);
    groups.put(id, created.withRoles(role.permissions()));
    return id;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Written from the group as this client last read or wrote it, with no extra request, except
   * when the {@code PUT /groups/{id}} it needs would carry a field the patch does not set: Keycloak's
   * group update requires the name and always sets the description (an absent one is cleared), so
   * a rename that keeps the description, or a new description under the old name, must send the
   * other field as it is now — the group is read again first, and its version checked, so that a
   * change someone made since the read is refused (412), not undone. A group this client has not
   * read is read first too. {@code expectedVersion} is compared with the version of that view; role
   * mappings change by one add and one remove of the difference, which leaves other mappings alone.
   */
  @Override
  public void updateRole(String roleId, RolePatch patch, String expectedVersion) {
    if (patch.permissions() != null) resolve();
    GroupView known = groups.get(roleId);
    boolean putsGroup = known == null
        || (patch.name() != null && !patch.name().equals(known.name()))
        || (patch.description() != null && !patch.description().equals(known.description()));
    boolean putCarriesUnsetField = patch.name() == null || patch.description() == null;
    GroupView live = known != null && !(putsGroup && putCarriesUnsetField) ? known
        : GroupView.of(transport.get(AdminRequest.get("groups", roleId)), config.clientId());
    if (expectedVersion != null && !expectedVersion.equals(live.version())) {
      throw new PortalException(Kind.PRECONDITION_FAILED, 412, "The Keycloak group '" + live.name()
          + "' changed since it was read (by someone else?); nothing more was changed. Run plan again.");
    }
    GroupView next = live;
    String name = patch.name() == null ? live.name() : patch.name();
    String description = patch.description() == null ? live.description() : patch.description();
    if (!name.equals(live.name()) || !description.equals(live.description())) {
      ObjectNode body = AdminTransport.JSON.createObjectNode().put("name", name).put("description", description);
      transport.send(AdminRequest.put(body, "groups", roleId));  // no "attributes": Keycloak keeps them
      next = next.withName(name, description);
    }
    if (patch.permissions() != null) {
      Set<String> desired = new HashSet<>(patch.permissions());
      List<CatalogRole> add = catalogRoles(desired.stream().filter(p -> !live.roleNames().contains(p)).sorted().toList());
      List<CatalogRole> remove = live.roleNames().stream()
          .filter(p -> !desired.contains(p) && catalog.containsKey(p)).map(catalog::get).toList();
      if (!add.isEmpty()) mapRoles("POST", roleId, add);
      if (!remove.isEmpty()) mapRoles("DELETE", roleId, remove);
      List<String> names = new ArrayList<>(live.roleNames().stream().filter(p -> !catalog.containsKey(p)).toList());
      names.addAll(desired);
      next = next.withRoles(names);
    }
    groups.put(roleId, next);
  }

  @Override
  public void deleteRole(String roleId, String moveMembersToId) {
    if (roleId.equals(moveMembersToId)) {
      throw new PortalException(Kind.INVALID, 0, "Cannot move the members of a Keycloak group into itself.");
    }
    if (moveMembersToId != null) {
      List<String> members = List.copyOf(reader.memberIds(roleId));
      parallel.forEach(members, config.writeConcurrency(),
          user -> transport.send(AdminRequest.put(null, "users", user, "groups", moveMembersToId)));
    }
    AdminReply reply = transport.send(AdminRequest.delete(null, "groups", roleId).accepting(404));
    if (reply.status() == 404 && reply.attempts() == 1) {
      throw new PortalException(Kind.NOT_FOUND, 404, "The Keycloak group " + roleId
          + " no longer exists (deleted by someone else?). Run plan again.");
    }
    groups.remove(roleId);
  }

  @Override
  public void reorderRoles(List<String> roleIds) {
    List<GroupView> changes = new ArrayList<>();
    for (int i = 0; i < roleIds.size(); i++) {
      String id = roleIds.get(i);
      GroupView g = groups.get(id);
      if (g == null) g = GroupView.of(transport.get(AdminRequest.get("groups", id)), config.clientId());
      Integer stored = g.storedPosition();
      if (stored == null || stored != i) changes.add(g.withPosition(i));
    }
    parallel.forEach(changes, config.writeConcurrency(), g -> {
      transport.send(AdminRequest.put(g.toRepresentation(), "groups", g.id()));
      groups.put(g.id(), g);
    });
  }

  @Override
  public void changeMembers(String roleId, Set<String> addUserIds, Set<String> removeUserIds) {
    List<AdminRequest> calls = new ArrayList<>();
    addUserIds.stream().sorted().forEach(u -> calls.add(AdminRequest.put(null, "users", u, "groups", roleId)));
    removeUserIds.stream().sorted().forEach(u -> calls.add(AdminRequest.delete(null, "users", u, "groups", roleId)));
    parallel.forEach(calls, config.writeConcurrency(), transport::send);
  }

  @Override
  public java.util.Optional<UserWrites> userWrites() {
    return java.util.Optional.of(new UserWrites() {
      @Override
      public String inviteUser(NewUser user) {
        return people.invite(user);
      }

      @Override
      public void updateUser(String userId, UserPatch patch, String expectedVersion) {
        people.update(userId, patch);
      }

      @Override
      public void deleteUser(String userId) {
        people.delete(userId);
      }
    });
  }

  @Override
  public java.util.Optional<DepartmentWrites> departmentWrites() {
    if (config.parentGroup() == null) return java.util.Optional.empty();
    return java.util.Optional.of(new DepartmentWrites() {
      @Override
      public String createDepartment(String name) {
        resolve();
        return people.createDepartment(parentId, name);
      }

      @Override
      public void renameDepartment(String departmentId, String name, String expectedVersion) {
        resolve();
        people.renameDepartment(parentId, departmentId, name);
      }

      @Override
      public void deleteDepartment(String departmentId) {
        resolve();
        people.deleteDepartment(parentId, departmentId);
      }
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
    adminWire.close();
    tokenWire.close();
  }

  private void mapRoles(String method, String groupId, List<CatalogRole> roles) {
    ArrayNode body = AdminTransport.JSON.createArrayNode();
    roles.forEach(r -> body.addObject().put("id", r.id()).put("name", r.name()));
    String[] path = clientUuid == null
        ? new String[] {"groups", groupId, "role-mappings", "realm"}
        : new String[] {"groups", groupId, "role-mappings", "clients", clientUuid};
    AdminRequest req = method.equals("POST") ? AdminRequest.post(body, true, path) : AdminRequest.delete(body, path);
    transport.send(req);
  }

  private List<CatalogRole> catalogRoles(List<String> names) {
    List<CatalogRole> roles = new ArrayList<>();
    for (String name : names) {
      CatalogRole r = catalog.get(name);
      if (r == null) {
        throw new PortalException(Kind.INVALID, 0, "Keycloak realm '" + config.realm() + "' has no "
            + (config.clientId() == null ? "realm role" : "role of client '" + config.clientId() + "'")
            + " named '" + name + "'; create it in Keycloak first, or remove it from the config.");
      }
      roles.add(r);
    }
    return roles;
  }

  private String findByName(String name) {
    AdminRequest list = parentId == null ? AdminRequest.get("groups") : AdminRequest.get("groups", parentId, "children");
    for (JsonNode g : transport.get(list.query("search", name).query("exact", true).query("briefRepresentation", true))) {
      if (name.equals(g.path("name").asText())) return g.path("id").asText();
    }
    return null;
  }

  private static String createdId(AdminReply reply) {
    if (reply.body().hasNonNull("id")) return reply.body().get("id").asText();
    String location = reply.location();
    if (location != null && location.lastIndexOf('/') >= 0) return location.substring(location.lastIndexOf('/') + 1);
    throw KeycloakErrors.protocol("group creation", "neither a Location header nor an id in the body");
  }

  /** Ids the writes need (parent group, client, catalog) without a full read, if none was made. */
  private void resolve() {
    if (resolved) return;
    synchronized (this) {
      if (resolved) return;
      parentId = config.parentGroup() == null ? null : reader.parentId();
      clientUuid = config.clientId() == null ? null : reader.clientUuid();
      catalog = reader.catalog(clientUuid);
      resolved = true;
    }
  }

  private String where() {
    return config.parentGroup() == null ? "at the top level" : "under '" + config.parentGroup() + "'";
  }
}
