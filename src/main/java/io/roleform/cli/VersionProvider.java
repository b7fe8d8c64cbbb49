package io.roleform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: {@code roleform <version> (commit <abbrev>, built <date>)}.
 *
 * <p>Reads {@code io/roleform/cli/git.properties}, written into the jar by the build
 * (git-commit-id-maven-plugin). A build outside a git checkout has no such file; the line then
 * says {@code commit unknown} and takes the version from the jar manifest (or {@code dev}). Never
 * fails: a version line is always printed.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

  static final String GIT_PROPERTIES = "git.properties";

  @Override
  public String[] getVersion() {
    return new String[] {line(load())};
  }

  /** The version line for these git properties (empty when the build had no git checkout). */
  static String line(Properties git) {
    String manifest = VersionProvider.class.getPackage().getImplementationVersion();
    String version = git.getProperty("git.build.version", manifest == null ? "dev" : manifest);
    String commit = git.getProperty("git.commit.id.abbrev", "").strip();
    String built = git.getProperty("git.build.time", "").strip();
    StringBuilder line = new StringBuilder("roleform ").append(version).append(" (commit ");
    line.append(commit.isEmpty() ? "unknown" : commit);
    if (Boolean.parseBoolean(git.getProperty("git.dirty"))) line.append(" with local changes");
    if (!built.isEmpty()) line.append(", built ").append(built);
    return line.append(')').toString();
  }

  private static Properties load() {
    Properties git = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(GIT_PROPERTIES)) {
      if (in != null) git.load(in);
    } catch (IOException | IllegalArgumentException e) {
      // A damaged file only loses the commit from the version line.
    }
    return git;
  }
}
