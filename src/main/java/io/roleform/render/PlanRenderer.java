package io.roleform.render;

import io.roleform.plan.Plan;

/**
 * Turns a plan into text for people or machines. Renderers only read the plan: rendering never
 * changes it, never does I/O, and gives the same output for the same plan.
 */
public interface PlanRenderer {

  /** The whole rendering, ending with a newline. */
  String render(Plan plan);
}
