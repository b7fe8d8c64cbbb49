package io.roleform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A saved plan file ({@code plan --out}): the {@link Plan} as {@link PlanJson} writes it, plus what
 * it was made from ({@code madeFrom}) and, when a key is given, an HMAC-SHA-256 {@code signature}
 * as the last field (see {@link PlanSignature}).
 *
 * @param plan the plan as saved (sensitive values already shown as {@code (sensitive)})
 * @param madeFrom what it was made from, or {@code null} when the file has none (a plan of an
 *     older roleform, or one whose {@code madeFrom} was removed): such a plan cannot be verified
 */
public record SavedPlan(Plan plan, MadeFrom madeFrom) {

  /**
   * The file's text: deterministic for the same plan and {@code madeFrom}.
   *
   * @param key the signing key ({@code ROLEFORM_PLAN_KEY}), or {@code null} for an unsigned file
   */
  public static String write(Plan plan, MadeFrom madeFrom, String key) {
    ObjectNode tree = PlanJson.toTree(plan);
    tree.set("madeFrom", PlanJson.toTree(madeFrom));
    if (key == null) return PlanJson.print(tree);
    tree.put("signature", "");
    return PlanSignature.sign(PlanJson.print(tree), key);
  }

  /**
   * Reads a saved plan file (its signature is checked separately, with {@link PlanSignature#check}).
   *
   * @throws PlanFormatException when the text is not a plan this roleform can read
   */
  public static SavedPlan read(String text) throws PlanFormatException {
    JsonNode root = PlanJson.parse(text);
    MadeFrom madeFrom = null;
    if (root instanceof ObjectNode object) {
      object.remove("signature");
      JsonNode made = object.remove("madeFrom");
      if (made != null && !made.isNull()) madeFrom = PlanJson.fromTree(made, MadeFrom.class, "madeFrom");
    }
    return new SavedPlan(PlanJson.fromTree(root), madeFrom);
  }
}
