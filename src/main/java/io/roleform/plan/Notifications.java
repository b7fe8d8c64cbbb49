package io.roleform.plan;

import io.roleform.config.DesiredState;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notification preview: when {@code notifyMembers} is on once the plan has run (the desired
 * setting, else the live one), every member who joins or leaves a role — through member changes,
 * approvals, a role deleted with or without {@code moveMembersTo}, or a user deleted, as the
 * {@link AfterState} records them ({@link AfterState#moves}) — gets one entry saying why. Sorted by
 * email. Empty when notifications are off.
 */
final class Notifications {

  private Notifications() {}

  static List<Notification> preview(DesiredState desired, LiveState live, AfterState after) {
    Boolean wanted = desired.settings().notifyMembers();
    boolean on = wanted != null ? wanted : Boolean.TRUE.equals(live.portal().settings().notifyMembers());
    if (!on || after.moves.isEmpty()) return List.of();
    Map<String, TreeSet<String>> added = new TreeMap<>();
    Map<String, TreeSet<String>> removed = new TreeMap<>();
    Map<String, AfterState.Move> shown = new HashMap<>();
    for (AfterState.Move m : after.moves) {
      String key = m.user().email().toLowerCase(Locale.ROOT);
      shown.putIfAbsent(key, m);
      (m.joins() ? added : removed).computeIfAbsent(key, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(m.role());
    }
    List<Notification> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(added.keySet());
    keys.addAll(removed.keySet());
    for (String key : keys) {
      TreeSet<String> a = added.getOrDefault(key, new TreeSet<>());
      TreeSet<String> r = removed.getOrDefault(key, new TreeSet<>());
      Notification.Reason reason = a.isEmpty() ? Notification.Reason.REMOVED
          : r.isEmpty() ? Notification.Reason.ADDED : Notification.Reason.ROLE_CHANGED;
      AfterState.Move first = shown.get(key);
      out.add(new Notification(first.user().email(), first.user().external(), reason, List.copyOf(a), List.copyOf(r)));
    }
    return out;
  }
}
