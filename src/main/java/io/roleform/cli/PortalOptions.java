package io.roleform.cli;

import picocli.CommandLine.Option;

/** Connection options shared by every command that talks to a portal. */
final class PortalOptions {

  @Option(
      names = "--portal",
      paramLabel = "URL",
      description = {
        "Portal address: https://host[:port] (Portal API v1), http://127.0.0.1:PORT (loopback only),",
        "embedded:PROFILE to run the sandbox in-process (secure-exchanges, case-portal, app-roles),",
        "or keycloak:URL?realm=NAME[&parentGroup=GROUP][&adminGroup=GROUP][&client=CLIENT_ID]",
        "[&concurrency=N][&timeout=SECONDS] for a Keycloak realm (credentials from",
        "$ROLEFORM_KEYCLOAK_CLIENT_ID/$ROLEFORM_KEYCLOAK_CLIENT_SECRET). Default: $ROLEFORM_PORTAL_URL."
      })
  String portal;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the API token. Default: $ROLEFORM_TOKEN. The token is never printed.")
  java.nio.file.Path tokenFile;

  @Option(
      names = "--insecure-http",
      description = "Allow plain http:// to a non-loopback host (the token crosses the network in clear).")
  boolean insecureHttp;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Timeout of each attempt of each request, for every portal kind (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--max-retries",
      paramLabel = "N",
      defaultValue = "5",
      description = "Retries of a repeatable request on 429, 500, 502, 503, 504 and dropped connections,"
          + " for every portal kind (default: ${DEFAULT-VALUE}).")
  int maxRetries;

  @Option(names = "--verbose", description = "Log every request (method, path, status, time, attempt; never a secret)"
      + " and info notes (a removed: role already gone) on stderr.")
  boolean verbose;
}
