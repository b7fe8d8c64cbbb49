package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sandbox cannot be stalled: idle and half-sent connections do not keep other clients waiting,
 * a client that sends its headers slowly is cut off, and an unauthenticated request announcing a
 * huge body is refused without its body being waited for.
 */
@Tag("security")
class SandboxStallTest {
  PortalForTest portal;
  final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    portal = PortalForTest.start("secure-exchanges");
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : sockets) s.close();
    portal.close();
  }

  @Test
  void fiftyIdleConnectionsDoNotStallOtherClients() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    get(client); // warm up the client and the server before the clock matters
    for (int i = 0; i < 20; i++) sockets.add(connect()); // connected, silent
    for (int i = 0; i < 15; i++) { // a request line and half the headers, then silence
      sockets.add(send("GET /api/v1/portal HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    }
    for (int i = 0; i < 15; i++) { // a whole write request, then silence instead of its body
      sockets.add(send("POST /api/v1/roles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-write\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
    }
    Thread.sleep(200); // let the server take them all in
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 5; i++) millis.add(get(client)); // a stalled server fails here (5 s timeout)
    java.util.Collections.sort(millis);
    // The median, so that one scheduling hiccup on a loaded machine is not a failure; a server
    // stalled by the idle connections answers none of them.
    assertThat(millis.get(2)).as("answer times %s ms with 50 idle connections open", millis).isLessThan(1000);
  }

  private Socket send(String text) throws Exception {
    Socket s = connect();
    s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private long get(HttpClient client) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(portal.url() + "/api/v1/portal"))
        .header("Authorization", "Bearer demo-read").timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aClientSendingHeadersSlowlyIsCutOff() throws Exception {
    Socket s = connect();
    s.setSoTimeout(500);
    OutputStream out = s.getOutputStream();
    out.write("GET /api/v1/portal HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean closed = false;
    while (!closed && System.nanoTime() < deadline) {
      try {
        out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII)); // one header line every half second
        out.flush();
        s.getInputStream().read(); // any answer (an error, or the close) ends the request
        closed = true;
      } catch (SocketTimeoutException e) {
        // nothing yet: keep trickling
      } catch (java.io.IOException e) {
        closed = true; // reset by the server
      }
    }
    assertThat(closed).as("the server cut off a client that never finished its headers").isTrue();
  }

  @Test
  void anOversizedUnauthenticatedBodyIsRefusedWithoutReadingIt() throws Exception {
    Socket s = connect();
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(("POST /api/v1/roles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 52428800\r\n\r\n{\"name\":\"").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    long start = System.nanoTime();
    String status = statusLine(s.getInputStream());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(status).startsWith("HTTP/1.1 401");
    assertThat(ms).as("refused in %d ms without the 50 MB body", ms).isLessThan(2000);
  }

  @Test
  void anOversizedAuthenticatedBodyIsRefusedAsItIsRead() throws Exception {
    Socket s = connect();
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(("POST /api/v1/roles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-write\r\n"
        + "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try {
      for (int i = 0; i < 300; i++) out.write(chunk); // up to ~19 MB; the server stops reading past its limit
    } catch (java.io.IOException e) {
      // the server refused and closed: expected
    }
    assertThat(statusLine(s.getInputStream())).matches("HTTP/1.1 (400|413) .*");
  }

  private Socket connect() throws Exception {
    return new Socket(InetAddress.getByName("127.0.0.1"), URI.create(portal.url()).getPort());
  }

  private static String statusLine(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') sb.append((char) c);
    return sb.toString().strip();
  }
}
