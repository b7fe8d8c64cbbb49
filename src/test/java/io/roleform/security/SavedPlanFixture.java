package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the saved-plan tests ({@code plan --out}, then {@code apply --plan}) each start from, as a
 * JUnit extension ({@code @RegisterExtension}): for every test a fresh secure-exchanges sandbox on
 * 127.0.0.1 (closed after the test, whatever it did), a temporary folder holding the test class's
 * config as {@code config.yaml}, and the CLI environment that reaches the portal with the demo
 * write token plus the class's extra variables.
 */
final class SavedPlanFixture implements BeforeEachCallback, AfterEachCallback {
  private final String configText;
  private final String[] extraEnv;

  /** The sandbox of the current test. */
  PortalForTest portal;
  /** Its CLI environment: {@link PortalForTest#env} with the extra variables. */
  Map<String, String> env;
  /** The current test's temporary folder. */
  Path dir;
  /** {@code config.yaml} in {@link #dir}. */
  Path config;

  private SavedPlanFixture(String configText, String[] extraEnv) {
    this.configText = configText;
    this.extraEnv = extraEnv.clone();
  }

  /** A fixture with {@code config} as the config and {@code env} (name, value, ...) added to the environment. */
  static SavedPlanFixture of(String config, String... env) {
    return new SavedPlanFixture(config, env);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("roleform-saved-plan");
    portal = PortalForTest.start("secure-exchanges");
    env = portal.env(extraEnv);
    config = Files.writeString(dir.resolve("config.yaml"), configText);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      if (portal != null) portal.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /** {@code plan config.yaml --out plan.json OPTIONS} in {@link #env}, which must exit 0; the saved plan. */
  Path plan(String... options) {
    return plan(env, options);
  }

  /** {@link #plan(String...)} in another environment. */
  Path plan(Map<String, String> environment, String... options) {
    Path out = dir.resolve("plan.json");
    List<String> args = new ArrayList<>(List.of("plan", config.toString(), "--out", out.toString()));
    args.addAll(List.of(options));
    CliRun plan = CliRun.run(environment, args.toArray(String[]::new));
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    return out;
  }

  /** The CLI run in {@link #env}. */
  CliRun run(String... args) {
    return CliRun.run(env, args);
  }

  /** The portal's state version (unchanged = nothing written). */
  long stateVersion() {
    return portal.stateVersion();
  }
}
