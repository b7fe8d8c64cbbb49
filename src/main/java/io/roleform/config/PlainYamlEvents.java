package io.roleform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * The parser events {@link PlainYamlScanner} read from a file, packed eight ints each, replayed as
 * SnakeYAML {@link Event}s (made one at a time, as they are asked for) through SnakeYAML's own
 * {@link Parser} interface, so that {@link EventComposer} and {@link DocumentTree} read them exactly
 * as they read SnakeYAML's parser.
 *
 * <p>Every event starts and ends on one line; a mark is its character index, line and column
 * (0-based, as SnakeYAML's). A scalar's value is a range of the text, or one of the strings kept
 * aside (quoted scalars with escapes or {@code ''}).
 */
final class PlainYamlEvents implements Parser {
  static final int STREAM_START = 0;
  static final int STREAM_END = 1;
  static final int DOCUMENT_START = 2;
  static final int DOCUMENT_END = 3;
  static final int SCALAR = 4;
  static final int SEQUENCE_START = 5;
  static final int SEQUENCE_END = 6;
  static final int MAPPING_START = 7;
  static final int MAPPING_END = 8;
  /** Flags: a scalar's style; a collection written in flow style; an explicit document start. */
  static final int PLAIN = 0;
  static final int SINGLE = 1;
  static final int DOUBLE = 2;
  static final int FLOW = 1;
  static final int EXPLICIT = 1;

  private static final int STRIDE = 8;
  private static final String NAME = "'reader'";
  private static final int[] NO_BUFFER = new int[0];
  private static final ImplicitTuple PLAIN_IMPLICIT = new ImplicitTuple(true, false);
  private static final ImplicitTuple QUOTED_IMPLICIT = new ImplicitTuple(false, true);

  private final String text;
  /** Per event: kind | flags << 4, start index, line, start column, end index, end column, value from, value to. */
  private int[] data;
  private int size;
  private final List<String> strings = new ArrayList<>();
  private int next;
  private Event current;

  PlainYamlEvents(String text, int capacity) {
    this.text = text;
    this.data = new int[capacity * STRIDE];
  }

  // ---- recording (PlainYamlScanner) -----------------------------------------------------------------

  void add(int kind, int flags, int start, int line, int column, int end, int endLine, int endColumn,
      int unused) {
    put(kind | flags << 4, start, line, column, end, endColumn, 0, 0);
  }

  /** A scalar whose value is {@code text[from, to)}. */
  void scalar(int style, int start, int line, int column, int end, int endColumn, int from, int to) {
    put(SCALAR | style << 4, start, line, column, end, endColumn, from, to);
  }

  /** A scalar whose value is {@code value}. */
  void scalar(int style, int start, int line, int column, int end, int endColumn, String value) {
    strings.add(value);
    put(SCALAR | style << 4, start, line, column, end, endColumn, -strings.size(), 0);
  }

  /** The empty plain scalar SnakeYAML gives for a missing value, at a mark. */
  void empty(int index, int line, int column) {
    put(SCALAR, index, line, column, index, column, 0, 0);
  }

  /** How many events are recorded; {@link #truncate} goes back to it. */
  int mark() {
    return size;
  }

  void truncate(int mark) {
    size = mark;
  }

  private void put(int kind, int start, int line, int column, int end, int endColumn, int from, int to) {
    int at = size * STRIDE;
    if (at + STRIDE > data.length) data = Arrays.copyOf(data, data.length * 2);
    data[at] = kind;
    data[at + 1] = start;
    data[at + 2] = line;
    data[at + 3] = column;
    data[at + 4] = end;
    data[at + 5] = endColumn;
    data[at + 6] = from;
    data[at + 7] = to;
    size++;
  }

  /** How many events were recorded. */
  int size() {
    return size;
  }

  // ---- reading scalars without an event object (DocumentTree's list items) ------------------------

  /**
   * Whether the next event is a scalar that no one has peeked at as an {@link Event} yet: it can then
   * be read with {@link #scalarValue}, {@link #scalarStyle}, {@link #scalarLine}, {@link
   * #scalarColumn} and passed with {@link #skipScalar}, exactly as the {@link ScalarEvent} {@link
   * #getEvent} would give (a plain subset scalar has no anchor and no tag; its start mark is at
   * that line and column).
   */
  boolean nextIsScalar() {
    return current == null && next < size && (data[next * STRIDE] & 15) == SCALAR;
  }

  /** The next scalar's value (see {@link #nextIsScalar}). */
  String scalarValue() {
    return value(next * STRIDE);
  }

  /** The next scalar's style: {@link #PLAIN}, {@link #SINGLE} or {@link #DOUBLE}. */
  int scalarStyle() {
    return data[next * STRIDE] >>> 4;
  }

  /** The next scalar's start line (0-based, as a {@link Mark}'s). */
  int scalarLine() {
    return data[next * STRIDE + 2];
  }

  /** The next scalar's start column (0-based, as a {@link Mark}'s). */
  int scalarColumn() {
    return data[next * STRIDE + 3];
  }

  /** Passes the next scalar, as {@link #getEvent} would. */
  void skipScalar() {
    next++;
  }

  /** The value of the scalar at {@code at}: a range of the text, or a string kept aside. */
  private String value(int at) {
    int from = data[at + 6];
    return from < 0 ? strings.get(-from - 1) : text.substring(from, data[at + 7]);
  }

  // ---- replay (Parser) -----------------------------------------------------------------------------

  @Override
  public boolean checkEvent(Event.ID choice) {
    Event e = peekEvent();
    return e != null && e.is(choice);
  }

  @Override
  public Event peekEvent() {
    if (current == null && next < size) current = event(next++);
    return current;
  }

  @Override
  public Event getEvent() {
    Event e = peekEvent();
    current = null;
    return e;
  }

  private Event event(int i) {
    int at = i * STRIDE;
    int kind = data[at] & 15;
    int flags = data[at] >>> 4;
    int start = data[at + 1];
    int line = data[at + 2];
    int column = data[at + 3];
    int end = data[at + 4];
    Mark startMark = new Mark(NAME, start, line, column, NO_BUFFER, 0);
    Mark endMark = end == start ? startMark : new Mark(NAME, end, line, data[at + 5], NO_BUFFER, 0);
    switch (kind) {
      case SCALAR: {
        String value = value(at);
        return new ScalarEvent(null, null, flags == PLAIN ? PLAIN_IMPLICIT : QUOTED_IMPLICIT, value,
            startMark, endMark, flags == PLAIN ? DumperOptions.ScalarStyle.PLAIN
                : flags == SINGLE ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
      }
      case MAPPING_START:
        return new MappingStartEvent(null, null, true, startMark, endMark, style(flags));
      case MAPPING_END:
        return new MappingEndEvent(startMark, endMark);
      case SEQUENCE_START:
        return new SequenceStartEvent(null, null, true, startMark, endMark, style(flags));
      case SEQUENCE_END:
        return new SequenceEndEvent(startMark, endMark);
      case DOCUMENT_START:
        // SnakeYAML's parser gives an explicit document its (here empty) tag handles, an implicit one none.
        return new DocumentStartEvent(startMark, endMark, flags == EXPLICIT, null,
            flags == EXPLICIT ? new HashMap<>() : null);
      case DOCUMENT_END:
        return new DocumentEndEvent(startMark, endMark, false);
      case STREAM_START:
        return new StreamStartEvent(startMark, endMark);
      default:
        return new StreamEndEvent(startMark, endMark);
    }
  }

  private static DumperOptions.FlowStyle style(int flags) {
    return flags == FLOW ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
  }
}
