package io.roleform.diff;

import io.roleform.config.DesiredSettings;
import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveUser;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Portal settings: one {@link Operation.UpdateSettings} with the changed fields, and a {@link
 * Operation.TransferOwner} when the owner differs (emails compared case-insensitively). Runs after
 * {@link CapabilityCheck}: every setting the config names is one the portal has.
 */
final class SettingsDiffer {

  private final DiffContext ctx;

  SettingsDiffer(DiffContext ctx) {
    this.ctx = ctx;
  }

  List<Operation> diff() {
    DesiredSettings desired = ctx.desired.settings();
    PortalSettings live = ctx.index.live.portal().settings();
    List<Operation> ops = new ArrayList<>(2);
    Change<Boolean> allowView = change(desired.allowView(), live.allowView());
    Change<Boolean> notifyMembers = change(desired.notifyMembers(), live.notifyMembers());
    if (allowView != null || notifyMembers != null) {
      ops.add(new Operation.UpdateSettings(allowView, notifyMembers, "config differs from live"));
    }
    if (desired.owner() != null) {
      LiveUser owner = ctx.index.userByEmail(desired.owner());
      if (owner == null) {
        ctx.problems.add(Diagnostic.at(ctx.desired.locationOf("settings/owner"), "unknown user `" + desired.owner() + "` (no live user has this email)")
            .withHint(Nearest.hint(desired.owner(), ctx.index.emailKeys())));
      } else if (LiveIndex.key(owner.email()).equals(LiveIndex.key(live.owner()))) {
        // already the owner: nothing to do, whatever their status
      } else if (owner.status() == UserStatus.PENDING || owner.external()) {
        ctx.problems.add(Diagnostic.at(ctx.desired.locationOf("settings/owner"), "user " + owner.email() + " cannot own the portal ("
            + (owner.external() ? "an external collaborator" : "a pending applier") + ")"));
      } else {
        LiveUser from = ctx.index.userByEmail(live.owner());
        ops.add(new Operation.TransferOwner(
            from == null ? null : new UserRef(from.id(), from.email()),
            new UserRef(owner.id(), owner.email()),
            "settings.owner differs from live"));
      }
    }
    return ops;
  }

  private static Change<Boolean> change(Boolean desired, Boolean live) {
    if (desired == null || Objects.equals(desired, live)) return null;
    return new Change<>(live, desired);
  }
}
