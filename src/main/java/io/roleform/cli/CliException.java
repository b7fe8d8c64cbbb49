package io.roleform.cli;

/**
 * An expected failure of a command: a one-paragraph message for the user and the exit code it maps
 * to. Commands throw it; {@link Cli} prints it and returns the code — the one place where failures
 * become exit codes. Never carries a stack trace to the user.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
