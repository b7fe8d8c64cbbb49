package io.roleform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code export --out DIR} without clobbering files roleform did not write. Next to the
 * files it writes a manifest ({@value #MANIFEST}: the SHA-256 and name of each file written).
 * A later export replaces a file (or deletes an old {@code roles-NNNN.yaml} part) only when the
 * manifest lists it with its current content; anything else — a file the user wrote, or edited
 * since the export — is refused unless {@code --force}. Every replacement and deletion is reported.
 */
final class ExportDirectory {
  static final String MANIFEST = ".roleform-export";
  private static final Pattern PART = Pattern.compile("(roles|users)-\\d{4}\\.yaml");

  private ExportDirectory() {}

  /**
   * Writes {@code files} (name → content) into {@code dir}.
   *
   * @return one line per file replaced, overwritten or deleted, for stderr
   * @throws CliException (exit 1, nothing written) when a file roleform did not write would be
   *     replaced or deleted and {@code force} is off
   */
  static List<String> write(Path dir, Map<String, String> files, boolean force) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> written = readManifest(dir);
    List<String> stale = new ArrayList<>();
    try (var list = Files.list(dir)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (PART.matcher(name).matches() && !files.containsKey(name)) stale.add(name);
      }
    }
    List<String> touched = new ArrayList<>(stale);
    for (String name : files.keySet()) {
      if (Files.exists(dir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) touched.add(name);
    }
    List<String> foreign = new ArrayList<>();
    for (String name : touched) {
      if (!ours(dir.resolve(name), written.get(name))) foreign.add(name);
    }
    if (!foreign.isEmpty() && !force) {
      throw new CliException(ExitCodes.ERROR, "export --out " + dir + " would replace or delete "
          + (foreign.size() == 1 ? "a file" : foreign.size() + " files") + " it did not write (or that changed since): "
          + String.join(", ", foreign.stream().map(n -> dir.resolve(n).toString()).toList())
          + ". Nothing was written; move them away, export to another directory, or pass --force to replace them.");
    }
    List<String> report = new ArrayList<>();
    Map<String, String> manifest = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      if (touched.contains(f.getKey())) {
        report.add(foreign.contains(f.getKey())
            ? "Overwrote " + target + " (--force; roleform export did not write it)"
            : "Replaced " + target + " (written by an earlier export)");
      }
      Files2.writeAtomically(target, f.getValue());
      manifest.put(f.getKey(), sha256(f.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    for (String name : stale) {
      Files.delete(dir.resolve(name));
      report.add("Deleted " + dir.resolve(name) + (foreign.contains(name)
          ? " (--force; a roles-NNNN.yaml part roleform export did not write)" : " (a part of an earlier export)"));
    }
    StringBuilder sb = new StringBuilder("# Files written by 'roleform export'; a later export replaces only these.\n");
    manifest.forEach((name, hash) -> sb.append(hash).append("  ").append(name).append('\n'));
    Files2.writeAtomically(dir.resolve(MANIFEST), sb.toString());
    return report;
  }

  private static boolean ours(Path file, String hash) throws IOException {
    return hash != null && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && hash.equals(sha256(Files.readAllBytes(file)));
  }

  private static Map<String, String> readManifest(Path dir) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(m) > 1024 * 1024) return out;
    for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
      int sep = line.indexOf("  ");
      if (line.startsWith("#") || sep != 64) continue;
      out.put(line.substring(sep + 2), line.substring(0, sep));
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
