package io.roleform.portal.http;

import io.roleform.portal.Capabilities;
import io.roleform.portal.Capabilities.Concurrency;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.Capabilities.Setting;

/**
 * What a Portal API v1 portal supports, by the profile {@code GET /portal} names (DESIGN.md §1):
 * every profile has pending appliers, users roleform may invite, change and delete, and a state
 * version; {@code case-portal} has case actions and departments, and deletes a user only once
 * disabled; {@code app-roles} has an owner, collaborators and the {@code allowView} / {@code
 * notifyMembers} settings (as {@code GET /portal}'s {@code features} also say). A
 * profile this table does not know gets what every profile has.
 */
public final class PortalApiCapabilities {

  private PortalApiCapabilities() {}

  /** The capabilities of a Portal API v1 portal with this profile. */
  public static Capabilities of(String profile) {
    Capabilities base = Capabilities.core(Concurrency.STATE_VERSION).with(Feature.APPLIERS, Feature.USERS);
    return switch (profile) {
      case "case-portal" -> base.with(Feature.CASE_ACTIONS, Feature.DEPARTMENTS, Feature.DELETE_NEEDS_DISABLE);
      case "app-roles" -> base.with(Feature.OWNER_TRANSFER, Feature.COLLABORATORS)
          .with(Setting.ALLOW_VIEW, Setting.NOTIFY_MEMBERS);
      default -> base;
    };
  }
}
