package io.roleform.plan;

import io.roleform.config.ConfigDigest;
import io.roleform.diff.Operation;
import io.roleform.diff.Warning;
import io.roleform.policy.PolicyFinding;
import java.util.List;
import java.util.Objects;

/**
 * A plan is a value: the ordered operations that take the live portal to the desired state, and
 * everything a reviewer and a later apply need to trust it. Renderers only read it; apply carries
 * it out as written. Its JSON form (see {@code PlanJson}) is the saved plan file.
 *
 * <p>The two hashes are values that may be computed late: the {@link Planner} records them
 * without hashing, and they are computed when first read — {@code --format json}, {@code
 * markdown}, {@code --out}, the HTML report and {@code apply --plan} read them; the text plan
 * and {@code apply CONFIG} never do, and so never hash the config or the live state. A command
 * whose output shows them starts them early ({@link ConfigDigest#start}, {@link
 * Fingerprint#start}) so that the hashing overlaps other work. Either way a hash read is the same
 * value, so every output and every saved plan is the same as with eager hashes.
 *
 * @param formatVersion version of the JSON format ({@link #FORMAT_VERSION})
 * @param portal the portal address the plan was made against (never with credentials)
 * @param profile the portal's kind
 * @param configDigest digest of the config files ({@code null} when unknown: a plan read from a file
 *     that has none)
 * @param fingerprint the live state the plan was made from
 * @param options the switches it was made with
 * @param operations the changes, in apply order
 * @param access the effective access each user gains and loses
 * @param warnings unmanaged roles, users in no role ...
 * @param refusals safety limits broken; a plan with any is not applied
 * @param notifications who the portal will notify, and why, when {@code notifyMembers} is on
 * @param policies what the plan does to each broken policy; a plan with any finding that {@link
 *     PolicyFinding#refuses() refuses} is not applied
 * @param expiring memberships that expire within {@link PlanOptions#expiringWithinDays()}
 */
public record Plan(
    int formatVersion,
    String portal,
    String profile,
    ConfigDigest configDigest,
    Fingerprint fingerprint,
    PlanOptions options,
    List<Operation> operations,
    List<AccessChange> access,
    List<Warning> warnings,
    List<Refusal> refusals,
    List<Notification> notifications,
    List<PolicyFinding> policies,
    List<ExpiringAccess> expiring) {

  /**
   * 2: people operations, {@code madeFrom}, policies and expiring access, and {@code external} as a
   * field of its own in the access impact and the notification preview (format 1 wrote
   * {@code "email (external)"} in {@code user}). 1: the first format.
   */
  public static final int FORMAT_VERSION = 2;

  /** A plan whose config digest is known ({@code null}: none). */
  public Plan(int formatVersion, String portal, String profile, String configDigest, Fingerprint fingerprint,
      PlanOptions options, List<Operation> operations, List<AccessChange> access, List<Warning> warnings,
      List<Refusal> refusals, List<Notification> notifications, List<PolicyFinding> policies,
      List<ExpiringAccess> expiring) {
    this(formatVersion, portal, profile, configDigest == null ? null : ConfigDigest.known(configDigest), fingerprint,
        options, operations, access, warnings, refusals, notifications, policies, expiring);
  }

  /** A plan without a notification preview, policy findings or expiring access. */
  public Plan(int formatVersion, String portal, String profile, String configDigest, Fingerprint fingerprint,
      PlanOptions options, List<Operation> operations, List<AccessChange> access, List<Warning> warnings,
      List<Refusal> refusals) {
    this(formatVersion, portal, profile, configDigest, fingerprint, options, operations, access, warnings,
        refusals, List.of(), List.of(), List.of());
  }

  /** This plan with the other's config digest and fingerprint (the same objects, not computed). */
  public Plan withHashesOf(Plan other) {
    return new Plan(formatVersion, portal, profile, other.configDigest, other.fingerprint, options, operations,
        access, warnings, refusals, notifications, policies, expiring);
  }

  /** The config digest (hex), or {@code null} when the plan has none; computed if it is not yet. */
  public String configDigestValue() {
    return configDigest == null ? null : configDigest.value();
  }

  public Plan {
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    Objects.requireNonNull(options, "options == null");
    operations = List.copyOf(operations);
    access = List.copyOf(access);
    warnings = List.copyOf(warnings);
    refusals = List.copyOf(refusals);
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
    policies = policies == null ? List.of() : List.copyOf(policies);
    expiring = expiring == null ? List.of() : List.copyOf(expiring);
  }

  public boolean hasChanges() {
    return !operations.isEmpty();
  }

  /** Whether a safety limit or a policy refuses the plan. */
  public boolean isRefused() {
    return !refusals.isEmpty() || isRefusedByPolicy();
  }

  /** Whether a policy violation the plan introduces or worsens refuses it. */
  public boolean isRefusedByPolicy() {
    return policies.stream().anyMatch(PolicyFinding::refuses);
  }

  /** The names of the policies that refuse the plan, in config order. */
  public List<String> refusingPolicies() {
    return policies.stream().filter(PolicyFinding::refuses).map(PolicyFinding::policy).toList();
  }
}
