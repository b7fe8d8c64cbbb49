package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles of one document, read on the thread that parsed and schema-checked its file (files are
 * read in parallel; {@link ModelBuilder} then adds documents strictly in path order). The roles hold
 * most of a large config's values (200,000 members at L), so reading them here, not in the merge,
 * takes most of the model's work off the single-threaded end of loading. Lenient like {@link
 * ModelBuilder}: a value of the wrong shape (already reported by the schema) is skipped.
 *
 * @param roles the roles with a textual name, in document order
 * @param problems what reading them found (a {@code until} date not in the calendar), in the order
 *     found
 * @param listProblems for each role of {@code roles}, the problems of its lists ({@link
 *     ConsistencyCheck#listProblems}: duplicates), which depend on the role alone
 */
record DocumentRoles(List<ConfigModel.Entry<DesiredRole>> roles, List<Diagnostic> problems,
    List<List<Diagnostic>> listProblems) {

  /** Reads the {@code roles} of {@code doc}. */
  static DocumentRoles read(ParsedDocument doc) {
    List<ConfigModel.Entry<DesiredRole>> roles = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>(0);
    List<List<Diagnostic>> listProblems = new ArrayList<>();
    JsonNode root = doc.root();
    JsonNode rs = root.isObject() ? root.path("roles") : null;
    if (rs != null && rs.isArray()) {
      for (int i = 0; i < rs.size(); i++) {
        ConfigModel.Entry<DesiredRole> e = role(doc, "/roles/" + i, rs.get(i), problems);
        if (e == null) continue;
        roles.add(e);
        listProblems.add(ConsistencyCheck.listProblems(e));
      }
    }
    return new DocumentRoles(roles, problems, listProblems);
  }

  private static ConfigModel.Entry<DesiredRole> role(ParsedDocument doc, String pointer, JsonNode n,
      List<Diagnostic> problems) {
    if (!n.path("name").isTextual()) return null;
    Map<String, SourcePosition> positions = new HashMap<>();
    Map<String, RolePositions.ListItems> items = new HashMap<>();
    positions.put("name", doc.positionOf(pointer + "/name"));
    String description = doc.text(pointer, n, "description", positions);
    String copyFrom = doc.text(pointer, n, "copyFrom", positions);
    Map<String, LocalDate> until = new HashMap<>(0);
    List<String> permissions = list(doc, pointer, n, "permissions", positions, items);
    // Plain emails take the fast path; a list with {email, until} entries is read item by item.
    List<String> members = hasMappings(n.path("members"))
        ? members(doc, pointer, n, positions, until, problems)
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
    return new ConfigModel.Entry<>(role, doc, pointer);
  }

  private static boolean hasMappings(JsonNode list) {
    if (!list.isArray()) return false;
    for (int i = 0, n = list.size(); i < n; i++) if (list.get(i).isObject()) return true;
    return false;
  }

  /**
   * The {@code members} list: plain emails (the common case, kept on the fast path) and {@code
   * {email, until}} entries, whose end dates go into {@code until} (by lower-cased email).
   */
  private static List<String> members(ParsedDocument doc, String pointer, JsonNode n,
      Map<String, SourcePosition> positions, Map<String, LocalDate> until, List<Diagnostic> problems) {
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
