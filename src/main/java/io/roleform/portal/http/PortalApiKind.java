package io.roleform.portal.http;

import io.roleform.portal.ConnectOptions;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalAddressException;
import io.roleform.portal.PortalKind;
import io.roleform.portal.transport.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Portal API v1 portals, at {@code https://host[:port]} (a path prefix is kept) or {@code
 * http://} to a loopback host ({@code --insecure-http} for any other). The token is the explicit
 * one ({@code --token-file}) or {@code ROLEFORM_TOKEN}; the address never holds a credential.
 */
public final class PortalApiKind implements PortalKind {

  static final String FORMS = "https://host[:port], http://127.0.0.1:PORT";

  @Override
  public String name() {
    return "portal-api";
  }

  @Override
  public String addressForm() {
    return FORMS;
  }

  @Override
  public boolean accepts(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    return a.startsWith("http:") || a.startsWith("https:");
  }

  @Override
  public String label(String address) {
    return stripUserInfo(parse(address));
  }

  @Override
  public boolean isLocal(String label) {
    try {
      URI uri = URI.create(label);
      return uri.getHost() != null && HttpPortalConfig.isLoopback(uri.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public OpenPortal open(String address, ConnectOptions options) {
    URI uri = parse(address);
    String token = options.token() != null ? options.token() : options.env().get("ROLEFORM_TOKEN");
    if (token == null || token.isBlank()) {
      throw new PortalAddressException(
          "No API token: set ROLEFORM_TOKEN or pass --token-file FILE (the token is never printed).");
    }
    return new OpenPortal(client(uri, token.strip(), options), stripUserInfo(uri), null);
  }

  /** A client for the Portal API v1 portal at {@code uri} (also what the embedded sandbox serves). */
  public static HttpPortalClient client(URI uri, String token, ConnectOptions options) {
    RetryPolicy retry = RetryPolicy.withMaxRetries(options.maxRetries());
    try {
      return HttpPortalClient.create(new HttpPortalConfig(uri, token, options.insecureHttp(), options.timeout(), retry,
          options.verboseLog()));
    } catch (IllegalArgumentException e) {
      throw new PortalAddressException(e.getMessage());
    }
  }

  private static URI parse(String address) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new PortalAddressException("The portal address '" + address + "' is not a valid URL; expected "
          + FORMS + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))) {
      throw new PortalAddressException("The portal address '" + stripUserInfo(uri) + "' is not supported; expected "
          + FORMS + ".");
    }
    if (uri.getHost() == null) {
      // URI leaves the host null for what it cannot parse as one, e.g. the short form 127.1.
      throw new PortalAddressException("The portal address '" + scheme + "://" + hostPart(uri)
          + "' has no valid host name; write it in full, e.g. http://127.0.0.1:PORT or https://portal.example.com.");
    }
    if (uri.getUserInfo() != null) {
      throw new PortalAddressException(
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
    } catch (URISyntaxException e) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }
}
