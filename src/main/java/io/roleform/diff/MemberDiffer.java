package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Membership changes: one {@link Operation.ChangeMembers} per role whose {@code members} are
 * managed and differ, adds and removes sorted by email. Emails match users case-insensitively; an
 * unknown email is a problem with the nearest live email as hint; a disabled user is allowed but
 * warned about.
 *
 * <p>A pending applier listed as a member is approved ({@link Operation.ApproveApplier}) into the
 * first role (in config order) that lists them, and added to any other role that lists them (the
 * approval runs first). Members a role receives from a deleted role ({@code moveMembersTo}) count
 * as its live members, because deletions run before member changes.
 *
 * <p>A member written {@code {email, until}} whose day has ended ({@link Expiry}) is no longer
 * wanted: if still a member live, it is removed by an operation of its own per role and day, whose
 * reason is "access expired on DAY".
 */
final class MemberDiffer {

  static final Comparator<UserRef> BY_EMAIL =
      Comparator.comparing((UserRef u) -> LiveIndex.key(u.email())).thenComparing(UserRef::email);

  private final DiffContext ctx;

  MemberDiffer(DiffContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param movedIn user ids each role (by lower-cased final name) receives from deleted roles
   * @param invited users this plan invites, by lower-cased email: a role may name them
   */
  List<Operation> diff(Map<String, Set<String>> movedIn, Map<String, UserRef> invited) {
    List<Operation> ops = new ArrayList<>();
    Set<String> approved = new HashSet<>();
    List<DesiredRole> roles = ctx.desired.roles();
    MemberLookup.Resolved[] resolved = MemberLookup.resolve(roles, ctx, movedIn, !invited.isEmpty());
    for (int r = 0; r < roles.size(); r++) {
      DesiredRole d = roles.get(r);
      if (d.members() == null) continue;
      LiveUser[] resolvedUsers = resolved[r].users();
      if (resolved[r].unchanged()) {
        // The no-op case (2,000,000 memberships at XL): only the warnings, in config order.
        if (resolved[r].anyDisabled()) for (LiveUser u : resolvedUsers) disabledWarning(d, u);
        continue;
      }
      LiveRole live = ctx.matching.liveOf(d);
      RoleRef role = new RoleRef(live == null ? null : live.id(), d.name());
      Set<String> current = new HashSet<>(live == null ? Set.of() : ctx.index.membersOf(live));
      current.addAll(movedIn.getOrDefault(LiveIndex.key(d.name()), Set.of()));
      Map<String, LiveUser> wanted = new LinkedHashMap<>(d.members().size() * 2);
      Map<String, LocalDate> expired = new HashMap<>();
      List<UserRef> add = new ArrayList<>();
      for (int i = 0; i < d.members().size(); i++) {
        LocalDate until = d.untilOf(d.members().get(i));
        if (until != null && Expiry.expired(until, ctx.now)) {
          // No longer wanted; an unknown user here is no error (the account may be gone since).
          LiveUser gone = resolvedUsers[i];
          if (gone != null) expired.put(gone.id(), until);
          continue;
        }
        UserRef invitee = invited.isEmpty() ? null : invited.get(LiveIndex.key(d.members().get(i)));
        if (invitee != null && ctx.index.userByEmail(invitee.email()) == null) {
          add.add(invitee);
          continue;
        }
        LiveUser user = resolvedUsers[i];
        if (user == null) {
          unknown(d, i);
          continue;
        }
        disabledWarning(d, user);
        if (user.status() == UserStatus.PENDING && !current.contains(user.id()) && approved.add(user.id())) {
          ops.add(new Operation.ApproveApplier(ref(user), role, "pending applier listed as member"));
          continue;
        }
        wanted.put(user.id(), user);
      }
      int kept = 0;
      for (LiveUser u : wanted.values()) {
        if (current.contains(u.id())) kept++;
        else add.add(ref(u));
      }
      List<UserRef> remove = new ArrayList<>();
      Map<LocalDate, List<UserRef>> removeExpired = new TreeMap<>();
      // Every current member is wanted (the no-op case, 200,000 memberships at L): nothing to remove.
      for (String id : kept == current.size() ? Set.<String>of() : current) {
        if (wanted.containsKey(id)) continue;
        LocalDate until = expired.get(id);
        if (until == null) remove.add(ref(id));
        else removeExpired.computeIfAbsent(until, k -> new ArrayList<>()).add(ref(id));
      }
      if (!add.isEmpty() || !remove.isEmpty()) {
        add.sort(BY_EMAIL);
        remove.sort(BY_EMAIL);
        ops.add(new Operation.ChangeMembers(role, add, remove, "config differs from live"));
      }
      removeExpired.forEach((until, users) -> {
        users.sort(BY_EMAIL);
        ops.add(new Operation.ChangeMembers(role, List.of(), users, Expiry.reason(until)));
      });
    }
    return ops;
  }

  private void disabledWarning(DesiredRole d, LiveUser user) {
    if (user.status() == UserStatus.DISABLED) {
      ctx.warnings.add(new Warning(Warning.Kind.DISABLED_MEMBER,
          "user " + user.email() + " is disabled but listed as a member of " + CodeSpans.code(d.name())));
    }
  }

  private void unknown(DesiredRole d, int i) {
    String email = d.members().get(i);
    ctx.problems.add(Diagnostic.at(d.locationOf("members/" + i),
            "unknown user `" + email + "` (no live user has this email)")
        .withHint(Nearest.hint(email, ctx.index.emailKeys())));
  }

  private UserRef ref(String userId) {
    LiveUser u = ctx.index.userById(userId);
    return u == null ? new UserRef(userId, userId) : ref(u);
  }

  private static UserRef ref(LiveUser u) {
    return new UserRef(u.id(), u.email(), u.external());
  }
}
