package io.roleform.config;

import static io.roleform.config.YamlEventDescriptions.describe;
import static io.roleform.config.YamlEventDescriptions.snakeParser;
import static io.roleform.config.YamlEventDescriptions.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * An attack on {@link PlainYamlScanner} independent of {@code PlainYamlScannerTest}'s generator:
 * mutation fuzzing of real files (the examples, the test corpus, {@code roleform export}s of the
 * sandbox profiles). Each mutant gets one to four random edits — characters that mean something to
 * YAML inserted, deleted, doubled or swapped (indicators, quotes, backslash, tab, CR, LF, non-ASCII,
 * byte order mark, NEL, LS/PS, characters outside the BMP), lines re-indented, joined, split,
 * doubled, dropped or moved, document markers and directives, YAML 1.1 values ({@code yes ~ 0x1F
 * 1_000 .inf 2001-12-14 << =}), keys of about 1,000 characters, nesting around {@link
 * Limits#MAX_NESTING}, CRLF, no final newline, empty and comment-only files. Whenever the scanner
 * reads a mutant (returns events), its events must be SnakeYAML's parser's event by event (class,
 * value, style, implicit flags, tag, anchor, marks) and {@link YamlStream#documents} must give the
 * same documents and problems with and without it.
 *
 * <p>The test runs a fixed, seeded number of mutants (a few seconds) and every short text of YAML's
 * indicators; {@link #main} hunts longer: {@code java -cp ... io.roleform.config.PlainYamlScannerFuzzTest
 * SECONDS [SEED]} (mutants), or {@code all ALPHABET LENGTH [PREFIX]} (every text). The named cases
 * below are the mismatches earlier hunts found, minimised, and YAML 1.1's traps.
 */
class PlainYamlScannerFuzzTest {
  private static final EnvSubstitution ENV =
      new EnvSubstitution(Variables.fromEnvironment(Map.of("ROLEFORM_VAR_TEAM", "blue")));
  /** How many mutants each run (more with {@code -Droleform.plainyaml.mutants=N} when hunting). */
  private static final int MUTANTS = Integer.getInteger("roleform.plainyaml.mutants", 5_000);

  @Test
  void mutantsOfRealFilesLoadTheSameWithAndWithoutTheScanner() throws IOException {
    Fuzzer fuzzer = new Fuzzer(seeds(), new Random(20261126L));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < MUTANTS && mismatches.size() < 3; i++) {
      Comparison c = compare(fuzzer.mutant());
      fuzzer.count(c);
      if (c.difference() != null) mismatches.add(c.difference() + "\n--- mutant:\n" + c.yaml());
    }
    System.out.printf("PlainYamlScannerFuzzTest: %d mutants, %d read by the scanner, %d compared with problems%n",
        fuzzer.made, fuzzer.accepted, fuzzer.acceptedWithProblems);
    assertThat(mismatches).isEmpty();
    // The fuzz reaches both sides: many mutants are read by the scanner (some with problems of
    // their own, such as duplicate keys), many others fall back.
    assertThat(fuzzer.accepted).isBetween(MUTANTS / 10, MUTANTS * 9 / 10);
    assertThat(fuzzer.acceptedWithProblems).isGreaterThan(MUTANTS / 200);
  }

  /**
   * Where YAML 1.1 as SnakeYAML reads it has traps for a hand-written reader: values the resolver
   * types ({@code yes}, {@code ~}, {@code 0x1F}, {@code 1_000}, {@code .inf}, dates, {@code <<},
   * {@code =}), colons and {@code #} inside plain scalars, {@code - } against {@code -x}, {@code ?},
   * document markers, flow edge cases, list indentation under keys, CRLF, trailing spaces, no final
   * newline, empty and comment-only files. Each reads the same with and without the scanner (most
   * are read by it; the others fall back).
   */
  static final List<String> TRAPS = List.of(
      "a: yes\nb: no\nc: on\nd: off\ne: ~\nf: null\ng: 0x1F\nh: 1_000\ni: .inf\nj: 2001-12-14\nk: =\n<<: x\n",
      "a: 0o17\nb: 012\nc: 09\nd: 1:30\ne: 190:20:30\nf: -1_0\ng: +.5\nh: 1e3\ni: Yes\nj: NO\nk: y\nl: TRUE\n",
      "a: 2001-12-14t21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10 -5\nc: '1'\nd: \"2\"\ne: ''\nf: \"\"\n",
      "<<: {a: b}\nc: d\n", "a: b:c\n", "a: b :c\n", "a: b#c\n", "a: b #c\n", "a:b\n", "a: b: c\n",
      "a: http://x/y#z\n", "a : b\n", "a   :   b   \n", "- a\n-x\n", "-x: 1\n", "? a\n", "a: ?b\n", "a: :b\n",
      "a: -\n", "a: -- \n", "- - a\n", "- -a\n", "a: !\n", "a: %\n", "a: @\n", "a: `\n", "a: b@\n",
      "a: [a:b]\n", "a: {a}\n", "a: [a, ]\n", "a: {a: }\n", "a: {a: ,b: c,}\n", "a: [a:b, c: d]\n",
      "a: {\"a\":b}\n", "a: {'a':b}\n", "a: [-]\n", "a: [-, -a]\n", "a: {-: -}\n", "a: [a#b]\n", "a: [a #b]\n",
      "a: {a: b:c}\n", "a: [b]]\n", "a: [ ]\n", "a: { }\n", "a: []x\n", "a: [a] # c\n", "a: [a]#c\n",
      "a: [b,c]\n", "a: {b: c,d: e}\n", "- [a, [b, {c: [d]}]]\n", "a: [\"a\", 'b', c d, e]\n", "a: [b,\n  c]\n",
      "a:\n- b\n- c\nd:\n  - e\n  -  f\n", "a:\n  - b\n  -\n    c: d\n", "- a:\n  - b\n", "- a:\n- b\n",
      "- a:\n  b: c\n", "- a: b\n  c: d\n- e\n", "-   a: b\n    c:\n    - d\n", "a:\n- b\n c\n", "- b\n c\n",
      "a:\n  b:\n    c: d\n  e: f\n", "  a: b\n  c: d\n", "a: b\n-c: d\n", "a: # c\n- b\n", "-\n- \n-  # c\n",
      "a:\r\n  - b\r\nc: d\r\n", "a: b\r\n", "a: b   \nc: d  \n", "a: b", "a:", "a: b\n# c", "a: b\n   ",
      "", "# only a comment\n", "   \n", "\n\na: b\n", "a: b\n---\nc: d\n", "--- # x\na: b\n---   \nc: d\n",
      "a: b\n...\n", "a: b\n--- a\n", "a: ...\nb: ---\n", "---x: y\n", "...x: y\n", "....: y\n",
      "a: 'it''s'\n", "a: \"\\x41\\u00e9\\U0001F600\\0\\N\\_\"\n", "a: \"\\uD800\"\n", "\"a b\": c\n'd': e\n",
      "a: \u00e9\u65e5\n", "a: \u00a0\n", "\u00a0a: b\n", "a: b\u3000c\n", "a: ${TEAM}\n", "k:\n- x\nz: {a: , b: c,}\n");

  @Test
  void yaml11TrapsReadTheSameWithAndWithoutTheScanner() {
    int read = 0;
    for (String yaml : TRAPS) {
      assertThat(difference(yaml)).as(javaString(yaml)).isNull();
      if (PlainYamlScanner.scan(yaml) != null) read++;
    }
    assertThat(read).as("traps read by the scanner").isGreaterThan(TRAPS.size() * 2 / 3);
  }

  @Test
  void everyShortTextOfYamlsIndicatorsReadsTheSame() {
    // Exhaustive where random edits are thin: every text of up to 4 of these 13 characters, alone
    // and after a dash (hunts went to 6 and 7 characters, and after other prefixes: tens of millions
    // of texts, none differ).
    String alphabet = "a: -#[]{},'\"\n";
    for (String prefix : List.of("", "- ")) {
      long[] counts = every(alphabet, 4, prefix);
      assertThat(counts[2]).as("mismatches after \"" + javaString(prefix) + "\"").isZero();
      assertThat(counts[1]).as("texts read by the scanner").isGreaterThan(500);
    }
  }

  @Test
  void anExplicitDocumentStartHasSnakeYamlsTagHandles() {
    // Found by this fuzz: SnakeYAML's parser gives an explicit document ("---") an empty map of tag
    // handles and an implicit one none; the scanner's events gave null for both.
    for (String yaml : List.of("---\na: b\n", "a: b\n---\nc: d\n", "--- # doc\na: b\n")) {
      assertThat(PlainYamlScanner.scan(yaml)).as(yaml).isNotNull();
      assertThat(difference(yaml)).as(yaml).isNull();
    }
  }

  @Test
  void theComparisonSeesADifference() {
    // A scanner event with a wrong mark or value would be reported: compare two different texts.
    String a = "k: [x, y]\n";
    String b = "k: [x,  y]\n";
    assertThat(describe(PlainYamlScanner.scan(a))).isNotEqualTo(describe(snakeParser(b)));
    assertThat(difference(a)).isNull();
  }

  // ---- the comparison ------------------------------------------------------------------------------

  /**
   * One file compared: whether the scanner read it, whether it has problems (when read), and the
   * difference from SnakeYAML ({@code null} when none, or when the scanner left it to SnakeYAML).
   */
  record Comparison(String yaml, boolean read, boolean problems, String difference) {}

  static Comparison compare(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    String text = text(bytes);
    if (text == null || PlainYamlScanner.scan(text) == null) return new Comparison(yaml, false, false, null);
    String difference = difference(bytes, text);
    List<Diagnostic> problems = new ArrayList<>();
    YamlStream.documents("t.yaml", bytes, ENV, problems, false).forEach(d -> problems.addAll(d.problems()));
    return new Comparison(yaml, true, !problems.isEmpty(), difference);
  }

  /** {@code null} when the scanner leaves the file to SnakeYAML or reads it exactly as SnakeYAML. */
  static String difference(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    String text = text(bytes);
    return text == null ? null : difference(bytes, text);
  }

  private static String difference(byte[] bytes, String text) {
    PlainYamlEvents events = PlainYamlScanner.scan(text);
    if (events == null) return null;
    List<String> ours = describe(events);
    List<String> theirs;
    try {
      theirs = describe(snakeParser(text));
    } catch (RuntimeException e) {
      return "the scanner read a file SnakeYAML's parser refuses: " + e.toString().lines().findFirst().orElse("");
    }
    if (!ours.equals(theirs)) {
      int i = 0;
      while (i < ours.size() && i < theirs.size() && ours.get(i).equals(theirs.get(i))) i++;
      return "event " + i + ": scanner " + (i < ours.size() ? ours.get(i) : "(none)") + "\n  snakeyaml "
          + (i < theirs.size() ? theirs.get(i) : "(none)");
    }
    Object plain = outcome(bytes, true);
    Object snake = outcome(bytes, false);
    return plain.equals(snake) ? null : "documents differ:\n  scanner   " + plain + "\n  snakeyaml " + snake;
  }

  private static Object outcome(byte[] bytes, boolean plain) {
    List<Diagnostic> problems = new ArrayList<>();
    List<DocumentTree.Read> read;
    try {
      read = YamlStream.documents("t.yaml", bytes, ENV, problems, plain);
    } catch (RuntimeException e) {
      return List.of("thrown: " + e);
    }
    List<Object> docs = new ArrayList<>();
    for (DocumentTree.Read r : read) {
      problems.addAll(r.problems());
      docs.add(List.of(r.empty(), YamlEventDescriptions.document(r.document())));
    }
    return List.of(docs, problems);
  }

  // ---- the seeds -----------------------------------------------------------------------------------

  /** The examples, the test corpus (its exports of the sandbox profiles included), a few small files. */
  static List<String> seeds() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("examples")))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    List<String> seeds = new ArrayList<>();
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      if (b.length < 200_000) seeds.add(new String(b, StandardCharsets.UTF_8));
    }
    seeds.addAll(TRAPS);
    return seeds;
  }

  // ---- the mutations -------------------------------------------------------------------------------

  /** Random edits of random seeds. */
  static final class Fuzzer {
    private static final String[] CHARS = {":", "#", "-", "[", "]", "{", "}", ",", "'", "\"", "\\", "?", "&", "*",
        "!", "|", ">", "%", "@", "`", "\t", " ", "  ", "\r", "\n", "\r\n", ".", "=", "~", "<<", "é", "日",
        "\u00A0", "\u3000", "\uFEFF", "\u0085", "\u2028", "\u2029", "\uD83D\uDE00", "\u0000", "\u007F", "\u001B",
        "0", "x", ": ", " #", "- ", "? ", "''", "\"\"", "\\\"", "\\n", "\\u00e9", "\\x41", "\\U0001F600", "\\/",
        "\\\t", "\\\n", "${TEAM}", "${NOPE}", "$${x}", "\uFFFE", "\uFFFD", "\uE000", "\uD800"};
    private static final String[] LINES = {"---", "--- ", "--- # doc", "---x", "...", "... # end", "....",
        "%YAML 1.1", "%TAG ! tag:x,2000:", "#", "# c", "", "   ", "-", "- ", "-x", "?", "? a", ":", ": b",
        "<<: {a: b}", "<<: *x", "a: &x b", "a: *x", "a: !!str 1", "a: |", "a: >-", "a:", "a: ", "a: b",
        "a : b", "a:b", "'a': b", "\"a\": b", "a: 'b'", "a: \"b\"", "- a: b", "-  a: b", "- [a, b]", "- {a: b}",
        "a: [b, c]", "a: {b: c}", "a: []", "a: {}", "a: [a:b]", "a: {a}", "a: [a, ]", "a: {a: }", "a: [b,",
        "  c]", "a: 'b", "  c'", "a: b #c", "a: b# c", "a: \"b\"#c", "a: b  ", "- - a", "- ? a", "a:\t b"};
    private static final String[] VALUES = {"yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y",
        "true", "False", "~", "null", "Null", "NULL", "", "0x1F", "0X1f", "0o17", "017", "09", "0b101", "1_000",
        "1,000", "+1", "-0", ".5", "1.", "1e3", "1.5e-3", "6.8523015e+5", "1:30", "190:20:30", "-1:30",
        ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "2002-1-1", "<<", "=", "a:b", "a :b", "a: b", "http://x/y#z", "-x", "?x",
        ":x", "a,b", "a]", "a}", "[a", "{a", "a#b", "a #b", "'q'", "\"q\"", "'it''s'", "\"\\t\\u00e9\"", "- a",
        "é", "日本", "$", "${TEAM}", "${TEAM:-x}", "!a", "&a", "*a", "|", ">", "%a", "@a", "`a"};
    private static final int POOL = 2000;
    private final List<String> seeds;
    /** Mutants the scanner read, mutated again in turn (edits pile up where the subset's edges are). */
    private final List<String> pool = new ArrayList<>();
    private final Random r;
    int made;
    int accepted;
    int acceptedWithProblems;

    Fuzzer(List<String> seeds, Random r) {
      this.seeds = seeds;
      this.r = r;
    }

    /** Counts a comparison of a mutant; the scanner's mutants are mutated again later. */
    void count(Comparison c) {
      if (!c.read()) return;
      accepted++;
      if (c.problems()) acceptedWithProblems++;
      if (c.yaml().length() < 20_000) {
        if (pool.size() < POOL) pool.add(c.yaml());
        else pool.set(r.nextInt(POOL), c.yaml());
      }
    }

    /** A new mutant. */
    String mutant() {
      boolean again = !pool.isEmpty() && r.nextInt(3) == 0;
      String s = again ? pool.get(r.nextInt(pool.size())) : seeds.get(r.nextInt(seeds.size()));
      int edits = 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0);
      for (int i = 0; i < edits; i++) s = edit(s);
      made++;
      return s;
    }

    private int at(String s) {
      return s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
    }

    private String pick(String[] a) {
      return a[r.nextInt(a.length)];
    }

    String edit(String s) {
      int k = r.nextInt(100);
      if (k < 22) { // insert a character that means something
        int i = at(s);
        return s.substring(0, i) + pick(CHARS) + s.substring(i);
      }
      if (k < 30) { // delete one to three characters
        if (s.isEmpty()) return s;
        int i = r.nextInt(s.length());
        return s.substring(0, i) + s.substring(Math.min(s.length(), i + 1 + r.nextInt(3)));
      }
      if (k < 34) { // double a character
        if (s.isEmpty()) return s;
        int i = r.nextInt(s.length());
        return s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1);
      }
      if (k < 38) { // replace a character
        if (s.isEmpty()) return s;
        int i = r.nextInt(s.length());
        return s.substring(0, i) + pick(CHARS) + s.substring(i + 1);
      }
      if (k < 70) return lineEdit(s);
      if (k < 82) return value(s);
      if (k < 86) return longKey(s);
      if (k < 89) return nesting(s);
      return whole(s);
    }

    private List<String> lines(String s) {
      return new ArrayList<>(List.of(s.split("\n", -1)));
    }

    private String lineEdit(String s) {
      List<String> lines = lines(s);
      int i = r.nextInt(lines.size());
      String line = lines.get(i);
      switch (r.nextInt(11)) {
        case 0 -> lines.add(i, line); // duplicate (duplicate keys, items)
        case 1 -> lines.remove(i);
        case 2 -> { // re-indent
          int d = r.nextInt(9) - 4;
          if (d > 0) {
            lines.set(i, " ".repeat(d) + line);
          } else {
            int lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') lead++;
            lines.set(i, line.substring(Math.min(lead, -d)));
          }
        }
        case 3 -> { // join with the next line
          if (i + 1 < lines.size()) {
            String next = lines.remove(i + 1);
            lines.set(i, line + (r.nextBoolean() ? " " : "") + (r.nextBoolean() ? next.strip() : next));
          }
        }
        case 4 -> { // split at a random place, with a random indentation
          int p = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
          lines.set(i, line.substring(0, p));
          lines.add(i + 1, " ".repeat(r.nextInt(8)) + line.substring(p));
        }
        case 5 -> lines.add(i, pick(LINES)); // a special line
        case 6 -> { // move a line
          String moved = lines.remove(i);
          lines.add(r.nextInt(lines.size() + 1), moved);
        }
        case 7 -> lines.set(i, line + pick(new String[] {" ", "  ", " #", " # c", "#", ":", " :", ",", "]", "}"}));
        case 8 -> { // a line of another seed
          List<String> other = lines(seeds.get(r.nextInt(seeds.size())));
          lines.add(i, other.get(r.nextInt(other.size())));
        }
        case 9 -> lines.add(i, " ".repeat(r.nextInt(6)) + pick(LINES));
        default -> { // duplicate a block of lines
          int to = Math.min(lines.size(), i + 1 + r.nextInt(6));
          lines.addAll(to, new ArrayList<>(lines.subList(i, to)));
        }
      }
      return String.join("\n", lines);
    }

    /** Replaces the text after a {@code ": "} or {@code "- "}, or an item of a flow list, by a YAML 1.1 value. */
    private String value(String s) {
      if (s.isEmpty()) return pick(VALUES);
      int from = at(s);
      int i = indexOfAny(s, from, r.nextBoolean() ? new String[] {": ", "- "} : new String[] {"[", ", ", "{"});
      if (i < 0) return s;
      i += s.charAt(i) == '[' || s.charAt(i) == '{' ? 1 : 2;
      int end = i;
      if (r.nextBoolean()) {
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != ',' && s.charAt(end) != ']'
            && s.charAt(end) != '}') {
          end++;
        }
      } else {
        while (end < s.length() && s.charAt(end) != '\n') end++;
        if (end > 0 && s.charAt(end - 1) == '\r') end--;
      }
      String v = pick(VALUES);
      if (r.nextInt(4) == 0) v = r.nextBoolean() ? "'" + v.replace("'", "''") + "'" : "\"" + v + "\"";
      return s.substring(0, i) + v + s.substring(end);
    }

    private static int indexOfAny(String s, int from, String[] needles) {
      int best = -1;
      for (String n : needles) {
        int i = s.indexOf(n, from);
        if (i >= 0 && (best < 0 || i < best)) best = i;
      }
      return best;
    }

    /** A key (or value) of about 1,000 characters, around SnakeYAML's 1,024 of a simple key. */
    private String longKey(String s) {
      int length = 990 + r.nextInt(45);
      String key = "k".repeat(length);
      if (r.nextInt(4) == 0) key = "k" + " ".repeat(length - 2) + "k";
      if (r.nextInt(4) == 0) key = "'" + key.substring(2) + "'";
      if (r.nextInt(5) == 0) key = key + " ".repeat(r.nextInt(40));
      String line = switch (r.nextInt(5)) {
        case 0 -> "- " + key + ": v";
        case 1 -> "a: {" + key + ": v}";
        case 2 -> "a: " + key;
        case 3 -> key + ":";
        default -> key + ": v";
      };
      List<String> lines = lines(s);
      int i = r.nextInt(lines.size());
      if (r.nextBoolean()) {
        // replace the key of an existing line, keeping its indentation
        String old = lines.get(i);
        int colon = old.indexOf(": ");
        int lead = 0;
        while (lead < old.length() && (old.charAt(lead) == ' ' || old.charAt(lead) == '-')) lead++;
        if (colon > lead) {
          lines.set(i, old.substring(0, lead) + key + old.substring(colon));
          return String.join("\n", lines);
        }
      }
      lines.add(i, line);
      return String.join("\n", lines);
    }

    /** Flow or block nesting around {@link Limits#MAX_NESTING}. */
    private String nesting(String s) {
      int depth = Limits.MAX_NESTING - 3 + r.nextInt(6);
      StringBuilder b = new StringBuilder();
      switch (r.nextInt(4)) {
        case 0 -> b.append("a: ").append("[".repeat(depth - 1)).append("x").append("]".repeat(depth - 1));
        case 1 -> b.append("a: ").append("{b: ".repeat(depth - 1)).append("x").append("}".repeat(depth - 1));
        case 2 -> {
          for (int d = 0; d < depth; d++) b.append(" ".repeat(d)).append("k").append(d).append(":\n");
          b.append(" ".repeat(depth)).append("v: x");
        }
        default -> {
          for (int d = 0; d < depth; d++) b.append("  ".repeat(d)).append("- k").append(d).append(":\n");
          b.append("  ".repeat(depth)).append("x: y");
        }
      }
      return r.nextBoolean() ? b + "\n" : s + (s.endsWith("\n") || s.isEmpty() ? "" : "\n") + b + "\n";
    }

    private String whole(String s) {
      return switch (r.nextInt(9)) {
        case 0 -> s.replace("\n", "\r\n");
        case 1 -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s + "\n";
        case 2 -> "\uFEFF" + s;
        case 3 -> s.replaceAll("(?m)$", " ");
        case 4 -> s.replaceAll("(?m)^", "# ");
        case 5 -> "";
        case 6 -> s.replace("\n", "\n\n");
        case 7 -> s.replaceAll("(?m)^(\\s*)- ", "$1-  ");
        default -> "---\n" + s + (r.nextBoolean() ? "\n---\n" + s : "\n...\n");
      };
    }
  }

  /** A longer hunt: {@code SECONDS [SEED]}; prints every mismatch (up to 20) and the counts. */
  public static void main(String[] args) throws IOException {
    if (args[0].equals("all")) { // all ALPHABET LENGTH [PREFIX]: every short text
      every(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "");
      return;
    }
    long seconds = Long.parseLong(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    Fuzzer fuzzer = new Fuzzer(seeds(), new Random(seed));
    long stop = System.currentTimeMillis() + seconds * 1000;
    int found = 0;
    while (System.currentTimeMillis() < stop && found < 20) {
      String yaml = fuzzer.mutant();
      String difference;
      try {
        Comparison c = compare(yaml);
        fuzzer.count(c);
        difference = c.difference();
      } catch (RuntimeException | StackOverflowError e) {
        difference = "the comparison threw " + e;
      }
      if (difference != null) {
        found++;
        System.out.println("=== MISMATCH (seed " + seed + ", mutant " + fuzzer.made + "): " + difference);
        System.out.println("--- mutant (Java string): \"" + javaString(yaml) + "\"");
      }
    }
    System.out.printf("seed %d: %d mutants, %d read by the scanner, %d of them with problems, %d mismatches%n",
        seed, fuzzer.made, fuzzer.accepted, fuzzer.acceptedWithProblems, found);
  }

  /**
   * Every text of up to {@code length} characters of {@code alphabet} after {@code prefix} is
   * compared; prints the mismatches (up to 20) and returns {texts, read by the scanner, mismatches}.
   */
  static long[] every(String alphabet, int length, String prefix) {
    int k = alphabet.length();
    long made = 0;
    long read = 0;
    int found = 0;
    for (int len = 0; len <= length; len++) {
      int[] digits = new int[len];
      char[] chars = new char[len];
      while (true) {
        for (int i = 0; i < len; i++) chars[i] = alphabet.charAt(digits[i]);
        String yaml = prefix + new String(chars);
        made++;
        if (PlainYamlScanner.scan(yaml) != null) {
          read++;
          String difference = difference(yaml);
          if (difference != null && found++ < 20) {
            System.out.println("=== MISMATCH: " + difference + "\n--- text: \"" + javaString(yaml) + "\"");
          }
        }
        int i = len - 1;
        while (i >= 0 && ++digits[i] == k) digits[i--] = 0;
        if (i < 0) break;
      }
    }
    System.out.printf("every text of up to %d of \"%s\" after \"%s\": %d texts, %d read by the scanner, %d mismatches%n",
        length, javaString(alphabet), javaString(prefix), made, read, found);
    return new long[] {made, read, found};
  }

  static String javaString(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c >= 0x20 && c < 0x7F) b.append(c);
      else b.append(String.format("\\u%04x", (int) c));
    }
    return b.toString();
  }
}
