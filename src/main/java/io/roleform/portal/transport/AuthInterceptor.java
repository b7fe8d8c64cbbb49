package io.roleform.portal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code User-Agent} and the bearer token from the {@link TokenSupplier} — the only place a
 * token is put on the wire. After a 401, when the supplier can renew its token, the request is
 * sent once more with the new one (all its retries included).
 */
final class AuthInterceptor implements Interceptor {

  private final TokenSupplier tokens;
  private final String userAgent;

  AuthInterceptor(TokenSupplier tokens, String userAgent) {
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder base = chain.request().newBuilder().header("User-Agent", userAgent);
    if (tokens == null) return chain.proceed(base.build());
    String token = tokens.token();
    Response response = chain.proceed(base.header("Authorization", "Bearer " + token).build());
    if (response.code() != 401 || !tokens.renew(token)) return response;
    response.close();
    return chain.proceed(base.header("Authorization", "Bearer " + tokens.token()).build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor[token=[redacted]]";
  }
}
