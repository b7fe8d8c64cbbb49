package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The image tarball built by the {@code jib-offline} profile ({@code ./mvnw -Pjib-offline verify})
 * has the configuration the image promises: roleform's main class as entrypoint, a non-root user,
 * the working directory and NO_COLOR. Runs only under that profile, which passes the tarball's
 * path as the system property {@code roleform.jib.tarball}.
 */
class JibImageIT {

  @Test
  void imageRunsRoleformAsANonRootUser() throws IOException {
    String tarball = System.getProperty("roleform.jib.tarball", "");
    assumeTrue(!tarball.isEmpty(), "only under -Pjib-offline");
    Map<String, byte[]> files = entries(Path.of(tarball), Set.of("manifest.json", "config.json"));
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(files.get("manifest.json"));
    JsonNode config = json.readTree(files.get("config.json")).path("config");

    assertThat(manifest.get(0).path("Layers").size()).as("layers").isGreaterThanOrEqualTo(3);
    assertThat(config.path("Entrypoint").toString())
        .isEqualTo("[\"java\",\"-XX:+UseSerialGC\",\"-XX:TieredStopAtLevel=1\",\"-Xmn64m\",\"-Droleform.configHeap=true\",\"-cp\",\"@/app/jib-classpath-file\",\"io.roleform.cli.Main\"]");
    String user = config.path("User").asText();
    assertThat(user).isNotEmpty().doesNotStartWith("0").isNotEqualTo("root");
    assertThat(user).isEqualTo("10001:10001");
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/work");
    assertThat(config.path("Env").toString()).contains("NO_COLOR=1");
  }

  /** The named entries of an uncompressed tar archive (ustar; PAX headers skipped). */
  private static Map<String, byte[]> entries(Path tar, Set<String> names) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    try (InputStream raw = Files.newInputStream(tar); DataInputStream in = new DataInputStream(raw)) {
      byte[] header = new byte[512];
      while (found.size() < names.size()) {
        in.readFully(header);
        String name = field(header, 0, 100);
        if (name.isEmpty()) break; // end-of-archive block
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) name = prefix + "/" + name;
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        byte[] body = new byte[(int) size];
        in.readFully(body);
        in.skipNBytes((512 - size % 512) % 512);
        if (names.contains(name)) found.put(name, body);
      }
    }
    assertThat(found.keySet()).as("entries of %s", tar).containsAll(names);
    return found;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) end++;
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
