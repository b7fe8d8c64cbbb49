package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roleform sandbox} as a child JVM: SIGKILL during a stream of writes loses no acknowledged
 * write and adds nothing but (possibly) the one in flight; SIGTERM stops it cleanly; the URL is the
 * only line on stdout.
 */
class SandboxKillIT {
  @TempDir Path dir;

  record Child(Process process, URI url, Path stderr, List<String> stdout, Thread reader) {}

  Child startChild(Path db) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stderr = Files.createTempFile(dir, "sandbox", ".err");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.roleform.cli.Main", "sandbox", "--port", "0", "--data", db.toString(), "--profile", "secure-exchanges");
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch firstLine = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          lines.add(l);
          firstLine.countDown();
        }
      } catch (IOException ignored) {
        // the process is gone
      } finally {
        firstLine.countDown();
      }
    });
    reader.start();
    firstLine.await(30, TimeUnit.SECONDS);
    assertThat(lines).as("URL on stdout; stderr: %s", Files.readString(stderr)).isNotEmpty();
    assertThat(lines.get(0)).startsWith("http://127.0.0.1:");
    return new Child(p, URI.create(lines.get(0)), stderr, lines, reader);
  }

  @Test
  @Timeout(120)
  void sigkill_during_writes_keeps_exactly_the_acknowledged_writes() throws Exception {
    Path db = dir.resolve("kill.db");
    Child first = startChild(db);
    ApiClient api = new ApiClient(first.url(), "demo-write");
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger inFlight = new AtomicInteger(-1);
    Thread writer = new Thread(() -> {
      for (int i = 0; ; i++) {
        inFlight.set(i);
        try {
          ApiClient.Resp r = api.sendUnchecked("POST", "/api/v1/roles", Map.of("name", "Kill " + i),
              Map.of("Idempotency-Key", "kill-" + i));
          if (r.status() != 201) {
            return;
          }
          acknowledged.add(i);
        } catch (IOException | RuntimeException | AssertionError e) {
          return; // the server died
        }
      }
    });
    writer.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    first.process().destroyForcibly();
    first.process().waitFor(20, TimeUnit.SECONDS);
    writer.join(20_000);
    assertThat(acknowledged).as("writes were flowing when the process was killed").hasSizeGreaterThanOrEqualTo(20);

    Child second = startChild(db);
    try {
      ApiClient after = new ApiClient(second.url(), "demo-write");
      List<JsonNode> roles = new ArrayList<>();
      after.get("/api/v1/roles?limit=1000").json().get("items").forEach(roles::add);
      Set<Integer> found = new HashSet<>();
      for (JsonNode r : roles) {
        String name = r.get("name").asText();
        if (name.startsWith("Kill ")) {
          found.add(Integer.parseInt(name.substring(5)));
        }
      }
      assertThat(found).containsAll(acknowledged);
      Set<Integer> extra = new HashSet<>(found);
      extra.removeAll(acknowledged);
      assertThat(extra).as("nothing but the write in flight").isSubsetOf(Set.of(inFlight.get()));
      assertThat(after.get("/api/v1/portal").json().get("stateVersion").asInt()).isEqualTo(1 + found.size());
      // An acknowledged write retried after the crash is a replay, not a second role.
      int last = acknowledged.stream().max(Integer::compare).orElseThrow();
      ApiClient.Resp replay = after.post("/api/v1/roles", Map.of("name", "Kill " + last), "Idempotency-Key", "kill-" + last);
      assertThat(replay.status()).isEqualTo(201);
      assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    } finally {
      stopWithSigterm(second);
    }
  }

  void stopWithSigterm(Child child) throws Exception {
    child.process().destroy(); // SIGTERM
    assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    child.reader().join(5_000);
    assertThat(child.stdout()).as("the URL is the only stdout line").hasSize(1);
    assertThat(Files.readString(child.stderr())).contains("sandbox: stopped").doesNotContain("Exception");
  }
}
