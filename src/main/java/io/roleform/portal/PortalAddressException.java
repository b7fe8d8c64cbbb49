package io.roleform.portal;

/**
 * A portal address, or what is needed to connect to it (credentials, options), is unusable. The
 * message is one paragraph saying what to change, never holding a credential. Nothing was sent.
 */
public final class PortalAddressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PortalAddressException(String message) {
    super(message);
  }
}
