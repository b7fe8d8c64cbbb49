package io.roleform.sandbox;

import io.roleform.portal.ConnectOptions;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalAddressException;
import io.roleform.portal.PortalKind;
import io.roleform.portal.PortalRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code embedded:PROFILE}: the sandbox started in-process on a free loopback port, its data kept
 * in {@code .roleform/embedded-PROFILE.db} of the working directory, reached as a Portal API v1
 * portal through the registry. The token is the explicit one ({@code --token-file}, to try the
 * read-only demo token say) or the sandbox's demo write token; {@code ROLEFORM_TOKEN}, meant for a
 * real portal, is never sent to it.
 */
public final class EmbeddedKind implements PortalKind {

  static final String PREFIX = "embedded:";
  /** Token of the embedded sandbox's default write user. */
  private static final String DEMO_TOKEN = "demo-write";

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public String addressForm() {
    return PREFIX + "PROFILE";
  }

  @Override
  public boolean accepts(String address) {
    return address.startsWith(PREFIX);
  }

  @Override
  public String label(String address) {
    return address.strip();
  }

  @Override
  public boolean isLocal(String label) {
    return true;
  }

  @Override
  public OpenPortal open(String address, ConnectOptions options) {
    String profile = address.substring(PREFIX.length());
    Path dir = Path.of(".roleform");
    Sandbox sandbox;
    try {
      Files.createDirectories(dir);
      sandbox = Sandbox.start(new SandboxOptions(0, dir.resolve("embedded-" + profile + ".db").toString(),
          profile, null, null, 0L, 0, null, false, quiet()));
    } catch (IllegalArgumentException e) {
      throw new PortalAddressException("Cannot start the embedded portal: " + e.getMessage());
    } catch (IOException e) {
      throw new PortalAddressException(
          "Cannot start the embedded portal (data in " + dir.toAbsolutePath() + "): " + e.getMessage());
    }
    try {
      String token = options.token() != null ? options.token() : DEMO_TOKEN;
      OpenPortal http = PortalRegistry.installed().open(sandbox.baseUrl().toString(), options.withToken(token));
      return new OpenPortal(http.client(), label(address), sandbox);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }
}
