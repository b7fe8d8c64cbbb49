package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code users}, {@code removedUsers}, {@code departments}, {@code removedDepartments} and
 * {@code appliers} of every document into one {@link PeopleModel}. Lenient like {@link
 * ModelBuilder}: a value of the wrong shape (already reported by the schema) is skipped. Reports
 * {@code appliers} declared in more than one document.
 */
final class PeopleBuilder {
  private final List<ConfigModel.Entry<DesiredUser>> users = new ArrayList<>();
  private final List<ConfigModel.Entry<String>> removedUsers = new ArrayList<>();
  private final List<ConfigModel.Entry<DesiredDepartment>> departments = new ArrayList<>();
  private final List<ConfigModel.Entry<String>> removedDepartments = new ArrayList<>();
  private final List<ConfigModel.Entry<String>> deny = new ArrayList<>();
  private ConfigModel.Entry<DesiredAppliers> appliers;
  private final SingleSection appliersSection = new SingleSection("appliers");
  private final List<Diagnostic> problems;

  PeopleBuilder(List<Diagnostic> problems) {
    this.problems = problems;
  }

  void add(ParsedDocument doc, JsonNode root) {
    JsonNode us = root.path("users");
    if (us.isArray()) for (int i = 0; i < us.size(); i++) user(doc, "/users/" + i, us.get(i));
    strings(doc, root.path("removedUsers"), "/removedUsers/", removedUsers);
    JsonNode ds = root.path("departments");
    if (ds.isArray()) for (int i = 0; i < ds.size(); i++) department(doc, "/departments/" + i, ds.get(i));
    strings(doc, root.path("removedDepartments"), "/removedDepartments/", removedDepartments);
    if (root.path("appliers").isObject()) appliers(doc, root.get("appliers"));
  }

  PeopleModel build() {
    if (users.isEmpty() && removedUsers.isEmpty() && departments.isEmpty() && removedDepartments.isEmpty()
        && appliers == null) {
      return PeopleModel.NONE;
    }
    return new PeopleModel(users, removedUsers, departments, removedDepartments, appliers, deny);
  }

  private void user(ParsedDocument doc, String pointer, JsonNode n) {
    if (!n.path("email").isTextual()) return;
    Map<String, SourcePosition> positions = new HashMap<>();
    positions.put("email", doc.positionOf(pointer + "/email"));
    DesiredUser u = new DesiredUser(
        n.get("email").asText(),
        doc.text(pointer, n, "firstName", positions),
        doc.text(pointer, n, "lastName", positions),
        list(doc, pointer, n, "departments", positions),
        doc.text(pointer, n, "status", positions),
        bool(doc, pointer, n, "external", positions),
        doc.positionOf(pointer),
        positions);
    users.add(new ConfigModel.Entry<>(u, doc, pointer));
  }

  private void department(ParsedDocument doc, String pointer, JsonNode n) {
    if (!n.path("name").isTextual()) return;
    Map<String, SourcePosition> positions = new HashMap<>();
    positions.put("name", doc.positionOf(pointer + "/name"));
    List<String> formers = list(doc, pointer, n, "formerNames", positions);
    departments.add(new ConfigModel.Entry<>(
        new DesiredDepartment(n.get("name").asText(), formers, doc.positionOf(pointer), positions), doc, pointer));
  }

  private void appliers(ParsedDocument doc, JsonNode n) {
    if (!appliersSection.declare(doc, problems)) return;
    strings(doc, n.path("deny"), "/appliers/deny/", deny);
    JsonNode unlisted = n.path("denyUnlisted");
    List<String> emails = deny.stream().map(ConfigModel.Entry::value).toList();
    appliers = new ConfigModel.Entry<>(
        new DesiredAppliers(emails, unlisted.isBoolean() ? unlisted.asBoolean() : null), doc, "/appliers");
  }

  private static void strings(ParsedDocument doc, JsonNode v, String pointer, List<ConfigModel.Entry<String>> into) {
    if (!v.isArray()) return;
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i).isTextual()) into.add(new ConfigModel.Entry<>(v.get(i).asText(), doc, pointer + i));
    }
  }

  private static Boolean bool(ParsedDocument doc, String pointer, JsonNode n, String key,
      Map<String, SourcePosition> positions) {
    JsonNode v = n.path(key);
    if (!v.isBoolean()) return null;
    positions.put(key, doc.positionOf(pointer + "/" + key));
    return v.asBoolean();
  }

  private static List<String> list(ParsedDocument doc, String pointer, JsonNode n, String key,
      Map<String, SourcePosition> positions) {
    JsonNode v = n.path(key);
    if (!v.isArray()) return null;
    positions.put(key, doc.positionOf(pointer + "/" + key));
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) continue;
      positions.put(key + "/" + out.size(), doc.positionOf(pointer + "/" + key + "/" + i));
      out.add(v.get(i).asText());
    }
    return out;
  }
}
