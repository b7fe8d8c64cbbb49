package io.roleform.portal.keycloak;

import io.roleform.portal.ConnectOptions;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalAddressException;
import io.roleform.portal.PortalKind;
import io.roleform.portal.transport.RetryPolicy;


/**
 * A Keycloak realm, at {@code keycloak:URL?realm=NAME...} ({@link KeycloakConfig}); credentials
 * from the {@code ROLEFORM_KEYCLOAK_*} environment variables. The label is the address itself:
 * {@link KeycloakConfig#parse} refuses an address with credentials in it. {@code --timeout}, {@code
 * --max-retries} and {@code --verbose} mean what they mean for every kind; the address's own {@code
 * timeout=} parameter, if given, overrides {@code --timeout}.
 */
public final class KeycloakKind implements PortalKind {

  @Override
  public String name() {
    return "keycloak";
  }

  @Override
  public String addressForm() {
    return KeycloakConfig.PREFIX + "URL?realm=NAME";
  }

  @Override
  public boolean accepts(String address) {
    return KeycloakConfig.isKeycloak(address);
  }

  @Override
  public String label(String address) {
    return address.strip();
  }

  /** Never: a Keycloak server's credentials are meant for that server. */
  @Override
  public boolean isLocal(String label) {
    return false;
  }

  @Override
  public OpenPortal open(String address, ConnectOptions options) {
    KeycloakConfig config;
    try {
      config = KeycloakConfig.parse(address, options.env(), options.timeout());
    } catch (IllegalArgumentException e) {
      throw new PortalAddressException(e.getMessage());
    }
    if (options.verboseLog() != null) config = config.withVerboseLog(options.verboseLog());
    return new OpenPortal(KeycloakPortalClient.create(config, RetryPolicy.withMaxRetries(options.maxRetries())),
        address.strip(), null);
  }

}
