package io.roleform.portal.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the tests of {@link HttpPortalClient} against a {@link PortalServer}: for every test
 * a server on 127.0.0.1 and a client pointed at it, both closed after the test (a test may replace
 * {@link #client} with one of its own; that one is closed instead).
 */
abstract class OverPortalServer {
  PortalServer portal;
  HttpPortalClient client;

  @BeforeEach
  void startPortalServer() throws Exception {
    portal = new PortalServer();
    client = portal.client();
  }

  @AfterEach
  void stopPortalServer() {
    try {
      client.close();
    } finally {
      portal.close();
    }
  }
}
