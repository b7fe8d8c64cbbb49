package io.roleform.plan;

import java.util.List;
import java.util.Objects;

/**
 * Compares a saved plan with the plan made again from what it was made from. Apply carries out a
 * saved plan only when its operations, access impact and refusals are identical to the recomputed
 * ones (and the recorded portal, profile, options, config digest and fingerprint agree): an edit of
 * any of them — an operation added, removed, reordered or changed, refusals or access impact
 * emptied — is caught here.
 */
public final class PlanVerification {
  private PlanVerification() {}

  /**
   * Whether {@code saved} agrees with what it says it was made from, before anything is read from
   * the portal: its portal, options and config digest.
   *
   * @return {@code null} when it agrees, else what differs (a phrase)
   */
  public static String checkMadeFrom(Plan saved, MadeFrom madeFrom) {
    if (madeFrom == null) return "it does not carry the config it was made from (made by an older roleform, or edited)";
    if (!Objects.equals(saved.portal(), madeFrom.portal())) return "its portal address differs from the one it was made against";
    if (!Objects.equals(saved.options(), madeFrom.options())) return "its options differ from the ones it was made with";
    if (!Objects.equals(saved.configDigest(), madeFrom.configDigest())) return "its config digest differs from the digest of the config it carries";
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
    if (!Objects.equals(saved.configDigest(), recomputed.configDigest())) return "its config digest differs";
    if (!Objects.equals(saved.fingerprint(), recomputed.fingerprint())) return "its live-state fingerprint differs";
    String ops = listDifference("operation", saved.operations(), recomputed.operations());
    if (ops != null) return ops;
    String access = listDifference("access change", saved.access(), recomputed.access());
    if (access != null) return access;
    return listDifference("refusal", saved.refusals(), recomputed.refusals());
  }

  private static String listDifference(String what, List<?> saved, List<?> recomputed) {
    int n = Math.min(saved.size(), recomputed.size());
    for (int i = 0; i < n; i++) {
      if (!saved.get(i).equals(recomputed.get(i))) return what + " " + (i + 1) + " differs from what planning again gives";
    }
    if (saved.size() != recomputed.size()) {
      return "it has " + saved.size() + " " + what + (saved.size() == 1 ? "" : "s") + " where planning again gives "
          + recomputed.size();
    }
    return null;
  }
}
