package io.roleform.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run of the class-data sharing archive ({@code roleform.jsa}, next to the jar): runs
 * the commands users run most — export, validate (valid and broken configs, every format), plan
 * (text, markdown, json, saved), apply of a saved plan, check and report — against the in-process
 * sandbox ({@code embedded:app-roles}), in ONE JVM started with {@code
 * -XX:ArchiveClassesAtExit=roleform.jsa}, so that the classes they load (picocli, SnakeYAML,
 * Jackson, networknt, OkHttp, the diff and the renderers) are archived pre-parsed and pre-verified.
 * Made at {@code package} time (pom.xml) and in the Dockerfile:
 *
 * <pre>
 *   cd SCRATCH &amp;&amp; java LAUNCHER-OPTIONS -XX:ArchiveClassesAtExit=JAR-DIR/roleform.jsa \
 *       -cp JAR-DIR/roleform.jar io.roleform.cli.CdsTraining
 * </pre>
 *
 * <p>Works in the current directory, which must be a scratch directory: it writes {@code config/},
 * {@code broken/}, plan and report files and the embedded sandbox's {@code .roleform/} there (the
 * sandbox's database is deleted first, so every training run starts from the same portal). The
 * commands' own output is discarded; one line with their exit codes goes to stdout. Always exits
 * 0: an odd exit code only means fewer classes archived, never a broken build.
 */
public final class CdsTraining {
  private static final String PORTAL = "embedded:app-roles";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Files.deleteIfExists(Path.of(".roleform", "embedded-app-roles.db"));
    List<String> codes = new ArrayList<>();
    run(codes, "export", "--portal", PORTAL, "--out", "config", "--force");
    Files.createDirectories(Path.of("config"));
    Files.writeString(Path.of("config", "zz-training.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Training role
            description: Made by the class-data sharing training run.
            permissions: [view-records]
            members:
              - {email: alice@acme.example, until: 2999-01-01}
        """);
    Files.createDirectories(Path.of("broken"));
    Files.writeString(Path.of("broken", "roles.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Broken
            permisions: [view-records]
            members: [not-an-email, 42]
          - name: Broken
            copyFrom: Missing
        """);
    run(codes, "validate", "config");
    run(codes, "validate", "config", "--format", "json");
    run(codes, "validate", "broken");
    run(codes, "validate", "broken", "--format", "github");
    run(codes, "plan", "config", "--portal", PORTAL);
    run(codes, "plan", "config", "--portal", PORTAL, "--format", "markdown", "--detailed-exitcode");
    run(codes, "plan", "config", "--portal", PORTAL, "--format", "json", "--out", "plan.json");
    run(codes, "check", "config", "--portal", PORTAL);
    run(codes, "report", "config", "--portal", PORTAL, "--format", "html", "--out", "report.html");
    run(codes, "apply", "--plan", "plan.json", "--portal", PORTAL);
    run(codes, "plan", "config", "--portal", PORTAL, "--detailed-exitcode");
    run(codes, "--help");
    System.out.println("roleform class-data sharing training: exit codes " + String.join(" ", codes));
  }

  private static void run(List<String> codes, String... args) {
    PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true);
    int code;
    try {
      code = RoleformCommand.run(args, none, none, Map.of("NO_COLOR", "1"));
    } catch (RuntimeException e) {
      code = -1;
    }
    codes.add(args[0] + "=" + code);
  }
}
