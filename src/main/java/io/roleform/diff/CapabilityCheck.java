package io.roleform.diff;

import io.roleform.config.DesiredPeople;
import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredSettings;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.portal.Capabilities;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.Capabilities.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The first check of a plan: does the portal support everything the desired state asks for? Each
 * field the portal's {@link Capabilities} lack is one problem at the field's file:line:col, and
 * nothing is diffed while there is any (so no later step meets an unsupported field).
 *
 * <p>Checked: {@code settings.owner} (owner transfer), each other {@code settings} key, a
 * non-empty {@code caseActions} of a role, {@code users:} / {@code removedUsers:} / {@code
 * --prune-users} (users), {@code departments:} / {@code removedDepartments:} / a user's {@code
 * departments} (departments) and {@code appliers:} (appliers). An empty or absent value asks for
 * nothing and is always accepted.
 */
final class CapabilityCheck {

  private CapabilityCheck() {}

  static List<Diagnostic> problems(DesiredState desired, Capabilities capabilities, String profile) {
    return problems(desired, capabilities, profile, false);
  }

  /** @param pruneUsers whether {@code --prune-users} asks to manage every user */
  static List<Diagnostic> problems(DesiredState desired, Capabilities capabilities, String profile,
      boolean pruneUsers) {
    List<Diagnostic> problems = new ArrayList<>();
    people(desired.people(), capabilities, profile, pruneUsers, problems);
    DesiredSettings settings = desired.settings();
    if (settings.owner() != null && !capabilities.has(Feature.OWNER_TRANSFER)) {
      problems.add(unsupportedSetting(desired, "owner", profile));
    }
    if (settings.allowView() != null && !capabilities.has(Setting.ALLOW_VIEW)) {
      problems.add(unsupportedSetting(desired, Setting.ALLOW_VIEW.key(), profile));
    }
    if (settings.notifyMembers() != null && !capabilities.has(Setting.NOTIFY_MEMBERS)) {
      problems.add(unsupportedSetting(desired, Setting.NOTIFY_MEMBERS.key(), profile));
    }
    if (!capabilities.has(Feature.CASE_ACTIONS)) {
      for (DesiredRole role : desired.roles()) {
        if (role.caseActions() != null && !role.caseActions().isEmpty()) {
          problems.add(Diagnostic.at(role.locationOf("caseActions"),
              "case actions are not supported by this portal kind (" + profile + ")"));
        }
      }
    }
    return problems;
  }

  private static void people(DesiredPeople people, Capabilities capabilities, String profile, boolean pruneUsers,
      List<Diagnostic> problems) {
    if (people.isEmpty() && !pruneUsers) return;
    boolean namesUsers = !people.users().isEmpty() || !people.removedUsers().isEmpty() || pruneUsers;
    if (namesUsers && !capabilities.has(Feature.USERS)) {
      problems.add(Diagnostic.at(people.usersLocation(),
          "users are not supported by this portal kind (" + profile + "): roleform cannot invite, change or delete them"));
    }
    if (people.namesDepartments() && !capabilities.has(Feature.DEPARTMENTS)) {
      problems.add(Diagnostic.at(people.departmentsLocation(), "departments are not supported by this portal kind ("
          + profile + ")"));
    }
    if (!people.appliers().isUnmanaged() && !capabilities.has(Feature.APPLIERS)) {
      problems.add(Diagnostic.at(people.locationOf("appliers"),
          "this portal kind (" + profile + ") has no pending appliers to deny"));
    }
  }

  private static Diagnostic unsupportedSetting(DesiredState desired, String key, String profile) {
    return Diagnostic.at(desired.locationOf("settings/" + key),
        "`" + key + "` is not supported by this portal kind (" + profile + ")");
  }
}
