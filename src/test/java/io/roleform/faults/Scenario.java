package io.roleform.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A generated app-roles portal (the base database, closed) and a config for it, with the
 * fault-free reference outcome and the number of operations its plan has.
 */
record Scenario(Path base, String config, Portals.Reference reference, int operations) {

  static Scenario generated(Path work, GenerateSpec spec, int newRoles, long configSeed) {
    Path base = Portals.seed(work, "app-roles", spec);
    return forBase(work, base, newRoles, configSeed);
  }

  /** Another config for the same base (same role names, different members and order). */
  static Scenario forBase(Path work, Path base, int newRoles, long configSeed) {
    String config;
    int operations;
    try (Sandbox sandbox = Portals.start(Portals.copy(base, work.resolve("read.db")), "app-roles")) {
      config = GeneratedConfig.write(work.resolve("config-" + configSeed), Portals.read(sandbox.baseUrl()),
          newRoles, configSeed).toString();
      Cli plan = Cli.run("plan", config, "--format", "json", "--portal", sandbox.baseUrl().toString(),
          "--max-member-removals", "1000000", "--max-member-removal-percent", "100");
      if (plan.exit() != 0) {
        throw new AssertionError("plan failed: " + plan);
      }
      operations = new ObjectMapper().readTree(plan.out()).path("operations").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Scenario(base, config, Portals.reference(base, "app-roles", config, work), operations);
  }
}
