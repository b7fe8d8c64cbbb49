package io.roleform.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.http.PortalApiCapabilities;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a golden case's {@code live.json}: a {@link LiveState} written compactly so that a case
 * stays small and readable. Test support only.
 *
 * <pre>{@code
 * {
 *   "portal": {"profile": "secure-exchanges", "stateVersion": 7, "adminRoleId": "r1",
 *              "roleManagementPermission": "roles-and-authorizations",
 *              "viewer": "u1", "settings": {"owner": null, "allowView": null, "notifyMembers": null}},
 *   "permissions": ["billing", {"id": "cases", "caseActions": ["view", "close"]}],
 *   "users": [{"id": "u1", "email": "alice@acme.example"},
 *             {"id": "u16", "email": "victor@acme.example", "status": "pending", "external": false}],
 *   "roles": [{"id": "r1", "name": "Admin", "builtIn": true, "fixedPermissions": true,
 *              "permissions": ["billing"], "caseActions": [], "description": "", "version": "1",
 *              "members": ["u1", "u2"]}]
 * }
 * }</pre>
 *
 * <p>Defaults, so that a case only writes what matters: a role's {@code position} is its index in
 * {@code roles} (the order as read), its {@code memberCount} the size of {@code members}, its
 * {@code version} {@code "1"}; a user is {@code active} and not external; the portal's name is
 * {@code "<profile> (golden)"}; {@code viewer} is a user id and the viewer's email is looked up;
 * {@code departments} ({@code [{"id": "d1", "name": "Finance"}]}) and a user's {@code departments}
 * (ids) are optional; the portal's features are its profile's.
 * Strict: an unknown key anywhere, a member or viewer that is no user, or a missing id is an
 * error, so that a typo in a case cannot silently change what it tests.
 */
public final class LiveStateJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private LiveStateJson() {}

  public static LiveState read(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(Files.readString(file));
    keys(root, "live state", "portal", "permissions", "users", "roles", "departments");
    List<Permission> permissions = new ArrayList<>();
    for (JsonNode p : root.path("permissions")) {
      if (p.isTextual()) {
        permissions.add(new Permission(p.asText(), null, null, List.of()));
      } else {
        keys(p, "permission", "id", "name", "description", "caseActions");
        permissions.add(new Permission(required(p, "id"), text(p, "name"), text(p, "description"), strings(p.get("caseActions"))));
      }
    }
    List<LiveUser> users = new ArrayList<>();
    Map<String, LiveUser> usersById = new LinkedHashMap<>();
    for (JsonNode u : root.path("users")) {
      keys(u, "user", "id", "email", "firstName", "lastName", "status", "external", "departments");
      String status = u.has("status") ? u.get("status").asText() : "active";
      LiveUser user = new LiveUser(required(u, "id"), required(u, "email"), text(u, "firstName"), text(u, "lastName"),
          UserStatus.valueOf(status.toUpperCase(Locale.ROOT)), u.path("external").asBoolean(false),
          strings(u.get("departments")), "1");
      users.add(user);
      usersById.put(user.id(), user);
    }
    List<LiveRole> roles = new ArrayList<>();
    Map<String, Set<String>> members = new LinkedHashMap<>();
    for (JsonNode r : root.path("roles")) {
      keys(r, "role", "id", "name", "description", "permissions", "caseActions", "builtIn", "fixedPermissions",
          "version", "members");
      String id = required(r, "id");
      Set<String> ids = new TreeSet<>(strings(r.get("members")));
      for (String m : ids) {
        if (!usersById.containsKey(m)) throw new IllegalArgumentException("role " + id + ": member " + m + " is no user");
      }
      roles.add(new LiveRole(id, required(r, "name"), text(r, "description"),
          strings(r.get("permissions")).stream().sorted().toList(), strings(r.get("caseActions")), roles.size(),
          r.path("builtIn").asBoolean(false), r.path("fixedPermissions").asBoolean(false), ids.size(),
          r.has("version") ? r.get("version").asText() : "1"));
      members.put(id, Set.copyOf(ids));
    }
    List<LiveDepartment> departments = new ArrayList<>();
    for (JsonNode d : root.path("departments")) {
      keys(d, "department", "id", "name");
      departments.add(new LiveDepartment(required(d, "id"), required(d, "name"), "1"));
    }
    PortalInfo portal = portal(root.path("portal"), usersById);
    return new LiveState(portal, permissions, users, roles, members, departments);
  }

  private static PortalInfo portal(JsonNode p, Map<String, LiveUser> usersById) {
    keys(p, "portal", "name", "profile", "stateVersion", "settings", "adminRoleId", "roleManagementPermission", "viewer");
    JsonNode s = p.path("settings");
    keys(s, "settings", "owner", "allowView", "notifyMembers");
    PortalSettings settings = new PortalSettings(text(s, "owner"), bool(s, "allowView"), bool(s, "notifyMembers"));
    String viewer = text(p, "viewer");
    if (viewer != null && !usersById.containsKey(viewer)) throw new IllegalArgumentException("viewer " + viewer + " is no user");
    String profile = required(p, "profile");
    return new PortalInfo(p.has("name") ? p.get("name").asText() : profile + " (golden)", profile,
        PortalApiCapabilities.of(profile),
        p.path("stateVersion").asLong(1), settings, required(p, "adminRoleId"), text(p, "roleManagementPermission"),
        viewer, viewer == null ? null : usersById.get(viewer).email());
  }

  private static void keys(JsonNode node, String what, String... allowed) {
    if (node.isMissingNode()) return;
    if (!node.isObject()) throw new IllegalArgumentException(what + " must be an object: " + node);
    List<String> known = List.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) throw new IllegalArgumentException("unknown key `" + key + "` in " + what + " " + node);
    }
  }

  private static String required(JsonNode node, String key) {
    String value = text(node, key);
    if (value == null) throw new IllegalArgumentException("missing `" + key + "` in " + node);
    return value;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Boolean bool(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) for (JsonNode v : array) out.add(v.asText());
    return out;
  }
}
