package io.roleform.e2e;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline over loopback: the real command line, in-process, against the real sandbox
 * (SQLite in memory) on 127.0.0.1.
 */
class EndToEndIT {

  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  private Map<String, String> start(String profile) throws Exception {
    sandbox = Sandbox.start(new SandboxOptions(0, ":memory:", profile, null, null, 1L, 0, null, false,
        new PrintStream(OutputStream.nullOutputStream())));
    return Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(), "ROLEFORM_TOKEN", "demo-write");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secure-exchanges", "case-portal", "app-roles"})
  void planApplyPlanConverges(String profile) throws Exception {
    Map<String, String> env = start(profile);
    String example = "examples/" + profile;

    CliRun first = CliRun.run(env, "plan", example, "--detailed-exitcode");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(2);

    CliRun apply = CliRun.run(env, "apply", example, "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete");

    CliRun again = CliRun.run(env, "plan", example, "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secure-exchanges", "case-portal", "app-roles"})
  void exportThenPlanShowsNoChanges(String profile, @TempDir Path dir) throws Exception {
    Map<String, String> env = start(profile);
    CliRun export = CliRun.run(env, "export", "--out", dir.toString());
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(dir.resolve("roleform.yaml")).exists();

    CliRun validate = CliRun.run(env, "validate", dir.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();

    CliRun plan = CliRun.run(env, "plan", dir.toString(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  @Test
  void savedPlanIsAppliedExactlyOrRefusedWhenStale(@TempDir Path dir) throws Exception {
    Map<String, String> env = start("secure-exchanges");
    Path planFile = dir.resolve("plan.json");
    CliRun plan = CliRun.run(env, "plan", "examples/secure-exchanges", "--out", planFile.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(Files.readString(planFile)).contains("\"formatVersion\"");

    // Someone changes the portal after the review: the saved plan must be refused, nothing written.
    changeSomethingLive();
    long before = stateVersion();
    CliRun stale = CliRun.run(env, "apply", "--plan", planFile.toString());
    assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(3);
    assertThat(stale.err()).contains("stale");
    assertThat(stateVersion()).isEqualTo(before);

    // A fresh plan applies exactly.
    CliRun replan = CliRun.run(env, "plan", "examples/secure-exchanges", "--out", planFile.toString());
    assertThat(replan.exitCode()).as(replan.toString()).isZero();
    CliRun apply = CliRun.run(env, "apply", "--plan", planFile.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    CliRun after = CliRun.run(env, "plan", "examples/secure-exchanges", "--detailed-exitcode");
    assertThat(after.exitCode()).as(after.toString()).isZero();
  }

  @Test
  void aSavedPlanIsAppliedToThePortalItWasMadeAgainstWhenNoneIsGiven(@TempDir Path dir) throws Exception {
    start("app-roles");
    Map<String, String> tokenOnly = Map.of("ROLEFORM_TOKEN", "demo-write");
    Path planFile = dir.resolve("plan.json");
    CliRun plan = CliRun.run(tokenOnly, "plan", "examples/app-roles", "--portal", sandbox.baseUrl().toString(),
        "--out", planFile.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isZero();

    CliRun apply = CliRun.run(tokenOnly, "apply", "--plan", planFile.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    CliRun after = CliRun.run(tokenOnly, "plan", "examples/app-roles", "--portal", sandbox.baseUrl().toString(),
        "--detailed-exitcode");
    assertThat(after.exitCode()).as(after.toString()).isZero();
  }

  @Test
  void applyWithoutTerminalNeedsAutoApprove() throws Exception {
    Map<String, String> env = start("secure-exchanges");
    long before = stateVersion();
    CliRun apply = CliRun.run(env, "apply", "examples/secure-exchanges");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("--auto-approve");
    assertThat(stateVersion()).isEqualTo(before);
  }

  @Test
  void tokenNeverAppearsInOutput() throws Exception {
    start("secure-exchanges");
    Map<String, String> env = Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(),
        "ROLEFORM_TOKEN", "s3cr3t-token-value");
    CliRun plan = CliRun.run(env, "plan", "examples/secure-exchanges", "--verbose");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).contains("401");
    assertThat(plan.out() + plan.err()).doesNotContain("s3cr3t-token-value");
  }

  private long stateVersion() throws Exception {
    HttpResponse<String> r = http("GET", "/api/v1/portal", null);
    return Long.parseLong(r.headers().firstValue("State-Version").orElseThrow());
  }

  private void changeSomethingLive() throws Exception {
    HttpResponse<String> r = http("POST", "/api/v1/roles", "{\"name\":\"Added by hand\",\"permissions\":[\"logs\"]}");
    assertThat(r.statusCode()).isEqualTo(201);
  }

  private HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .header("Authorization", "Bearer demo-write")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
