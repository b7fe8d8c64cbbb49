package io.roleform.portal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds the bearer token (and the headers every Portal API v1 request carries). The only place the
 * token is put on the wire; it holds the token privately and never prints it.
 */
final class AuthInterceptor implements Interceptor {

  private final String token;
  private final String userAgent;

  AuthInterceptor(String token, String userAgent) {
    this.token = token;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(
        chain.request().newBuilder()
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", userAgent)
            .build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor[token=[redacted]]";
  }
}
