package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.Warning;
import java.util.List;
import java.util.Objects;

/**
 * A plan is a value: the ordered operations that take the live portal to the desired state, and
 * everything a reviewer and a later apply need to trust it. Renderers only read it; apply carries
 * it out as written. Its JSON form (see {@code PlanJson}) is the saved plan file.
 *
 * @param formatVersion version of the JSON format ({@link #FORMAT_VERSION})
 * @param portal the portal address the plan was made against (never with credentials)
 * @param profile the portal's kind
 * @param configDigest digest of the config files
 * @param fingerprint the live state the plan was made from
 * @param options the switches it was made with
 * @param operations the changes, in apply order
 * @param access the effective access each user gains and loses
 * @param warnings unmanaged roles, users in no role ...
 * @param refusals safety limits broken; a plan with any is not applied
 * @param notifications who the portal will notify, and why, when {@code notifyMembers} is on
 */
public record Plan(
    int formatVersion,
    String portal,
    String profile,
    String configDigest,
    Fingerprint fingerprint,
    PlanOptions options,
    List<Operation> operations,
    List<AccessChange> access,
    List<Warning> warnings,
    List<Refusal> refusals,
    List<Notification> notifications) {

  public static final int FORMAT_VERSION = 1;

  /** A plan without a notification preview. */
  public Plan(int formatVersion, String portal, String profile, String configDigest, Fingerprint fingerprint,
      PlanOptions options, List<Operation> operations, List<AccessChange> access, List<Warning> warnings,
      List<Refusal> refusals) {
    this(formatVersion, portal, profile, configDigest, fingerprint, options, operations, access, warnings,
        refusals, List.of());
  }

  public Plan {
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    Objects.requireNonNull(options, "options == null");
    operations = List.copyOf(operations);
    access = List.copyOf(access);
    warnings = List.copyOf(warnings);
    refusals = List.copyOf(refusals);
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
  }

  public boolean hasChanges() {
    return !operations.isEmpty();
  }

  public boolean isRefused() {
    return !refusals.isEmpty();
  }
}
