package io.roleform.portal.keycloak;

import java.util.Map;
import java.util.Objects;

/**
 * How roleform signs in to Keycloak. Secrets never appear in {@code toString()}, logs or messages.
 */
public sealed interface Credentials {

  /** Environment variables of a service-account client (client-credentials grant; recommended). */
  String ENV_CLIENT_ID = "ROLEFORM_KEYCLOAK_CLIENT_ID";
  String ENV_CLIENT_SECRET = "ROLEFORM_KEYCLOAK_CLIENT_SECRET";
  /** Environment variables of an admin user of the master realm (password grant; local use). */
  String ENV_USER = "ROLEFORM_KEYCLOAK_USER";
  String ENV_PASSWORD = "ROLEFORM_KEYCLOAK_PASSWORD";

  /** The realm whose token endpoint issues the token, given the realm roleform manages. */
  String tokenRealm(String managedRealm);

  /**
   * A confidential client with a service account in the managed realm.
   *
   * @param clientId the client's {@code clientId} (not its internal id)
   */
  record ClientCredentials(String clientId, String clientSecret) implements Credentials {
    public ClientCredentials {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(clientSecret, "clientSecret == null");
    }

    @Override
    public String tokenRealm(String managedRealm) {
      return managedRealm;
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + ", clientSecret=<redacted>]";
    }
  }

  /** An admin user of the master realm, signed in through the {@code admin-cli} client. */
  record AdminPassword(String username, String password) implements Credentials {
    public AdminPassword {
      Objects.requireNonNull(username, "username == null");
      Objects.requireNonNull(password, "password == null");
    }

    @Override
    public String tokenRealm(String managedRealm) {
      return "master";
    }

    @Override
    public String toString() {
      return "AdminPassword[username=" + username + ", password=<redacted>]";
    }
  }

  /**
   * Reads credentials from the environment: the client pair if set, else the admin user pair.
   *
   * @throws IllegalArgumentException with a one-paragraph message when neither pair is complete
   */
  static Credentials fromEnv(Map<String, String> env) {
    String id = nonBlank(env.get(ENV_CLIENT_ID));
    String secret = nonBlank(env.get(ENV_CLIENT_SECRET));
    String user = nonBlank(env.get(ENV_USER));
    String password = nonBlank(env.get(ENV_PASSWORD));
    if (id != null || secret != null) {
      if (id == null || secret == null) {
        throw new IllegalArgumentException("Incomplete Keycloak credentials: set both " + ENV_CLIENT_ID
            + " and " + ENV_CLIENT_SECRET + " (a confidential client with a service account in the realm).");
      }
      return new ClientCredentials(id, secret);
    }
    if (user != null && password != null) return new AdminPassword(user, password);
    throw new IllegalArgumentException("No Keycloak credentials: set " + ENV_CLIENT_ID + " and "
        + ENV_CLIENT_SECRET + " for a service-account client (recommended), or " + ENV_USER + " and "
        + ENV_PASSWORD + " for an admin user of the master realm (local use only).");
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
