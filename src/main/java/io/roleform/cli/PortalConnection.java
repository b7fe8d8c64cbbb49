package io.roleform.cli;

import io.roleform.portal.ConnectOptions;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalAddressException;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * The command line's side of opening a portal: the address from {@code --portal} or {@code
 * ROLEFORM_PORTAL_URL}, the connection flags as {@link ConnectOptions}, and every failure as a
 * one-paragraph {@link CliException}. Which kinds of portal exist and how each opens is the {@link
 * PortalRegistry}'s business; nothing here knows a portal kind.
 */
final class PortalConnection implements AutoCloseable {

  private final OpenPortal open;

  private PortalConnection(OpenPortal open) {
    this.open = open;
  }

  PortalClient client() {
    return open.client();
  }

  /** The label a plan records (the address, never a credential). */
  String label() {
    return open.label();
  }

  /** The address given by {@code --portal} or {@code ROLEFORM_PORTAL_URL}, or {@code null}. */
  static String address(PortalOptions o, Map<String, String> env) {
    String address = o.portal != null ? o.portal : env.get("ROLEFORM_PORTAL_URL");
    return address == null || address.isBlank() ? null : address.strip();
  }

  /**
   * The label a plan records for {@code address} (what {@link #label()} gives once opened), without
   * opening anything: the same address always gives the same label.
   */
  static String labelOf(PortalRegistry registry, String address) {
    try {
      return registry.label(address);
    } catch (PortalAddressException e) {
      throw new CliException(ExitCodes.ERROR, e.getMessage());
    }
  }

  /**
   * Whether a plan's own address may be used without {@code --portal}: the in-process sandbox, or
   * a loopback address (the token never leaves the machine).
   */
  static boolean isLocal(PortalRegistry registry, String label) {
    return registry.isLocal(label);
  }

  /** Opens the portal named by the options or the environment; one-paragraph errors only. */
  static PortalConnection open(PortalRegistry registry, PortalOptions o, Map<String, String> env, PrintStream err) {
    String address = address(o, env);
    if (address == null) {
      throw new CliException(ExitCodes.ERROR,
          "No portal given: pass --portal URL (or embedded:PROFILE to try the sandbox) or set ROLEFORM_PORTAL_URL.");
    }
    try {
      registry.kindOf(address); // an unknown address is refused before a token file is read
      ConnectOptions options = new ConnectOptions(Duration.ofSeconds(Math.max(o.timeoutSeconds, 0)), o.maxRetries,
          o.verbose ? err::println : null, o.insecureHttp, explicitToken(o), env);
      return new PortalConnection(registry.open(address, options));
    } catch (PortalAddressException e) {
      throw new CliException(ExitCodes.ERROR, e.getMessage());
    }
  }

  /** The token of {@code --token-file}, or {@code null} when none is given. */
  private static String explicitToken(PortalOptions o) {
    if (o.tokenFile == null) return null;
    try {
      if (Files.size(o.tokenFile) > 64 * 1024) {
        throw new CliException(ExitCodes.ERROR, "The token file " + o.tokenFile + " is larger than 64 KiB; it should hold only the token.");
      }
      String t = Files.readString(o.tokenFile, StandardCharsets.UTF_8).strip();
      if (t.isEmpty()) throw new CliException(ExitCodes.ERROR, "The token file " + o.tokenFile + " is empty.");
      return t;
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot read the token file " + o.tokenFile + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    open.close();
  }

  /** Reads the live state, turning portal failures into one-paragraph CLI errors. */
  static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (PortalException e) {
      throw new CliException(ExitCodes.ERROR, e.getMessage());
    }
  }
}
