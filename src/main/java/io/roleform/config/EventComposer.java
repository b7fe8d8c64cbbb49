package io.roleform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes parser events into YAML nodes, as SnakeYAML's composer does, except that every alias
 * becomes an {@link AliasNode} remembering where it was used (SnakeYAML's puts the anchored node
 * itself in the tree, losing the alias's position).
 *
 * <p>Guarantees: an anchor is registered only once its value is complete, so an alias inside its own
 * anchor's value is refused and the node graph never has a cycle; an alias to an unknown anchor is
 * refused at the alias; tags outside YAML's own ({@code !!python/object ...}) are refused as
 * SnakeYAML refuses them; each alias costs one node here (expansion happens later, bounded, in {@link
 * DocumentTree}). Refusals are thrown as {@link YamlStream.Refused} with the offending mark.
 */
final class EventComposer {
  private final Parser parser;
  private final PlainYamlEvents packed;
  private final Resolver resolver = new Resolver();
  private final Map<String, Node> anchors = new HashMap<>();

  EventComposer(Parser parser) {
    this(parser, null);
  }

  /**
   * A composer of {@code parser}'s events, which come from {@code packed} (when not null) through
   * {@code parser} (a wrapper that lets scalars through untouched): see {@link #packed()}.
   */
  EventComposer(Parser parser, PlainYamlEvents packed) {
    this.parser = parser;
    this.packed = packed;
    if (parser.checkEvent(Event.ID.StreamStart)) parser.getEvent();
  }

  /**
   * The packed events {@link #parser()}'s come from, or {@code null}: a reader may take a scalar
   * from them directly ({@link PlainYamlEvents#nextIsScalar}) instead of as an event object.
   */
  PlainYamlEvents packed() {
    return packed;
  }

  /** Whether another document follows. */
  boolean hasDocument() {
    return !parser.checkEvent(Event.ID.StreamEnd);
  }

  /** The next document's root node; anchors do not carry over from one document to the next. */
  Node document() {
    beginDocument();
    Node root = node();
    endDocument();
    return root;
  }

  /**
   * Starts the next document for a reader that takes its events itself ({@link DocumentTree}) and
   * composes only the parts that need nodes (anchored values, aliases, merged and tagged values)
   * with {@link #node()}.
   */
  void beginDocument() {
    parser.getEvent(); // DocumentStart
    anchors.clear();
  }

  /** Ends the document begun with {@link #beginDocument()}. */
  void endDocument() {
    parser.getEvent(); // DocumentEnd
  }

  /** The parser the events come from (its position is shared with {@link #node()}). */
  Parser parser() {
    return parser;
  }

  /**
   * Composes the next value (an alias, or a value with everything under it) into nodes, registering
   * its anchors; an alias becomes an {@link AliasNode}.
   */
  Node node() {
    if (parser.checkEvent(Event.ID.Alias)) return alias((AliasEvent) parser.getEvent());
    String anchor = ((NodeEvent) parser.peekEvent()).getAnchor();
    Node node;
    if (parser.checkEvent(Event.ID.Scalar)) {
      node = scalar((ScalarEvent) parser.getEvent());
    } else if (parser.checkEvent(Event.ID.SequenceStart)) {
      node = sequence((CollectionStartEvent) parser.getEvent());
    } else {
      node = mapping((CollectionStartEvent) parser.getEvent());
    }
    if (anchor != null) {
      node.setAnchor(anchor);
      anchors.put(anchor, node); // a later anchor of the same name wins for later aliases (YAML)
    }
    return node;
  }

  private Node alias(AliasEvent e) {
    Node target = anchors.get(e.getAnchor());
    if (target == null) {
      throw new YamlStream.Refused(e.getStartMark(), "alias `*" + e.getAnchor()
          + "` refers to no anchor `&" + e.getAnchor() + "` written before it",
          "write the anchor (`&" + e.getAnchor() + "` before a value) above its first use; an alias"
              + " cannot be used inside its own anchor's value");
    }
    return new AliasNode(target, e.getAnchor(), e.getStartMark(), e.getEndMark());
  }

  private Node scalar(ScalarEvent e) {
    String tag = e.getTag();
    return new ScalarNode(scalarTag(e), tag == null || tag.equals("!"), e.getValue(), e.getStartMark(),
        e.getEndMark(), e.getScalarStyle());
  }

  /**
   * The tag a scalar event's node gets: resolved from the value (YAML 1.1's implicit types, which
   * {@link DocumentTree} narrows to the core schema) when none is written, else the written one.
   */
  Tag scalarTag(ScalarEvent e) {
    String tag = e.getTag();
    if (tag == null || tag.equals("!")) return implicitTag(e.getValue(), e.getImplicit().canOmitTagInPlainScalar());
    return tag(tag, e.getStartMark());
  }

  /**
   * The first characters of the values one of SnakeYAML's {@link Resolver}'s implicit resolvers can
   * match (bool, int, float, merge, null — {@code ~ null Null NULL} and a single space, tried for
   * every value —, timestamp, and the {@code !&*} one); a non-empty value starting with another
   * matches none.
   */
  private static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~!&* \0";

  /**
   * What {@code new Resolver().resolve(NodeId.scalar, value, implicit)} gives, without trying its
   * regular expressions (and allocating an iterator and a matcher per value) when none can match:
   * most names and every email ({@code ScalarTagTest} checks it against the resolver).
   */
  Tag implicitTag(String value, boolean implicit) {
    if (!implicit || (!value.isEmpty() && RESOLVED_FIRST.indexOf(value.charAt(0)) < 0)) return Tag.STR;
    return resolver.resolve(NodeId.scalar, value, implicit);
  }

  private Node sequence(CollectionStartEvent start) {
    List<Node> items = new ArrayList<>();
    Tag tag = collectionTag(start, NodeId.sequence);
    SequenceNode node = new SequenceNode(tag, start.getTag() == null || start.getTag().equals("!"),
        items, start.getStartMark(), null, start.getFlowStyle());
    while (!parser.checkEvent(Event.ID.SequenceEnd)) items.add(node());
    node.setEndMark(parser.getEvent().getEndMark());
    return node;
  }

  private Node mapping(CollectionStartEvent start) {
    List<NodeTuple> tuples = new ArrayList<>();
    Tag tag = collectionTag(start, NodeId.mapping);
    MappingNode node = new MappingNode(tag, start.getTag() == null || start.getTag().equals("!"),
        tuples, start.getStartMark(), null, start.getFlowStyle());
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Node key = node();
      Node value = node();
      tuples.add(new NodeTuple(key, value));
    }
    node.setEndMark(parser.getEvent().getEndMark());
    return node;
  }

  private Tag collectionTag(CollectionStartEvent e, NodeId kind) {
    String tag = e.getTag();
    if (tag == null || tag.equals("!")) return resolver.resolve(kind, null, e.getImplicit());
    return tag(tag, e.getStartMark());
  }

  /** An explicit tag; only YAML's own and local ({@code !name}) tags pass, as in SnakeYAML. */
  private static Tag tag(String value, Mark at) {
    Tag tag = new Tag(value);
    if (tag.isCustomGlobal()) {
      throw new YamlStream.Refused(at, "YAML tag `" + value.replace("tag:yaml.org,2002:", "!!")
          + "` is not supported", "remove the tag");
    }
    return tag;
  }
}
