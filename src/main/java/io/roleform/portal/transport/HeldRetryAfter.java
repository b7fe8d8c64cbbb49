package io.roleform.portal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor: OkHttp by itself repeats a request answered 503 with {@code Retry-After: 0},
 * once, outside any interceptor's count. So that every retry is ours (bounded by {@code
 * --max-retries}, counted, logged), this hides a 503's {@code Retry-After} from OkHttp under {@link
 * #HEADER}, where {@link RetryInterceptor} reads it.
 */
final class HeldRetryAfter implements Interceptor {

  static final String HEADER = "X-Roleform-Held-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null) return response;
    return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
  }

  /** The {@code Retry-After} of an answer, held or not. */
  static String of(Response response) {
    String held = response.header(HEADER);
    return held != null ? held : response.header("Retry-After");
  }
}
