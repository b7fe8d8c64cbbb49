package io.roleform.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;

/**
 * One use of a YAML alias ({@code *name}) in a composed document: the anchored node it stands for
 * and where the alias is written.
 *
 * <p>{@link EventComposer} puts one in the tree for every alias instead of the anchored node itself,
 * so the place of each use survives composition; {@link DocumentTree} expands it (within {@link
 * Limits#MAX_ALIAS_EXPANDED_NODES}) and points every value inside it at this use. The target is always
 * a node composed before the alias, so the graph has no cycles.
 */
final class AliasNode extends Node {
  private final Node target;
  private final String anchor;

  AliasNode(Node target, String anchor, Mark start, Mark end) {
    super(target.getTag(), start, end);
    this.target = target;
    this.anchor = anchor;
  }

  /** The anchored node; never itself an {@code AliasNode}. */
  Node target() {
    return target;
  }

  /** The anchor's name, without {@code &} or {@code *}. */
  String anchor() {
    return anchor;
  }

  @Override
  public NodeId getNodeId() {
    return NodeId.anchor;
  }
}
