package io.roleform.ci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code roleform} command lines shown in README.md, read at test time. Test support only.
 *
 * <p>The rule, so that the README can change without changing this code:
 *
 * <ol>
 *   <li>Only fenced code blocks count ({@code ```} or {@code ~~~}, any info string); inline code
 *       in prose ({@code `roleform plan`}) is a mention, not a command line.
 *   <li>Within a block, a line ending in {@code \} continues on the next: the lines form one
 *       logical line, numbered by the README line it starts on.
 *   <li>A logical line is a <em>synopsis</em> when it has an optional part in square brackets
 *       ({@code [--out FILE]}) or a {@code roleform} word followed by an ALL-CAPS placeholder
 *       ({@code CONFIG}, {@code FILE}, {@code N}, also as {@code --opt=N}) or by unspaced
 *       alternatives ({@code bash|zsh}; a real pipe is written with spaces, {@code a | b}). A
 *       synopsis is not run: it is checked for the commands and options it names.
 *   <li>Every other logical line containing a {@code roleform} or {@code ./roleform} word is a
 *       <em>concrete</em> line: read with {@link ShellCommands} as sh would ({@code &&} chains,
 *       quotes, comments, expansions), its {@code roleform} commands form a chain run in order;
 *       other programs on the line ({@code ./mvnw ...}) are not roleform's to check.
 * </ol>
 */
final class ReadmeCommands {

  static final Path README = Path.of("README.md");

  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
  private static final Pattern OPTIONAL_PART = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern PLACEHOLDER = Pattern.compile("^(--[a-z-]+=)?[A-Z][A-Z0-9_]*$");
  private static final Pattern ALTERNATIVES = Pattern.compile("^[^|\\s'\"]+(\\|[^|\\s'\"]+)+$");
  private static final Pattern ROLEFORM_WORD = Pattern.compile("(^|[\\s;&|(])(\\./)?roleform(\\s|$)");

  /** A logical line of a fenced block: the README line it starts on, and its text. */
  record Line(int number, String text) {
    boolean mentionsRoleform() {
      return ROLEFORM_WORD.matcher(text).find();
    }

    boolean isSynopsis() {
      if (OPTIONAL_PART.matcher(text).find()) return true;
      boolean afterRoleform = false;
      for (String word : text.trim().split("\\s+")) {
        if (word.equals("roleform") || word.endsWith("/roleform")) afterRoleform = true;
        else if (afterRoleform && (PLACEHOLDER.matcher(word).matches() || ALTERNATIVES.matcher(word).matches())) return true;
      }
      return false;
    }

    /** The roleform commands of a concrete line, in order. */
    List<ShellCommands.Command> chain() {
      return ShellCommands.parse(text).stream().filter(ShellCommands.Command::isRoleform).toList();
    }

    @Override
    public String toString() {
      return "README.md:" + number + ": " + text.strip();
    }
  }

  private ReadmeCommands() {}

  /** Every logical line of every fenced block that mentions roleform, in README order. */
  static List<Line> lines() throws IOException {
    return lines(Files.readString(README, StandardCharsets.UTF_8));
  }

  static List<Line> lines(String markdown) {
    List<Line> out = new ArrayList<>();
    String[] raw = markdown.split("\n", -1);
    String fence = null;
    StringBuilder pending = null;
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].replace("\r", "");
      if (fence == null) {
        if (FENCE.matcher(line).matches()) fence = line.trim().substring(0, 3);
        continue;
      }
      if (pending == null && line.trim().startsWith(fence)) {
        fence = null;
        continue;
      }
      if (pending == null) {
        pending = new StringBuilder();
        start = i + 1;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      Line logical = new Line(start, pending.toString());
      if (logical.mentionsRoleform()) out.add(logical);
      pending = null;
    }
    return out;
  }

  static List<Line> concrete() throws IOException {
    return lines().stream().filter(l -> !l.isSynopsis()).toList();
  }

  static List<Line> synopses() throws IOException {
    return lines().stream().filter(Line::isSynopsis).toList();
  }
}
