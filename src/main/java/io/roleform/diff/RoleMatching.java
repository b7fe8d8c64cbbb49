package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.Location;
import io.roleform.portal.LiveRole;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each desired role with the live role it manages: by name (case-insensitively), else by one
 * of its {@code formerNames} (a rename, which keeps the role's id and members). A desired role that
 * matches nothing is created.
 *
 * <p>Ambiguities are problems, never guesses: two live roles matching one desired role (by name and
 * by a former name, or by two former names), a former name that is another desired role's live
 * role, or two desired roles claiming the same live role.
 */
final class RoleMatching {

  private final LiveIndex index;
  private final Map<String, DesiredRole> desiredByName = new LinkedHashMap<>();
  private final Map<String, LiveRole> liveByDesiredName = new HashMap<>();
  private final Map<String, DesiredRole> desiredByLiveId = new HashMap<>();

  private RoleMatching(LiveIndex index) {
    this.index = index;
  }

  static RoleMatching match(DesiredState desired, LiveIndex index, List<Diagnostic> problems) {
    RoleMatching m = new RoleMatching(index);
    for (DesiredRole d : desired.roles()) m.desiredByName.put(LiveIndex.key(d.name()), d);
    // Pass 1: by name, so that a former name can be checked against every name match.
    for (DesiredRole d : desired.roles()) {
      List<LiveRole> byName = index.rolesNamed(d.name());
      if (byName.size() > 1) {
        problems.add(
            Diagnostic.at(d.locationOf("name"),
                "ambiguous role: " + byName.size() + " live roles are named `" + d.name()
                    + "` (case-insensitively)"));
      } else if (byName.size() == 1) {
        m.pair(d, byName.get(0));
      }
    }
    // Pass 2: by former names.
    for (DesiredRole d : desired.roles()) {
      for (int i = 0; i < d.formerNames().size(); i++) {
        String former = d.formerNames().get(i);
        Location at = d.locationOf("formerNames/" + i);
        for (LiveRole candidate : index.rolesNamed(former)) {
          DesiredRole owner = m.desiredByLiveId.get(candidate.id());
          LiveRole current = m.liveByDesiredName.get(LiveIndex.key(d.name()));
          if (owner == d) continue; // the same live role, already matched
          if (owner != null) {
            problems.add(
                Diagnostic.at(at,
                    "ambiguous rename: former name `" + former + "` is the live role `"
                        + candidate.name() + "`, which role `" + owner.name() + "` already manages"));
          } else if (current != null) {
            problems.add(
                Diagnostic.at(at,
                    "ambiguous rename: both live roles `" + current.name() + "` and `"
                        + candidate.name() + "` match role `" + d.name() + "`")
                    .withHint("delete one of them (removed:) or drop the former name"));
          } else {
            m.pair(d, candidate);
          }
        }
      }
    }
    return m;
  }

  private void pair(DesiredRole d, LiveRole l) {
    liveByDesiredName.put(LiveIndex.key(d.name()), l);
    desiredByLiveId.put(l.id(), d);
  }

  /** The live role a desired role manages, or {@code null} when the plan creates it. */
  LiveRole liveOf(DesiredRole d) {
    return liveByDesiredName.get(LiveIndex.key(d.name()));
  }

  /** The desired role managing a live role, or {@code null} when the live role is not named. */
  DesiredRole desiredOf(LiveRole l) {
    return desiredByLiveId.get(l.id());
  }

  /**
   * What a role name written in the config refers to: a declared role (by its name), else a live
   * role (by its live name); {@code null} when it exists nowhere.
   */
  RoleTarget resolve(String name) {
    DesiredRole d = desiredByName.get(LiveIndex.key(name));
    if (d != null) return new RoleTarget(d, liveOf(d), d.name());
    List<LiveRole> live = index.rolesNamed(name);
    if (live.size() != 1) return null;
    LiveRole l = live.get(0);
    DesiredRole owner = desiredOf(l);
    return new RoleTarget(owner, l, owner == null ? l.name() : owner.name());
  }
}
