package io.roleform.plan;

import io.roleform.config.ConfigDigest;
import io.roleform.diff.Warning;
import io.roleform.policy.PolicyFinding;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Objects;

/**
 * Compares a saved plan with the plan made again from what it was made from. Apply carries out a
 * saved plan only when everything it says about this apply is identical to the recomputed plan:
 * its operations, access impact, refusals, policy findings (refusing and warning ones), warnings
 * and notification preview (and the recorded portal, profile, options, config digest and
 * fingerprint agree). An edit of any of them — an operation added, removed, reordered or changed,
 * refusals or access impact emptied, a policy warning deleted — is caught here, and so is a plan
 * that would come out differently now (a policy finding that appeared since review).
 *
 * <p>Not compared: the expiring-access forecast ({@link Plan#expiring()}), which lists memberships
 * ending within some days <em>of the day the plan was made</em> and changes nothing apply does. A
 * plan reviewed one day and applied the next would otherwise always be refused. An expiry that
 * takes effect in between is an operation and an access change, and those are compared.
 */
public final class PlanVerification {
  private PlanVerification() {}

  /**
   * Whether {@code saved} agrees with what it says it was made from, before anything is read from
   * the portal: its portal, options and config digest.
   *
   * @param carried the digest of the config {@code madeFrom} carries ({@link ConfigDigest#of} its
   *     {@link MadeFrom#sources()}); {@code apply --plan} loads that config with this same digest
   *     ({@code ConfigLoader.load(files, origin, variables, digest)}), so the config is hashed once
   * @return {@code null} when it agrees, else what differs (a phrase)
   */
  public static String checkMadeFrom(Plan saved, MadeFrom madeFrom, ConfigDigest carried) {
    if (madeFrom == null) return "it does not carry the config it was made from (made by an older roleform, or edited)";
    if (!Objects.equals(saved.portal(), madeFrom.portal())) return "its portal address differs from the one it was made against";
    if (!Objects.equals(saved.options(), madeFrom.options())) return "its options differ from the ones it was made with";
    if (!Objects.equals(saved.configDigestValue(), carried.value())) return "its config digest differs from the digest of the config it carries";
    return null;
  }

  /**
   * Whether {@code saved} is what planning again gave.
   *
   * @param recomputed the plan made again, redacted the same way as the saved one
   * @return {@code null} when they are identical, else what differs first (a phrase)
   */
  public static String difference(Plan saved, Plan recomputed) {
    if (!Objects.equals(saved.profile(), recomputed.profile())) return "its portal profile differs";
    if (!Objects.equals(saved.configDigestValue(), recomputed.configDigestValue())) return "its config digest differs";
    if (!Objects.equals(saved.fingerprint(), recomputed.fingerprint())) return "its live-state fingerprint differs";
    String ops = listDifference("operation", saved.operations(), recomputed.operations());
    if (ops != null) return ops;
    String access = listDifference("access change", saved.access(), recomputed.access());
    if (access != null) return access;
    String refusals = listDifference("refusal", saved.refusals(), recomputed.refusals());
    if (refusals != null) return refusals;
    String policies = listDifference("policy finding", saved.policies(), recomputed.policies(),
        PlanVerification::describePolicy);
    if (policies != null) return policies;
    String warnings = listDifference("warning", saved.warnings(), recomputed.warnings(),
        PlanVerification::describeWarning);
    if (warnings != null) return warnings;
    return listDifference("notification", saved.notifications(), recomputed.notifications(),
        PlanVerification::describeNotification);
  }

  private static String listDifference(String what, List<?> saved, List<?> recomputed) {
    return listDifference(what, saved, recomputed, null);
  }

  /**
   * The first difference between two lists, as a phrase; with {@code describe}, the differing
   * entries are named ({@code (saved: …; now: …)}).
   */
  private static <T> String listDifference(String what, List<? extends T> saved, List<? extends T> recomputed,
      Function<T, String> describe) {
    int n = Math.min(saved.size(), recomputed.size());
    for (int i = 0; i < n; i++) {
      if (!saved.get(i).equals(recomputed.get(i))) {
        return what + " " + (i + 1) + " differs from what planning again gives"
            + (describe == null ? "" : " (saved: " + describe.apply(saved.get(i)) + "; now: "
                + describe.apply(recomputed.get(i)) + ")");
      }
    }
    if (saved.size() != recomputed.size()) {
      String phrase = "it has " + saved.size() + " " + what + (saved.size() == 1 ? "" : "s")
          + " where planning again gives " + recomputed.size();
      if (describe == null) return phrase;
      List<? extends T> longer = saved.size() > recomputed.size() ? saved : recomputed;
      return phrase + " (" + describe.apply(longer.get(n)) + ")";
    }
    return null;
  }

  private static String describePolicy(PolicyFinding f) {
    return "policy " + f.policy() + ", " + f.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String describeWarning(Warning w) {
    return w.kind().id() + ": " + w.message();
  }

  private static String describeNotification(Notification m) {
    return m.user() + ", " + m.reason().words();
  }
}
