package io.roleform.config;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the files of a config: the file itself, or every {@code *.yaml} / {@code *.yml} file under
 * a directory (recursively, symbolic links followed), in path order. Stops early past {@link
 * Limits#MAX_FILES} and checks sizes before anything is read. A symbolic link loop and a link to
 * nothing are problems; a link that leads out of the config directory is followed and noted.
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

  /**
   * The files found, or the problems that stopped the search (then {@code sources} is empty), and
   * notes for {@code --verbose} (links followed out of the config directory).
   */
  record Listing(List<Source> sources, List<Diagnostic> problems, List<String> notes) {
    Listing(List<Source> sources, List<Diagnostic> problems) {
      this(sources, problems, List.of());
    }
  }

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
    List<Diagnostic> linkProblems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean[] tooMany = {false};
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      return failed(rootText, "cannot read `" + rootText + "`: " + e.getMessage(), null);
    }
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          noteIfOutside(dir, realRoot, notes);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!isYaml(file)) return FileVisitResult.CONTINUE;
          if (attrs.isSymbolicLink()) { // a link FOLLOW_LINKS could not follow: it leads nowhere
            linkProblems.add(new Diagnostic(Location.NONE, "`" + file + "` is a symbolic link to a file that does not exist",
                "fix or remove the link"));
            return FileVisitResult.CONTINUE;
          }
          if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
          if (Files.isSymbolicLink(file)) noteIfOutside(file, realRoot, notes);
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
          if (e instanceof FileSystemLoopException) {
            linkProblems.add(new Diagnostic(Location.NONE, "`" + file + "` is a symbolic link loop (it leads back to a directory"
                + " that contains it)", "remove the link, or point it at a directory outside the config"));
          }
          return FileVisitResult.CONTINUE; // an unreadable entry is reported when read, if it matters
        }
      });
    } catch (IOException e) {
      return failed(rootText, "cannot list `" + rootText + "`: " + e.getMessage(), null);
    }
    if (!linkProblems.isEmpty()) return new Listing(List.of(), linkProblems);
    if (tooMany[0]) {
      return failed(rootText, "config `" + rootText + "` has more than " + Limits.MAX_FILES
          + " YAML files", "point roleform at the directory that holds only the config");
    }
    if (found.isEmpty()) {
      return failed(rootText, "no *.yaml or *.yml files in `" + rootText + "`", null);
    }
    found.sort(Comparator.comparing(Source::relative));
    Listing checked = checkSizes(found);
    return new Listing(checked.sources(), checked.problems(), List.copyOf(notes));
  }

  private static void noteIfOutside(Path path, Path realRoot, List<String> notes) {
    try {
      Path real = path.toRealPath();
      if (!real.startsWith(realRoot) && Files.isSymbolicLink(path)) {
        notes.add("`" + path + "` is a symbolic link out of the config directory, to `" + real + "`; followed");
      }
    } catch (IOException e) {
      // reported when read, if it matters
    }
  }

  private static Listing checkSizes(List<Source> sources) {
    List<Diagnostic> problems = new ArrayList<>();
    long total = 0;
    for (Source s : sources) {
      total += s.size();
      if (s.size() > Limits.MAX_FILE_BYTES) {
        problems.add(Diagnostic.at(Location.fileStart(s.display()),
            "file is too large (" + s.size() + " bytes; the limit is " + Limits.MAX_FILE_BYTES
                + " bytes)").withHint("split the config over several files"));
      }
    }
    if (problems.isEmpty() && total > Limits.MAX_TOTAL_BYTES) {
      problems.add(new Diagnostic(Location.NONE, "config is too large (" + total
          + " bytes in all; the limit is " + Limits.MAX_TOTAL_BYTES + " bytes)", null));
    }
    return problems.isEmpty() ? new Listing(List.copyOf(sources), List.of())
        : new Listing(List.of(), problems);
  }

  private static boolean isYaml(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static Listing failed(String root, String message, String hint) {
    return new Listing(List.of(), List.of(new Diagnostic(Location.NONE, message, hint)));
  }
}
