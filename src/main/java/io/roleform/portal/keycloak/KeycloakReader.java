package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the managed part of a realm in as few requests as the Admin API allows: the parent group
 * (found by path; its representation also carries the department list), the catalog, the managed
 * groups with their role mappings and attributes, all users (the brief representation unless
 * departments are in use), and each group's members (one list per group, several at once —
 * Keycloak has no bulk membership endpoint). Every list is one request up to {@link Paging#PAGE}
 * items. The three lists are read side by side, and the member lists start as soon as the groups
 * are known.
 */
final class KeycloakReader {

  /** What a read saw, with the Keycloak-side details the writes need. */
  record Snapshot(LiveState state, String parentId, String clientUuid, Map<String, GroupView> groups,
      Map<String, CatalogRole> catalog) {}

  /** Members are read this many groups at a time. */
  static final int READ_CONCURRENCY = 8;

  private final KeycloakConfig config;
  private final AdminTransport transport;
  private final TokenSource tokens;
  private final Parallel parallel;
  private final int page;

  /** {@code page}: the items asked for per list request ({@link Paging#PAGE}; smaller in tests). */
  KeycloakReader(KeycloakConfig config, AdminTransport transport, TokenSource tokens, Parallel parallel, int page) {
    this.config = config;
    this.transport = transport;
    this.tokens = tokens;
    this.parallel = parallel;
    this.page = page;
  }

  Snapshot read() {
    JsonNode parent = config.parentGroup() == null ? null : parentGroup();
    String parentId = parent == null ? null : parent.path("id").asText();
    String clientUuid = config.clientId() == null ? null : clientUuid();
    // Three branches at once; the groups branch reads every group's members as soon as it has the
    // groups, so the member lists (one request per group) overlap the users' list.
    List<Object> parts = parallel.map(List.of("catalog", "groups", "people"), 3, part -> switch (part) {
      case "catalog" -> catalog(clientUuid);
      case "groups" -> groupsWithMembers(parentId);
      default -> people(parent);
    });
    @SuppressWarnings("unchecked") Map<String, CatalogRole> catalog = (Map<String, CatalogRole>) parts.get(0);
    GroupsRead read = (GroupsRead) parts.get(1);
    List<GroupView> groups = read.groups();
    GroupView admin = read.admin();
    List<Set<String>> memberSets = read.members();
    People people = (People) parts.get(2);
    List<LiveDepartment> departments = people.departments();
    List<JsonNode> userNodes = people.users();
    Set<String> departmentNames = new java.util.HashSet<>();
    for (LiveDepartment d : departments) departmentNames.add(d.id());
    Map<String, LiveUser> users = new LinkedHashMap<>();
    int withoutEmail = 0;
    for (JsonNode u : userNodes) {
      String email = u.path("email").asText("");
      if (email.isBlank()) {
        withoutEmail++;
        continue;
      }
      String id = u.path("id").asText();
      users.put(id, new LiveUser(id, email, text(u, "firstName"), text(u, "lastName"),
          u.path("enabled").asBoolean(true) ? UserStatus.ACTIVE : UserStatus.DISABLED, false,
          KeycloakPeople.userDepartments(u, departmentNames), null));
    }
    if (withoutEmail > 0) {
      config.verboseLog().accept("Note: " + withoutEmail + " Keycloak user(s) without an email are left out;"
          + " roleform matches members by email, so they can be neither listed nor managed.");
    }

    Map<String, Set<String>> members = new LinkedHashMap<>();
    Map<String, GroupView> byId = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Set<String> known = new TreeSet<>(memberSets.get(i));
      known.retainAll(users.keySet());
      members.put(groups.get(i).id(), Set.copyOf(known));
      byId.put(groups.get(i).id(), groups.get(i));
    }
    List<GroupView> ordered = new ArrayList<>(groups);
    ordered.sort(Comparator.comparing((GroupView g) -> !g.id().equals(admin.id()))
        .thenComparing(g -> g.storedPosition() == null ? Integer.MAX_VALUE : g.storedPosition())
        .thenComparing(g -> g.name().toLowerCase(Locale.ROOT))
        .thenComparing(GroupView::id));
    List<LiveRole> roles = new ArrayList<>();
    for (GroupView g : ordered) {
      List<String> permissions = g.roleNames().stream().filter(catalog::containsKey).toList();
      boolean isAdmin = g.id().equals(admin.id());
      roles.add(new LiveRole(g.id(), g.name(), g.description(), permissions, List.of(), roles.size(),
          isAdmin, false, members.get(g.id()).size(), g.version()));
    }
    List<Permission> permissions = catalog.values().stream()
        .map(r -> new Permission(r.name(), r.name(), r.description(), List.of())).toList();
    PortalInfo info = new PortalInfo(config.realm(), "keycloak", KeycloakPortalClient.capabilities(config), 0L, null, admin.id(),
        config.managePermission(), tokens.subject(), tokens.email());
    LiveState state = new LiveState(info, permissions, List.copyOf(users.values()), roles, members, departments);
    return new Snapshot(state, parentId, clientUuid, byId, catalog);
  }

  /** The managed groups, the admin group among them, and each group's member ids (same order). */
  private record GroupsRead(List<GroupView> groups, GroupView admin, List<Set<String>> members) {}

  /** The groups, then their members {@value #READ_CONCURRENCY} groups at a time; fails early without the admin group. */
  private GroupsRead groupsWithMembers(String parentId) {
    List<GroupView> groups = groups(parentId);
    GroupView admin = groups.stream().filter(g -> g.name().equals(config.adminGroup())).findFirst()
        .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, 0, "The admin group '" + config.adminGroup()
            + "' does not exist " + where() + " in Keycloak realm '" + config.realm() + "'. Create it (roleform"
            + " needs an admin role to exist) or name another group with adminGroup=NAME."));
    return new GroupsRead(groups, admin, parallel.map(groups, READ_CONCURRENCY, g -> memberIds(g.id())));
  }

  /** The departments (listed on the parent group) and every user. */
  private record People(List<LiveDepartment> departments, List<JsonNode> users) {}

  /**
   * The departments are listed on the parent group (as {@code group-by-path} returned it: the full
   * representation, attributes included, so no second read of the parent). Then the users: a
   * user's departments are a user attribute, which only the full user representation carries; when
   * the parent group lists no department (or there is no parent group) no user can be in one, so
   * the brief representation is read — the same users, names, emails and status, without Keycloak
   * evaluating every user's profile (the bulk of a users list).
   */
  private People people(JsonNode parent) {
    List<LiveDepartment> departments = parent == null ? List.of() : KeycloakPeople.departments(parent);
    List<JsonNode> users = Paging.all(transport, AdminRequest.get("users")
        .query("briefRepresentation", departments.isEmpty()), page);
    return new People(departments, users);
  }

  /** The ids of all members of one group. */
  Set<String> memberIds(String groupId) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode u : Paging.all(transport, AdminRequest.get("groups", groupId, "members")
        .query("briefRepresentation", true), page)) {
      ids.add(u.path("id").asText());
    }
    return ids;
  }

  String parentId() {
    return parentGroup().path("id").asText();
  }

  /**
   * The parent group by its path: Keycloak answers with the full representation (id, attributes,
   * role mappings; its children only counted), which is all roleform needs of it.
   */
  private JsonNode parentGroup() {
    List<String> segments = new ArrayList<>(List.of("group-by-path"));
    for (String s : config.parentGroup().split("/")) if (!s.isBlank()) segments.add(s);
    AdminReply r = transport.send(AdminRequest.get(segments.toArray(String[]::new)).accepting(404));
    if (r.status() == 404 || r.body() == null || !r.body().hasNonNull("id")) {
      throw new PortalException(Kind.NOT_FOUND, 404, "The parent group '" + config.parentGroup() + "' does not"
          + " exist in Keycloak realm '" + config.realm() + "'. Create it (roleform manages only its child groups),"
          + " or drop parentGroup= to manage the top-level groups.");
    }
    return r.body();
  }

  String clientUuid() {
    JsonNode found = transport.get(AdminRequest.get("clients").query("clientId", config.clientId()));
    for (JsonNode c : found) {
      if (config.clientId().equals(c.path("clientId").asText())) return c.path("id").asText();
    }
    throw new PortalException(Kind.NOT_FOUND, 404, "Keycloak realm '" + config.realm() + "' has no client '"
        + config.clientId() + "', whose roles were to be the permission catalog. Check client=.");
  }

  /** The permission catalog by role name, sorted by name. */
  Map<String, CatalogRole> catalog(String clientUuid) {
    AdminRequest list = clientUuid == null ? AdminRequest.get("roles") : AdminRequest.get("clients", clientUuid, "roles");
    Map<String, CatalogRole> catalog = new java.util.TreeMap<>();
    for (JsonNode r : Paging.all(transport, list.query("briefRepresentation", true), page)) {
      CatalogRole role = new CatalogRole(r.path("id").asText(), r.path("name").asText(), text(r, "description"));
      if (clientUuid != null || role.isPermission(config.realm())) catalog.put(role.name(), role);
    }
    return catalog;
  }

  private List<GroupView> groups(String parentId) {
    AdminRequest list = parentId == null ? AdminRequest.get("groups") : AdminRequest.get("groups", parentId, "children");
    return Paging.all(transport, list.query("briefRepresentation", false), page).stream()
        .map(g -> GroupView.of(g, config.clientId())).toList();
  }

  private String where() {
    return config.parentGroup() == null ? "as a top-level group" : "under the group '" + config.parentGroup() + "'";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
