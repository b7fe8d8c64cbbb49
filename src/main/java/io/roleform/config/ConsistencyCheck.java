package io.roleform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks across all files that a schema cannot express. Names compare case-insensitively.
 * References to roles the config does not declare are not errors here: such a role may exist in
 * the live portal, which plan checks.
 */
final class ConsistencyCheck {
  private final ConfigModel model;
  private final List<Diagnostic> problems;
  /** Declared roles by lower-cased name (the first declaration wins). */
  private final Map<String, ConfigModel.Entry<DesiredRole>> declared = new LinkedHashMap<>();
  /** Removed roles by lower-cased name (the first entry wins). */
  private final Map<String, ConfigModel.Entry<RemovedRole>> removedByName = new LinkedHashMap<>();

  private ConsistencyCheck(ConfigModel model, List<Diagnostic> problems) {
    this.model = model;
    this.problems = problems;
  }

  static void check(ConfigModel model, List<Diagnostic> problems) {
    ConsistencyCheck c = new ConsistencyCheck(model, problems);
    c.uniqueNames();
    c.removed();
    c.formerNames();
    c.copyFromCycles();
    c.order();
    c.policies();
    // Each role's own lists were checked when it was read, on its file's thread (DocumentRoles).
    for (List<Diagnostic> found : model.listProblems()) problems.addAll(found);
    PeopleCheck.check(model, problems);
  }

  /**
   * The comparison key of a name or email: {@code name.toLowerCase(Locale.ROOT)}. A lower-case
   * ASCII name (every exported email) is its own key, found in one pass over its characters, with
   * no copy; any other goes through {@code toLowerCase} (200,000 members at L: the JDK's per-character
   * case lookup was more than half of the consistency checks' time).
   */
  static String key(String name) {
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) return name.toLowerCase(Locale.ROOT);
    }
    return name;
  }

  private void uniqueNames() {
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) {
      ConfigModel.Entry<DesiredRole> first = declared.putIfAbsent(key(e.value().name()), e);
      if (first != null) {
        problems.add(new Diagnostic(e.locationOf("name"),
            "role `" + e.value().name() + "` is declared twice: also at " + first.position("name")
                + " as `" + first.value().name() + "`",
            "role names are unique, compared case-insensitively; merge the two entries"));
      }
    }
  }

  private void removed() {
    for (ConfigModel.Entry<RemovedRole> e : model.removed()) {
      RemovedRole r = e.value();
      Location at = e.locationOf("name");
      ConfigModel.Entry<RemovedRole> first = removedByName.putIfAbsent(key(r.name()), e);
      if (first != null) {
        problems.add(Diagnostic.at(at, "role `" + r.name()
            + "` is removed twice: also at " + first.position("name")));
      }
      ConfigModel.Entry<DesiredRole> d = declared.get(key(r.name()));
      if (d != null) {
        problems.add(new Diagnostic(at, "role `" + r.name()
            + "` is both removed and declared (at " + d.position("name") + ")",
            "keep it in `roles` or in `removed`, not both"));
      }
    }
    for (ConfigModel.Entry<RemovedRole> e : model.removed()) {
      String move = e.value().moveMembersTo();
      if (move == null) continue;
      ConfigModel.Entry<RemovedRole> target = removedByName.get(key(move));
      if (target != null) {
        problems.add(new Diagnostic(e.locationOf("moveMembersTo"),
            "`moveMembersTo` names `" + move + "`, which is itself removed (at " + target.position("name") + ")",
            "move the members to a role that stays"));
      }
    }
  }

  private void formerNames() {
    Map<String, ConfigModel.Entry<DesiredRole>> formerOwner = new HashMap<>();
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) {
      DesiredRole role = e.value();
      List<String> formers = role.formerNames();
      for (int i = 0; i < formers.size(); i++) {
        String former = formers.get(i);
        Location at = e.locationOf("formerNames/" + i);
        ConfigModel.Entry<DesiredRole> named = declared.get(key(former));
        if (named != null && named != e) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` of role `" + role.name()
              + "` is the name of another role declared at " + named.position("name")));
        } else if (named == e && former.equals(role.name())) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` is the role's own name"));
        }
        ConfigModel.Entry<DesiredRole> other = formerOwner.putIfAbsent(key(former), e);
        if (other != null && other != e) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` of role `" + role.name()
              + "` is also a former name of role `" + other.value().name() + "` (at "
              + other.position("name") + ")"));
        }
        ConfigModel.Entry<RemovedRole> gone = removedByName.get(key(former));
        if (gone != null) {
          problems.add(new Diagnostic(at, "former name `" + former + "` is also in `removed` (at "
              + gone.position("name") + ")", "a role is either renamed or removed, not both"));
        }
      }
    }
  }

  private void copyFromCycles() {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (ConfigModel.Entry<DesiredRole> start : model.roles()) {
      List<ConfigModel.Entry<DesiredRole>> path = new ArrayList<>();
      ConfigModel.Entry<DesiredRole> cur = start;
      while (cur != null && !state.containsKey(key(cur.value().name()))) {
        state.put(key(cur.value().name()), 1);
        path.add(cur);
        String from = cur.value().copyFrom();
        cur = from == null ? null : declared.get(key(from));
      }
      if (cur != null && state.get(key(cur.value().name())) == 1) {
        int i = path.indexOf(cur);
        List<String> names = new ArrayList<>();
        for (ConfigModel.Entry<DesiredRole> p : path.subList(i, path.size())) names.add(p.value().name());
        names.add(cur.value().name());
        problems.add(new Diagnostic(cur.locationOf("copyFrom"),
            "`copyFrom` forms a cycle: " + String.join(" -> ", names),
            "a role can only be copied from a role that does not copy from it"));
      }
      for (ConfigModel.Entry<DesiredRole> p : path) state.put(key(p.value().name()), 2);
    }
  }

  private void order() {
    if (model.order() == null) return;
    Map<String, ConfigModel.Entry<String>> seen = new HashMap<>();
    for (ConfigModel.Entry<String> e : model.order()) {
      ConfigModel.Entry<String> first = seen.putIfAbsent(key(e.value()), e);
      if (first != null) {
        problems.add(Diagnostic.at(e.location(), "`order` names role `" + e.value()
            + "` twice: also at " + first.position()));
      }
      ConfigModel.Entry<RemovedRole> gone = removedByName.get(key(e.value()));
      if (gone != null) {
        problems.add(new Diagnostic(e.location(), "`order` names role `" + e.value()
            + "`, which is removed (at " + gone.position("name") + ")", "drop it from `order`"));
      }
    }
  }

  private void policies() {
    Map<String, ConfigModel.Entry<DesiredPolicy>> seen = new HashMap<>();
    for (ConfigModel.Entry<DesiredPolicy> e : model.policies()) {
      ConfigModel.Entry<DesiredPolicy> first = seen.putIfAbsent(key(e.value().name()), e);
      if (first != null) {
        problems.add(new Diagnostic(e.locationOf("name"),
            "policy `" + e.value().name() + "` is declared twice: also at " + first.position("name"),
            "policy names are unique, compared case-insensitively; rename one"));
      }
    }
  }

  /**
   * The problems of one role's own lists, which depend on that role alone: an item listed twice in
   * {@code members} (emails compare case-insensitively), {@code permissions}, {@code caseActions} or
   * {@code formerNames}, at the second item, naming the first one's line.
   */
  static List<Diagnostic> listProblems(ConfigModel.Entry<DesiredRole> e) {
    DesiredRole r = e.value();
    List<Diagnostic> found = new ArrayList<>(0);
    duplicates(e, "members", r.members(), "member", found);
    duplicates(e, "permissions", r.permissions(), "permission", found);
    duplicates(e, "caseActions", r.caseActions(), "case action", found);
    duplicates(e, "formerNames", r.formerNames(), "former name", found);
    return found;
  }

  private static void duplicates(ConfigModel.Entry<DesiredRole> e, String key, List<String> items, String noun,
      List<Diagnostic> problems) {
    if (items == null || items.size() < 2) return;
    // An open-addressing table of keys and first indexes: no map entry per item (members at L).
    int size = Integer.highestOneBit(items.size() * 2 - 1) << 1; // a power of two, at most half full
    int shift = Integer.numberOfLeadingZeros(size) + 1;
    String[] keys = new String[size];
    int[] firsts = new int[size];
    for (int i = 0; i < items.size(); i++) {
      String k = key(items.get(i));
      int slot = (k.hashCode() * 0x9E3779B9) >>> shift; // Fibonacci hashing: the product's high bits
      while (keys[slot] != null && !keys[slot].equals(k)) slot = (slot + 1) & (size - 1);
      if (keys[slot] == null) {
        keys[slot] = k;
        firsts[slot] = i;
      } else {
        int first = firsts[slot];
        SourcePosition firstAt = e.position(key + "/" + first);
        problems.add(new Diagnostic(e.locationOf(key + "/" + i),
            "duplicate " + noun + " `" + items.get(i) + "` in role `" + e.value().name() + "`",
            "it is already listed at line " + firstAt.line()
                + (key.equals("members") ? " (emails compare case-insensitively)" : "")));
      }
    }
  }
}
