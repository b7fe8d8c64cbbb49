package io.roleform.config;

import static io.roleform.config.YamlEventDescriptions.describe;
import static io.roleform.config.YamlEventDescriptions.snakeParser;
import static io.roleform.config.YamlEventDescriptions.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The plain-subset scanner ({@link PlainYamlScanner}) gives exactly what SnakeYAML gives: on random
 * files in and out of the subset (comments, blank lines, quoting, flow and block lists, odd
 * characters, near misses, CRLF, a byte order mark, several documents, random edits), the loaded
 * documents (JSON tree, positions of every value, key and item, faulty pointers) and the problems
 * (message, file, line, column) are the same with and without it; and whenever it reads a file, its
 * events are SnakeYAML's parser's, event by event, marks included.
 */
class PlainYamlScannerTest {
  private static final EnvSubstitution ENV =
      new EnvSubstitution(Variables.fromEnvironment(Map.of("ROLEFORM_VAR_TEAM", "blue")));
  /** How many random files (more with {@code -Droleform.plainyaml.files=N} when hunting). */
  private static final int RANDOM_FILES = Integer.getInteger("roleform.plainyaml.files", 4000);

  @Test
  void randomFilesLoadTheSameWithAndWithoutTheScanner() {
    long base = new Random().nextLong();
    int fast = 0;
    int fastWithProblems = 0;
    int fallbackWithProblems = 0;
    for (int i = 0; i < RANDOM_FILES; i++) {
      // Half the seeds are fixed (the same files every run), half new each run.
      long seed = i % 2 == 0 ? i : base + i;
      String yaml = new Generator(new Random(seed)).file();
      String as = "seed " + seed + ":\n" + yaml;
      byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
      Outcome snake = outcome(bytes, false);
      assertThat(outcome(bytes, true)).as(as).isEqualTo(snake);
      PlainYamlEvents events = PlainYamlScanner.scan(text(bytes));
      if (events != null) {
        fast++;
        if (!snake.problems().isEmpty()) fastWithProblems++;
        assertThat(describe(events)).as(as).isEqualTo(describe(snakeParser(text(bytes))));
      } else if (!snake.problems().isEmpty()) {
        fallbackWithProblems++;
      }
    }
    System.out.printf("PlainYamlScannerTest: %d random files, %d read by the scanner (%d of them with problems),"
        + " %d fell back with problems%n", RANDOM_FILES, fast, fastWithProblems, fallbackWithProblems);
    // The comparison compares something: many files take the fast path (some of them with
    // problems of their own: duplicate keys, missing variables), many others fall back.
    assertThat(fast).isBetween(RANDOM_FILES / 4, RANDOM_FILES * 9 / 10);
    assertThat(fastWithProblems).isGreaterThan(RANDOM_FILES / 50);
    assertThat(fallbackWithProblems).isGreaterThan(RANDOM_FILES / 20);
  }

  @Test
  void everyCorpusFileAndExampleLoadsTheSame() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("examples")))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    int fast = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(outcome(bytes, true)).as(f.toString()).isEqualTo(outcome(bytes, false));
      String text = text(bytes);
      PlainYamlEvents events = text == null ? null : PlainYamlScanner.scan(text);
      if (events != null) {
        fast++;
        assertThat(describe(events)).as(f.toString()).isEqualTo(describe(snakeParser(text)));
      }
    }
    assertThat(fast).as("corpus files read by the scanner").isGreaterThan(files.size() / 2);
  }

  @Test
  void whatAnExportWritesIsInTheSubset() {
    String yaml = """
        # yaml-language-server: $schema=https://roleform.dev/schema/roleform.schema.json
        apiVersion: roleform/v1
        settings:
          owner: ann@example.com
          allowView: true
        order:
          - Admin
        roles:
          - name: Admin
            description: "Full access: \\"all\\" of it\\n\\t\\u00e9\\U0001f600"
            permissions: [view-records, "12", edit.records]
            caseActions: []
            members:
              - ann@example.com
              - "0bob@example.com"
              # left out: user id u-9 is a member but the portal did not list that user
        users:
          - email: ann@example.com
            firstName: Ann
            lastName: ""
            departments: [Sales, "Off"]
            status: active
        """;
    assertThat(PlainYamlScanner.scan(yaml)).isNotNull();
    assertThat(PlainYamlScanner.scan(yaml.replace("\n", "\r\n"))).isNotNull();
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    assertThat(outcome(bytes, true)).isEqualTo(outcome(bytes, false));
  }

  @Test
  void everythingOutsideTheSubsetFallsBack() {
    String ok = "a: b\n";
    assertThat(PlainYamlScanner.scan(ok)).isNotNull();
    for (String outside : List.of(
        "a: &x b\nc: *x\n", // anchors, aliases
        "a: !!str 1\n", // tags
        "a: |\n  text\n", "a: >\n  text\n", // block scalars
        "? a\n: b\n", // complex key
        "a: b\n---\nc: d\n...\n", "%YAML 1.1\n---\na: b\n", // document end, directive
        "---\n", "a: b\n---\n", // empty document
        "a: b\n  c\n", // a plain scalar continued on a deeper line
        "a: 'b\n  c'\n", "a: \"b\\\n  c\"\n", // quoted scalars over two lines
        "a: [b,\n  c]\n", // a flow collection over two lines
        "a: \"\\q\"\n", "a: \"\\x4\"\n", "a: \"\\UFFFFFFFF\"\n", // bad escapes
        "a: b\tc\n", "a: b\rc\n", "a: b\u0085c\n", "a: b\u2028c\n", "a: \uFEFFb\n", // characters
        "a: \uD83D\uDE00\n", // a character outside the BMP (columns count code points)
        "a: b: c\n", "a: - b\n", "- - a\n", "a:\n  b\n", // not a config's shape
        "a:\n    b: 1\n  c: 2\n", // a line between two indentations
        "a: \"b\"#c\n", // a comment without a space before it
        "[a, b]\n", "plain\n", // a root that is not a block collection
        "a: {b}\n", "a: [b: c]\n", "a: [b?c]\n", "a: [,]\n", // flow outside the subset
        "a: " + "b".repeat(Limits.MAX_LINE_CHARS) + "\n", "a:\n\t- b\n", // line checks: still reported
        "a" + "b".repeat(1000) + ": c\n")) { // a key too long for a simple key
      assertThat(PlainYamlScanner.scan(outside)).as(outside).isNull();
      byte[] bytes = outside.getBytes(StandardCharsets.UTF_8);
      assertThat(outcome(bytes, true)).as(outside).isEqualTo(outcome(bytes, false));
    }
  }

  @Test
  void edgeFilesReadTheSame() {
    for (String yaml : List.of("", "\n", "   \n", "# c", "# c\n\n  # d\n", "a: b", "a:", "a:\n", "-", "- ", "-\n-\n",
        "---\na: 1\n---\nb: 2", "--- # c\na: 1\n", "a: b\r\n", "a: b  \r\n  # c\r\n", "\uFEFFa: b\n", "a: b # c",
        "a:\n- x\n-\nb:\n  - y\n  -\n", "- a: 1\n  b:\n  - c\n- d\n", "  a: 1\n  b: 2\n", "a: {b: [c, {d: e}], f: }\n",
        "a: [ 'x' , \"y\" , z ,]\n", "\"a b\" : 'c''d'\n", "a: é ü\n", "- 'x': 1\n  y: 2\n")) {
      byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
      assertThat(outcome(bytes, true)).as(yaml).isEqualTo(outcome(bytes, false));
      PlainYamlEvents events = PlainYamlScanner.scan(text(bytes));
      assertThat(events).as(yaml).isNotNull();
      assertThat(describe(events)).as(yaml).isEqualTo(describe(snakeParser(text(bytes))));
    }
  }

  @Test
  void nestingDeeperThanTheLimitFallsBackAndIsRefusedAsBefore() {
    String deep = "a: " + "[".repeat(Limits.MAX_NESTING + 5) + "]".repeat(Limits.MAX_NESTING + 5) + "\n";
    assertThat(PlainYamlScanner.scan(deep)).isNull();
    Outcome o = outcome(deep.getBytes(StandardCharsets.UTF_8), true);
    assertThat(o.problems()).extracting(Diagnostic::message).anyMatch(m -> m.contains("nesting is deeper"));
    String fine = "a: " + "[".repeat(Limits.MAX_NESTING - 1) + "]".repeat(Limits.MAX_NESTING - 1) + "\n";
    assertThat(PlainYamlScanner.scan(fine)).isNotNull();
  }

  @Test
  void theComparisonSeesADifference() {
    // A test that cannot fail proves nothing: two files that differ only in a column differ here.
    byte[] a = "k: [x, y]\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "k: [x,  y]\n".getBytes(StandardCharsets.UTF_8);
    assertThat(outcome(a, true)).isNotEqualTo(outcome(b, true));
    assertThat(describe(PlainYamlScanner.scan(text(a)))).isNotEqualTo(describe(PlainYamlScanner.scan(text(b))));
    byte[] c = "k: \"1\"\n".getBytes(StandardCharsets.UTF_8);
    byte[] d = "k: 1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(outcome(c, true)).isNotEqualTo(outcome(d, true));
  }

  // ---- the two readers -----------------------------------------------------------------------------

  record Outcome(List<Object> documents, List<Diagnostic> problems) {}

  private static Outcome outcome(byte[] bytes, boolean plain) {
    List<Diagnostic> problems = new ArrayList<>();
    List<DocumentTree.Read> read;
    try {
      read = YamlStream.documents("t.yaml", bytes, ENV, problems, plain);
    } catch (RuntimeException e) { // SnakeYAML lets a NumberFormatException out for "\UFFFFFFFF"
      return new Outcome(List.of(), List.of(Diagnostic.at(Location.NONE, "thrown: " + e)));
    }
    List<Object> docs = new ArrayList<>();
    for (DocumentTree.Read r : read) {
      problems.addAll(r.problems());
      docs.add(List.of(r.empty(), YamlEventDescriptions.document(r.document())));
    }
    return new Outcome(docs, problems);
  }

  // ---- random files --------------------------------------------------------------------------------

  /** Random config-like YAML: mostly in the subset, with near misses and edits that are not. */
  private static final class Generator {
    private static final String[] WORDS = {"Admin", "view-records", "ann@example.com", "a b", "a  b", "a:b", "a#b",
        "http://x.y/z", "-5", "+1", "1.5", ".5", "1e3", "1.", "0x1F", "012", "0o17", "true", "True", "FALSE",
        "yes", "No", "on", "off", "y", "null", "Null", "NULL", "~", "2024-01-31", "2001-12-14t21:59:43.10-05:00",
        "${TEAM}", "${MISSING}", "$${x}", "${TEAM", "é", "日本語", "<<", "=", "a,b", "x]", "x}", "a[b]", "b?c",
        "-x", "?x", ":x", "a!", "a&b", "a*b", "a'b", "a\"b", "roleform/v1", ".inf", "-.Inf", ".NaN", "1_000",
        "0b101", "1:30", "a %b", "x @y"};
    private static final String[] KEYS = {"apiVersion", "roles", "name", "description", "permissions", "members",
        "order", "settings", "owner", "users", "email", "1", "true", "null", "~", "-k", "a b", "a:b", "x-y", "<<",
        "k#", "ké"};
    private static final String ODD = ":#- '\"[]{},&*!|>?%@`\\\t\r\u0085\u2028\uFEFF\u00e9\nab";
    /** Whole lines an edit may insert: document markers, directives, stray keys and entries. */
    private static final String[] LINES = {"---\n", "--- x\n", "...\n", "%YAML 1.1\n", "- x\n", "  - y\n", "? k\n",
        ": v\n", "   \n", "#c\n", "k: v\n", "  k2: v\n", "-\n", "k:\n", "x\n", "  'q': [a,\n", "k: \"a\\\n"};
    private final Random r;
    private final StringBuilder sb = new StringBuilder();

    Generator(Random r) {
      this.r = r;
    }

    String file() {
      if (r.nextInt(20) == 0) sb.append('\uFEFF');
      comments(0);
      int documents = r.nextInt(10) == 0 ? 2 + r.nextInt(2) : 1;
      for (int d = 0; d < documents; d++) {
        if (d > 0 || r.nextInt(5) == 0) sb.append(r.nextInt(4) == 0 ? "--- # doc\n" : "---\n");
        comments(0);
        int indent = r.nextInt(10) == 0 ? 1 + r.nextInt(2) : 0;
        if (r.nextInt(8) == 0) {
          sequence(indent, 3);
        } else {
          mapping(indent, 3, false);
        }
        comments(indent);
      }
      String yaml = sb.toString();
      int edits = r.nextInt(10) < 3 ? 1 + r.nextInt(2) : 0;
      for (int i = 0; i < edits; i++) yaml = edit(yaml);
      if (r.nextInt(10) == 0) yaml = yaml.replace("\n", "\r\n");
      if (r.nextInt(15) == 0 && yaml.endsWith("\n")) yaml = yaml.substring(0, yaml.length() - 1);
      return yaml;
    }

    private String edit(String yaml) {
      if (yaml.isEmpty()) return yaml;
      int at = r.nextInt(yaml.length());
      return switch (r.nextInt(5)) {
        case 0 -> yaml.substring(0, at) + ODD.charAt(r.nextInt(ODD.length())) + yaml.substring(at);
        case 4 -> {
          int start = yaml.lastIndexOf('\n', at) + 1;
          yield yaml.substring(0, start) + LINES[r.nextInt(LINES.length)] + yaml.substring(start);
        }
        case 1 -> yaml.substring(0, at) + yaml.substring(at + 1);
        case 2 -> yaml.substring(0, at) + " " + yaml.substring(at);
        default -> {
          int start = yaml.lastIndexOf('\n', at) + 1;
          int end = yaml.indexOf('\n', at);
          String line = yaml.substring(start, end < 0 ? yaml.length() : end + 1);
          yield yaml.substring(0, start) + line + (line.endsWith("\n") ? "" : "\n") + yaml.substring(start);
        }
      };
    }

    private void indent(int n) {
      sb.append(" ".repeat(n));
    }

    private void comments(int indent) {
      while (r.nextInt(6) == 0) {
        switch (r.nextInt(4)) {
          case 0 -> sb.append('\n');
          case 1 -> sb.append(" ".repeat(r.nextInt(6))).append('\n');
          default -> {
            indent(Math.max(0, indent + r.nextInt(5) - 2));
            sb.append("#").append(r.nextBoolean() ? " a comment: with - odd [chars" : "").append('\n');
          }
        }
      }
    }

    private void endOfLine() {
      if (r.nextInt(8) == 0) sb.append(" ".repeat(1 + r.nextInt(2)));
      if (r.nextInt(8) == 0) sb.append(" ".repeat(1 + r.nextInt(2))).append("# note: x");
      sb.append('\n');
    }

    private void mapping(int indent, int depth, boolean firstInline) {
      int keys = 1 + r.nextInt(4);
      for (int k = 0; k < keys; k++) {
        if (!(firstInline && k == 0)) {
          comments(indent);
          indent(indent);
        }
        sb.append(key());
        sb.append(r.nextInt(12) == 0 ? " :" : ":");
        value(indent, depth, false);
      }
    }

    private void sequence(int indent, int depth) {
      int items = 1 + r.nextInt(4);
      for (int i = 0; i < items; i++) {
        comments(indent);
        indent(indent);
        sb.append('-');
        int choice = r.nextInt(depth > 0 ? 10 : 6);
        if (choice < 6 || depth == 0) {
          value(indent, depth, true);
        } else {
          int spaces = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
          sb.append(" ".repeat(spaces));
          mapping(indent + 1 + spaces, depth - 1, true);
        }
      }
    }

    /** After {@code key:} or {@code -}: a value on the line, or a block below, or nothing. */
    private void value(int indent, int depth, boolean item) {
      int choice = r.nextInt(depth > 0 ? 12 : 8);
      if (choice < 5) {
        sb.append(" ".repeat(1 + (r.nextInt(6) == 0 ? 1 : 0))).append(scalar());
        endOfLine();
      } else if (choice < 7) {
        sb.append(' ').append(flow(2));
        endOfLine();
      } else if (choice == 7) {
        endOfLine(); // empty
      } else {
        endOfLine();
        int step = 1 + r.nextInt(4);
        if (choice < 10) {
          mapping(indent + step, depth - 1, false);
        } else {
          sequence(!item && r.nextBoolean() ? indent : indent + step, depth - 1);
        }
      }
    }

    private String key() {
      if (r.nextInt(100) == 0) return "k".repeat(990 + r.nextInt(40)); // near SnakeYAML's 1,024
      return switch (r.nextInt(8)) {
        case 0 -> quote(KEYS[r.nextInt(KEYS.length)]);
        case 1 -> odd();
        default -> KEYS[r.nextInt(KEYS.length)];
      };
    }

    private String scalar() {
      return switch (r.nextInt(10)) {
        case 0, 1 -> quote(r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : odd());
        case 2 -> odd();
        case 3 -> r.nextBoolean() ? "''" : "\"\"";
        default -> WORDS[r.nextInt(WORDS.length)];
      };
    }

    private String odd() {
      int length = 1 + r.nextInt(6);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(r.nextInt(3) == 0 ? ODD.charAt(r.nextInt(ODD.length() - 3)) : (char) ('a' + r.nextInt(4)));
      }
      return s.toString().replace("\n", "").replace("\t", "");
    }

    private String quote(String s) {
      if (r.nextBoolean()) return "'" + s.replace("'", "''") + "'";
      StringBuilder q = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') q.append('\\');
        q.append(c);
      }
      if (r.nextInt(4) == 0) {
        String[] escapes = {"\\n", "\\t", "\\u00e9", "\\x41", "\\U0001F600", "\\/", "\\UFFFFFFFF", "\\U00110000", "\\ ", "\\0", "\\q", "\\u12",
            "\\N", "\\_", "\\L", "\\uD800", "\\e"};
        q.append(escapes[r.nextInt(escapes.length)]);
      }
      return q.append('"').toString();
    }

    private String flow(int depth) {
      boolean mapping = r.nextInt(3) == 0;
      int n = r.nextInt(4);
      StringBuilder f = new StringBuilder(mapping ? "{" : "[");
      if (r.nextInt(6) == 0) f.append(' ');
      for (int i = 0; i < n; i++) {
        if (i > 0) f.append(r.nextInt(6) == 0 ? " ," : ",").append(r.nextInt(5) == 0 ? "" : " ");
        if (mapping) f.append(r.nextBoolean() ? KEYS[r.nextInt(KEYS.length)] : quote("k" + i)).append(": ");
        f.append(depth > 0 && r.nextInt(5) == 0 ? flow(depth - 1) : scalar());
      }
      if (n > 0 && r.nextInt(8) == 0) f.append(',');
      if (r.nextInt(6) == 0) f.append(' ');
      return f.append(mapping ? "}" : "]").toString();
    }
  }
}
