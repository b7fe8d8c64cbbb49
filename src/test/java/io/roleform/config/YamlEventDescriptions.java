package io.roleform.config;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * What {@link PlainYamlScannerTest} and {@link PlainYamlScannerFuzzTest} compare: the text the
 * parser gets, SnakeYAML's parser of it, and every event described with everything a reader can
 * see of it (class, marks, value, style, implicit flags, tag, anchor, document flags and tags);
 * and a loaded document in a form that compares by value ({@link #document}, also for
 * {@link EventTreeTest}).
 */
final class YamlEventDescriptions {
  private YamlEventDescriptions() {}

  /** The text YamlStream gives the parser (byte order mark dropped), or null when it refuses the bytes. */
  static String text(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    for (byte b : bytes) if (b == 0) return null;
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }

  static Parser snakeParser(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Limits.MAX_CODE_POINTS);
    return new ParserImpl(new StreamReader(new StringReader(text)), options);
  }

  /** Every event with everything a reader can see of it. */
  static List<String> describe(Parser p) {
    List<String> out = new ArrayList<>();
    while (p.peekEvent() != null) {
      Event e = p.getEvent();
      StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(' ')
          .append(mark(e.getStartMark())).append('-').append(mark(e.getEndMark()));
      if (e instanceof ScalarEvent s) {
        sb.append(" value=").append(escape(s.getValue())).append(" style=").append(s.getScalarStyle())
            .append(" implicit=").append(s.getImplicit().canOmitTagInPlainScalar()).append('/')
            .append(s.getImplicit().canOmitTagInNonPlainScalar()).append(" tag=").append(s.getTag())
            .append(" anchor=").append(s.getAnchor());
      } else if (e instanceof CollectionStartEvent c) {
        sb.append(" flow=").append(c.getFlowStyle()).append(" implicit=").append(c.getImplicit())
            .append(" tag=").append(c.getTag()).append(" anchor=").append(c.getAnchor());
      } else if (e instanceof DocumentStartEvent d) {
        sb.append(" explicit=").append(d.getExplicit()).append(" version=").append(d.getVersion()).append(" tags=").append(d.getTags());
      } else if (e instanceof DocumentEndEvent d) {
        sb.append(" explicit=").append(d.getExplicit());
      }
      out.add(sb.toString());
    }
    return out;
  }

  static String mark(Mark m) {
    return m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7F) b.appendCodePoint(c);
      else b.append(String.format("\\u{%X}", c));
    });
    return b.toString();
  }

  /**
   * A loaded document in a form that compares by value: its tree, the position of every value, item
   * and key, and its faulty pointers.
   */
  static Object document(ParsedDocument d) {
    Map<String, Object> items = new TreeMap<>();
    d.items().forEach((k, v) -> {
      List<Object> each = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) each.add(String.valueOf(v.get(i)));
      items.put(k, List.of(v.complete(), each));
    });
    return List.of(d.file(), d.root().toString(), new TreeMap<>(d.values()), items, new TreeMap<>(d.keys()),
        new TreeSet<>(d.faulty()));
  }
}
