package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Keycloak group as roleform sees it: the fields a role is made of, mapped from the wire once.
 *
 * @param description the group's own description ({@code ""} when it has none)
 * @param attributes all the group's attributes, sorted by name (kept so that writes preserve them)
 * @param roleNames the names of the catalog-kind roles mapped to the group (realm roles, or the
 *     configured client's roles), sorted; may include roles outside roleform's catalog
 */
record GroupView(String id, String name, String description, Map<String, List<String>> attributes, List<String> roleNames) {

  /** The attribute holding the role's display position. */
  static final String POSITION = "roleform.position";

  GroupView {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    description = description == null ? "" : description;
    Map<String, List<String>> sorted = new TreeMap<>();
    attributes.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    attributes = java.util.Collections.unmodifiableMap(sorted);
    roleNames = roleNames.stream().sorted().toList();
  }

  /** Maps a full group representation ({@code briefRepresentation=false}). */
  static GroupView of(JsonNode group, String clientId) {
    Map<String, List<String>> attributes = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = group.path("attributes").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      List<String> values = new ArrayList<>();
      f.getValue().forEach(v -> values.add(v.asText()));
      attributes.put(f.getKey(), values);
    }
    JsonNode roles = clientId == null ? group.path("realmRoles") : group.path("clientRoles").path(clientId);
    List<String> names = new ArrayList<>();
    roles.forEach(r -> names.add(r.asText()));
    String description = group.path("description").isTextual() ? group.path("description").asText() : "";
    return new GroupView(group.path("id").asText(), group.path("name").asText(), description, attributes, names);
  }

  /** The stored position, or {@code null} when the attribute is absent or not a number. */
  Integer storedPosition() {
    List<String> v = attributes.get(POSITION);
    if (v == null || v.isEmpty()) return null;
    try {
      return Integer.valueOf(v.get(0).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A hash of everything roleform reads from the group (name, description, attributes, mapped
   * roles; not members): equal versions mean an unchanged group.
   */
  String version() {
    StringBuilder b = new StringBuilder();
    b.append(name).append('\0').append(description).append('\0');
    attributes.forEach((k, v) -> b.append(k).append('=').append(String.join("\u0001", v)).append('\0'));
    b.append('\0').append(String.join("\0", roleNames));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  GroupView withName(String n, String d) {
    return new GroupView(id, n, d, attributes, roleNames);
  }

  GroupView withRoles(List<String> names) {
    return new GroupView(id, name, description, attributes, names);
  }

  GroupView withPosition(int position) {
    Map<String, List<String>> a = new TreeMap<>(attributes);
    a.put(POSITION, List.of(Integer.toString(position)));
    return new GroupView(id, name, description, a, roleNames);
  }

  /** The body of a {@code PUT /groups/{id}} that sets name, description and all attributes. */
  ObjectNode toRepresentation() {
    ObjectNode n = AdminTransport.JSON.createObjectNode();
    n.put("name", name);
    n.put("description", description);
    ObjectNode attrs = n.putObject("attributes");
    attributes.forEach((k, v) -> v.forEach(attrs.putArray(k)::add));
    return n;
  }
}
