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
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

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
   * Loads and validates a config.
   *
   * @param fileOrDir a config file, or a directory read recursively in path order; file names in
   *     messages are this path joined with the file's path under it
   * @param env the environment for {@code ${VAR}} substitution
   */
  public static ConfigResult load(Path fileOrDir, Map<String, String> env) {
    List<Diagnostic> problems = new ArrayList<>();
    try {
      ConfigFiles.Listing listing = ConfigFiles.list(fileOrDir);
      if (!listing.problems().isEmpty()) return new ConfigResult(null, listing.problems());
      EnvSubstitution substitution = new EnvSubstitution(env);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ModelBuilder builder = new ModelBuilder(problems);
      List<String> files = new ArrayList<>();
      // Files are read, parsed and schema-checked independently, so in parallel (a large export is
      // several files); they are then merged strictly in path order, so the result is the same.
      List<FileResult> results = listing.sources().parallelStream()
          .map(source -> readFile(source, substitution))
          .toList();
      for (FileResult result : results) {
        files.add(result.source().display());
        problems.addAll(result.problems());
        if (result.bytes() == null) continue;
        digest.update((result.source().relative() + "\n" + result.bytes().length + "\n")
            .getBytes(StandardCharsets.UTF_8));
        digest.update(result.bytes());
        result.documents().forEach(builder::add);
      }
      ConfigModel model = builder.build();
      ConsistencyCheck.check(model, problems);
      if (!problems.isEmpty()) return new ConfigResult(null, problems);
      return new ConfigResult(state(model, HexFormat.of().formatHex(digest.digest()), files), List.of());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in a check must still end in a message, not a stack trace at the user.
      problems.add(new Diagnostic(null, "", "internal error while reading the config: " + e, null));
      return new ConfigResult(null, problems);
    }
  }

  private static byte[] read(ConfigFiles.Source source, List<Diagnostic> problems) {
    try {
      // Re-checked: the file may have grown since it was listed.
      if (Files.size(source.path()) > Limits.MAX_FILE_BYTES) {
        problems.add(Diagnostic.at(new SourcePosition(source.display(), 1, 1), "",
            "file is too large (the limit is " + Limits.MAX_FILE_BYTES + " bytes)"));
        return null;
      }
      return Files.readAllBytes(source.path());
    } catch (IOException e) {
      problems.add(Diagnostic.at(new SourcePosition(source.display(), 1, 1), "",
          "cannot read the file: " + e.getMessage()));
      return null;
    }
  }

  /** One file read, parsed and checked on its own: its bytes, documents and problems. */
  private record FileResult(
      ConfigFiles.Source source, byte[] bytes, List<ParsedDocument> documents, List<Diagnostic> problems) {}

  private static FileResult readFile(ConfigFiles.Source source, EnvSubstitution substitution) {
    List<Diagnostic> problems = new ArrayList<>();
    List<ParsedDocument> documents = new ArrayList<>();
    byte[] bytes = read(source, problems);
    if (bytes != null) readDocuments(source.display(), bytes, substitution, documents, problems);
    return new FileResult(source, bytes, documents, problems);
  }

  private static void readDocuments(String file, byte[] bytes, EnvSubstitution substitution,
      List<ParsedDocument> documents, List<Diagnostic> problems) {
    int before = problems.size();
    List<Node> nodes = YamlStream.read(file, bytes, problems);
    if (nodes.isEmpty() && problems.size() == before) {
      problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "", "file holds no YAML document",
          "every config file starts with `apiVersion: roleform/v1`"));
      return;
    }
    for (Node node : nodes) {
      if (nodes.size() > 1 && isEmpty(node)) continue; // a stray `---`
      ParsedDocument doc = DocumentTree.convert(file, node, substitution, problems);
      SchemaCheck.instance().check(doc, problems);
      documents.add(doc);
    }
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()) && s.getValue().isEmpty();
  }

  private static DesiredState state(ConfigModel model, String digest, List<String> files) {
    List<DesiredRole> roles = new ArrayList<>();
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) roles.add(e.value());
    Map<String, SourcePosition> positions = new HashMap<>(model.settingsPositions());
    List<RemovedRole> removed = new ArrayList<>();
    for (ConfigModel.Entry<RemovedRole> e : model.removed()) {
      String key = "removed/" + removed.size();
      positions.put(key + "/name", e.position("name"));
      if (e.value().moveMembersTo() != null) {
        positions.put(key + "/moveMembersTo", e.position("moveMembersTo"));
      }
      removed.add(e.value());
    }
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
