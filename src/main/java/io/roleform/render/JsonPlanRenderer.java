package io.roleform.render;

import io.roleform.plan.Plan;
import io.roleform.plan.PlanJson;

/**
 * The plan for machines ({@code --format json}): exactly the saved plan file of {@link PlanJson},
 * so what a script reads is what {@code apply --plan} applies. The access impact is its {@code
 * access} field.
 */
public final class JsonPlanRenderer implements PlanRenderer {

  @Override
  public String render(Plan plan) {
    return PlanJson.write(plan);
  }
}
