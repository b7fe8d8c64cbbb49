package io.roleform.portal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a portal offers beyond roles and memberships (DESIGN.md §7). Plan refuses, with a message
 * naming the config value, anything the portal does not offer — before the first write.
 */
public enum PortalFeature {
  /** Users can be invited, renamed, disabled and deleted. */
  USERS,
  /** Users belong to departments, which are managed objects. */
  DEPARTMENTS,
  /** A user is disabled before it can be deleted. */
  DELETE_NEEDS_DISABLE,
  /** Pending appliers can be approved into a role or denied. */
  APPLIERS,
  /** External users of other organisations (collaborators) are members. */
  COLLABORATORS;

  /** The wire name, as in {@code GET /portal}'s {@code features}: {@code delete-needs-disable}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The feature with this wire name, or {@code null} for one this version does not know. */
  public static PortalFeature fromWire(String name) {
    for (PortalFeature f : values()) if (f.wireName().equals(name)) return f;
    return null;
  }

  /**
   * The features of the sandbox profiles, for live states built without a feature list (tests,
   * saved fixtures): {@code case-portal} has departments, {@code app-roles} appliers and
   * collaborators, every profile users; another kind has none.
   */
  public static Set<PortalFeature> defaultsFor(String profile) {
    return switch (profile == null ? "" : profile) {
      case "secure-exchanges" -> EnumSet.of(USERS);
      case "case-portal" -> EnumSet.of(USERS, DEPARTMENTS, DELETE_NEEDS_DISABLE);
      case "app-roles" -> EnumSet.of(USERS, APPLIERS, COLLABORATORS);
      default -> EnumSet.noneOf(PortalFeature.class);
    };
  }
}
