package io.roleform.portal.http;

import io.roleform.portal.transport.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1, port 0, plus the Portal API v1 answers tests enqueue, and a client
 * pointed at it whose waits between retries are recorded instead of slept.
 */
final class PortalServer implements AutoCloseable {

  static final String TOKEN = "tok-9f8e7d6c5b4a-SECRET";

  final MockWebServer server = new MockWebServer();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<String> log = new CopyOnWriteArrayList<>();

  PortalServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  URI url() {
    return server.url("/").uri();
  }

  HttpPortalClient client() {
    return client(new RetryPolicy(4, Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofSeconds(30)));
  }

  HttpPortalClient client(RetryPolicy retry) {
    HttpPortalConfig config =
        new HttpPortalConfig(url(), TOKEN, false, Duration.ofSeconds(5), retry, log::add);
    return HttpPortalClient.create(config, sleeps::add);
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  List<RecordedRequest> takeAll(int n) throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(take());
    }
    return all;
  }

  /** A JSON success at state version {@code sv}. */
  static MockResponse json(int status, String body, long sv) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("State-Version", sv)
        .body(body)
        .build();
  }

  static MockResponse noContent(long sv) {
    return new MockResponse.Builder().code(204).setHeader("State-Version", sv).build();
  }

  static MockResponse problem(int status, String title, String detail, String field, long sv) {
    String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}";
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/problem+json")
        .setHeader("State-Version", sv)
        .body(body)
        .build();
  }

  static String role(String id, String name, int position, String version) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"\",\"permissions\":[],"
        + "\"caseActions\":[],\"position\":" + position + ",\"builtIn\":false,\"fixedPermissions\":false,"
        + "\"memberCount\":0,\"version\":\"" + version + "\"}";
  }

  @Override
  public void close() {
    server.close();
  }
}
