package io.roleform.portal.transport;

/**
 * Where the bearer token of each request comes from: a fixed token ({@link #bearer}), or tokens a
 * portal kind obtains and renews itself (Keycloak's OAuth grants). The transport's auth interceptor
 * is the only place a token is put on the wire; implementations never print it.
 */
public interface TokenSupplier {

  /** A token to send now. */
  String token();

  /**
   * After the portal answered 401 to {@code stale}: forgets it if it can get a new one. Returns
   * whether a new token may be had (then the request is sent once more), {@code false} when the
   * token is fixed.
   */
  boolean renew(String stale);

  /** A fixed bearer token. */
  static TokenSupplier bearer(String token) {
    return new TokenSupplier() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public boolean renew(String stale) {
        return false;
      }

      @Override
      public String toString() {
        return "TokenSupplier[bearer=[redacted]]";
      }
    };
  }
}
