package io.roleform.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a config, as a value: where it is ({@link Location}: file:line:col and the
 * path in the document), what is wrong and, where one helps, a hint ("did you mean `billing`?").
 *
 * <p>Problems are collected and reported all at once; they are never thrown. Printed as
 * {@code FILE:LINE:COL: error: PATH: MESSAGE} with an optional indented {@code hint:} line; a
 * problem inside a value reached through a YAML alias is at the alias's use, and the message names
 * the anchor ({@link SourcePosition#aliasNote()}).
 *
 * <p>Outside this package a diagnostic is made only from a location a value gave ({@link
 * Located#locationOf}, {@link DesiredState#locationOf}, {@link DesiredPeople#locationOf}): no
 * checker composes a position and a pointer by hand.
 *
 * @param location where the problem is; {@link Location#NONE} when it concerns no single place (for
 *     example a config directory with no files)
 * @param message what is wrong, one sentence without a trailing period
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(Location location, String message, String hint) {

  /** Sorts by file, then line, then column; problems with no position come first. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::position, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Diagnostic::path)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    location = location == null ? Location.NONE : location;
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * A problem the YAML reader found at {@code position}, named by {@code path} in its document
   * (package-private: every other maker has a {@link Location}).
   */
  Diagnostic(SourcePosition position, String path, String message, String hint) {
    this(new Location(position, path), message, hint);
  }

  /** A problem at {@code location}, with no hint. */
  public static Diagnostic at(Location location, String message) {
    return new Diagnostic(location, message, null);
  }

  /** Where the problem is, or {@code null} when it concerns no single place. */
  public SourcePosition position() {
    return location.position();
  }

  /** The path in the document, as a JSON pointer such as {@code /roles/2/permissions/0}, or {@code ""}. */
  public String path() {
    return location.pointer();
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(location, message, newHint);
  }

  /** The one-or-two-line text form: {@code FILE:LINE:COL: error: PATH: MESSAGE}. */
  public String format() {
    SourcePosition position = position();
    String path = path();
    StringBuilder sb = new StringBuilder();
    sb.append(position == null ? "roleform" : position.toString()).append(": error: ");
    if (!path.isEmpty()) sb.append(path).append(": ");
    sb.append(message);
    if (position != null) sb.append(position.aliasNote());
    if (hint != null) sb.append(System.lineSeparator()).append("    hint: ").append(hint);
    return sb.toString();
  }
}
