package io.roleform.portal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a portal supports, declared by its portal kind (as a Terraform provider declares its
 * schema). The planner checks the desired state against it before anything else, so a config that
 * asks for something this portal lacks is a plan-time problem with its file:line:col, never a
 * failure in the middle of an apply.
 *
 * <p>A client offers a write exactly when its capabilities include the feature or setting behind
 * it ({@link PortalClient#settingsWrites()} ...): there are no writes that only throw.
 *
 * @param settings the portal settings it has (keys of {@code settings:} other than {@code owner})
 * @param features the optional features it has
 * @param concurrency how it detects another writer between plan and apply
 */
public record Capabilities(Set<Setting> settings, Set<Feature> features, Concurrency concurrency) {

  public Capabilities {
    settings = Set.copyOf(settings);
    features = Set.copyOf(features);
    Objects.requireNonNull(concurrency, "concurrency == null");
  }

  /** Roles, permissions, role order and memberships only: what every portal kind has. */
  public static Capabilities core(Concurrency concurrency) {
    return new Capabilities(Set.of(), Set.of(), concurrency);
  }

  /** These capabilities plus {@code more} features. */
  public Capabilities with(Feature... more) {
    Set<Feature> all = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    all.addAll(Set.of(more));
    return new Capabilities(settings, all, concurrency);
  }

  /** These capabilities plus {@code more} settings. */
  public Capabilities with(Setting... more) {
    Set<Setting> all = settings.isEmpty() ? EnumSet.noneOf(Setting.class) : EnumSet.copyOf(settings);
    all.addAll(Set.of(more));
    return new Capabilities(all, features, concurrency);
  }

  public boolean has(Feature feature) {
    return features.contains(feature);
  }

  public boolean has(Setting setting) {
    return settings.contains(setting);
  }

  /** A portal-wide setting, by its key under {@code settings:}. */
  public enum Setting {
    /** Ordinary users can see all roles and members. */
    ALLOW_VIEW("allowView"),
    /** Members are notified of changes. */
    NOTIFY_MEMBERS("notifyMembers");

    private final String key;

    Setting(String key) {
      this.key = key;
    }

    /** The key under {@code settings:} in the config. */
    public String key() {
      return key;
    }
  }

  /**
   * An optional feature. Future portal features (users, departments, deny rules ...) are added here,
   * each with the config keys it guards.
   */
  public enum Feature {
    /** The portal has one owner, and ownership can be transferred ({@code settings.owner}). */
    OWNER_TRANSFER("settings.owner"),
    /** Users can apply for access and wait as pending appliers, approved into a role. */
    APPLIERS("a pending applier as a member"),
    /** Roles holding {@code cases} carry case actions ({@code roles[].caseActions}). */
    CASE_ACTIONS("roles[].caseActions"),
    /** Users can be invited, changed, disabled and deleted ({@code users:}, {@code removedUsers:}). */
    USERS("users: and removedUsers:"),
    /** Users belong to departments, which are managed objects ({@code departments:} ...). */
    DEPARTMENTS("departments: and removedDepartments:"),
    /** A user must be disabled before it can be deleted (plans disable first). */
    DELETE_NEEDS_DISABLE("a user deleted without being disabled first"),
    /** Members from other organisations exist (collaborators, {@code external: true}). */
    COLLABORATORS("external collaborators");

    private final String what;

    Feature(String what) {
      this.what = what;
    }

    /** What in a config needs this feature, for messages. */
    public String what() {
      return what;
    }
  }

  /**
   * How the portal detects that someone else wrote between the read a plan was made from and an
   * apply's writes.
   */
  public enum Concurrency {
    /**
     * One version for the whole portal; every write is conditional on it and the client's own
     * writes chain, so any other writer stops the apply (Portal API v1: {@code If-State-Version}).
     */
    STATE_VERSION,
    /**
     * A version per resource, checked just before a resource is changed; another writer is noticed
     * on the resources this apply touches (Keycloak).
     */
    RESOURCE_VERSION,
    /** None: a concurrent writer is not detected; only the stale-plan check on what was read. */
    NONE
  }
}
