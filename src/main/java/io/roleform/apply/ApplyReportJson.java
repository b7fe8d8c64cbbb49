package io.roleform.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

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

  public static String write(ApplyReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("succeeded", report.succeeded());
    root.put("stoppedByConcurrentChange", report.stoppedByConcurrentChange());
    ArrayNode operations = root.putArray("operations");
    for (OperationOutcome outcome : report.outcomes()) {
      ObjectNode o = operations.addObject();
      o.put("index", outcome.index());
      o.put("type", OperationLabel.type(outcome.operation()));
      o.put("target", OperationLabel.target(outcome.operation()));
      o.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
      o.put("message", outcome.message());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the apply report", e);
    }
  }
}
