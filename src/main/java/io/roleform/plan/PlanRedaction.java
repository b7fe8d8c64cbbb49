package io.roleform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.roleform.config.Redactor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A plan with sensitive values shown as {@code (sensitive)}: every text of every operation, access
 * change, warning and refusal goes through the {@link Redactor}. The redacted plan is what every
 * output shows and what a saved plan holds; apply carries out the plan made again with the real
 * values, after checking that it redacts to the saved one.
 */
public final class PlanRedaction {
  private PlanRedaction() {}

  private static final Plan STAND_IN = new Plan(Plan.FORMAT_VERSION, null, null, "-", new Fingerprint(0, "-"),
      PlanOptions.DEFAULTS, List.of(), List.of(), List.of(), List.of());

  /** {@code plan} with every text redacted; the same plan when there is nothing to redact. */
  public static Plan redact(Plan plan, Redactor redactor) {
    if (redactor.isEmpty()) return plan;
    // The hashes are never redacted: the tree gets stand-ins, so that they are not computed here
    // (the text plan never shows them), and the redacted plan keeps the plan's own.
    JsonNode tree = PlanJson.toTree(plan.withHashesOf(STAND_IN));
    JsonNode redacted = walk(tree, redactor);
    try {
      return PlanJson.fromTree(redacted).withHashesOf(plan);
    } catch (PlanFormatException e) {
      throw new IllegalStateException("a redacted plan is not a plan: " + e.getMessage(), e);
    }
  }

  private static JsonNode walk(JsonNode node, Redactor redactor) {
    if (node.isTextual()) return TextNode.valueOf(redactor.apply(node.asText()));
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        // Type ids and digests are never values of the config.
        if (!e.getKey().equals("type") && !e.getKey().equals("liveHash") && !e.getKey().equals("configDigest")) {
          e.setValue(walk(e.getValue(), redactor));
        }
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) array.set(i, walk(array.get(i), redactor));
      return array;
    }
    return node;
  }
}
