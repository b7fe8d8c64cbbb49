package io.roleform.config;

/**
 * Reads the plain YAML that configs and {@code roleform export} are made of into the parser events
 * SnakeYAML gives for it ({@link PlainYamlEvents}), several times faster than SnakeYAML's scanner
 * and parser — or says it cannot ({@code null}), and then the caller parses the whole file with
 * SnakeYAML as before.
 *
 * <p>The subset read here (anything else gives {@code null}, so every YAML error and every other
 * feature keeps SnakeYAML's reading and messages):
 * <ul>
 *   <li>lines of at most {@link Limits#MAX_LINE_CHARS} characters; characters: printable text without tabs, byte order marks inside the text, surrogate pairs
 *       (characters outside the BMP), NEL, LS or PS; lines end with LF or CRLF;
 *   <li>comments (full lines, and after a space at the end of a line) and blank lines;
 *   <li>documents: one, or several each started by a {@code ---} line (nothing after it but a
 *       comment); no empty document, no {@code ...}, no directive;
 *   <li>block mappings and sequences whose lines start exactly at the indentation of an enclosing
 *       collection; {@code - key: value} items; a list at its key's indentation; a key with nothing
 *       after it and no deeper block below is an empty value;
 *   <li>keys: one-line plain or quoted scalars followed by {@code :} and a space or the line's end,
 *       at most 1,000 characters from the key's start to the colon;
 *   <li>values on the key's (or the dash's) line: plain scalars by SnakeYAML's rules of what starts and
 *       ends them (no {@code ": "} inside, no continuation on a deeper line), single-quoted scalars on
 *       one line ({@code ''} for a quote), double-quoted scalars on one line with the escapes {@code
 *       \0 \a \b \t \n \v \f \r \e \  \" \\ \N \_ \L \P \xXX \\uXXXX \UXXXXXXXX}, and flow
 *       sequences {@code [a, "b", [c]]} and mappings {@code {k: v, k2: [..]}} that close on the
 *       same line (trailing comma allowed);
 *   <li>at most {@link Limits#MAX_NESTING} nested collections (deeper files go to SnakeYAML, whose
 *       reader refuses them as before).
 * </ul>
 * No anchor, alias, tag, block scalar ({@code |}, {@code >}), complex key ({@code ?}), multi-line
 * scalar or flow collection. Every event carries the marks (index, line, column) SnakeYAML's would;
 * {@code PlainYamlScannerTest} checks events and loaded results against SnakeYAML on random files.
 */
final class PlainYamlScanner {
  /** Thrown (without a stack trace) when the text leaves the subset; caught in {@link #scan}. */
  private static final class Outside extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Outside() {
      super(null, null, false, false);
    }
  }

  private static final Outside OUTSIDE = new Outside();
  /** Longest simple key, from its start to its colon (SnakeYAML forgets a key after 1,024). */
  private static final int MAX_KEY = 1000;

  private final char[] s;
  private final int n;
  private final PlainYamlEvents out;
  /** The current position; the line it is on (0-based), that line's start and content end. */
  private int pos;
  private int line;
  private int lineStart;
  private int lineEnd;
  /** Set once no content line is left: {@link #pos} is then the end of the text. */
  private boolean eof;
  private int depth;

  private PlainYamlScanner(String text) {
    this.s = text.toCharArray();
    this.n = s.length;
    this.out = new PlainYamlEvents(text, Math.max(16, n / 24)); // an export: ~1 event per 28 chars
  }

  /** The events of {@code text} (a whole file, without its byte order mark), or {@code null}. */
  static PlainYamlEvents scan(String text) {
    if (text.length() > Limits.MAX_CODE_POINTS) return null;
    PlainYamlScanner scanner = new PlainYamlScanner(text);
    try {
      scanner.stream();
      return scanner.out;
    } catch (Outside e) {
      return null;
    }
  }

  private static Outside outside() {
    return OUTSIDE;
  }

  /** Refuses the characters SnakeYAML reads differently or refuses (see the class comment). */
  private void character(char c, int i) {
    if (c == '\r' && i + 1 < n && s[i + 1] == '\n') return;
    if (c < 0xA0 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x2028 || c == 0x2029 || c >= 0xFFFE
        || c == 0xFEFF) {
      throw outside();
    }
  }

  // ---- lines ----------------------------------------------------------------------------------------

  /** Makes the line starting at {@code start} the current one, checking its characters. */
  private void setLine(int start) {
    lineStart = start;
    int e = start;
    while (e < n) {
      char c = s[e];
      if (c == '\n') break;
      if (c < 0x20 || c >= 0x7F) character(c, e);
      e++;
    }
    // A line too long for YamlStream's line check (counted as it counts: the newline included).
    if ((e < n ? e - start + 1 : e - start) > Limits.MAX_LINE_CHARS) throw outside();
    if (e > start && s[e - 1] == '\r') e--;
    lineEnd = e;
  }

  /**
   * Moves to the first non-space character of the next line that holds something other than spaces
   * and a comment, or sets {@link #eof}. The rest of the current line must be spaces or a comment.
   */
  private void nextContent() {
    restOfLineEmpty();
    int start = lineEnd;
    while (true) {
      // skip the line break
      while (start < n && s[start] != '\n') start++;
      if (start >= n) {
        eof = true;
        pos = n;
        return;
      }
      start++;
      line++;
      setLine(start);
      int p = start;
      while (p < lineEnd && s[p] == ' ') p++;
      if (p < lineEnd && s[p] != '#') {
        pos = p;
        return;
      }
      start = lineEnd;
    }
  }

  /** Only spaces, then the line's end or a comment after a space, from {@link #pos} on. */
  private void restOfLineEmpty() {
    int p = pos;
    while (p < lineEnd && s[p] == ' ') p++;
    if (p < lineEnd && (s[p] != '#' || (p > lineStart && s[p - 1] != ' '))) throw outside();
    pos = p;
  }

  private int column() {
    return pos - lineStart;
  }

  private boolean documentMarker() {
    if (pos != lineStart || pos + 3 > lineEnd) return false;
    char c = s[pos];
    if ((c != '-' && c != '.') || s[pos + 1] != c || s[pos + 2] != c) return false;
    return pos + 3 == lineEnd || s[pos + 3] == ' ';
  }

  private boolean sequenceEntry() {
    return s[pos] == '-' && (pos + 1 == lineEnd || s[pos + 1] == ' ');
  }

  // ---- documents ------------------------------------------------------------------------------------

  private void stream() {
    out.add(PlainYamlEvents.STREAM_START, 0, 0, 0, 0, 0, 0, 0, 0);
    line = 0;
    setLine(0);
    pos = 0;
    int p = 0;
    while (p < lineEnd && s[p] == ' ') p++;
    if (p < lineEnd && s[p] != '#') {
      pos = p;
    } else {
      pos = lineEnd;
      nextContent();
    }
    while (!eof) {
      if (documentMarker()) {
        if (s[pos] == '.') throw outside();
        int start = pos;
        int startLine = line;
        pos += 3;
        nextContent();
        if (eof || documentMarker()) throw outside(); // an empty document
        out.add(PlainYamlEvents.DOCUMENT_START, PlainYamlEvents.EXPLICIT, start, startLine, 0,
            start + 3, startLine, 3, 0);
      } else {
        out.add(PlainYamlEvents.DOCUMENT_START, 0, pos, line, column(), pos, line, column(), 0);
      }
      if (s[pos] == '%') throw outside();
      blockNode(-1);
      if (!eof && !documentMarker()) throw outside();
      out.add(PlainYamlEvents.DOCUMENT_END, 0, pos, line, column(), pos, line, column(), 0);
    }
    out.add(PlainYamlEvents.STREAM_END, 0, pos, line, column(), pos, line, column(), 0);
  }

  /**
   * A block mapping or sequence starting at {@link #pos} (the first content of a line, deeper than
   * {@code parent}); on return {@link #pos} is at the next content line or the end.
   */
  private void blockNode(int parent) {
    if (sequenceEntry()) {
      blockSequence(column(), false);
    } else {
      blockMapping(column());
    }
  }

  private void enter() {
    if (++depth > Limits.MAX_NESTING) throw outside();
  }

  private void blockSequence(int indent, boolean indentless) {
    enter();
    int mark = pos;
    out.add(PlainYamlEvents.SEQUENCE_START, 0, mark, line, column(), indentless ? mark + 1 : mark, line,
        indentless ? column() + 1 : column(), 0);
    while (true) {
      int dashEnd = pos + 1;
      int dashLine = line;
      int dashColumn = column() + 1;
      pos++;
      while (pos < lineEnd && s[pos] == ' ') pos++;
      if (pos == lineEnd || s[pos] == '#') {
        nextContent();
        if (!eof && !documentMarker() && column() > indent) {
          blockNode(indent);
        } else {
          out.empty(dashEnd, dashLine, dashColumn);
        }
      } else {
        inlineValue(indent, true);
      }
      if (eof || documentMarker()) break;
      int c = column();
      if (c == indent && sequenceEntry()) continue;
      if (c < indent || (indentless && c == indent)) break;
      throw outside();
    }
    out.add(PlainYamlEvents.SEQUENCE_END, 0, pos, line, column(), pos, line, column(), 0);
    depth--;
  }

  private void blockMapping(int indent) {
    enter();
    out.add(PlainYamlEvents.MAPPING_START, 0, pos, line, column(), pos, line, column(), 0);
    while (true) {
      if (sequenceEntry()) throw outside();
      blockKey();
      // pos is just after the colon
      int colonEnd = pos;
      int colonLine = line;
      int colonColumn = column();
      while (pos < lineEnd && s[pos] == ' ') pos++;
      if (pos == lineEnd || s[pos] == '#') {
        nextContent();
        if (!eof && !documentMarker() && column() > indent) {
          blockNode(indent);
        } else if (!eof && !documentMarker() && column() == indent && sequenceEntry()) {
          blockSequence(indent, true);
        } else {
          out.empty(colonEnd, colonLine, colonColumn);
        }
      } else {
        inlineValue(indent, false);
      }
      if (eof || documentMarker()) break;
      int c = column();
      if (c == indent) continue;
      if (c < indent) break;
      throw outside();
    }
    out.add(PlainYamlEvents.MAPPING_END, 0, pos, line, column(), pos, line, column(), 0);
    depth--;
  }

  /** A key at {@link #pos} and its colon; leaves {@link #pos} just after the colon. */
  private void blockKey() {
    int start = pos;
    char c = s[pos];
    if (c == '\'' || c == '"') {
      quoted();
      while (pos < lineEnd && s[pos] == ' ') pos++;
    } else if (plainStartsBlock()) {
      plainBlock();
    } else {
      throw outside();
    }
    if (pos >= lineEnd || s[pos] != ':' || (pos + 1 < lineEnd && s[pos + 1] != ' ')) throw outside();
    if (pos - start > MAX_KEY) throw outside();
    pos++;
  }

  /**
   * The value written on the line of its key or dash, at {@link #pos}: a scalar, a flow collection,
   * or (after a dash) a mapping whose first key is here. Moves to the next content line.
   */
  private void inlineValue(int indent, boolean afterDash) {
    char c = s[pos];
    int start = pos;
    if (c == '[' || c == '{') {
      flowNode();
      nextContent();
      return;
    }
    if (c == '\'' || c == '"') {
      int mark = out.mark();
      quoted();
      int after = pos;
      while (pos < lineEnd && s[pos] == ' ') pos++;
      if (pos < lineEnd && s[pos] == ':' && (pos + 1 == lineEnd || s[pos + 1] == ' ')) {
        if (!afterDash) throw outside();
        out.truncate(mark);
        pos = start;
        blockMapping(start - lineStart);
        return;
      }
      pos = after;
      nextContent();
      return;
    }
    if (!plainStartsBlock()) throw outside();
    int mark = out.mark();
    plainBlock();
    if (pos < lineEnd && s[pos] == ':') {
      if (!afterDash) throw outside();
      out.truncate(mark);
      pos = start;
      blockMapping(start - lineStart);
      return;
    }
    nextContent();
  }

  // ---- scalars --------------------------------------------------------------------------------------

  private static boolean indicator(char c) {
    switch (c) {
      case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
        return true;
      default:
        return false;
    }
  }

  /** Whether a plain scalar starts at {@link #pos} in block context (SnakeYAML's {@code checkPlain}). */
  private boolean plainStartsBlock() {
    char c = s[pos];
    if (c == ' ') return false;
    if (!indicator(c)) return true;
    return (c == '-' || c == '?' || c == ':') && pos + 1 < lineEnd && s[pos + 1] != ' ';
  }

  /** Whether a plain scalar starts at {@link #pos} in a flow collection. */
  private boolean plainStartsFlow() {
    char c = s[pos];
    if (c == ' ') return false;
    if (!indicator(c)) return true;
    return c == '-' && pos + 1 < lineEnd && s[pos + 1] != ' ';
  }

  /**
   * A plain scalar in block context from {@link #pos}: ends at the line's end, before {@code " #"},
   * or before a colon followed by a space or the line's end (leaving {@link #pos} on that colon).
   */
  private void plainBlock() {
    int start = pos;
    int startColumn = column();
    int i = pos;
    int end;
    while (true) {
      while (i < lineEnd) {
        char c = s[i];
        if (c == ' ' || (c == ':' && (i + 1 == lineEnd || s[i + 1] == ' '))) break;
        i++;
      }
      end = i;
      if (i == lineEnd || s[i] == ':') break;
      int j = i;
      while (j < lineEnd && s[j] == ' ') j++;
      if (j == lineEnd || s[j] == '#' || (s[j] == ':' && (j + 1 == lineEnd || s[j + 1] == ' '))) {
        i = j;
        break;
      }
      i = j;
    }
    out.scalar(PlainYamlEvents.PLAIN, start, line, startColumn, end, end - lineStart, start, end);
    pos = i;
  }

  /** A plain scalar inside a flow collection (it also ends before {@code , ? [ ] { }}). */
  private void plainFlow() {
    int start = pos;
    int startColumn = column();
    int i = pos;
    int end;
    while (true) {
      while (i < lineEnd) {
        char c = s[i];
        if (c == ' ' || (c == ':' && (i + 1 == lineEnd || flowSpace(s[i + 1]))) || flowStop(c)) break;
        i++;
      }
      end = i;
      if (i == lineEnd || s[i] != ' ') break;
      int j = i;
      while (j < lineEnd && s[j] == ' ') j++;
      if (j == lineEnd || s[j] == '#' || flowStop(s[j])
          || (s[j] == ':' && (j + 1 == lineEnd || flowSpace(s[j + 1])))) {
        break;
      }
      i = j;
    }
    out.scalar(PlainYamlEvents.PLAIN, start, line, startColumn, end, end - lineStart, start, end);
    pos = end;
  }

  private static boolean flowStop(char c) {
    return c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  private static boolean flowSpace(char c) {
    return c == ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  /** A single- or double-quoted scalar closed on its line; leaves {@link #pos} after the quote. */
  private void quoted() {
    char q = s[pos];
    int start = pos;
    int startColumn = column();
    int i = pos + 1;
    StringBuilder value = null;
    int from = i;
    while (true) {
      if (i >= lineEnd) throw outside();
      char c = s[i];
      if (c == q) {
        if (q == '\'' && i + 1 < lineEnd && s[i + 1] == '\'') {
          if (value == null) value = new StringBuilder();
          value.append(s, from, i + 1 - from);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c == '\\' && q == '"') {
        if (value == null) value = new StringBuilder();
        value.append(s, from, i - from);
        i = escape(i + 1, value);
        from = i;
        continue;
      }
      i++;
    }
    int end = i + 1;
    int style = q == '\'' ? PlainYamlEvents.SINGLE : PlainYamlEvents.DOUBLE;
    if (value == null) {
      out.scalar(style, start, line, startColumn, end, end - lineStart, start + 1, i);
    } else {
      value.append(s, from, i - from);
      out.scalar(style, start, line, startColumn, end, end - lineStart, value.toString());
    }
    pos = end;
  }

  /** Appends the escape whose letter is at {@code i}; returns the index after it. */
  private int escape(int i, StringBuilder value) {
    if (i >= lineEnd) throw outside(); // an escaped line break
    char c = s[i];
    String single = switch (c) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\u0008";
      case 't' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000B";
      case 'f' -> "\u000C";
      case 'r' -> "\r";
      case 'e' -> "\u001B";
      case ' ' -> " ";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'N' -> "\u0085";
      case '_' -> "\u00A0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
    if (single != null) {
      value.append(single);
      return i + 1;
    }
    int length = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : -1;
    if (length < 0 || i + 1 + length > lineEnd) throw outside();
    int code = 0;
    for (int k = i + 1; k <= i + length; k++) {
      int d = Character.digit(s[k], 16);
      if (d < 0 || s[k] > 'f') throw outside();
      code = code * 16 + d;
      if (code > Character.MAX_CODE_POINT) throw outside();
    }
    value.appendCodePoint(code);
    return i + 1 + length;
  }

  // ---- flow collections -----------------------------------------------------------------------------

  /** A flow node inside a flow collection, or a whole flow collection after a key or dash. */
  private void flowNode() {
    if (pos >= lineEnd) throw outside();
    char c = s[pos];
    if (c == '[') {
      flowSequence();
    } else if (c == '{') {
      flowMapping();
    } else if (c == '\'' || c == '"') {
      quoted();
    } else if (plainStartsFlow()) {
      plainFlow();
    } else {
      throw outside();
    }
  }

  private void skipSpaces() {
    while (pos < lineEnd && s[pos] == ' ') pos++;
    if (pos >= lineEnd) throw outside(); // the collection goes on on the next line
  }

  private void flowSequence() {
    flowCollection(PlainYamlEvents.SEQUENCE_START, PlainYamlEvents.SEQUENCE_END, ']', this::flowNode);
  }

  private void flowMapping() {
    flowCollection(PlainYamlEvents.MAPPING_START, PlainYamlEvents.MAPPING_END, '}', this::flowEntry);
  }

  /**
   * A flow collection that closes on its line: its start indicator, its items ({@code item} reads
   * one) separated by commas (a trailing one allowed), its {@code close} indicator.
   */
  private void flowCollection(int startEvent, int endEvent, char close, Runnable item) {
    enter();
    flowIndicator(startEvent);
    skipSpaces();
    while (s[pos] != close) {
      item.run();
      skipSpaces();
      if (s[pos] == ',') {
        pos++;
        skipSpaces();
      } else if (s[pos] != close) {
        throw outside();
      }
    }
    flowIndicator(endEvent);
    depth--;
  }

  /** The event of the one-character flow indicator at {@link #pos}, and the position after it. */
  private void flowIndicator(int event) {
    out.add(event, PlainYamlEvents.FLOW, pos, line, column(), pos + 1, line, column() + 1, 0);
    pos++;
  }

  /** One {@code key: value} (or {@code key:}, an empty value) of a flow mapping. */
  private void flowEntry() {
    int start = pos;
    char c = s[pos];
    if (c == '\'' || c == '"') {
      quoted();
    } else if (plainStartsFlow()) {
      plainFlow();
    } else {
      throw outside();
    }
    skipSpaces();
    if (s[pos] != ':' || pos - start > MAX_KEY) throw outside();
    pos++;
    int colonEnd = pos;
    skipSpaces();
    if (s[pos] == ',' || s[pos] == '}') {
      out.empty(colonEnd, line, colonEnd - lineStart);
    } else {
      flowNode();
    }
  }
}
