package io.roleform.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a sandbox portal.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param data SQLite database file, created (with its directory) if absent, or {@code ":memory:"}
 * @param profile one of {@code secure-exchanges}, {@code case-portal}, {@code app-roles}
 * @param tokensFile YAML list of {@code {token, user, scope}}; {@code null} = demo tokens
 * @param faults injected faults; {@code null} = none
 * @param seed seed of every random choice (faults, generated data)
 * @param rateLimit requests per second above which the API answers 429; 0 = unlimited
 * @param generate synthetic data added on first start; {@code null} = none
 * @param verbose log one line per request
 * @param log where log lines go (the CLI passes stderr); never receives a token
 */
public record SandboxOptions(
    int port,
    String data,
    String profile,
    Path tokensFile,
    FaultSpec faults,
    long seed,
    int rateLimit,
    GenerateSpec generate,
    boolean verbose,
    PrintStream log) {

  /** The default port of {@code roleform sandbox}. */
  public static final int DEFAULT_PORT = 7070;

  public SandboxOptions {
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(profile, "profile == null");
    Objects.requireNonNull(log, "log == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range (0..65535)");
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rate limit must be 0 (none) or positive, got " + rateLimit);
    }
  }

  /**
   * Defaults of {@code roleform sandbox}: port 7070, data {@code .roleform/sandbox-PROFILE.db},
   * demo tokens, no faults, seed 1, no rate limit, nothing generated, quiet, log to stderr.
   */
  public static SandboxOptions defaults(String profile) {
    return new SandboxOptions(
        DEFAULT_PORT,
        ".roleform/sandbox-" + profile + ".db",
        profile,
        null,
        null,
        1L,
        0,
        null,
        false,
        System.err);
  }

  /** A copy listening on {@code port}. */
  public SandboxOptions withPort(int port) {
    return new SandboxOptions(port, data, profile, tokensFile, faults, seed, rateLimit, generate, verbose, log);
  }

  /** A copy storing its data in {@code data}. */
  public SandboxOptions withData(String data) {
    return new SandboxOptions(port, data, profile, tokensFile, faults, seed, rateLimit, generate, verbose, log);
  }

  /** A copy that logs to {@code log}. */
  public SandboxOptions withLog(PrintStream log) {
    return new SandboxOptions(port, data, profile, tokensFile, faults, seed, rateLimit, generate, verbose, log);
  }
}
