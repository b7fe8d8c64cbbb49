package io.roleform.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The desired state: every file of a config merged into one immutable value.
 *
 * <p>A {@code DesiredState} is only ever built from a config that passed validation, so its
 * internal references are consistent (unique names, no {@code copyFrom} cycles ...). References to
 * roles that may exist only in the live portal are checked later, at plan time.
 *
 * @param roles the declared roles, in the order the files were read
 * @param removed the explicit deletions
 * @param order the managed display order, or {@code null} when the order is not managed
 * @param settings portal settings; {@link DesiredSettings#UNMANAGED} when none are named
 * @param configDigest SHA-256 (hex) over the config files in path order (each file's path relative
 *     to the config root, its length and its bytes), recorded in saved plans; computed only when
 *     {@link #digest()} is first called (validate never hashes)
 * @param positions where the values outside roles were written, keyed by their path in the merged
 *     state: {@code "order"}, {@code "order/2"}, {@code "settings"}, {@code "settings/owner"},
 *     {@code "settings/allowView"}, {@code "settings/notifyMembers"}; may be empty. Entries keep
 *     their own ({@link Located}: {@code removed().get(0).locationOf("moveMembersTo")})
 * @param files the display names of the config files read, in path order; may be empty
 * @param people users, departments and appliers (DESIGN.md §7); {@link DesiredPeople#NONE} when
 *     the config names none
 * @param policies the policies the access after apply must keep, in the order the files were read
 */
public record DesiredState(
    List<DesiredRole> roles,
    List<RemovedRole> removed,
    List<String> order,
    DesiredSettings settings,
    ConfigDigest configDigest,
    Map<String, SourcePosition> positions,
    List<String> files,
    DesiredPeople people,
    List<DesiredPolicy> policies) {

  public DesiredState {
    policies = policies == null ? List.of() : List.copyOf(policies);
    roles = List.copyOf(roles);
    removed = List.copyOf(removed);
    order = order == null ? null : List.copyOf(order);
    settings = settings == null ? DesiredSettings.UNMANAGED : settings;
    Objects.requireNonNull(configDigest, "digest == null");
    positions = positions == null ? Map.of() : Map.copyOf(positions);
    files = files == null ? List.of() : List.copyOf(files);
    people = people == null ? DesiredPeople.NONE : people;
  }

  /** A state whose digest is already known. */
  public DesiredState(
      List<DesiredRole> roles,
      List<RemovedRole> removed,
      List<String> order,
      DesiredSettings settings,
      String digest,
      Map<String, SourcePosition> positions,
      List<String> files,
      DesiredPeople people,
      List<DesiredPolicy> policies) {
    this(roles, removed, order, settings, ConfigDigest.known(digest), positions, files, people, policies);
  }

  /**
   * SHA-256 (hex) over the config files in path order (each file's path relative to the config
   * root, its length and its bytes); computed on the first call (or by {@link ConfigDigest#start}).
   */
  public String digest() {
    return configDigest.value();
  }

  /** This state with {@code people} instead of its own. */
  public DesiredState withPeople(DesiredPeople newPeople) {
    return new DesiredState(roles, removed, order, settings, configDigest, positions, files, newPeople, policies);
  }

  /** A state without positions or file names (tests, states not read from files). */
  public DesiredState(
      List<DesiredRole> roles,
      List<RemovedRole> removed,
      List<String> order,
      DesiredSettings settings,
      String digest) {
    this(roles, removed, order, settings, digest, Map.of(), List.of(), DesiredPeople.NONE, List.of());
  }

  /** The position of a value outside roles (see {@link #positions()}), or {@code null}. */
  public SourcePosition positionOf(String path) {
    return positions.get(path);
  }

  /**
   * Where a value outside the entries is ({@code order/3}, {@code settings/owner}): its position
   * ({@code null} when unknown) and its pointer {@code /PATH}. Entries answer for themselves
   * ({@link Located#locationOf}): a removal's {@code moveMembersTo} is {@code
   * removed.get(i).locationOf("moveMembersTo")}.
   */
  public Location locationOf(String path) {
    return new Location(positions.get(path), "/" + path);
  }
}
