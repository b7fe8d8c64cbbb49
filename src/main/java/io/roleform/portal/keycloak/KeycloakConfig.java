package io.roleform.portal.keycloak;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where and how to reach one Keycloak realm, and which part of it roleform manages.
 *
 * <p>Portal spec syntax: {@code keycloak:URL?realm=NAME[&parentGroup=G][&adminGroup=Admin]
 * [&client=CLIENT_ID][&managePermission=ROLE][&concurrency=4][&timeout=30]}, for example {@code
 * keycloak:https://sso.example.com?realm=acme&parentGroup=roleform&client=portal}. URL is the
 * server's base address (add a path such as {@code /auth} for servers that still use one).
 *
 * @param serverUrl base URL of the server, without a trailing slash
 * @param realm the managed realm
 * @param parentGroup name of the top-level group whose children are the roles, or {@code null} for
 *     the realm's top-level groups
 * @param adminGroup name of the group (among the roles) that is the admin role
 * @param clientId {@code clientId} whose client roles are the permission catalog, or {@code null}
 *     for the realm roles
 * @param credentials how to sign in; never printed
 * @param timeout per-request timeout
 * @param writeConcurrency how many write requests run at once (Keycloak has no batch endpoints)
 * @param verboseLog receives one line per HTTP request (method, path, status, time; no secrets)
 * @param managePermission the catalog role that lets a user manage roles (for self-lockout checks)
 */
public record KeycloakConfig(
    URI serverUrl,
    String realm,
    String parentGroup,
    String adminGroup,
    String clientId,
    Credentials credentials,
    Duration timeout,
    int writeConcurrency,
    Consumer<String> verboseLog,
    String managePermission) {

  public static final String PREFIX = "keycloak:";
  public static final String DEFAULT_ADMIN_GROUP = "Admin";
  public static final String DEFAULT_MANAGE_PERMISSION = "manage-roles";
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Set<String> PARAMS =
      Set.of("realm", "parentGroup", "adminGroup", "client", "managePermission", "concurrency", "timeout");

  public KeycloakConfig {
    Objects.requireNonNull(serverUrl, "serverUrl == null");
    Objects.requireNonNull(realm, "realm == null");
    Objects.requireNonNull(credentials, "credentials == null");
    String base = serverUrl.toString();
    serverUrl = base.endsWith("/") ? URI.create(base.substring(0, base.length() - 1)) : serverUrl;
    adminGroup = adminGroup == null || adminGroup.isBlank() ? DEFAULT_ADMIN_GROUP : adminGroup;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    writeConcurrency = writeConcurrency < 1 ? DEFAULT_CONCURRENCY : writeConcurrency;
    verboseLog = verboseLog == null ? line -> {} : verboseLog;
    managePermission = managePermission == null || managePermission.isBlank()
        ? DEFAULT_MANAGE_PERMISSION : managePermission;
  }

  /** The configuration without {@code managePermission} (it takes its default). */
  public KeycloakConfig(URI serverUrl, String realm, String parentGroup, String adminGroup, String clientId,
      Credentials credentials, Duration timeout, int writeConcurrency, Consumer<String> verboseLog) {
    this(serverUrl, realm, parentGroup, adminGroup, clientId, credentials, timeout, writeConcurrency,
        verboseLog, null);
  }

  /** The same configuration, logging each request to {@code log}. */
  public KeycloakConfig withVerboseLog(Consumer<String> log) {
    return new KeycloakConfig(serverUrl, realm, parentGroup, adminGroup, clientId, credentials, timeout,
        writeConcurrency, log, managePermission);
  }

  /** Whether {@code portalSpec} names a Keycloak portal (starts with {@value #PREFIX}). */
  public static boolean isKeycloak(String portalSpec) {
    return portalSpec != null && portalSpec.strip().startsWith(PREFIX);
  }

  /**
   * Parses a portal spec such as {@code keycloak:https://host:8443?realm=acme&parentGroup=roleform}
   * and reads the credentials from {@code env} (see {@link Credentials#fromEnv}).
   *
   * @throws IllegalArgumentException with a one-paragraph message naming what is wrong
   */
  public static KeycloakConfig parse(String portalSpec, Map<String, String> env) {
    return parse(portalSpec, env, DEFAULT_TIMEOUT);
  }

  /**
   * As {@link #parse(String, Map)}; the address's own {@code timeout=} overrides {@code timeout}
   * ({@code --timeout}).
   */
  public static KeycloakConfig parse(String portalSpec, Map<String, String> env, Duration timeout) {
    String spec = portalSpec == null ? "" : portalSpec.strip();
    if (!spec.startsWith(PREFIX)) {
      throw bad(spec, "it must start with '" + PREFIX + "'");
    }
    URI uri;
    try {
      uri = new URI(spec.substring(PREFIX.length()));
    } catch (URISyntaxException e) {
      throw bad(spec, "the address is not a URL (" + e.getReason() + ")");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null) {
      throw bad(spec, "the address must be an http:// or https:// URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw bad(spec, "do not put credentials in the address; use the ROLEFORM_KEYCLOAK_* environment variables");
    }
    Map<String, String> q = query(spec, uri.getRawQuery());
    String realm = q.get("realm");
    if (realm == null || realm.isBlank()) throw bad(spec, "the realm is missing (add ?realm=NAME)");
    URI server;
    try {
      server = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw bad(spec, "the address is not a URL (" + e.getReason() + ")");
    }
    return new KeycloakConfig(server, realm, blankToNull(q.get("parentGroup")), q.get("adminGroup"),
        blankToNull(q.get("client")), Credentials.fromEnv(env),
        Duration.ofSeconds(positive(spec, q, "timeout", timeout.toSeconds())),
        (int) positive(spec, q, "concurrency", DEFAULT_CONCURRENCY), null, q.get("managePermission"));
  }

  private static Map<String, String> query(String spec, String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return q;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!PARAMS.contains(key)) {
        throw bad(spec, "unknown parameter '" + key + "' (known: realm, parentGroup, adminGroup, client,"
            + " managePermission, concurrency, timeout)");
      }
      if (q.put(key, value) != null) throw bad(spec, "parameter '" + key + "' is given twice");
    }
    return q;
  }

  private static long positive(String spec, Map<String, String> q, String key, long dflt) {
    String v = q.get(key);
    if (v == null) return dflt;
    try {
      long n = Long.parseLong(v.strip());
      if (n >= 1 && n <= 3600) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(spec, "'" + key + "' must be a whole number from 1 to 3600, not '" + v + "'");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static IllegalArgumentException bad(String spec, String why) {
    String shown = spec.replaceAll("//[^/@?#]*@", "//");  // never echo credentials put in the address
    return new IllegalArgumentException("Invalid Keycloak portal '" + shown + "': " + why
        + ". Expected keycloak:URL?realm=NAME, optionally with &parentGroup=GROUP, &adminGroup=GROUP"
        + " (default Admin), &client=CLIENT_ID, &managePermission=ROLE, &concurrency=N and &timeout=SECONDS.");
  }
}
