package io.roleform.cli;

/** The exit codes of every command (DESIGN.md §3). */
public final class ExitCodes {
  /** Success; for plan: no changes (or changes without {@code --detailed-exitcode}). */
  public static final int OK = 0;
  /** Any error: invalid config, portal error, I/O. */
  public static final int ERROR = 1;
  /** plan with {@code --detailed-exitcode}: there are changes. */
  public static final int CHANGES = 2;
  /** The saved plan is stale: the live state changed since it was made. */
  public static final int STALE = 3;
  /** Refused by a safety limit; nothing was written. */
  public static final int REFUSED = 4;

  private ExitCodes() {}
}
