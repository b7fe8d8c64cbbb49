package io.roleform.render;

import static io.roleform.render.Text.clean;

import io.roleform.plan.AccessChange;
import io.roleform.plan.AccessChange.Direction;
import io.roleform.diff.Action;
import io.roleform.plan.ExpiringAccess;
import io.roleform.diff.CodeSpans;
import io.roleform.plan.Plan;
import io.roleform.policy.PolicyFinding;
import io.roleform.plan.Refusal;
import io.roleform.diff.Warning;
import io.roleform.render.AccessImpact.UserAccess;
import io.roleform.render.PlanView.Entry;
import io.roleform.render.PlanView.Line;
import io.roleform.render.PlanView.Section;
import java.util.stream.Collectors;

/**
 * The human plan, Terraform-like: the sections of {@link PlanView.Topic} in order, each operation
 * with its symbol ({@code +} create, {@code ~} change, {@code -} delete) and its reason as a
 * trailing {@code # ...} comment; then who gains and who loses which permission; then access
 * expiring soon; then warnings; then policies (refused, pre-existing, fixed) with the config lines
 * behind them; then refusals, each naming the flag that overrides it; then the {@code Plan: ...}
 * summary line.
 *
 * <p>Names are quoted and every value is made terminal-safe ({@link Text}). ANSI colour (green,
 * yellow, red) is used only when constructed with {@code color = true}; otherwise the output has
 * no escape sequence at all.
 */
public final class TextPlanRenderer implements PlanRenderer {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";

  private final boolean color;

  public TextPlanRenderer(boolean color) {
    this.color = color;
  }

  @Override
  public String render(Plan plan) {
    PlanView view = PlanView.of(plan);
    StringBuilder out = new StringBuilder();
    out.append(header(plan)).append("\n\n");
    if (plan.options().onlyExpired()) out.append(PlanView.ONLY_EXPIRED).append('\n');
    if (!plan.hasChanges()) {
      out.append(PlanView.noChanges(plan)).append('\n');
    } else {
      out.append("Symbols: ").append(symbol(Action.CREATE)).append(" create, ")
          .append(symbol(Action.UPDATE)).append(" change, ")
          .append(symbol(Action.DELETE)).append(" delete\n");
    }
    for (Section section : view.sections()) {
      out.append('\n').append(style(BOLD, section.topic().title + ":")).append('\n');
      for (Entry entry : section.entries()) entry(out, entry);
    }
    if (!view.access().isEmpty()) access(out, view.access());
    if (!plan.expiring().isEmpty()) {
      out.append('\n').append(style(BOLD, "Access expiring within " + plan.options().expiringWithinDays()
          + " days:")).append('\n');
      for (ExpiringAccess e : plan.expiring()) {
        out.append("  ").append(style(YELLOW, "~")).append(' ').append(clean(PolicyWords.expiring(e))).append('\n');
      }
    }
    if (!plan.notifications().isEmpty()) {
      out.append('\n').append(style(BOLD, "Notifications (notifyMembers is on; who the portal will notify, and why):"))
          .append('\n');
      for (io.roleform.plan.Notification n : plan.notifications()) {
        out.append("  ").append(clean(n.shown())).append(": ").append(Notifications.why(n)).append('\n');
      }
    }
    if (!plan.warnings().isEmpty()) {
      out.append('\n').append(style(BOLD, "Warnings:")).append('\n');
      for (Warning w : plan.warnings()) {
        out.append("  ").append(style(YELLOW, "!")).append(' ').append(clean(CodeSpans.plain(w.message()))).append('\n');
      }
    }
    if (!plan.policies().isEmpty()) policies(out, plan);
    if (!plan.refusals().isEmpty()) {
      out.append('\n').append(style(BOLD, "Refused by safety limits; nothing will be applied:")).append('\n');
      for (Refusal r : plan.refusals()) {
        out.append("  ").append(style(RED, "x")).append(' ').append(clean(CodeSpans.plain(r.message())))
            .append(r.override() == null
                ? "  (no flag overrides this limit)"
                : "  (override: " + clean(r.override()) + ")")
            .append('\n');
      }
    }
    if (plan.hasChanges()) out.append('\n').append(style(BOLD, view.summaryLine())).append('\n');
    return out.toString();
  }

  private static String header(Plan plan) {
    StringBuilder sb = new StringBuilder("roleform plan");
    if (plan.portal() != null) sb.append(" for ").append(clean(plan.portal()));
    sb.append(" (");
    if (plan.profile() != null) sb.append(clean(plan.profile())).append(", ");
    sb.append("state version ").append(plan.fingerprint().stateVersion()).append(')');
    return sb.toString();
  }

  private void entry(StringBuilder out, Entry entry) {
    out.append("  ").append(symbol(entry.action())).append(' ').append(entry.subject());
    if (!entry.reason().isEmpty()) out.append("  # ").append(entry.reason());
    out.append('\n');
    for (Line line : entry.lines()) {
      out.append("      ")
          .append(line.action() == null ? " " : symbol(line.action()))
          .append(' ').append(line.text()).append('\n');
    }
  }

  private void access(StringBuilder out, AccessImpact access) {
    out.append('\n').append(style(BOLD, "Access changes (who gains and who loses which permission):")).append('\n');
    for (UserAccess user : access.users()) {
      out.append("  ").append(clean(user.user())).append('\n');
      for (AccessChange change : user.changes()) {
        Action action = change.direction() == Direction.GAINED ? Action.CREATE : Action.DELETE;
        out.append("    ").append(symbol(action)).append(' ').append(clean(change.permission()));
        if (!change.via().isEmpty()) {
          out.append("  via ").append(change.via().stream().map(Text::quote).collect(Collectors.joining(", ")));
        }
        out.append('\n');
      }
    }
  }

  private void policies(StringBuilder out, Plan plan) {
    out.append('\n').append(style(BOLD, plan.isRefusedByPolicy()
        ? "Policies (refused by policy; nothing will be applied):" : "Policies:")).append('\n');
    for (PolicyFinding f : plan.policies()) {
      String mark = switch (f.status()) {
        case INTRODUCED, WORSENED -> style(RED, "x");
        case PRE_EXISTING -> style(YELLOW, "!");
        case FIXED -> style(GREEN, "+");
      };
      out.append("  ").append(mark).append(' ').append(clean(PolicyWords.head(f))).append(": ")
          .append(PolicyWords.status(f)).append('\n');
      out.append("      ").append(clean(CodeSpans.plain(f.message()))).append('\n');
      if (f.refuses() && !f.culprits().isEmpty()) {
        out.append("      ").append(f.rule().equals("minMembers") ? "losing it in this plan: " : "brought in by this plan: ")
            .append(clean(PolicyWords.list(f.culprits()))).append('\n');
      }
      for (String cause : f.causes()) out.append("      caused by ").append(clean(CodeSpans.plain(cause))).append('\n');
    }
  }

  private String symbol(Action action) {
    String colour = switch (action) {
      case CREATE -> GREEN;
      case UPDATE -> YELLOW;
      case DELETE -> RED;
    };
    return style(colour, action.symbol());
  }

  private String style(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
