package io.roleform.cli;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code roleform sandbox}: runs a local portal until SIGTERM/SIGINT. Its URL is the only line on
 * stdout, printed once it is ready; everything else goes to stderr.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Run a local portal (Portal API v1 on 127.0.0.1) for trying roleform out and for tests.",
    footer = {
      "",
      "Example:",
      "  roleform sandbox --profile case-portal --port 7070 --faults 5xx=0.1,reset=0.05 --seed 7",
      "  ROLEFORM_TOKEN=demo-write roleform plan roles.yaml --portal http://127.0.0.1:7070",
      "",
      "Profiles: secure-exchanges, case-portal, app-roles. Without --tokens the sandbox accepts",
      "'demo-write' (alice@acme.example) and 'demo-read' (bob@acme.example)."
    })
public final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "TCP port on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int port = SandboxOptions.DEFAULT_PORT;

  @Option(names = "--data", paramLabel = "FILE",
      description = "SQLite database file, or :memory: (default: .roleform/sandbox-PROFILE.db).")
  String data;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "secure-exchanges, case-portal or app-roles (default: ${DEFAULT-VALUE}).")
  String profile = "secure-exchanges";

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "YAML list of {token, user: EMAIL, scope: read|write}.")
  Path tokens;

  @Option(names = "--faults", paramLabel = "SPEC",
      description = "Inject faults into /api/v1, e.g. 5xx=0.1,429=0.05,reset=0.05,latency=5..50.")
  String faults;

  @Option(names = "--seed", description = "Seed of faults and generated data (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--rate-limit", paramLabel = "N",
      description = "Answer 429 above N requests per second; 0 = none (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--generate", paramLabel = "SPEC",
      description = "On an empty database, add users=U,roles=R,memberships=M synthetic data"
          + " (also departments=D on case-portal, externals=true for more collaborators).")
  String generate;

  @Option(names = "--verbose", description = "Log one line per request on stderr.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SandboxOptions options;
    try {
      if (tokens != null && !Files.isReadable(tokens)) {
        throw new IllegalArgumentException("the tokens file " + tokens + " does not exist or is not readable");
      }
      options =
          new SandboxOptions(
              port,
              data != null ? data : ".roleform/sandbox-" + profile + ".db",
              profile,
              tokens,
              faults == null ? null : FaultSpec.parse(faults),
              seed,
              rateLimit,
              generate == null ? null : GenerateSpec.parse(generate),
              verbose,
              new PrintStream(new LineWriterStream(err), true, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("Try 'roleform sandbox --help' for usage.");
      return ExitCodes.ERROR;
    }
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(options);
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: cannot start the sandbox: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  err.println("sandbox: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    err.println("sandbox: profile " + profile + ", data " + options.data() + "; stop with Ctrl-C or SIGTERM");
    out.println(sandbox.baseUrl());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /** Adapts the command's error writer to the PrintStream the sandbox logs to, line by line. */
  private static final class LineWriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineWriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        flushLine();
      } else {
        line.write(b);
      }
    }

    private void flushLine() {
      writer.println(line.toString(StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }

    @Override
    public synchronized void flush() {
      if (line.size() > 0) {
        writer.print(line.toString(StandardCharsets.UTF_8));
        writer.flush();
        line.reset();
      }
    }
  }
}
