package io.roleform.portal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.PortalException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The body read in full once: {@link Transport} hands over the very array {@link
 * BufferingInterceptor} read (no copy through an okio buffer), its bytes those the server sent —
 * also after a retried answer whose body was dropped — and a held body still reads as a body to
 * anyone who asks for its source.
 */
class BufferingInterceptorTest {

  @Test
  void aHeldBodyIsHandedOverAsItIs() throws Exception {
    byte[] bytes = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    BufferingInterceptor.Held held = new BufferingInterceptor.Held(bytes, MediaType.get("application/json"));
    assertThat(BufferingInterceptor.bytes(held)).isSameAs(bytes);
    assertThat(held.contentLength()).isEqualTo(bytes.length);
    assertThat(held.contentType()).hasToString("application/json");
    assertThat(held.source().readByteArray()).isEqualTo(bytes).isNotSameAs(bytes);
    held.close();
    new BufferingInterceptor.Held(bytes, null).close(); // without a source: nothing to release

    byte[] other = BufferingInterceptor.bytes(ResponseBody.create(bytes, null));
    assertThat(other).isEqualTo(bytes).isNotSameAs(bytes);
  }

  @Test
  void aBodyIsReadToItsAnnouncedLengthOrFails() throws Exception {
    byte[] bytes = new byte[70_000];
    new Random(3).nextBytes(bytes);
    assertThat(BufferingInterceptor.read(ResponseBody.create(new Buffer().write(bytes), null, bytes.length)))
        .isEqualTo(bytes);
    assertThat(BufferingInterceptor.read(ResponseBody.create(new Buffer().write(bytes), null, -1))).isEqualTo(bytes);
    assertThat(BufferingInterceptor.read(ResponseBody.create(new Buffer(), null, 0))).isEmpty();
    assertThatThrownBy(() -> BufferingInterceptor.read(ResponseBody.create(new Buffer().write(bytes), null, 70_001)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("Content-Length (70001) and stream length (70000) disagree");
    assertThatThrownBy(() -> BufferingInterceptor.read(ResponseBody.create(new Buffer().write(bytes), null, 69_000)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("Content-Length (69000) and stream length (70000) disagree");
  }

  @Test
  void bodiesArriveWholeAfterARetry() throws Exception {
    byte[] big = new byte[300_000];
    Random r = new Random(5);
    for (int i = 0; i < big.length; i++) big[i] = (byte) r.nextInt(256);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{\"busy\":true}").build());
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
          .body(new Buffer().write(big)).build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().write(big), 7_000).build());
      server.start();
      TransportOptions options = new TransportOptions(Duration.ofSeconds(10), RetryPolicy.withMaxRetries(2), null, null,
          new Words(), waits::add);
      try (Transport transport = Transport.open(options, false)) {
        Url url = Url.of(URI.create("http://127.0.0.1:" + server.getPort() + "/"));
        Answer answer = transport.send(Call.get(url.path("a")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(answer.body()).isEqualTo(big);
        assertThat(waits).hasSize(1);
        assertThat(transport.send(Call.get(url.path("b"))).body()).isEmpty();
        assertThat(transport.send(Call.get(url.path("c"))).body()).isEqualTo(big); // chunked: no length
      }
    }
  }

  /** Plain words: these calls never fail. */
  private static final class Words implements MessageTable {
    @Override
    public String said(Answer answer) {
      return answer.text();
    }

    @Override
    public String refused(PortalException.Kind kind, Answer answer, String said) {
      return kind + " " + said;
    }

    @Override
    public String noAnswer(String call, int attempts, String why) {
      return call + " " + why;
    }
  }

  @Test
  void aHugeAnnouncedLengthIsNotAllocatedBeforeTheBytesArrive() {
    // 2 GB announced, 100 bytes sent: a short stream (IOException, retried like any), never an
    // array of the announced size (an OutOfMemoryError no one would catch).
    byte[] bytes = new byte[100];
    ResponseBody body = ResponseBody.create(new Buffer().write(bytes), null, 2_000_000_000L);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> BufferingInterceptor.read(body))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("2000000000").hasMessageContaining("100");
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L << 20);
  }
}
