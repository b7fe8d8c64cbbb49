package io.roleform.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a config value is: its {@link SourcePosition} (file, line, column, and the anchor of an
 * alias it was reached through) and the JSON pointer that names it. The one value every {@link
 * Diagnostic} is made from.
 *
 * <p>Locations are made by the loader and by the desired-state values it builds ({@link Located}),
 * never composed by a checker: a checker asks the value ({@code role.locationOf("members/3")}). The
 * values store positions compactly (a large config has 200,000+ members, see {@link
 * ItemPositions}), so a {@code Location} is made only when one is asked for.
 *
 * <p>Two pointer forms exist, each written in one place. While a config is read, values are named
 * by their pointer in their own document ({@code /roles/2/members/3} in {@code FILE}). In the merged
 * {@link DesiredState}, which later stages check against the live portal, entries are named by
 * their key ({@code /roles/Billing/members/3}, {@code /users/ana@acme.example/status}, {@code
 * /removed/Interns/moveMembersTo}, {@code /policies/NAME/...}) and the rest by their path ({@code
 * /order/3}, {@code /settings/owner}); names are escaped as RFC 6901 says ({@code ~} as {@code ~0},
 * {@code /} as {@code ~1}).
 *
 * @param position where the value was written, or {@code null} when the problem concerns no single
 *     place (a config directory with no files) or the state was not read from files
 * @param pointer the JSON pointer naming the value, {@code ""} for the document itself
 */
public record Location(SourcePosition position, String pointer) {

  /** No place at all: no position, the empty pointer. */
  public static final Location NONE = new Location(null, "");

  public Location {
    Objects.requireNonNull(pointer, "pointer == null");
  }

  /** The value at {@code pointer} in {@code doc} (or its nearest ancestor with a position). */
  static Location of(ParsedDocument doc, String pointer) {
    return new Location(doc.positionOf(pointer), pointer);
  }

  /** The key naming the value at {@code pointer} in {@code doc} (the value's position if none). */
  static Location ofKey(ParsedDocument doc, String pointer) {
    return new Location(doc.keyPositionOf(pointer), pointer);
  }

  /** The start of a file, for a problem with the file as a whole. */
  static Location fileStart(String file) {
    return new Location(new SourcePosition(file, 1, 1), "");
  }

  /** An entry of a merged section named by its key: {@code /SECTION/KEY} (the key escaped). */
  static Location entry(String section, String key, SourcePosition position) {
    return new Location(position, "/" + section + "/" + escape(key));
  }

  /**
   * A value inside this one, at {@code relative} (a pointer fragment such as {@code members/3}),
   * written at {@code at}; at this location's position when {@code at} is {@code null}.
   */
  Location child(String relative, SourcePosition at) {
    return new Location(at != null ? at : position, relative.isEmpty() ? pointer : pointer + "/" + relative);
  }

  /** This location with {@code f} applied to its texts (the file name and the pointer). */
  public Location mapText(UnaryOperator<String> f) {
    SourcePosition p = position == null ? null
        : new SourcePosition(f.apply(position.file()), position.line(), position.column(), position.anchor());
    return new Location(p, f.apply(pointer));
  }

  /** One step of a JSON pointer, escaped as RFC 6901 says. */
  static String escape(String step) {
    return step.replace("~", "~0").replace("/", "~1");
  }
}
