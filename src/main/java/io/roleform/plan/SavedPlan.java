package io.roleform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
   * Streams the file's bytes (UTF-8) to {@code out}: the plan's fields, {@code madeFrom} (which
   * carries the whole config: 60 MB at XL) and, signed, the signature, written as they are
   * serialized — the file is never held in memory as one string. Deterministic for the same plan
   * and {@code madeFrom}; the same bytes as {@link #write(Plan, MadeFrom, String)}. Does not close
   * {@code out}.
   *
   * @param key the signing key ({@code ROLEFORM_PLAN_KEY}), or {@code null} for an unsigned file
   */
  public static void write(Plan plan, MadeFrom madeFrom, String key, OutputStream out) throws IOException {
    if (key == null) {
      PlanJson.writeSaved(new PlanJson.SavedFields(plan, madeFrom, null), out);
      return;
    }
    PlanSignature.Signing signing = PlanSignature.signing(out, key);
    PlanJson.writeSaved(new PlanJson.SavedFields(plan, madeFrom, ""), signing);
    signing.finish();
  }

  /**
   * The file's text: deterministic for the same plan and {@code madeFrom} (for tests and small
   * plans; {@code plan --out} streams with {@link #write(Plan, MadeFrom, String, OutputStream)}).
   *
   * @param key the signing key ({@code ROLEFORM_PLAN_KEY}), or {@code null} for an unsigned file
   */
  public static String write(Plan plan, MadeFrom madeFrom, String key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(plan, madeFrom, key, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan as JSON", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
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
