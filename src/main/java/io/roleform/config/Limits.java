package io.roleform.config;

/**
 * The hard limits that keep loading a hostile config fast and in bounded memory. Every limit, when
 * hit, gives a {@link Diagnostic}; none throws.
 */
final class Limits {
  /**
   * Largest config file read, in bytes; checked before the file is read. 5 MiB (issue #2); a large
   * {@code export} is split into several files, each well under it.
   */
  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
  /**
   * Largest total of all config files, in bytes; checked before any file is read. 256 MiB: the
   * export of an XL portal (500,000 users, 2,000,000 memberships) is about 70 MiB in ~75 files and
   * must load back; memory stays bounded by the streaming of one file at a time per core.
   */
  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
  /** Most config files in one directory tree. */
  static final int MAX_FILES = 10_000;
  /** Deepest nesting of YAML collections. */
  static final int MAX_NESTING = 64;
  /**
   * Most alias uses ({@code *name}) in one file. Sharing a permission list among a thousand roles
   * takes a thousand; more than this is not a config written by hand.
   */
  static final int MAX_ALIASES = 10_000;
  /**
   * Most YAML nodes (scalars, lists, mappings) that expanding aliases and merge keys may add to one
   * file's document, counted as they are expanded: an alias to a list of 20 permissions adds 21. The
   * bound that makes an alias bomb (each level repeating the one before, so the expansion grows
   * exponentially while the text grows linearly) stop after this much work and memory, with one
   * message at the alias where the bound was crossed.
   */
  static final int MAX_ALIAS_EXPANDED_NODES = 100_000;
  /** Longest line, in characters: the YAML scanner's cost grows with the square of a token's length. */
  static final int MAX_LINE_CHARS = 100_000;
  /** Most code points one YAML stream may hold (a little above the byte limit). */
  static final int MAX_CODE_POINTS = (int) MAX_FILE_BYTES + 1024;

  private Limits() {}
}
