package io.roleform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads a config — a file, or a directory of {@code *.yaml}/{@code *.yml} files — into a validated
 * {@link DesiredState}, or into every problem it has.
 *
 * <p>Guarantees: never throws for any input (hostile files included); reports all problems at once,
 * each with file, line, column and document path; reads no file over {@link Limits#MAX_FILE_BYTES}
 * (checked before reading) and expands YAML aliases and merge keys only within {@link
 * Limits#MAX_ALIASES} and {@link Limits#MAX_ALIAS_EXPANDED_NODES}, so time and memory stay bounded.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Starts compiling the config schema ({@code schema/roleform.schema.json}) on a daemon thread of
   * its own, so that a command that is about to {@link #load} a config finds it ready instead of
   * compiling it on the critical path (the first file's schema check waits for it, and with it every
   * other file's). Costs the compile's CPU if no config is loaded after all. Never throws, never
   * prints: if the compile fails (a broken jar), {@link #load} still reports it as an internal error.
   */
  public static void prepare() {
    Thread t = new Thread(() -> {
      try {
        SchemaCheck.instance();
      } catch (Throwable ignored) {
        // load() compiles (or fails) again on its own thread and reports it there.
      }
    }, "roleform-schema");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Loads and validates a config with the {@code ROLEFORM_VAR_*} variables of {@code env} (and no
   * other variable).
   *
   * @param fileOrDir a config file, or a directory read recursively in path order; file names in
   *     messages are this path joined with the file's path under it
   * @param env the environment; only its {@code ROLEFORM_VAR_*} entries are substituted
   */
  public static ConfigResult load(Path fileOrDir, Map<String, String> env) {
    return load(fileOrDir, Variables.fromEnvironment(env));
  }

  /**
   * Loads and validates a config.
   *
   * @param fileOrDir a config file, or a directory read recursively in path order; file names in
   *     messages are this path joined with the file's path under it
   * @param variables the values {@code ${NAME}} may take; no message echoes one of them
   */
  public static ConfigResult load(Path fileOrDir, Variables variables) {
    try {
      ConfigFiles.Listing listing = ConfigFiles.list(fileOrDir);
      if (!listing.problems().isEmpty()) return new ConfigResult(null, listing.problems());
      EnvSubstitution substitution = new EnvSubstitution(variables);
      // Files are read, parsed and schema-checked independently, so in parallel (a large export is
      // several files), the largest first; they are then merged strictly in path order, so the
      // result is the same.
      List<FileResult> results = checkAll(LargestFirst.map(listing.sources(), ConfigFiles.Source::size,
          source -> readFile(source, substitution)));
      return merge(results, substitution, variables, listing.notes(), null);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(e, variables);
    }
  }

  /**
   * Loads and validates a config from files already in memory (the config a saved plan carries),
   * with the same checks and the same digest as {@link #load(Path, Variables)} would give for those
   * files on disk.
   *
   * @param files the files, in path order
   * @param origin what the files are named after in messages ({@code origin:path})
   */
  public static ConfigResult load(List<ConfigSource> files, String origin, Variables variables) {
    return load(files, origin, variables, ConfigDigest.of(files));
  }

  /**
   * As {@link #load(List, String, Variables)}, with the digest of {@code files} already made
   * (a saved plan's config is hashed to check it against the plan before it is loaded): the
   * result's {@link DesiredState#configDigest()} is {@code digest} itself, so the files are hashed
   * at most once in all.
   *
   * @param digest {@link ConfigDigest#of} these very files
   * @throws IllegalArgumentException when {@code digest} is not of these files
   */
  public static ConfigResult load(List<ConfigSource> files, String origin, Variables variables, ConfigDigest digest) {
    if (!digest.isOf(files)) throw new IllegalArgumentException("the digest is not of these files");
    try {
      if (files.isEmpty()) {
        return new ConfigResult(null, List.of(Diagnostic.at(Location.NONE, origin + " holds no config file")));
      }
      long total = 0;
      for (ConfigSource f : files) {
        total += f.bytes().length;
        if (f.bytes().length > Limits.MAX_FILE_BYTES || total > Limits.MAX_TOTAL_BYTES) {
          return new ConfigResult(null, List.of(Diagnostic.at(Location.NONE, origin + " holds a config larger than the limits")));
        }
      }
      EnvSubstitution substitution = new EnvSubstitution(variables);
      List<FileResult> results = checkAll(LargestFirst.map(files, f -> f.bytes().length,
          f -> parse(origin + ":" + f.path(), f.path(), f.bytes(), new ArrayList<>(), substitution)));
      return merge(results, substitution, variables, List.of(), digest);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(e, variables);
    }
  }

  /** @param digest the digest of the files, or {@code null} to make one of the files read */
  private static ConfigResult merge(List<FileResult> results, EnvSubstitution substitution, Variables variables,
      List<String> notes, ConfigDigest digest) {
    List<Diagnostic> problems = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<ConfigSource> sources = new ArrayList<>();
    for (FileResult result : results) {
      files.add(result.display());
      if (result.bytes() != null) sources.add(new ConfigSource(result.relative(), result.bytes()));
    }
    ModelBuilder builder = new ModelBuilder(problems);
    for (FileResult result : results) {
      problems.addAll(result.problems());
      if (result.bytes() == null) continue;
      for (int i = 0; i < result.documents().size(); i++) builder.add(result.documents().get(i), result.roles().get(i));
    }
    ConfigModel model = builder.build();
    ConsistencyCheck.check(model, problems);
    if (!problems.isEmpty()) {
      Redactor redactor = Redactor.messages(variables);
      return new ConfigResult(null, problems.stream().map(redactor::apply).toList());
    }
    // The SHA-256 of the files is computed only when asked for (validate never needs it; plan and
    // apply start it on a thread of their own: ConfigDigest.start).
    return new ConfigResult(state(model, digest != null ? digest : ConfigDigest.of(sources), files), List.of(),
        sources, substitution.used(), notes);
  }

  /** The digest {@link #load} gives for these files (SHA-256 over path, length and bytes of each). */
  public static String digest(List<ConfigSource> files) {
    MessageDigest digest = sha256();
    for (ConfigSource f : files) {
      digest.update((f.path() + "\n" + f.bytes().length + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(f.bytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static ConfigResult internalError(Throwable e, Variables variables) {
    // A bug in a check must still end in a message, not a stack trace at the user, and the
    // exception's text may quote a substituted value: it is redacted as every other message.
    return new ConfigResult(null, List.of(Redactor.messages(variables).apply(
        Diagnostic.at(Location.NONE, "internal error while reading the config: " + e))));
  }

  private static byte[] read(ConfigFiles.Source source, List<Diagnostic> problems) {
    try {
      // Re-checked: the file may have grown since it was listed.
      if (Files.size(source.path()) > Limits.MAX_FILE_BYTES) {
        problems.add(Diagnostic.at(Location.fileStart(source.display()),
            "file is too large (the limit is " + Limits.MAX_FILE_BYTES + " bytes)"));
        return null;
      }
      return Files.readAllBytes(source.path());
    } catch (IOException e) {
      problems.add(Diagnostic.at(Location.fileStart(source.display()),
          "cannot read the file: " + e.getMessage()));
      return null;
    }
  }

  /**
   * One file read and parsed on its own: its bytes, its documents' trees, and the problems so far.
   * All files are parsed before any is schema-checked ({@link #checkAll}): the schema may still be
   * compiling on its own thread ({@link #prepare}), and parsing the other files meanwhile keeps the
   * cores busy instead of waiting for it.
   */
  private record ParsedFile(String display, String relative, byte[] bytes, List<DocumentTree.Read> reads,
      List<Diagnostic> problems) {}

  /** One file checked: its bytes, documents, roles and problems. */
  private record FileResult(String display, String relative, byte[] bytes, List<ParsedDocument> documents,
      List<DocumentRoles> roles, List<Diagnostic> problems) {}

  private static ParsedFile readFile(ConfigFiles.Source source, EnvSubstitution substitution) {
    List<Diagnostic> problems = new ArrayList<>();
    byte[] bytes = read(source, problems);
    return parse(source.display(), source.relative(), bytes, problems, substitution);
  }

  private static ParsedFile parse(String display, String relative, byte[] bytes, List<Diagnostic> problems,
      EnvSubstitution substitution) {
    List<DocumentTree.Read> reads = bytes == null ? List.of() : readDocuments(display, bytes, substitution, problems);
    return new ParsedFile(display, relative, bytes, reads, problems);
  }

  /** Schema-checks every parsed file, in parallel, the largest first; results in path order. */
  private static List<FileResult> checkAll(List<ParsedFile> files) {
    return LargestFirst.map(files, f -> f.bytes() == null ? 0 : f.bytes().length, ConfigLoader::check);
  }

  private static FileResult check(ParsedFile file) {
    List<Diagnostic> problems = file.problems();
    List<ParsedDocument> documents = new ArrayList<>();
    List<DocumentTree.Read> reads = file.reads();
    for (DocumentTree.Read r : reads) {
      if (reads.size() > 1 && r.empty()) continue; // a stray `---`
      problems.addAll(r.problems());
      SchemaCheck.instance().check(r.document(), problems);
      documents.add(r.document());
    }
    // The roles too are read here, on this file's thread (the merge then only adds them up).
    List<DocumentRoles> roles = new ArrayList<>(documents.size());
    for (ParsedDocument d : documents) roles.add(DocumentRoles.read(d));
    return new FileResult(file.display(), file.relative(), file.bytes(), documents, roles, problems);
  }

  /** The documents of a file; a file with none (and no YAML error) is a problem. */
  private static List<DocumentTree.Read> readDocuments(String file, byte[] bytes, EnvSubstitution substitution,
      List<Diagnostic> problems) {
    int before = problems.size();
    List<DocumentTree.Read> read = YamlStream.documents(file, bytes, substitution, problems);
    if (read.isEmpty() && problems.size() == before) {
      problems.add(new Diagnostic(Location.fileStart(file), "file holds no YAML document",
          "every config file starts with `apiVersion: roleform/v1`"));
    }
    return read;
  }

  private static DesiredState state(ConfigModel model, ConfigDigest digest, List<String> files) {
    List<DesiredRole> roles = new ArrayList<>();
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) roles.add(e.value());
    Map<String, SourcePosition> positions = new HashMap<>(model.settingsPositions());
    List<RemovedRole> removed = new ArrayList<>();
    for (ConfigModel.Entry<RemovedRole> e : model.removed()) removed.add(e.value());
    List<String> order = null;
    if (model.order() != null) {
      order = new ArrayList<>();
      positions.put("order", model.orderPosition());
      for (ConfigModel.Entry<String> e : model.order()) {
        positions.put("order/" + order.size(), e.position());
        order.add(e.value());
      }
    }
    List<DesiredPolicy> policies = new ArrayList<>();
    for (ConfigModel.Entry<DesiredPolicy> e : model.policies()) policies.add(e.value());
    return new DesiredState(roles, removed, order, model.settings(), digest, positions, files,
        model.people().toDesired(), policies);
  }
}
