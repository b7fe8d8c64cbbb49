package io.roleform.config;

import java.util.Objects;

/**
 * Where a value was written: a file, a 1-based line and a 1-based column.
 *
 * <p>Every value of a {@link DesiredState} keeps one, so that problems found at any later stage
 * (including plan time, against the live portal) can point back at the exact place in the config.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

  public SourcePosition {
    Objects.requireNonNull(file, "file == null");
  }

  /** The form used in every message: {@code FILE:LINE:COL}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
