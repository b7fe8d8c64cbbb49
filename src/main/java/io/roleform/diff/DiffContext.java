package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;

import io.roleform.portal.LiveRole;
import java.util.ArrayList;
import java.util.List;

/**
 * What every step of one diff shares: the inputs, the lookups and role matching built from them,
 * and the collectors for problems and warnings. Lives for one {@link Diff#compute} call only.
 */
final class DiffContext {

  final DesiredState desired;
  final LiveIndex index;
  /** Delete live roles the config does not name (--prune). */
  final boolean prune;
  final List<Diagnostic> problems = new ArrayList<>();
  final List<Warning> warnings = new ArrayList<>();
  /** Informational lines, not warnings: shown only with {@code --verbose} (see {@link DiffResult#notes}). */
  final List<String> notes = new ArrayList<>();
  final RoleMatching matching;

  DiffContext(DesiredState desired, LiveIndex index, boolean prune) {
    this.desired = desired;
    this.index = index;
    this.prune = prune;
    this.matching = RoleMatching.match(desired, index, problems);
  }

  /** Every role name the config could mean: declared names and live names. */
  List<String> roleNames() {
    List<String> names = new ArrayList<>();
    for (DesiredRole d : desired.roles()) names.add(d.name());
    for (LiveRole l : index.live.roles()) names.add(l.name());
    return names;
  }
}
