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
 * @param values positions of values, by JSON pointer ({@code ""} is the document itself)
 * @param keys positions of mapping keys, by the pointer of the value they name
 * @param faulty pointers already reported (bad tag, missing variable ...): later checks skip them so
 *     one mistake gives one message
 */
record ParsedDocument(
    String file,
    JsonNode root,
    Map<String, SourcePosition> values,
    Map<String, SourcePosition> keys,
    Set<String> faulty) {

  /** The position of the value at {@code pointer}, or of its nearest ancestor that has one. */
  SourcePosition positionOf(String pointer) {
    String p = pointer;
    while (true) {
      SourcePosition pos = values.get(p);
      if (pos != null) return pos;
      if (p.isEmpty()) return new SourcePosition(file, 1, 1);
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The position of the key naming {@code pointer}, falling back to its value's position. */
  SourcePosition keyPositionOf(String pointer) {
    SourcePosition pos = keys.get(pointer);
    return pos != null ? pos : positionOf(pointer);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
