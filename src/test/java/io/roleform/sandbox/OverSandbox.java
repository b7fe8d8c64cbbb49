package io.roleform.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the tests that speak Portal API v1 to a sandbox: for every test an in-memory
 * secure-exchanges sandbox on 127.0.0.1 ({@link TestSandboxes}) and an {@link ApiClient} with the
 * demo write token, the sandbox closed after the test.
 */
abstract class OverSandbox {
  Sandbox sandbox;
  ApiClient api;

  @BeforeEach
  void startSandbox() {
    sandbox = TestSandboxes.memory("secure-exchanges");
    api = new ApiClient(sandbox.baseUrl(), "demo-write");
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }
}
