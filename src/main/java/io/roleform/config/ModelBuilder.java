package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the values of every document into one {@link ConfigModel}. Lenient by design: a value of
 * the wrong shape (already reported by the schema) is skipped, so that the cross-file checks still
 * run on everything that is readable. Reports what only a merge can see: {@code order} or
 * {@code settings} declared in more than one document, and {@code apiVersion} not first.
 */
final class ModelBuilder {
  private final List<ConfigModel.Entry<DesiredRole>> roles = new ArrayList<>();
  private final List<ConfigModel.Entry<RemovedRole>> removed = new ArrayList<>();
  private final List<ConfigModel.Entry<DesiredPolicy>> policies = new ArrayList<>();
  private List<ConfigModel.Entry<String>> order;
  private final SingleSection orderSection = new SingleSection("order");
  private DesiredSettings settings = DesiredSettings.UNMANAGED;
  private final SingleSection settingsSection = new SingleSection("settings");
  private final Map<String, SourcePosition> settingsPositions = new HashMap<>();
  private final List<Diagnostic> problems;
  private final PeopleBuilder people;

  ModelBuilder(List<Diagnostic> problems) {
    this.problems = problems;
    this.people = new PeopleBuilder(problems);
  }

  void add(ParsedDocument doc) {
    JsonNode root = doc.root();
    if (!root.isObject()) return;
    Iterator<String> names = root.fieldNames();
    if (names.hasNext() && root.has("apiVersion") && !names.next().equals("apiVersion")) {
      problems.add(new Diagnostic(Location.ofKey(doc, "/apiVersion"),
          "`apiVersion` must be the first key of the document", "move `apiVersion: roleform/v1` to the top"));
    }
    JsonNode rs = root.path("roles");
    for (int i = 0; i < rs.size(); i++) {
      if (rs.isArray()) role(doc, "/roles/" + i, rs.get(i));
    }
    JsonNode rm = root.path("removed");
    for (int i = 0; i < rm.size(); i++) {
      if (rm.isArray()) removed(doc, "/removed/" + i, rm.get(i));
    }
    JsonNode ps = root.path("policies");
    for (int i = 0; i < ps.size(); i++) {
      if (!ps.isArray()) break;
      DesiredPolicy p = PolicyReader.read(doc, "/policies/" + i, ps.get(i), problems);
      if (p != null) policies.add(new ConfigModel.Entry<>(p, doc, "/policies/" + i));
    }
    if (root.path("order").isArray()) order(doc, root.get("order"));
    if (root.path("settings").isObject()) settings(doc, root.get("settings"));
    people.add(doc, root);
  }

  ConfigModel build() {
    return new ConfigModel(roles, removed, order, orderSection.position(), settings, settingsPositions, people.build(),
        policies);
  }

  private void role(ParsedDocument doc, String pointer, JsonNode n) {
    if (!n.path("name").isTextual()) return;
    Map<String, SourcePosition> positions = new HashMap<>();
    Map<String, RolePositions.ListItems> items = new HashMap<>();
    positions.put("name", doc.positionOf(pointer + "/name"));
    String description = text(doc, pointer, n, "description", positions);
    String copyFrom = text(doc, pointer, n, "copyFrom", positions);
    Map<String, LocalDate> until = new HashMap<>(0);
    List<String> permissions = list(doc, pointer, n, "permissions", positions, items);
    // Plain emails take the fast path; a list with {email, until} entries is read item by item.
    List<String> members = hasMappings(n.path("members"))
        ? members(doc, pointer, n, positions, until)
        : list(doc, pointer, n, "members", positions, items);
    List<String> formerNames = list(doc, pointer, n, "formerNames", positions, items);
    List<String> caseActions = list(doc, pointer, n, "caseActions", positions, items);
    DesiredRole role = new DesiredRole(
        n.get("name").asText(),
        description,
        permissions,
        members,
        formerNames,
        copyFrom,
        caseActions,
        until,
        doc.positionOf(pointer),
        new RolePositions(positions, items));
    roles.add(new ConfigModel.Entry<>(role, doc, pointer));
  }

  private void removed(ParsedDocument doc, String pointer, JsonNode n) {
    if (!n.path("name").isTextual()) return;
    JsonNode move = n.path("moveMembersTo");
    Map<String, SourcePosition> positions = new HashMap<>(4);
    positions.put("name", doc.positionOf(pointer + "/name"));
    if (move.isTextual()) positions.put("moveMembersTo", doc.positionOf(pointer + "/moveMembersTo"));
    RemovedRole r = new RemovedRole(n.get("name").asText(), move.isTextual() ? move.asText() : null,
        doc.positionOf(pointer), positions);
    removed.add(new ConfigModel.Entry<>(r, doc, pointer));
  }

  private void order(ParsedDocument doc, JsonNode n) {
    if (!orderSection.declare(doc, problems)) return;
    order = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (n.get(i).isTextual()) {
        String p = "/order/" + i;
        order.add(new ConfigModel.Entry<>(n.get(i).asText(), doc, p));
      }
    }
  }

  private void settings(ParsedDocument doc, JsonNode n) {
    if (!settingsSection.declare(doc, problems)) return;
    settingsPositions.put("settings", settingsSection.position());
    JsonNode owner = n.path("owner");
    JsonNode allowView = n.path("allowView");
    JsonNode notify = n.path("notifyMembers");
    for (String key : List.of("owner", "allowView", "notifyMembers")) {
      if (n.has(key)) settingsPositions.put("settings/" + key, doc.positionOf("/settings/" + key));
    }
    settings = new DesiredSettings(
        owner.isTextual() ? owner.asText() : null,
        allowView.isBoolean() ? allowView.asBoolean() : null,
        notify.isBoolean() ? notify.asBoolean() : null);
  }

  private static String text(ParsedDocument doc, String pointer, JsonNode n, String key,
      Map<String, SourcePosition> positions) {
    JsonNode v = n.path(key);
    if (!v.isTextual()) return null;
    positions.put(key, doc.positionOf(pointer + "/" + key));
    return v.asText();
  }

  private static boolean hasMappings(JsonNode list) {
    if (!list.isArray()) return false;
    for (JsonNode item : list) if (item.isObject()) return true;
    return false;
  }

  /**
   * The {@code members} list: plain emails (the common case, kept on the fast path) and {@code
   * {email, until}} entries, whose end dates go into {@code until} (by lower-cased email).
   */
  private List<String> members(ParsedDocument doc, String pointer, JsonNode n,
      Map<String, SourcePosition> positions, Map<String, LocalDate> until) {
    JsonNode v = n.path("members");
    if (!v.isArray()) return null;
    positions.put("members", doc.positionOf(pointer + "/members"));
    List<String> out = new ArrayList<>(v.size());
    String itemPointer = pointer + "/members/";
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String email;
      if (item.isTextual()) {
        email = item.asText();
      } else if (item.isObject() && item.path("email").isTextual()) {
        email = item.get("email").asText();
        LocalDate date = ExpiringMembers.until(doc, itemPointer + i, item, problems);
        if (date != null) until.putIfAbsent(email.toLowerCase(java.util.Locale.ROOT), date);
      } else {
        continue;
      }
      positions.put("members/" + out.size(), doc.positionOf(itemPointer + i));
      out.add(email);
    }
    return out;
  }

  private static List<String> list(ParsedDocument doc, String pointer, JsonNode n, String key,
      Map<String, SourcePosition> positions, Map<String, RolePositions.ListItems> items) {
    JsonNode v = n.path(key);
    if (!v.isArray()) return null;
    String listPointer = pointer + "/" + key;
    positions.put(key, doc.positionOf(listPointer));
    List<String> out = new ArrayList<>(v.size());
    int[] indexes = null;
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual()) {
        if (indexes == null) {
          indexes = new int[v.size()];
          for (int k = 0; k < out.size(); k++) indexes[k] = k;
        }
        continue;
      }
      if (indexes != null) indexes[out.size()] = i;
      out.add(item.textValue());
    }
    ItemPositions where = doc.items().get(listPointer);
    if (where != null && where.complete()) {
      items.put(key, new RolePositions.ListItems(where, indexes, out.size()));
    } else { // written through an alias, or holding other items: positions one by one
      for (int k = 0; k < out.size(); k++) {
        positions.put(key + "/" + k, doc.positionOf(listPointer + "/" + (indexes == null ? k : indexes[k])));
      }
    }
    return out;
  }
}
