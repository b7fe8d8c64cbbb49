package io.roleform.config;

import java.util.Map;
import java.util.Objects;

/**
 * One named policy of the {@code policies:} section: a rule the access after apply must keep.
 *
 * @param name the policy's name, unique (case-insensitively) across the config; refusals and
 *     warnings name it
 * @param description what the policy is for, or {@code null}
 * @param rule what it demands
 * @param position where the policy's entry starts in the config
 * @param positions positions of its values, keyed by path relative to the entry ({@code "name"},
 *     {@code "exclusive"}, {@code "exclusive/permissions/1"} ...); may be empty
 */
public record DesiredPolicy(
    String name,
    String description,
    PolicyRule rule,
    SourcePosition position,
    Map<String, SourcePosition> positions) implements Located {

  public DesiredPolicy {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(rule, "rule == null");
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  /** The policy in the merged state: {@code /policies/NAME}. */
  @Override
  public Location location() {
    return Location.entry("policies", name, position);
  }

  /** The position of a value inside this policy, falling back to the policy's own position. */
  @Override
  public SourcePosition positionOf(String relativePath) {
    SourcePosition p = positions.get(relativePath);
    return p != null ? p : position;
  }
}
