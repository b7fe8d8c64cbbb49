package io.roleform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar roleform.jar sandbox} as a child process on 127.0.0.1 and a free port, its
 * database in a file of its own. {@link #close()} stops it with SIGTERM (the sandbox checkpoints
 * its database on a clean stop, so the file can then be copied alone) and waits.
 */
final class SandboxProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final URI url;
  final double startMs;

  private SandboxProcess(Process process, URI url, double startMs) {
    this.process = process;
    this.url = url;
    this.startMs = startMs;
  }

  /** Starts a sandbox on {@code data}; {@code generate} (may be null) applies to an empty file only. */
  static SandboxProcess start(Path jar, Path data, String generate, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar.toString(), "sandbox",
        "--port", "0", "--data", data.toString(), "--profile", "secure-exchanges"));
    if (generate != null) {
      cmd.addAll(List.of("--generate", generate));
    }
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("http://127.0.0.1:")) {
      p.destroyForcibly();
      throw new IOException("the sandbox did not start (first stdout line: " + line + "); see " + log);
    }
    return new SandboxProcess(p, URI.create(line.trim()), (System.nanoTime() - t0) / 1e6);
  }

  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** API requests received so far, total; and by method via {@link #counts()}. */
  JsonNode counts() throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(
          HttpRequest.newBuilder(url.resolve("/_sandbox/stats")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body()).path("requests");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Requests so far, split into reads (GET) and writes (everything else). */
  Counts totals() throws IOException {
    long reads = 0, writes = 0;
    var it = counts().fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().startsWith("GET ")) {
        reads += e.getValue().asLong();
      } else {
        writes += e.getValue().asLong();
      }
    }
    return new Counts(reads, writes);
  }

  record Counts(long reads, long writes) {
    Counts minus(Counts before) {
      return new Counts(reads - before.reads, writes - before.writes);
    }

    long total() {
      return reads + writes;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Copies a stopped sandbox's database (and any WAL files left) to {@code target}. */
  static void copyDatabase(Path source, Path target) throws IOException {
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    for (String suffix : List.of("-wal", "-shm")) {
      Path s = Path.of(source + suffix);
      Path t = Path.of(target + suffix);
      if (Files.exists(s)) {
        Files.copy(s, t, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(t);
      }
    }
  }
}
