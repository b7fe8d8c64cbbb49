package io.roleform.cli;

import java.io.InputStream;
import java.util.Objects;

/**
 * What the command line knows of the terminal it runs in, injected like the output streams and
 * the environment so that tests run prompts and colour decisions in-process.
 *
 * @param interactive whether a person is at a terminal (colours, and apply may ask to confirm)
 * @param in where answers to prompts are read from
 */
public record Terminal(boolean interactive, InputStream in) {

  public Terminal {
    Objects.requireNonNull(in, "in == null");
  }

  /** The process's own: interactive when it has a console; {@code System.in}. */
  public static Terminal system() {
    return new Terminal(System.console() != null, System.in);
  }

  /** No person at a terminal, nothing to read. */
  public static Terminal none() {
    return new Terminal(false, InputStream.nullInputStream());
  }
}
