package io.roleform.render;

import static io.roleform.render.Text.clean;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.policy.PolicyFinding;
import java.util.List;

/**
 * The result of {@code roleform check}: the policies broken in the live portal, as text for people
 * or JSON for machines ({@code {"portal", "stateVersion", "policies", "violations": [...]}}, each
 * violation a {@link PolicyFinding} as in plan JSON).
 */
public final class CheckRenderer {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private CheckRenderer() {}

  public static String text(String portal, long stateVersion, int policies, List<PolicyFinding> findings) {
    StringBuilder out = new StringBuilder("roleform check for ").append(clean(portal))
        .append(" (state version ").append(stateVersion).append(")\n\n");
    if (findings.isEmpty()) {
      return out.append(policies == 1 ? "The 1 policy holds.\n" : "All " + policies + " policies hold.\n").toString();
    }
    out.append(findings.size()).append(" of ").append(policies).append(policies == 1 ? " policy" : " policies")
        .append(findings.size() == 1 ? " is" : " are").append(" broken:\n");
    for (PolicyFinding f : findings) {
      out.append("\n  x policy ").append(clean(f.policy())).append(" (").append(clean(f.at()))
          .append(f.at().isEmpty() ? "" : ", ").append(f.rule()).append(")\n");
      out.append("      ").append(clean(f.message())).append('\n');
      for (String cause : f.causes()) out.append("      from ").append(clean(cause)).append('\n');
    }
    return out.toString();
  }

  public static String json(String portal, long stateVersion, int policies, List<PolicyFinding> findings) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("portal", portal);
    root.put("stateVersion", stateVersion);
    root.put("policies", policies);
    ArrayNode v = root.putArray("violations");
    for (PolicyFinding f : findings) v.add(MAPPER.valueToTree(f));
    return root.toPrettyString() + "\n";
  }
}
