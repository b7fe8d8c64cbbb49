package io.roleform.cli;

import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.http.HttpPortalClient;
import io.roleform.portal.http.HttpPortalConfig;
import io.roleform.portal.http.RetryPolicy;
import io.roleform.portal.keycloak.KeycloakConfig;
import io.roleform.portal.keycloak.KeycloakPortalClient;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * An open connection to a portal: the client, the label a plan records (the address, never a
 * credential), and for {@code embedded:PROFILE} the in-process sandbox behind it. Closing it closes
 * both. Three kinds of address: {@code embedded:PROFILE}, {@code keycloak:URL?realm=NAME...} (a
 * Keycloak realm; credentials from the {@code ROLEFORM_KEYCLOAK_*} environment variables) and an
 * http(s) URL of a Portal API v1 portal.
 */
final class PortalConnection implements AutoCloseable {

  static final String EMBEDDED_PREFIX = "embedded:";
  /** Token of the embedded sandbox's default write user. */
  private static final String EMBEDDED_TOKEN = "demo-write";

  private final PortalClient client;
  private final String label;
  private final Sandbox sandbox;

  private PortalConnection(PortalClient client, String label, Sandbox sandbox) {
    this.client = client;
    this.label = label;
    this.sandbox = sandbox;
  }

  PortalClient client() {
    return client;
  }

  String label() {
    return label;
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
  static String labelOf(String address) {
    String a = address.strip();
    if (a.startsWith(EMBEDDED_PREFIX) || KeycloakConfig.isKeycloak(a)) return a;
    return stripUserInfo(parseUrl(a));
  }

  /**
   * Whether a plan's own address may be used without {@code --portal}: the in-process sandbox, or
   * a loopback http(s) address (the token never leaves the machine).
   */
  static boolean isLocal(String label) {
    if (label.startsWith(EMBEDDED_PREFIX)) return true;
    if (KeycloakConfig.isKeycloak(label)) return false;
    try {
      URI uri = URI.create(label);
      return uri.getHost() != null && HttpPortalConfig.isLoopback(uri.getHost())
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Opens the portal named by the options or the environment; one-paragraph errors only. */
  static PortalConnection open(PortalOptions o, Map<String, String> env, PrintStream err) {
    String address = o.portal != null ? o.portal : env.get("ROLEFORM_PORTAL_URL");
    if (address == null || address.isBlank()) {
      throw new CliException(ExitCodes.ERROR,
          "No portal given: pass --portal URL (or embedded:PROFILE to try the sandbox) or set ROLEFORM_PORTAL_URL.");
    }
    address = address.strip();
    if (address.startsWith(EMBEDDED_PREFIX)) {
      return openEmbedded(address.substring(EMBEDDED_PREFIX.length()), o, env, err);
    }
    if (KeycloakConfig.isKeycloak(address)) {
      return openKeycloak(address, o, env, err);
    }
    URI uri = parseUrl(address);
    String token = token(o, env);
    return new PortalConnection(httpClient(uri, token, o, err), stripUserInfo(uri), null);
  }

  private static PortalConnection openEmbedded(
      String profile, PortalOptions o, Map<String, String> env, PrintStream err) {
    Path dir = Path.of(".roleform");
    Sandbox sandbox;
    try {
      Files.createDirectories(dir);
      sandbox = Sandbox.start(new SandboxOptions(0, dir.resolve("embedded-" + profile + ".db").toString(),
          profile, null, null, 0L, 0, null, false, quiet()));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot start the embedded portal: " + e.getMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR,
          "Cannot start the embedded portal (data in " + dir.toAbsolutePath() + "): " + e.getMessage());
    }
    // The embedded portal knows only its demo tokens: ROLEFORM_TOKEN (meant for a real portal) is
    // not sent to it; an explicit --token-file is (to try the read-only demo token, say).
    String token = o.tokenFile != null ? token(o, env) : EMBEDDED_TOKEN;
    try {
      PortalClient client = httpClient(sandbox.baseUrl(), token, o, err);
      return new PortalConnection(client, EMBEDDED_PREFIX + profile, sandbox);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /**
   * A Keycloak realm. The label is the spec itself: {@link KeycloakConfig#parse} refuses an address
   * with credentials in it, so it never holds a secret. The spec's own {@code timeout=} and {@code
   * concurrency=} parameters configure the client; {@code --timeout}, {@code --max-retries}, {@code
   * --token-file} and {@code --insecure-http} are for Portal API v1 portals only.
   */
  private static PortalConnection openKeycloak(
      String spec, PortalOptions o, Map<String, String> env, PrintStream err) {
    KeycloakConfig config;
    try {
      config = KeycloakConfig.parse(spec, env);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.ERROR, e.getMessage());
    }
    if (o.verbose) config = config.withVerboseLog(err::println);
    return new PortalConnection(KeycloakPortalClient.create(config), spec, null);
  }

  private static PrintStream quiet() {
    return new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static PortalClient httpClient(URI uri, String token, PortalOptions o, PrintStream err) {
    if (o.timeoutSeconds <= 0 || o.maxRetries < 0) {
      throw new CliException(ExitCodes.ERROR, "--timeout must be positive and --max-retries 0 or more.");
    }
    RetryPolicy d = RetryPolicy.defaults();
    RetryPolicy retry =
        new RetryPolicy(o.maxRetries + 1, d.initialBackoff(), d.maxBackoff(), d.maxRetryAfter());
    try {
      return HttpPortalClient.create(new HttpPortalConfig(uri, token, o.insecureHttp,
          Duration.ofSeconds(o.timeoutSeconds), retry, o.verbose ? err::println : null));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.ERROR, e.getMessage());
    }
  }

  private static URI parseUrl(String address) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.ERROR, "The portal address '" + address
          + "' is not a valid URL; expected https://host[:port], http://127.0.0.1:PORT, embedded:PROFILE or keycloak:URL?realm=NAME.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))) {
      throw new CliException(ExitCodes.ERROR, "The portal address '" + stripUserInfo(uri)
          + "' is not supported; expected https://host[:port], http://127.0.0.1:PORT, embedded:PROFILE or keycloak:URL?realm=NAME.");
    }
    if (uri.getHost() == null) {
      // URI leaves the host null for what it cannot parse as one, e.g. the short form 127.1.
      throw new CliException(ExitCodes.ERROR, "The portal address '" + scheme + "://" + hostPart(uri)
          + "' has no valid host name; write it in full, e.g. http://127.0.0.1:PORT or https://portal.example.com.");
    }
    if (uri.getUserInfo() != null) {
      throw new CliException(ExitCodes.ERROR,
          "The portal address must not contain credentials; pass the token with ROLEFORM_TOKEN or --token-file.");
    }
    return uri;
  }

  /** What follows {@code scheme://} up to the path, without credentials (for messages). */
  private static String hostPart(URI uri) {
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    return authority.substring(authority.indexOf('@') + 1);
  }

  private static String stripUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (java.net.URISyntaxException e) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }

  private static String token(PortalOptions o, Map<String, String> env) {
    if (o.tokenFile != null) {
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
    String t = env.get("ROLEFORM_TOKEN");
    if (t == null || t.isBlank()) {
      throw new CliException(ExitCodes.ERROR,
          "No API token: set ROLEFORM_TOKEN or pass --token-file FILE (the token is never printed).");
    }
    return t.strip();
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (sandbox != null) sandbox.close();
    }
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
