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
 * (at XL, about 360 MB of copies in a read); see {@link #read}.
 */
final class BufferingInterceptor implements Interceptor {
  /** The largest announced length read into an array made up front (a page is ~50–200 KB). */
  static final int PRESIZED = 16 << 20;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    try (ResponseBody body = response.body()) {
      byte[] bytes = read(body);
      return response.newBuilder().body(new Held(bytes, body.contentType())).build();
    }
  }

  /**
   * The network body read in full. With a {@code Content-Length}, straight into an array of that
   * size a socket read at a time, so that each of the connection's buffer segments goes back to
   * okio's pool at once (read into one buffer first, a 160 KB page took 20 segments, most of them
   * garbage afterwards: the pool keeps 64 KiB); else, and for a length above {@link #PRESIZED}, as
   * {@link ResponseBody#bytes} reads it (growing with the bytes that arrive: a header announcing
   * 2 GB before 100 bytes must fail as a short stream, not allocate 2 GB). A stream of another
   * length than announced fails as there.
   */
  static byte[] read(ResponseBody body) throws IOException {
    long length = body.contentLength();
    if (length < 0 || length > PRESIZED) return body.bytes();
    byte[] bytes = new byte[(int) length];
    BufferedSource source = body.source();
    int n = 0;
    while (n < bytes.length) {
      int read = source.read(bytes, n, bytes.length - n);
      if (read < 0) throw disagree(length, n);
      n += read;
    }
    if (!source.exhausted()) throw disagree(length, n + source.readByteArray().length);
    return bytes;
  }

  /** As {@link ResponseBody#bytes} says it. */
  private static IOException disagree(long length, long actual) {
    return new IOException("Content-Length (" + length + ") and stream length (" + actual + ") disagree");
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
