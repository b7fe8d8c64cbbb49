package io.roleform.portal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads each answer's body in full before handing the answer back, so that a transfer cut short
 * (end of stream, reset, timeout mid-body) fails that attempt — where it can be retried — instead
 * of surfacing later while the caller parses. Portal API v1 bodies are pages of at most 1,000
 * items, so holding one in memory is cheap.
 */
final class BufferingInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    try (ResponseBody body = response.body()) {
      byte[] bytes = body.bytes();
      return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
    }
  }
}
