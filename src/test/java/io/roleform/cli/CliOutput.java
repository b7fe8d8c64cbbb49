package io.roleform.cli;

import io.roleform.testing.CliRun;
import java.util.Map;

/** One in-process run of the real command line: exit code, stdout and stderr. */
record CliOutput(int exitCode, String out, String err) {

  static CliOutput run(String... args) {
    CliRun r = CliRun.run(Map.of(), args);
    return new CliOutput(r.exitCode(), r.out(), r.err());
  }
}
