package io.roleform.config;

import java.util.Objects;

/**
 * Where a value was written: a file, a 1-based line and a 1-based column — and, for a value reached
 * through a YAML alias ({@code *name}), the anchor ({@code &name}) it came from.
 *
 * <p>Every value of a {@link DesiredState} keeps one, so that problems found at any later stage
 * (including plan time, against the live portal) can point back at the exact place in the config.
 * A value inside an aliased node points at the alias's use (the place that put it in the document),
 * and {@link #anchor()} names the anchor, so a message says both where and through what.
 *
 * @param anchor the anchor of the alias this value was reached through, or {@code null} for a value
 *     written where it is
 */
public record SourcePosition(String file, int line, int column, Anchor anchor)
    implements Comparable<SourcePosition> {

  /**
   * The anchor ({@code &name}) of an alias: its name and where it is written (same file).
   *
   * @param name the anchor's name, without {@code &}
   * @param line 1-based line of the anchored value
   * @param column 1-based column of the anchored value
   */
  public record Anchor(String name, int line, int column) {
    public Anchor {
      Objects.requireNonNull(name, "name == null");
    }
  }

  public SourcePosition {
    Objects.requireNonNull(file, "file == null");
  }

  /** A position written where it is (not reached through an alias). */
  public SourcePosition(String file, int line, int column) {
    this(file, line, column, null);
  }

  /** The form used in every message: {@code FILE:LINE:COL}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  /**
   * The words a message adds for a value reached through an alias, starting with a space, such as
   * {@code  (through alias `*perms`; anchor `&perms` is at line 3, column 16)}; empty otherwise.
   */
  public String aliasNote() {
    if (anchor == null) return "";
    return " (through alias `*" + anchor.name() + "`; anchor `&" + anchor.name() + "` is at line "
        + anchor.line() + ", column " + anchor.column() + ")";
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
