package io.roleform.render;

import io.roleform.plan.Notification;
import java.util.List;
import java.util.stream.Collectors;

/** The words of a notification preview entry, shared by the text and Markdown plans. */
final class Notifications {

  private Notifications() {}

  /** {@code added to "Editors"}, {@code removed from "Viewers"}, {@code role changed: "A" -> "B"}. */
  static String why(Notification n) {
    return switch (n.reason()) {
      case ADDED -> "added to " + roles(n.added());
      case REMOVED -> "removed from " + roles(n.removed());
      case ROLE_CHANGED -> "role changed: " + roles(n.removed()) + " -> " + roles(n.added());
    };
  }

  private static String roles(List<String> names) {
    return names.stream().map(Text::quote).collect(Collectors.joining(", "));
  }
}
