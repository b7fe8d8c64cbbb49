package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.NewUser;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.UserPatch;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and departments on Keycloak (docs/keycloak.md, "Users and departments").
 *
 * <ul>
 *   <li>A user is a Keycloak user: {@code email} (also its {@code username} when invited), {@code
 *       firstName}, {@code lastName}; {@code disabled} is {@code enabled: false}. Invite creates the
 *       user and sends no e-mail; delete is {@code DELETE /users/{id}}.
 *   <li>Departments exist only with {@code parentGroup=}: the parent group's multi-valued attribute
 *       {@value #ATTRIBUTE} is the list of department names, and a user's attribute of the same
 *       name lists the departments they are in. A department's id is its name as read; a rename
 *       rewrites the list and every user in it (found with {@code ?q=}).
 * </ul>
 *
 * <p>Every change is a read of the current representation and a {@code PUT} of it, so attributes
 * roleform does not manage are kept.
 */
final class KeycloakPeople {

  /** The attribute holding departments, on the parent group (the list) and on users. */
  static final String ATTRIBUTE = "roleform.departments";

  private final AdminTransport transport;
  private final String realm;
  private final int page;
  /** Departments renamed by this client, old name to new, so later user writes use the new name. */
  private final Map<String, String> renamed = new ConcurrentHashMap<>();

  KeycloakPeople(AdminTransport transport, String realm, int page) {
    this.transport = transport;
    this.realm = realm;
    this.page = page;
  }

  /** The departments listed on the parent group, by name (the name is also the id). */
  static List<LiveDepartment> departments(JsonNode parentGroup) {
    List<LiveDepartment> out = new ArrayList<>();
    for (String name : values(parentGroup.path("attributes").path(ATTRIBUTE))) out.add(new LiveDepartment(name, name, null));
    return out;
  }

  /** A user's departments (names) that the department list knows. */
  static List<String> userDepartments(JsonNode user, Set<String> known) {
    List<String> out = new ArrayList<>();
    for (String name : values(user.path("attributes").path(ATTRIBUTE))) if (known.contains(name)) out.add(name);
    out.sort(null);
    return out;
  }

  String invite(NewUser user) {
    ObjectNode body = AdminTransport.JSON.createObjectNode();
    body.put("username", user.email().toLowerCase(java.util.Locale.ROOT));
    body.put("email", user.email());
    if (user.firstName() != null) body.put("firstName", user.firstName());
    if (user.lastName() != null) body.put("lastName", user.lastName());
    body.put("enabled", true);
    if (!user.departmentIds().isEmpty()) {
      body.putObject("attributes").set(ATTRIBUTE, array(names(user.departmentIds())));
    }
    AdminReply reply = transport.send(AdminRequest.post(body, false, "users").accepting(409));
    if (reply.status() == 409) {
      String id = reply.attempts() > 1 ? findByEmail(user.email()) : null;
      if (id == null) {
        throw new PortalException(Kind.CONFLICT, 409, "Keycloak realm '" + realm + "' already has a user with the"
            + " email or username " + user.email() + "; run plan again.");
      }
      return id;
    }
    String location = reply.location();
    if (location != null && location.lastIndexOf('/') >= 0) return location.substring(location.lastIndexOf('/') + 1);
    throw KeycloakErrors.protocol("user creation", "no Location header");
  }

  void update(String userId, UserPatch patch) {
    ObjectNode user = (ObjectNode) transport.get(AdminRequest.get("users", userId));
    if (patch.firstName() != null) user.put("firstName", patch.firstName());
    if (patch.lastName() != null) user.put("lastName", patch.lastName());
    if (patch.status() != null) user.put("enabled", patch.status() != UserStatus.DISABLED);
    if (patch.departmentIds() != null) {
      ObjectNode attributes = user.has("attributes") && user.get("attributes").isObject()
          ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
      if (patch.departmentIds().isEmpty()) attributes.remove(ATTRIBUTE);
      else attributes.set(ATTRIBUTE, array(names(patch.departmentIds())));
    }
    transport.send(AdminRequest.put(user, "users", userId));
  }

  void delete(String userId) {
    transport.send(AdminRequest.delete(null, "users", userId).accepting(404));
  }

  String createDepartment(String parentId, String name) {
    editList(parentId, list -> list.add(name));
    return name;
  }

  void renameDepartment(String parentId, String oldName, String newName) {
    String from = names(List.of(oldName)).get(0);
    editList(parentId, list -> {
      List<String> copy = new ArrayList<>(list);
      list.clear();
      for (String n : copy) list.add(n.equals(from) ? newName : n);
    });
    for (JsonNode u : Paging.all(transport, AdminRequest.get("users").query("q", ATTRIBUTE + ":" + from)
        .query("briefRepresentation", false), page)) {
      ObjectNode user = (ObjectNode) u;
      ObjectNode attributes = (ObjectNode) user.get("attributes");
      Set<String> names = new LinkedHashSet<>();
      for (String n : values(attributes.path(ATTRIBUTE))) names.add(n.equals(from) ? newName : n);
      attributes.set(ATTRIBUTE, array(new ArrayList<>(names)));
      transport.send(AdminRequest.put(user, "users", user.path("id").asText()));
    }
    renamed.put(oldName, newName);
  }

  void deleteDepartment(String parentId, String name) {
    String current = names(List.of(name)).get(0);
    editList(parentId, list -> list.remove(current));
  }

  /** Department ids as names, following renames this client made. */
  private List<String> names(List<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) out.add(renamed.getOrDefault(id, id));
    return out;
  }

  private void editList(String parentId, java.util.function.Consumer<List<String>> edit) {
    if (parentId == null) {
      throw new PortalException(Kind.INVALID, 0, "Departments on Keycloak are kept on the parent group;"
          + " name one with parentGroup= in the portal address.");
    }
    ObjectNode group = (ObjectNode) transport.get(AdminRequest.get("groups", parentId));
    ObjectNode attributes = group.has("attributes") && group.get("attributes").isObject()
        ? (ObjectNode) group.get("attributes") : group.putObject("attributes");
    List<String> list = new ArrayList<>(values(attributes.path(ATTRIBUTE)));
    edit.accept(list);
    attributes.set(ATTRIBUTE, array(list));
    group.remove("subGroups");
    transport.send(AdminRequest.put(group, "groups", parentId));
  }

  private String findByEmail(String email) {
    for (JsonNode u : transport.get(AdminRequest.get("users").query("email", email).query("exact", true))) {
      if (email.equalsIgnoreCase(u.path("email").asText())) return u.path("id").asText();
    }
    return null;
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode a = AdminTransport.JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }
}
