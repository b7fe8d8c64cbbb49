package io.roleform.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns the bytes of one file into composed YAML nodes (with their marks), or into problems.
 *
 * <p>Refuses, with a positioned {@link Diagnostic} and never an exception: binary content, invalid
 * UTF-8, tabs used for indentation, YAML syntax errors (at the parser's position), more than {@link
 * Limits#MAX_ALIASES} aliases in one file, aliases to unknown anchors, and nesting deeper than {@link
 * Limits#MAX_NESTING}. A UTF-8 byte order mark and CRLF line endings are accepted. {@link #documents}
 * reads a config file's documents from the parser's events — from {@link PlainYamlScanner}'s when
 * the whole file is in the plain subset it reads (what exports and most configs are made of: the
 * same events, several times faster), else from SnakeYAML's parser, so every other file, every YAML
 * error and every message stay SnakeYAML's; {@link #read} composes nodes (for the
 * small files that want them, and as the reference the event reader is tested against). Aliases stay
 * {@link AliasNode}s here (one node per use, whatever they stand for); {@link DocumentTree} expands
 * them within {@link Limits#MAX_ALIAS_EXPANDED_NODES}. Nodes are only composed, never constructed
 * into Java objects, so no tag can instantiate anything.
 */
final class YamlStream {
  private YamlStream() {}

  /** Reads the documents of a file; adds problems to {@code problems} and returns what it read. */
  static List<Node> read(String file, byte[] bytes, List<Diagnostic> problems) {
    String text = text(file, bytes, problems);
    if (text == null) return List.of();
    List<Node> documents = new ArrayList<>();
    compose(file, text, null, problems, composer -> {
      Node node = composer.document();
      if (node != null) documents.add(node);
    });
    return documents;
  }

  /**
   * Reads the documents of a file straight from the parser's events into {@link ParsedDocument}s
   * ({@link DocumentTree#read}), with the same refusals as {@link #read}: what {@link #read} then
   * {@link DocumentTree#convert} give, without a YAML node per value. A document cut short by a
   * syntax error or a refusal is dropped with its problems (the error is the problem reported).
   */
  static List<DocumentTree.Read> documents(String file, byte[] bytes, EnvSubstitution env,
      List<Diagnostic> problems) {
    return documents(file, bytes, env, problems, PLAIN);
  }

  /**
   * Whether {@link PlainYamlScanner} reads the files in its subset; {@code
   * -Droleform.yaml.snakeyaml=true} has SnakeYAML read every file (benchmarks compare the two).
   */
  private static final boolean PLAIN = !Boolean.getBoolean("roleform.yaml.snakeyaml");

  /**
   * As {@link #documents(String, byte[], EnvSubstitution, List)}; with {@code plain}, a file written
   * entirely in the plain subset {@link PlainYamlScanner} reads is read by it instead of SnakeYAML's
   * scanner and parser (the same events, so the same documents and problems); without, or for any
   * other file, SnakeYAML reads it.
   */
  static List<DocumentTree.Read> documents(String file, byte[] bytes, EnvSubstitution env,
      List<Diagnostic> problems, boolean plain) {
    String text = decode(file, bytes, problems);
    if (text == null) return List.of();
    // The scanner gives up on a tab anywhere and on a line over the limit, so a file it reads passes
    // the line checks: they run only for the files SnakeYAML reads (the same problems as before).
    PlainYamlEvents events = plain ? PlainYamlScanner.scan(text) : null;
    if (events == null && !linesOk(file, text, problems)) return List.of();
    List<DocumentTree.Read> documents = new ArrayList<>();
    compose(file, text, events, problems, composer -> documents.add(DocumentTree.read(file, composer, env)));
    return documents;
  }

  /** The file's text, or {@code null} after a problem (binary, not UTF-8, tabs, a line too long). */
  private static String text(String file, byte[] bytes, List<Diagnostic> problems) {
    String text = decode(file, bytes, problems);
    return text != null && linesOk(file, text, problems) ? text : null;
  }

  /** The file's text, or {@code null} after a problem (binary, not UTF-8). */
  private static String decode(String file, byte[] bytes, List<Diagnostic> problems) {
    int start = hasBom(bytes) ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        problems.add(at(file, bytes, start, i, "file is binary, not YAML text (it holds a NUL byte)",
            "a config file is UTF-8 text"));
        return null;
      }
    }
    // The JDK's own decoding (one copy, none for ASCII) replaces invalid input with U+FFFD: only then
    // is the text decoded again strictly, which gives the same text or finds the invalid byte.
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) return text;
    try {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      problems.add(at(file, bytes, start, firstInvalid(bytes, start),
          "file is not valid UTF-8 text", "save the file as UTF-8"));
      return null;
    }
    return text;
  }

  /**
   * Calls {@code document} once per document of the stream; a refusal or syntax error ends it as a
   * problem. The events are {@code events}' when given, else SnakeYAML's parser's.
   */
  private static void compose(String file, String text, PlainYamlEvents events, List<Diagnostic> problems,
      java.util.function.Consumer<EventComposer> document) {
    try {
      Parser parser = events;
      if (parser == null) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Limits.MAX_CODE_POINTS);
        parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
      }
      // The guard looks at aliases and collections only: a scalar taken from the packed events
      // directly passes nothing it would check.
      EventComposer composer = new EventComposer(new GuardedParser(parser), events);
      while (composer.hasDocument()) document.accept(composer);
    } catch (Refused e) {
      problems.add(new Diagnostic(position(file, e.mark), "", e.getMessage(), e.hint));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(syntaxError(position(file, m), e.getProblem(), e.getContext()));
    } catch (ReaderException e) {
      problems.add(new Diagnostic(atCodePoint(file, text, e.getPosition()), "",
          String.format("invalid YAML: character U+%04X is not allowed", e.getCodePoint()),
          "a config file is printable UTF-8 text"));
    } catch (YAMLException | StackOverflowError e) {
      problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "", "invalid YAML: "
          + (e.getMessage() == null ? "unreadable" : e.getMessage().strip()), null));
    }
  }

  /** Words for a parser error: SnakeYAML's problem, with a hint for the common causes. */
  private static Diagnostic syntaxError(SourcePosition at, String problem, String context) {
    String p = problem == null ? "unreadable YAML" : problem.strip();
    if (p.startsWith("Global tag is not allowed: ")) {
      return new Diagnostic(at, "", "YAML tag `" + p.substring(27).strip().replace("tag:yaml.org,2002:", "!!") + "` is not supported",
          "remove the tag");
    }
    String hint = context == null ? null : context.strip();
    if (p.contains("<block end>") || p.contains("mapping values are not allowed")) {
      hint = "check the indentation: keys of one mapping and items of one list line up, with spaces";
    } else if (p.contains("<document start>")) {
      hint = "check the indentation of this line; separate several documents in one file with `---`";
    } else if (p.contains("could not find expected ':'")) {
      hint = "a key needs `: ` after it; quote text that holds `: ` or starts with a special character";
    }
    return new Diagnostic(at, "", "invalid YAML: " + p, hint);
  }

  /**
   * Reports every line whose indentation holds a tab, and the first line longer than {@link
   * Limits#MAX_LINE_CHARS} (the parser's cost grows with the square of a token's length); the file
   * is not parsed further if any.
   */
  private static boolean linesOk(String file, String text, List<Diagnostic> problems) {
    // Line by line (indexOf finds the newlines fast); only each line's indentation is looked at
    // char by char. Columns count chars, the newline included: a line of MAX_LINE_CHARS chars
    // followed by '\n' is too long, as it always was.
    boolean ok = true;
    int line = 1;
    int start = 0;
    int length = text.length();
    while (start < length) {
      int newline = text.indexOf('\n', start);
      int lastColumn = newline >= 0 ? newline - start + 1 : length - start;
      int i = start;
      int end = newline >= 0 ? newline : length;
      while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\r')) i++;
      int tabColumn = i - start + 1;
      if (i < end && text.charAt(i) == '\t' && tabColumn <= Limits.MAX_LINE_CHARS) {
        problems.add(new Diagnostic(new SourcePosition(file, line, tabColumn), "",
            "tab used for indentation", "YAML indentation must be spaces"));
        ok = false;
      }
      if (lastColumn > Limits.MAX_LINE_CHARS) {
        problems.add(new Diagnostic(new SourcePosition(file, line, Limits.MAX_LINE_CHARS + 1), "",
            "line " + line + " is longer than " + Limits.MAX_LINE_CHARS + " characters",
            "split long values over several lines, or long lists one item per line"));
        return false;
      }
      if (newline < 0) break;
      line++;
      start = newline + 1;
    }
    return ok;
  }

  /** Refuses too many aliases and too-deep nesting as the events stream by. */
  private static final class GuardedParser implements Parser {
    private final Parser delegate;
    private int depth;
    private int aliases;

    GuardedParser(Parser delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event e = delegate.getEvent();
      if (e instanceof AliasEvent alias && ++aliases > Limits.MAX_ALIASES) {
        throw new Refused(e.getStartMark(), "too many aliases: `*" + alias.getAnchor() + "` is alias number "
            + aliases + " in this file, and the limit is " + Limits.MAX_ALIASES,
            "write repeated values out, or split the config into several files");
      }
      if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
        if (++depth > Limits.MAX_NESTING) {
          throw new Refused(e.getStartMark(),
              "nesting is deeper than " + Limits.MAX_NESTING + " levels", null);
        }
      } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
        depth--;
      }
      return e;
    }
  }

  /** A refusal with its position, thrown while composing and reported as one {@link Diagnostic}. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Mark mark;
    final String hint;

    Refused(Mark mark, String message, String hint) {
      super(message, null, false, false);
      this.mark = mark;
      this.hint = hint;
    }
  }

  static SourcePosition position(String file, Mark mark) {
    return mark == null ? new SourcePosition(file, 1, 1)
        : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static SourcePosition atCodePoint(String file, String text, int index) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int n = 0; n < index && i < text.length(); n++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourcePosition(file, line, column);
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** The offset of the first byte that starts no valid UTF-8 sequence. */
  private static int firstInvalid(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
      if (n < 0 || i + n >= b.length) return i;
      for (int k = 1; k <= n; k++) if ((b[i + k] & 0xC0) != 0x80) return i;
      i += n + 1;
    }
    return Math.max(from, b.length - 1);
  }

  /** A diagnostic at a byte offset: line from the newlines before it, column in characters. */
  private static Diagnostic at(String file, byte[] b, int from, int offset, String message, String hint) {
    int line = 1;
    int column = 1;
    for (int i = from; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
        column = 1;
      } else if ((b[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new Diagnostic(new SourcePosition(file, line, column), "", message, hint);
  }
}
