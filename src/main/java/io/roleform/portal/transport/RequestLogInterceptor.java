package io.roleform.portal.transport;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: one line per request sent — method, path and query, status (or the failure),
 * time taken and attempt number. It logs no headers and no bodies, so neither the token nor
 * anything else from {@code Authorization} can reach the log.
 */
final class RequestLogInterceptor implements Interceptor {

  private final Consumer<String> log;

  RequestLogInterceptor(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log.accept(line(request, String.valueOf(response.code()), start));
      return response;
    } catch (IOException e) {
      log.accept(line(request, "failed (" + FailureMapper.describe(e) + ")", start));
      throw e;
    }
  }

  private static String line(Request request, String outcome, long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    Attempt attempt = request.tag(Attempt.class);
    String of = attempt == null ? "" : ", attempt " + attempt.number() + "/" + attempt.of();
    return request.method() + " " + target(request.url()) + " -> " + outcome + " (" + ms + " ms" + of + ")";
  }

  static String target(HttpUrl url) {
    return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
  }
}
