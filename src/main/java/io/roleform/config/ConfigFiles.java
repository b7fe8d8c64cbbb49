package io.roleform.config;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the files of a config: the file itself, or every {@code *.yaml} / {@code *.yml} file under
 * a directory (recursively, symbolic links not followed), in path order. Stops early past {@link
 * Limits#MAX_FILES} and checks sizes before anything is read.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * One config file.
   *
   * @param path where to read it
   * @param display the name used in messages: the path as given, joined with the path inside it
   * @param relative the name relative to the config root, {@code /}-separated (used in the digest
   *     and for the path order)
   * @param size its size in bytes when listed
   */
  record Source(Path path, String display, String relative, long size) {}

  /** The files found, or the problems that stopped the search (then {@code sources} is empty). */
  record Listing(List<Source> sources, List<Diagnostic> problems) {}

  static Listing list(Path root) {
    String rootText = root.toString();
    if (!Files.exists(root)) {
      return failed(rootText, "config `" + rootText + "` does not exist",
          "give a config file or a directory of *.yaml files");
    }
    if (Files.isRegularFile(root)) {
      try {
        Source s = new Source(root, rootText, root.getFileName().toString(), Files.size(root));
        return checkSizes(List.of(s));
      } catch (IOException e) {
        return failed(rootText, "cannot read `" + rootText + "`: " + e.getMessage(), null);
      }
    }
    if (!Files.isDirectory(root)) {
      return failed(rootText, "config `" + rootText + "` is neither a file nor a directory", null);
    }
    List<Source> found = new ArrayList<>();
    boolean[] tooMany = {false};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isRegularFile() || !isYaml(file)) return FileVisitResult.CONTINUE;
          if (found.size() >= Limits.MAX_FILES) {
            tooMany[0] = true;
            return FileVisitResult.TERMINATE;
          }
          String rel = root.relativize(file).toString().replace('\\', '/');
          found.add(new Source(file, file.toString(), rel, attrs.size()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable entry is reported when read, if it matters
        }
      });
    } catch (IOException e) {
      return failed(rootText, "cannot list `" + rootText + "`: " + e.getMessage(), null);
    }
    if (tooMany[0]) {
      return failed(rootText, "config `" + rootText + "` has more than " + Limits.MAX_FILES
          + " YAML files", "point roleform at the directory that holds only the config");
    }
    if (found.isEmpty()) {
      return failed(rootText, "no *.yaml or *.yml files in `" + rootText + "`", null);
    }
    found.sort(Comparator.comparing(Source::relative));
    return checkSizes(found);
  }

  private static Listing checkSizes(List<Source> sources) {
    List<Diagnostic> problems = new ArrayList<>();
    long total = 0;
    for (Source s : sources) {
      total += s.size();
      if (s.size() > Limits.MAX_FILE_BYTES) {
        problems.add(Diagnostic.at(new SourcePosition(s.display(), 1, 1), "",
            "file is too large (" + s.size() + " bytes; the limit is " + Limits.MAX_FILE_BYTES
                + " bytes)").withHint("split the config over several files"));
      }
    }
    if (problems.isEmpty() && total > Limits.MAX_TOTAL_BYTES) {
      problems.add(new Diagnostic(null, "", "config is too large (" + total
          + " bytes in all; the limit is " + Limits.MAX_TOTAL_BYTES + " bytes)", null));
    }
    return problems.isEmpty() ? new Listing(List.copyOf(sources), List.of())
        : new Listing(List.of(), problems);
  }

  private static boolean isYaml(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  private static Listing failed(String root, String message, String hint) {
    return new Listing(List.of(), List.of(new Diagnostic(null, "", message, hint)));
  }
}
