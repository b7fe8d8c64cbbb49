package io.roleform.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One department as the config wants it ({@code departments:}). A live department with one of
 * the {@code formerNames} is renamed, keeping its id and its users.
 *
 * @param name the department's name, unique case-insensitively across the config
 * @param formerNames earlier names; never {@code null}
 * @param position where the entry starts
 * @param positions positions of its values ({@code "name"}, {@code "formerNames/0"}); may be empty
 */
public record DesiredDepartment(
    String name, List<String> formerNames, SourcePosition position, Map<String, SourcePosition> positions)
    implements Located {

  public DesiredDepartment {
    Objects.requireNonNull(name, "name == null");
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  /** A department with only a name. Handy in tests. */
  public static DesiredDepartment named(String name) {
    return new DesiredDepartment(name, List.of(), null, Map.of());
  }

  /** The position of a value inside this entry, falling back to the entry's own position. */
  @Override
  public SourcePosition positionOf(String relativePath) {
    return positions.getOrDefault(relativePath, position);
  }

  /** The department in the merged state: {@code /departments/NAME}. */
  @Override
  public Location location() {
    return Location.entry("departments", name, position);
  }
}
