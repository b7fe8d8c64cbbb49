package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Converts a composed YAML node into a {@link ParsedDocument}: a JSON tree with the position of
 * every value and key.
 *
 * <p>Scalars are typed by the YAML 1.2 core schema, not YAML 1.1: only {@code true}/{@code false}
 * are booleans, so a name like {@code NO} or {@code off} stays the string it reads as. Quoted
 * scalars and {@code !!str} are always strings. {@code ${VAR}} substitution applies to every string
 * value (never to keys). Duplicate keys, keys that are not scalars and unsupported tags are
 * reported; the first occurrence of a duplicate key wins.
 *
 * <p>Aliases ({@code *name}) are expanded to a copy of their anchor's value, and merge keys
 * ({@code <<: *base}, {@code <<: [*a, *b]}, {@code <<: {k: v}}) add the keys of the merged
 * mappings that the mapping does not set itself (keys written in the mapping win wherever they
 * are; among several merged mappings the first that has a key wins), as YAML 1.1's merge type says.
 * Every value and key reached through an alias is positioned at the alias's use, with the anchor
 * named ({@link SourcePosition#anchor()}); through nested aliases, at the outermost use (the one
 * written in the text being read). Expansion is bounded: past {@link
 * Limits#MAX_ALIAS_EXPANDED_NODES} expanded nodes, or nesting deeper than {@link Limits#MAX_NESTING}
 * once expanded, one problem is reported at the alias and nothing more is expanded, so an alias bomb
 * costs bounded time and memory. A problem of the tree itself (a bad tag, a missing variable) inside
 * an anchored value is reported once, not once per alias.
 *
 * <p>Two inputs, one result: {@link #read} takes the parser's events directly and builds the JSON
 * tree and positions with no YAML node per value (the bulk of a large config: untagged mappings,
 * lists and scalars with no anchor); only a value that needs a node — one with an anchor, an alias,
 * a written tag, a merge key's value, a key that is not a plain scalar — is composed by {@link
 * EventComposer} and converted by the same code as {@link #convert}, which takes a whole composed
 * document. Both give the same document and the same problems in the same order ({@code
 * EventTreeTest} checks it on random documents).
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
  /** Positions of sequence items written outside any alias, packed per sequence (see ItemPositions). */
  private final Map<String, ItemPositions> items = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();
  private final Set<String> faulty = new HashSet<>();
  /** Nodes whose own problem (tag, variable) was reported: aliases to them do not repeat it. */
  private final Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The event source of {@link #read}; {@code null} for {@link #convert}. */
  private EventComposer composer;
  private Parser parser;
  /** The packed events {@link #parser} replays, when it does: list items are read from them directly. */
  private PlainYamlEvents packed;
  private boolean emptyRoot;
  /** The outermost alias use being expanded, with its anchor; {@code null} outside any alias. */
  private SourcePosition via;
  private int expanded;
  private boolean exhausted;
  private int depth;

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

  /**
   * One document read from events: the document, its own problems (conversion only; the schema is
   * checked later), and whether it is empty (an empty plain scalar, as a stray {@code ---} gives).
   */
  record Read(ParsedDocument document, List<Diagnostic> problems, boolean empty) {}

  /**
   * Reads the next document of {@code composer}'s parser from its events. Parser refusals and
   * syntax errors are thrown (as by {@link EventComposer}); the caller then drops this document.
   */
  static Read read(String file, EventComposer composer, EnvSubstitution env) {
    List<Diagnostic> problems = new ArrayList<>();
    DocumentTree t = new DocumentTree(file, env, problems);
    t.composer = composer;
    t.parser = composer.parser();
    t.packed = composer.packed();
    composer.beginDocument();
    JsonNode json = t.next("");
    composer.endDocument();
    return new Read(new ParsedDocument(file, json, Collections.unmodifiableMap(t.values),
        Collections.unmodifiableMap(t.items), Collections.unmodifiableMap(t.keys),
        Collections.unmodifiableSet(t.faulty)), problems, t.emptyRoot);
  }

  /** Whether a composed document is empty: an empty plain scalar with the null tag. */
  static boolean isEmpty(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()) && s.getValue().isEmpty();
  }

  // ---- the event path: what needs no node is read straight from the events -------------------------

  /**
   * Whether the event starts a value that is read from events here: a scalar or collection with no
   * anchor and no tag but the non-specific {@code !}. Anything else (an alias too) is composed.
   */
  private static boolean direct(Event e) {
    if (e instanceof ScalarEvent s) return s.getAnchor() == null && untagged(s.getTag());
    if (e instanceof CollectionStartEvent c) return c.getAnchor() == null && untagged(c.getTag());
    return false;
  }

  private static boolean untagged(String tag) {
    return tag == null || tag.equals("!");
  }

  private SourcePosition at(Mark mark) {
    return YamlStream.position(file, mark);
  }

  /** The next value of the event stream, at {@code pointer}. */
  private JsonNode next(String pointer) {
    Event e = parser.peekEvent();
    if (!direct(e)) {
      Node n = composer.node();
      if (pointer.isEmpty()) emptyRoot = isEmpty(n);
      return node(n, pointer);
    }
    parser.getEvent();
    values.put(pointer, at(e.getStartMark()));
    if (e instanceof ScalarEvent scalar) {
      Tag tag = composer.scalarTag(scalar);
      if (pointer.isEmpty()) emptyRoot = Tag.NULL.equals(tag) && scalar.getValue().isEmpty();
      return scalar(null, tag, scalar.isPlain(), scalar.getValue(), pointer, null, 0);
    }
    if (++depth > Limits.MAX_NESTING) { // the parser refuses this first; kept as in node()
      depth--;
      skip(e);
      return refuse(pointer, "nesting is deeper than " + Limits.MAX_NESTING + " levels once aliases are expanded",
          "use the alias at a shallower place, or write the value out");
    }
    try {
      return e.is(Event.ID.MappingStart) ? mappingEvents(pointer) : sequenceEvents(pointer);
    } finally {
      depth--;
    }
  }

  /** Consumes the rest of the collection {@code start} began. */
  private void skip(Event start) {
    Event.ID end = start.is(Event.ID.MappingStart) ? Event.ID.MappingEnd : Event.ID.SequenceEnd;
    while (!parser.checkEvent(end)) composer.node();
    parser.getEvent();
  }

  private JsonNode mappingEvents(String pointer) {
    ObjectNode object = JSON.objectNode();
    Map<String, SourcePosition> seen = new HashMap<>();
    List<Node> merges = null;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event k = parser.peekEvent();
      String key;
      SourcePosition keyPos;
      Node keyNode = null;
      if (direct(k) && k instanceof ScalarEvent scalarKey) {
        parser.getEvent();
        if (Tag.MERGE.equals(composer.scalarTag(scalarKey))) {
          if (merges == null) merges = new ArrayList<>();
          merges.add(composer.node());
          continue;
        }
        key = scalarKey.getValue();
        keyPos = at(scalarKey.getStartMark());
      } else {
        keyNode = composer.node();
        keyPos = position(keyNode);
        if (isMergeKey(keyNode)) {
          if (merges == null) merges = new ArrayList<>();
          merges.add(composer.node());
          continue;
        }
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          report(keyNode, new Diagnostic(keyPos, pointer, "a key must be plain text, not a list or a mapping",
              "write keys as `name: value`"));
          composer.node(); // the value, unread
          continue;
        }
        key = scalarKey.getValue();
      }
      String child = pointer + "/" + ParsedDocument.escape(key);
      SourcePosition first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        Diagnostic d = new Diagnostic(keyPos, child, "duplicate key `" + key + "`",
            "it is already set at line " + first.line() + "; remove one of them");
        if (keyNode != null) report(keyNode, d); else problems.add(d);
        composer.node(); // the value, unread
        continue;
      }
      keys.put(child, keyPos);
      object.set(key, next(child));
    }
    parser.getEvent(); // MappingEnd
    if (merges != null) {
      Set<String> taken = new HashSet<>(seen.keySet());
      for (Node merge : merges) merge(merge, object, pointer, taken);
    }
    return object;
  }

  private JsonNode sequenceEvents(String pointer) {
    ArrayNode array = JSON.arrayNode();
    // A plain scalar item (members, permissions: the bulk of a large config) gets a packed position
    // and no pointer string unless it has a problem; other items are kept in the value map.
    ItemPositions positions = new ItemPositions(file);
    items.put(pointer, positions);
    String prefix = pointer + "/";
    while (true) {
      int index = positions.size();
      if (packed != null && packed.nextIsScalar()) {
        // The same as the ScalarEvent branch below, without the event and its marks: a packed
        // scalar has no anchor and no tag, and only a plain one has an implicit tag to resolve.
        boolean plain = packed.scalarStyle() == PlainYamlEvents.PLAIN;
        String value = packed.scalarValue();
        positions.add(packed.scalarLine() + 1, packed.scalarColumn() + 1);
        packed.skipScalar();
        array.add(scalar(null, composer.implicitTag(value, plain), plain, value, null, prefix, index));
        continue;
      }
      if (parser.checkEvent(Event.ID.SequenceEnd)) break;
      Event e = parser.peekEvent();
      if (e instanceof ScalarEvent scalar && direct(e)) {
        parser.getEvent();
        Mark mark = scalar.getStartMark();
        positions.add(mark.getLine() + 1, mark.getColumn() + 1);
        array.add(scalar(null, composer.scalarTag(scalar), scalar.isPlain(), scalar.getValue(), null, prefix, index));
      } else if (e instanceof ScalarEvent) { // with an anchor or a tag: composed, still packed
        ScalarNode scalar = (ScalarNode) composer.node();
        Mark mark = scalar.getStartMark();
        positions.add(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1);
        array.add(scalar(scalar, null, prefix, index));
      } else {
        positions.addElsewhere();
        array.add(next(prefix + index));
      }
    }
    parser.getEvent(); // SequenceEnd
    positions.trim();
    return array;
  }

  // ---- the node path: composed documents, and the composed parts of an event-read one --------------

  /** Where {@code n} shows in the document: where it is written, or the alias being expanded. */
  private SourcePosition position(Node n) {
    return via != null ? via : YamlStream.position(file, n.getStartMark());
  }

  private JsonNode node(Node n, String pointer) {
    if (n instanceof AliasNode alias) return alias(alias, pointer);
    if (via != null && !expand(pointer)) return JSON.nullNode();
    values.put(pointer, position(n));
    if (n instanceof ScalarNode scalar) return scalar(scalar, pointer);
    if (++depth > Limits.MAX_NESTING) {
      depth--;
      return refuse(pointer, "nesting is deeper than " + Limits.MAX_NESTING + " levels once aliases are expanded",
          "use the alias at a shallower place, or write the value out");
    }
    try {
      return n instanceof MappingNode m ? mapping(m, pointer) : sequence((SequenceNode) n, pointer);
    } finally {
      depth--;
    }
  }

  /** Expands an alias in place; inside another alias, the outer use stays the position. */
  private JsonNode alias(AliasNode alias, String pointer) {
    SourcePosition outer = via;
    if (outer == null) via = usePosition(alias);
    try {
      return node(alias.target(), pointer);
    } finally {
      via = outer;
    }
  }

  private SourcePosition usePosition(AliasNode alias) {
    SourcePosition use = YamlStream.position(file, alias.getStartMark());
    SourcePosition anchor = YamlStream.position(file, alias.target().getStartMark());
    return new SourcePosition(file, use.line(), use.column(),
        new SourcePosition.Anchor(alias.anchor(), anchor.line(), anchor.column()));
  }

  /** Counts one expanded node; false (after one problem) once the bound is crossed. */
  private boolean expand(String pointer) {
    if (exhausted) {
      faulty.add(pointer);
      return false;
    }
    if (++expanded <= Limits.MAX_ALIAS_EXPANDED_NODES) return true;
    exhausted = true;
    refuse(pointer, "aliases expand to more than " + Limits.MAX_ALIAS_EXPANDED_NODES
        + " values; the rest of this file's aliases are not expanded",
        "an alias bomb? aliases that repeat aliases grow exponentially; write shared values once per use");
    return false;
  }

  private JsonNode refuse(String pointer, String message, String hint) {
    SourcePosition at = via != null ? via : positionAt(pointer);
    values.putIfAbsent(pointer, at);
    problems.add(new Diagnostic(at, pointer, message, hint));
    faulty.add(pointer);
    return JSON.nullNode();
  }

  private JsonNode mapping(MappingNode m, String pointer) {
    if (!Tag.MAP.equals(m.getTag())) return unsupportedTag(m, pointer);
    ObjectNode object = JSON.objectNode();
    Map<String, SourcePosition> seen = new HashMap<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple tuple : m.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePosition keyPos = position(keyNode);
      if (isMergeKey(keyNode)) {
        merges.add(tuple.getValueNode());
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        report(keyNode, new Diagnostic(keyPos, pointer, "a key must be plain text, not a list or a mapping",
            "write keys as `name: value`"));
        continue;
      }
      String key = scalarKey.getValue();
      String child = pointer + "/" + ParsedDocument.escape(key);
      SourcePosition first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        report(keyNode, new Diagnostic(keyPos, child, "duplicate key `" + key + "`",
            "it is already set at line " + first.line() + "; remove one of them"));
        continue;
      }
      keys.put(child, keyPos);
      object.set(key, node(tuple.getValueNode(), child));
    }
    Set<String> taken = new HashSet<>(seen.keySet());
    for (Node merge : merges) merge(merge, object, pointer, taken);
    return object;
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode s && Tag.MERGE.equals(s.getTag());
  }

  /**
   * Adds to {@code object} the keys of the mapping(s) a merge key names that are not in {@code
   * taken} (keys written in the mapping, or added by an earlier merge), and adds them to it.
   */
  private void merge(Node value, ObjectNode object, String pointer, Set<String> taken) {
    if (++depth > Limits.MAX_NESTING) { // merges of merges of ... count as nesting
      if (!exhausted) {
        exhausted = true;
        refuse(pointer, "merge keys nest deeper than " + Limits.MAX_NESTING + " levels",
            "merge fewer mappings into each other");
      }
    } else {
      List<Node> sources = value instanceof SequenceNode s && Tag.SEQ.equals(s.getTag()) ? s.getValue() : List.of(value);
      for (Node source : sources) mergeOne(source, object, pointer, taken);
    }
    depth--;
  }

  private void mergeOne(Node source, ObjectNode object, String pointer, Set<String> taken) {
    if (!expand(pointer)) return; // every merged mapping costs one, even one with only merges in it
    SourcePosition outer = via;
    try {
      Node target = source;
      if (source instanceof AliasNode alias) {
        if (via == null) via = usePosition(alias);
        target = alias.target();
      }
      if (!(target instanceof MappingNode m) || !Tag.MAP.equals(m.getTag())) {
        if (!reported.add(source)) return;
        SourcePosition at = position(source);
        values.putIfAbsent(pointer, at);
        problems.add(new Diagnostic(at, pointer, "merge key `<<` takes a mapping, an alias of one (`*name`)"
            + " or a list of them, not " + kind(target),
            "write `<<: *name` where `&name` is set on a mapping of keys to merge"));
        faulty.add(pointer);
        return;
      }
      List<Node> nested = new ArrayList<>();
      for (NodeTuple tuple : m.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (isMergeKey(keyNode)) {
          nested.add(tuple.getValueNode());
          continue;
        }
        // Every key looked at counts, taken or not: merges of merges repeat work, not output.
        if (!expand(pointer)) return;
        // A bad or duplicate key here was reported where the merged mapping is written.
        if (!(keyNode instanceof ScalarNode scalarKey) || !taken.add(scalarKey.getValue())) continue;
        String child = pointer + "/" + ParsedDocument.escape(scalarKey.getValue());
        keys.put(child, position(keyNode));
        object.set(scalarKey.getValue(), node(tuple.getValueNode(), child));
      }
      for (Node n : nested) merge(n, object, pointer, taken);
    } finally {
      via = outer;
    }
  }

  private static String kind(Node n) {
    if (n instanceof SequenceNode) return "a list";
    if (n instanceof MappingNode) return "a mapping with tag `" + n.getTag().getValue() + "`";
    return "a plain value";
  }

  private JsonNode sequence(SequenceNode s, String pointer) {
    if (!Tag.SEQ.equals(s.getTag())) return unsupportedTag(s, pointer);
    List<Node> nodes = s.getValue();
    ArrayNode array = JSON.arrayNode(nodes.size());
    if (via != null) { // inside an alias: every item is positioned at the alias's use
      int i = 0;
      for (Node item : nodes) array.add(node(item, pointer + "/" + i++));
      return array;
    }
    // Written here: a plain scalar item (members, permissions: the bulk of a large config) gets a
    // packed position and no pointer string unless it has a problem; other items go as before.
    ItemPositions positions = new ItemPositions(file);
    items.put(pointer, positions);
    String prefix = pointer + "/";
    for (Node item : nodes) {
      int index = positions.size();
      if (item instanceof ScalarNode scalar) {
        org.yaml.snakeyaml.error.Mark mark = item.getStartMark();
        positions.add(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1);
        array.add(scalar(scalar, null, prefix, index));
      } else {
        positions.addElsewhere();
        array.add(node(item, prefix + index));
      }
    }
    positions.trim();
    return array;
  }

  private JsonNode scalar(ScalarNode s, String pointer) {
    return scalar(s, pointer, null, 0);
  }

  /** A scalar at {@code pointer}, or (pointer null) at item {@code index} of the list {@code listPrefix}. */
  private JsonNode scalar(ScalarNode s, String pointer, String listPrefix, int index) {
    return scalar(s, s.getTag(), s.isPlain(), s.getValue(), pointer, listPrefix, index);
  }

  /**
   * A scalar of tag {@code tag} and text {@code v}, typed by the core schema when plain; {@code
   * node} is its composed node (problems of a node reached through several aliases are reported
   * once) or {@code null} when it was read from events.
   */
  private JsonNode scalar(Node node, Tag tag, boolean plain, String v, String pointer, String listPrefix,
      int index) {
    if (!SCALAR_TAGS.contains(tag)) {
      return unsupportedTag(node, tag, pointer != null ? pointer : listPrefix + index);
    }
    if (plain && !Tag.STR.equals(tag) && mayBeTyped(v)) {
      if (BOOL_TRUE.matcher(v).matches()) return JSON.booleanNode(true);
      if (BOOL_FALSE.matcher(v).matches()) return JSON.booleanNode(false);
      if (NULL.matcher(v).matches()) return JSON.nullNode();
      if (v.length() <= 100 && INT.matcher(v).matches()) return JSON.numberNode(new BigInteger(v));
      if (v.length() <= 100 && FLOAT.matcher(v).matches()) return JSON.numberNode(new BigDecimal(v));
    }
    if (v.indexOf('$') < 0) return JSON.textNode(v);
    EnvSubstitution.Result r = env.apply(v);
    if (!r.ok()) {
      String at = pointer != null ? pointer : listPrefix + index;
      report(node, new Diagnostic(positionAt(at), at, r.error(), r.hint()));
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
   * False when no pattern of {@link #scalar} can match: a plain scalar that is not empty and starts
   * with none of the first characters of a boolean, null, integer or float (most names and every
   * email), so that those skip five regular expressions each.
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
    return unsupportedTag(n, n.getTag(), pointer);
  }

  private JsonNode unsupportedTag(Node n, Tag tag, String pointer) {
    report(n, new Diagnostic(positionAt(pointer), pointer,
        "YAML tag `" + tag.getValue() + "` is not supported", "remove the tag"));
    faulty.add(pointer);
    return JSON.nullNode();
  }

  /**
   * Adds a problem of the node itself once, however many aliases lead to it; a problem of a value
   * read from events ({@code n} null) has one place and is always added.
   */
  private void report(Node n, Diagnostic d) {
    if (n == null || reported.add(n)) problems.add(d);
  }
}
