package io.roleform.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The apply report as JSON ({@code --report FILE}), versioned:
 *
 * <pre>{@code
 * {"formatVersion": 1, "succeeded": true|false, "stoppedByConcurrentChange": true|false,
 *  "operations": [{"index": 1, "type": "createRole", "target": "Billing Auditors",
 *                  "status": "done"|"failed"|"not_run", "message": "..."|null}, ...]}
 * }</pre>
 *
 * Every operation of the plan appears, in plan order, with its 1-based index.
 */
public final class ApplyReportJson {

  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ApplyReportJson() {}

  /** The report as JSON, every text as it is. */
  public static String write(ApplyReport report) {
    return write(report, UnaryOperator.identity());
  }

  /**
   * The report as JSON, {@code redact} applied to each operation's target and message as values,
   * before JSON escapes them (a value holding {@code "}, {@code \\} or a control character is
   * matched whole, which it would not be in the written text).
   */
  public static String write(ApplyReport report, UnaryOperator<String> redact) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("succeeded", report.succeeded());
    root.put("stoppedByConcurrentChange", report.stoppedByConcurrentChange());
    ArrayNode operations = root.putArray("operations");
    for (OperationOutcome outcome : report.outcomes()) {
      ObjectNode o = operations.addObject();
      o.put("index", outcome.index());
      o.put("type", OperationLabel.type(outcome.operation()));
      o.put("target", redact.apply(OperationLabel.target(outcome.operation())));
      o.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
      o.put("message", redact.apply(outcome.message()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the apply report", e);
    }
  }
}
