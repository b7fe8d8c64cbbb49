package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
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
  private final List<List<Diagnostic>> listProblems = new ArrayList<>();
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

  /** Adds a document whose roles are read here. */
  void add(ParsedDocument doc) {
    add(doc, DocumentRoles.read(doc));
  }

  /**
   * Adds a document with its roles already read ({@link DocumentRoles#read}, on the file's own
   * thread): the same model and the same problems, in the same order, as {@link #add(ParsedDocument)}.
   */
  void add(ParsedDocument doc, DocumentRoles read) {
    JsonNode root = doc.root();
    if (!root.isObject()) return;
    Iterator<String> names = root.fieldNames();
    if (names.hasNext() && root.has("apiVersion") && !names.next().equals("apiVersion")) {
      problems.add(new Diagnostic(Location.ofKey(doc, "/apiVersion"),
          "`apiVersion` must be the first key of the document", "move `apiVersion: roleform/v1` to the top"));
    }
    problems.addAll(read.problems());
    roles.addAll(read.roles());
    listProblems.addAll(read.listProblems());
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
    return new ConfigModel(roles, listProblems, removed, order, orderSection.position(), settings, settingsPositions,
        people.build(), policies);
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
}
