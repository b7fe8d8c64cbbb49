package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One YAML document as a JSON tree (for the schema) plus where each of its values and keys was
 * written, keyed by JSON pointer.
 *
 * @param file the file's display name
 * @param root the document as JSON, after {@code ${VAR}} substitution
 * @param values positions of values, by JSON pointer ({@code ""} is the document itself), except
 *     the plain scalar items of sequences written outside aliases, which are in {@code items}
 * @param items packed positions of the items of each sequence written outside aliases, by the
 *     sequence's JSON pointer (an item kept in {@code values} has none here)
 * @param keys positions of mapping keys, by the pointer of the value they name
 * @param faulty pointers already reported (bad tag, missing variable ...): later checks skip them so
 *     one mistake gives one message
 */
record ParsedDocument(
    String file,
    JsonNode root,
    Map<String, SourcePosition> values,
    Map<String, ItemPositions> items,
    Map<String, SourcePosition> keys,
    Set<String> faulty) {

  /** The position of the value at {@code pointer}, or of its nearest ancestor that has one. */
  SourcePosition positionOf(String pointer) {
    String p = pointer;
    while (true) {
      SourcePosition pos = valueAt(p);
      if (pos != null) return pos;
      if (p.isEmpty()) return new SourcePosition(file, 1, 1);
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The position of exactly the value at {@code pointer}, or {@code null}. */
  SourcePosition valueAt(String pointer) {
    SourcePosition pos = values.get(pointer);
    if (pos != null || pointer.isEmpty()) return pos;
    int slash = pointer.lastIndexOf('/');
    int index = ItemPositions.index(pointer.substring(slash + 1));
    if (index < 0) return null;
    ItemPositions list = items.get(pointer.substring(0, slash));
    return list == null ? null : list.get(index);
  }

  /** The position of the key naming {@code pointer}, falling back to its value's position. */
  SourcePosition keyPositionOf(String pointer) {
    SourcePosition pos = keys.get(pointer);
    return pos != null ? pos : positionOf(pointer);
  }

  /**
   * The text of {@code key} in the mapping {@code n} (at {@code pointer}), recording its position
   * under {@code key} in {@code positions}; {@code null} (and nothing recorded) when it is absent or
   * not text.
   */
  String text(String pointer, JsonNode n, String key, Map<String, SourcePosition> positions) {
    JsonNode v = n.path(key);
    if (!v.isTextual()) return null;
    positions.put(key, positionOf(pointer + "/" + key));
    return v.asText();
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
