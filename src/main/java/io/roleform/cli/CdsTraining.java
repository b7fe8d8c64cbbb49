package io.roleform.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data sharing archive ({@code roleform.jsa}, next to the jar): a training run of
 * the commands users run most — export, validate (valid and broken configs, every format), plan
 * (text, markdown, json, saved), check, report and apply of a saved plan — against the in-process
 * sandbox ({@code embedded:app-roles}), in ONE child JVM started with the launcher's options and
 * {@code -XX:ArchiveClassesAtExit}, so that the classes they load (SnakeYAML, Jackson, networknt,
 * OkHttp, the diff and the renderers) are stored pre-parsed and pre-verified. Run at {@code
 * package} time (pom.xml), in the Dockerfile and by the action:
 *
 * <pre>
 *   java -cp JAR io.roleform.cli.CdsTraining ARCHIVE
 * </pre>
 *
 * <p>Guarantees: the archive appears at {@code ARCHIVE} only complete (written to a temporary file
 * next to it and moved into place when the training JVM exited 0: a JVM mapping a truncated
 * archive can crash), or not at all; the training works in a temporary directory of its own,
 * deleted afterwards; it prints one line (the commands' exit codes, or why there is no archive)
 * and always exits 0 — no archive only means a slower start, never a broken build.
 */
public final class CdsTraining {
  private static final String PORTAL = "embedded:app-roles";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 1) {
      makeArchive(Path.of(args[0]).toAbsolutePath());
    } else {
      train();
    }
  }

  /** Runs {@link #train} in a child JVM that archives its classes at exit, then moves the archive into place. */
  private static void makeArchive(Path archive) {
    Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp");
    Path scratch = null;
    String outcome;
    try {
      Files.deleteIfExists(tmp);
      scratch = Files.createTempDirectory("roleform-cds-training");
      String java = ProcessHandle.current().info().command().orElse("java");
      Path jar = Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(Relaunch.OPTIONS);
      command.addAll(List.of("-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
          "-cp", jar.toString(), CdsTraining.class.getName()));
      Process p = new ProcessBuilder(command).directory(scratch.toFile())
          .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        outcome = "the training run timed out";
      } else if (p.exitValue() != 0) {
        outcome = "the training run exited " + p.exitValue();
      } else if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
        outcome = "this JVM made no archive (it needs the JDK's own class-data sharing archive)";
      } else {
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        outcome = null;
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      outcome = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "interrupted";
    }
    try {
      Files.deleteIfExists(tmp);
      if (scratch != null) deleteTree(scratch);
    } catch (IOException e) {
      // a scratch file left in the temporary directory is harmless
    }
    System.out.println(outcome == null ? "roleform class-data sharing archive: " + archive
        : "roleform class-data sharing archive not made (roleform runs the same without it): " + outcome);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** The training itself, in the current directory (a scratch directory). */
  private static void train() throws IOException {
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
      Map<String, String> env = Map.of("NO_COLOR", "1");
      Main.startEarly(args, env); // as Main does, so that its classes are archived too
      code = RoleformCommand.run(args, none, none, env);
    } catch (RuntimeException e) {
      code = -1;
    }
    codes.add(args[0] + "=" + code);
  }
}
