package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts a composed YAML node into a {@link ParsedDocument}: a JSON tree with the position of
 * every value and key.
 *
 * <p>Scalars are typed by the YAML 1.2 core schema, not YAML 1.1: only {@code true}/{@code false}
 * are booleans, so a name like {@code NO} or {@code off} stays the string it reads as. Quoted
 * scalars and {@code !!str} are always strings. {@code ${VAR}} substitution applies to every string
 * value (never to keys). Duplicate keys, keys that are not scalars and unsupported tags are
 * reported; the first occurrence of a duplicate key wins.
 */
final class DocumentTree {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern BOOL_TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern BOOL_FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.BOOL, Tag.NULL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP, Tag.MERGE);

  private final String file;
  private final EnvSubstitution env;
  private final List<Diagnostic> problems;
  private final Map<String, SourcePosition> values = new HashMap<>();
  private final Map<String, ItemPositions> items = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();
  private final Set<String> faulty = new HashSet<>();

  private DocumentTree(String file, EnvSubstitution env, List<Diagnostic> problems) {
    this.file = file;
    this.env = env;
    this.problems = problems;
  }

  static ParsedDocument convert(String file, Node root, EnvSubstitution env, List<Diagnostic> problems) {
    DocumentTree t = new DocumentTree(file, env, problems);
    JsonNode json = t.node(root, "");
    // Wrapped, not copied: the maps hold one entry per value (200,000+ for a large export) and
    // nothing else keeps a reference to them.
    return new ParsedDocument(file, json, Collections.unmodifiableMap(t.values),
        Collections.unmodifiableMap(t.items), Collections.unmodifiableMap(t.keys), Collections.unmodifiableSet(t.faulty));
  }

  private JsonNode node(Node n, String pointer) {
    values.put(pointer, YamlStream.position(file, n.getStartMark()));
    return value(n, pointer);
  }

  private JsonNode value(Node n, String pointer) {
    if (n instanceof MappingNode m) return mapping(m, pointer);
    if (n instanceof SequenceNode s) return sequence(s, pointer);
    return scalar((ScalarNode) n, pointer);
  }

  private JsonNode mapping(MappingNode m, String pointer) {
    if (!Tag.MAP.equals(m.getTag())) return unsupportedTag(m, pointer);
    ObjectNode object = JSON.objectNode();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (NodeTuple tuple : m.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePosition keyPos = YamlStream.position(file, keyNode.getStartMark());
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        problems.add(new Diagnostic(keyPos, pointer, "a key must be plain text, not a list or a mapping",
            "write keys as `name: value`"));
        continue;
      }
      String key = scalarKey.getValue();
      String child = pointer + "/" + ParsedDocument.escape(key);
      SourcePosition first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        problems.add(new Diagnostic(keyPos, child, "duplicate key `" + key + "`",
            "it is already set at line " + first.line() + "; remove one of them"));
        continue;
      }
      keys.put(child, keyPos);
      object.set(key, node(tuple.getValueNode(), child));
    }
    return object;
  }

  private JsonNode sequence(SequenceNode s, String pointer) {
    if (!Tag.SEQ.equals(s.getTag())) return unsupportedTag(s, pointer);
    List<Node> nodes = s.getValue();
    ArrayNode array = JSON.arrayNode(nodes.size());
    ItemPositions positions = new ItemPositions(file);
    items.put(pointer, positions);
    String prefix = pointer + "/";
    for (Node item : nodes) {
      org.yaml.snakeyaml.error.Mark mark = item.getStartMark();
      if (mark == null) positions.add(1, 1);
      else positions.add(mark.getLine() + 1, mark.getColumn() + 1);
      // An item's pointer is built only when something needs it: a scalar item is the common case
      // (members, permissions) and needs it only for a problem.
      array.add(item instanceof ScalarNode scalar ? scalar(scalar, null, prefix, positions.size() - 1)
          : value(item, prefix + (positions.size() - 1)));
    }
    return array;
  }

  private JsonNode scalar(ScalarNode s, String pointer) {
    return scalar(s, pointer, null, 0);
  }

  /** A scalar at {@code pointer}, or at item {@code index} of the list {@code listPrefix} ("/a/b/"). */
  private JsonNode scalar(ScalarNode s, String pointer, String listPrefix, int index) {
    Tag tag = s.getTag();
    if (!SCALAR_TAGS.contains(tag)) return unsupportedTag(s, pointer != null ? pointer : listPrefix + index);
    String v = s.getValue();
    if (s.isPlain() && !Tag.STR.equals(tag) && mayBeTyped(v)) {
      if (BOOL_TRUE.matcher(v).matches()) return JSON.booleanNode(true);
      if (BOOL_FALSE.matcher(v).matches()) return JSON.booleanNode(false);
      if (NULL.matcher(v).matches()) return JSON.nullNode();
      if (v.length() <= 100 && INT.matcher(v).matches()) return JSON.numberNode(new BigInteger(v));
      if (v.length() <= 100 && FLOAT.matcher(v).matches()) return JSON.numberNode(new BigDecimal(v));
    }
    EnvSubstitution.Result r = env.apply(v);
    if (!r.ok()) {
      String at = pointer != null ? pointer : listPrefix + index;
      problems.add(new Diagnostic(positionAt(at), at, r.error(), r.hint()));
      faulty.add(at);
      return JSON.textNode(v);
    }
    return JSON.textNode(r.value());
  }

  /** The position of the value at {@code pointer}, which is known by now. */
  private SourcePosition positionAt(String pointer) {
    SourcePosition p = values.get(pointer);
    if (p != null) return p;
    int slash = pointer.lastIndexOf('/');
    ItemPositions list = slash < 0 ? null : items.get(pointer.substring(0, slash));
    int index = slash < 0 ? -1 : ItemPositions.index(pointer.substring(slash + 1));
    return list == null || index < 0 ? null : list.get(index);
  }

  /**
   * False when no pattern below can match: a plain scalar that is not empty and starts with none of
   * the first characters of a boolean, null, integer or float (most names and every email), so
   * that those skip five regular expressions each.
   */
  private static boolean mayBeTyped(String v) {
    if (v.isEmpty()) return true;
    switch (v.charAt(0)) {
      case 't', 'T', 'f', 'F', 'n', 'N', '~', '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return true;
      default:
        return false;
    }
  }

  private JsonNode unsupportedTag(Node n, String pointer) {
    problems.add(new Diagnostic(positionAt(pointer), pointer,
        "YAML tag `" + n.getTag().getValue() + "` is not supported", "remove the tag"));
    faulty.add(pointer);
    return JSON.nullNode();
  }
}
