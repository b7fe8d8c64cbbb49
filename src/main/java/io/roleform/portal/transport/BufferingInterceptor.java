package io.roleform.portal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads each answer's body in full before handing the answer back, so that a transfer cut short
 * (end of stream, reset, timeout mid-body) fails that attempt — where it can be retried — instead
 * of surfacing later while the caller parses. Portal API v1 bodies are pages of at most 1,000
 * items, so holding one in memory is cheap.
 *
 * <p>The body is copied out of the connection once, into a {@link Held} body whose bytes {@link
 * Transport} takes as they are ({@link #bytes}): no second and third copy through an okio buffer
 * (at XL, about 360 MB of copies in a read).
 */
final class BufferingInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    try (ResponseBody body = response.body()) {
      byte[] bytes = body.bytes();
      return response.newBuilder().body(new Held(bytes, body.contentType())).build();
    }
  }

  /** The bytes of {@code body}: a held body's own array (not copied), any other body read in full. */
  static byte[] bytes(ResponseBody body) throws IOException {
    return body instanceof Held held ? held.bytes : body.bytes();
  }

  /**
   * A body read in full. Its source (an okio buffer holding a copy of the bytes) is made only if
   * something asks for it; closing it releases nothing else.
   */
  static final class Held extends ResponseBody {
    private final byte[] bytes;
    private final MediaType contentType;
    private Buffer source;

    Held(byte[] bytes, MediaType contentType) {
      this.bytes = bytes;
      this.contentType = contentType;
    }

    @Override
    public MediaType contentType() {
      return contentType;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public synchronized BufferedSource source() {
      if (source == null) source = new Buffer().write(bytes);
      return source;
    }

    @Override
    public synchronized void close() {
      if (source != null) source.close();
    }
  }
}
