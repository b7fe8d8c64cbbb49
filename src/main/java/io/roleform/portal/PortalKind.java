package io.roleform.portal;

/**
 * A kind of portal (Portal API v1, Keycloak, the embedded sandbox ...): which addresses are its
 * own, and how to open a client for one. Every kind is registered with the {@link PortalRegistry}
 * (one line in {@code META-INF/services/io.roleform.portal.PortalKind}); see {@code
 * docs/adding-a-portal-kind.md}.
 *
 * <p>Implementations are cheap to construct and hold no connection: everything heavy happens in
 * {@link #open}. Address checks never connect anywhere.
 */
public interface PortalKind {

  /** A short stable name ({@code portal-api}, {@code keycloak}, {@code embedded}). */
  String name();

  /** The address forms this kind accepts, as shown in help and errors ({@code keycloak:URL?realm=NAME}). */
  String addressForm();

  /** Whether {@code address} (stripped) is this kind's, by its form alone (scheme or prefix). */
  boolean accepts(String address);

  /**
   * The label a plan records for {@code address}: the same address always gives the same label,
   * and a label never holds a credential.
   *
   * @throws PortalAddressException if the address is malformed, in one paragraph
   */
  String label(String address);

  /**
   * Whether credentials sent to this address never leave the machine (an in-process or loopback
   * portal); such an address recorded in a plan may be used again without naming it.
   */
  boolean isLocal(String label);

  /**
   * Opens a client for {@code address}; closing the result closes everything opened.
   *
   * @throws PortalAddressException if the address or the credentials are unusable, in one paragraph
   */
  OpenPortal open(String address, ConnectOptions options);
}
