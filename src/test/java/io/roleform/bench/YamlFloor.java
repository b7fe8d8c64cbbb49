package io.roleform.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The floor of {@code roleform validate}: a bare SnakeYAML parse (every parser event pulled, nothing
 * built) of the same config files, in a fresh JVM, the files in parallel as roleform reads them.
 * Prints one line: {@code parseMs=.. files=.. bytes=.. events=..}.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/roleform.jar io.roleform.bench.YamlFloor DIR}
 */
public final class YamlFloor {
  private YamlFloor() {}

  public static void main(String[] args) throws IOException {
    long t0 = System.nanoTime();
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    long events = files.parallelStream().mapToLong(YamlFloor::parse).sum();
    long bytes = 0;
    for (Path f : files) bytes += Files.size(f);
    System.out.printf("parseMs=%.1f files=%d bytes=%d events=%d%n", (System.nanoTime() - t0) / 1e6,
        files.size(), bytes, events);
  }

  private static long parse(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      ParserImpl parser = new ParserImpl(new StreamReader(in), options);
      long n = 0;
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        parser.getEvent();
        n++;
      }
      return n;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
