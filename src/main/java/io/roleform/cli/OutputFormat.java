package io.roleform.cli;

import io.roleform.render.Colors;
import io.roleform.render.JsonPlanRenderer;
import io.roleform.render.MarkdownPlanRenderer;
import io.roleform.render.PlanRenderer;
import io.roleform.render.TextPlanRenderer;
import java.util.Map;

/** The plan formats of {@code --format}. */
enum OutputFormat {
  text,
  json,
  markdown;

  PlanRenderer renderer(Map<String, String> env, Terminal terminal) {
    return switch (this) {
      case text -> new TextPlanRenderer(Colors.enabled(terminal.interactive(), env));
      case json -> new JsonPlanRenderer();
      case markdown -> new MarkdownPlanRenderer();
    };
  }
}
