package io.roleform.render;

import static io.roleform.render.Markdown.escape;
import static io.roleform.render.Markdown.withCode;

import io.roleform.plan.AccessChange;
import io.roleform.plan.AccessChange.Direction;
import io.roleform.plan.ExpiringAccess;
import io.roleform.plan.Plan;
import io.roleform.policy.PolicyFinding;
import io.roleform.plan.Refusal;
import io.roleform.diff.Warning;
import io.roleform.render.AccessImpact.UserAccess;
import io.roleform.render.CommentBudget.Block;
import io.roleform.render.CommentBudget.Kind;
import io.roleform.render.PlanView.Entry;
import io.roleform.render.PlanView.Line;
import io.roleform.render.PlanView.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan as a pull-request comment: a hidden marker ({@value #MARKER}, so CI finds and updates
 * its one comment), a heading, a summary table, refusals with their override flags, policy
 * findings with the config lines behind them, the access impact table, access expiring soon,
 * warnings, then each section of changes in a collapsible {@code <details>} block
 * (shown open when the plan is small).
 *
 * <p>Guarantee: the comment is never longer than {@code maxChars} (default {@value
 * #DEFAULT_MAX_CHARS}, under GitHub's 65,535). A longer plan is shortened by {@link CommentBudget}
 * — details collapsed first, largest first, then tables cut — and every shortened part says how
 * many lines it left out; nothing is cut silently. Names are escaped ({@link Markdown}).
 */
public final class MarkdownPlanRenderer implements PlanRenderer {

  /** The first line of every comment. */
  public static final String MARKER = "<!-- roleform-plan -->";

  public static final int DEFAULT_MAX_CHARS = 65_000;

  /** The smallest cap accepted: enough for the marker, the heading and the "left out" line. */
  public static final int MIN_MAX_CHARS = 1_000;

  /** Up to this many lines of changes in all, the detail sections are shown open. */
  static final int OPEN_DETAILS_LINES = 40;

  private final int maxChars;

  public MarkdownPlanRenderer() {
    this(DEFAULT_MAX_CHARS);
  }

  /** @param maxChars hard cap on the comment's length in chars, at least {@value #MIN_MAX_CHARS} */
  public MarkdownPlanRenderer(int maxChars) {
    if (maxChars < MIN_MAX_CHARS) {
      throw new IllegalArgumentException("maxChars " + maxChars + " < " + MIN_MAX_CHARS);
    }
    this.maxChars = maxChars;
  }

  @Override
  public String render(Plan plan) {
    PlanView view = PlanView.of(plan);
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.fixed(MARKER + "\n" + heading(plan, view) + "\n\n" + context(plan) + "\n"));
    blocks.add(Block.fixed(summary(plan, view)));
    if (!plan.refusals().isEmpty()) blocks.add(refusals(plan));
    if (!plan.policies().isEmpty()) blocks.add(policies(plan));
    if (!view.access().isEmpty()) blocks.add(access(view.access()));
    if (!plan.expiring().isEmpty()) blocks.add(expiring(plan));
    if (!plan.notifications().isEmpty()) blocks.add(notifications(plan));
    if (!plan.warnings().isEmpty()) blocks.add(warnings(plan));
    boolean open = view.sections().stream().mapToInt(Section::lineCount).sum() <= OPEN_DETAILS_LINES;
    for (Section section : view.sections()) blocks.add(details(section, open));
    return CommentBudget.fit(blocks, maxChars, fallback(plan, view, blocks));
  }

  private static String heading(Plan plan, PlanView view) {
    if (!plan.hasChanges()) return "## roleform plan: no changes";
    return "## roleform plan: " + view.creates() + " to create, " + view.changes() + " to change, "
        + view.deletes() + " to delete" + (plan.isRefused() ? " (refused)" : "");
  }

  private static String context(Plan plan) {
    StringBuilder sb = new StringBuilder();
    if (plan.portal() != null) sb.append("Portal ").append(escape(plan.portal())).append(' ');
    if (plan.profile() != null) sb.append('(').append(escape(plan.profile())).append(") ");
    sb.append("at state version ").append(plan.fingerprint().stateVersion());
    if (plan.configDigest() != null) sb.append(", config ").append(Markdown.code(shortDigest(plan.configDigestValue())));
    return sb.append('.').toString();
  }

  private static String summary(Plan plan, PlanView view) {
    String only = plan.options().onlyExpired() ? PlanView.ONLY_EXPIRED + "\n\n" : "";
    if (!plan.hasChanges()) return only + PlanView.noChanges(plan) + "\n";
    return only + table(view);
  }

  private static String table(PlanView view) {
    AccessImpact access = view.access();
    return "| To create | To change | To delete | Access gained | Access lost |\n"
        + "|---:|---:|---:|---:|---:|\n"
        + "| " + view.creates() + " | " + view.changes() + " | " + view.deletes() + " | "
        + impact(access.count(Direction.GAINED), access.userCount(Direction.GAINED)) + " | "
        + impact(access.count(Direction.LOST), access.userCount(Direction.LOST)) + " |\n";
  }

  private static String impact(long permissions, long users) {
    if (permissions == 0) return "none";
    return permissions + (permissions == 1 ? " permission" : " permissions") + " for " + users
        + (users == 1 ? " user" : " users");
  }

  private static Block refusals(Plan plan) {
    String title = "### Refused by safety limits: nothing will be applied\n\n";
    List<String> rows = new ArrayList<>();
    for (Refusal r : plan.refusals()) {
      rows.add("- **" + escape(r.rule().id()) + "**: " + sentence(withCode(r.message()))
          + (r.override() == null ? " No flag overrides this limit." : " Override with " + Markdown.code(r.override()) + ".")
          + "\n");
    }
    return new Block(Kind.ROWS, "Refusals", title, rows, "", title);
  }

  private static Block policies(Plan plan) {
    String title = plan.isRefusedByPolicy() ? "### Policies: refused, nothing will be applied\n\n" : "### Policies\n\n";
    List<String> rows = new ArrayList<>();
    for (PolicyFinding f : plan.policies()) {
      String mark = switch (f.status()) {
        case INTRODUCED, WORSENED -> ":x: ";
        case PRE_EXISTING -> ":warning: ";
        case FIXED -> ":white_check_mark: ";
      };
      StringBuilder row = new StringBuilder("- " + mark + "**" + escape(PolicyWords.head(f)) + "**: "
          + escape(PolicyWords.status(f)) + ". " + sentence(escape(f.message()))
          + (f.refuses() && !f.culprits().isEmpty() ? (f.rule().equals("minMembers") ? " Losing it in this plan: "
              : " Brought in by this plan: ") + escape(PolicyWords.list(f.culprits())) + "." : "") + "\n");
      for (String cause : f.causes()) row.append("  - caused by ").append(escape(cause)).append("\n");
      rows.add(row.toString());
    }
    return new Block(Kind.ROWS, "Policies", title, rows, "", title);
  }

  private static Block expiring(Plan plan) {
    String title = "### Access expiring within " + plan.options().expiringWithinDays() + " days\n\n";
    String head = title + "| User | Role | Until (UTC) | Days left |\n|---|---|---|---:|\n";
    List<String> rows = new ArrayList<>();
    for (ExpiringAccess e : plan.expiring()) {
      rows.add("| " + escape(e.user()) + " | " + escape(e.role()) + " | " + escape(e.until()) + " | "
          + e.daysLeft() + " |\n");
    }
    return new Block(Kind.ROWS, "Expiring access", head, rows, "", title);
  }

  private static Block access(AccessImpact access) {
    String title = "### Access impact\n\n";
    String head = title + "| User | Change | Permission | Via roles |\n|---|---|---|---|\n";
    List<String> rows = new ArrayList<>();
    for (UserAccess user : access.users()) {
      boolean first = true;
      for (AccessChange change : user.changes()) {
        rows.add("| " + (first ? escape(user.user()) : "") + " | "
            + (change.direction() == Direction.GAINED ? "gains" : "loses") + " | "
            + escape(change.permission()) + " | "
            + change.via().stream().map(Markdown::escape).collect(Collectors.joining(", ")) + " |\n");
        first = false;
      }
    }
    return new Block(Kind.ROWS, "Access impact", head, rows, "", title);
  }

  private static Block notifications(Plan plan) {
    String title = "### Notifications (notifyMembers is on)\n\n";
    String head = title + "| Member | Notified because |\n|---|---|\n";
    List<String> rows = new ArrayList<>();
    for (io.roleform.plan.Notification n : plan.notifications()) {
      rows.add("| " + escape(n.shown()) + " | " + escape(Notifications.why(n)) + " |\n");
    }
    return new Block(Kind.ROWS, "Notifications", head, rows, "", title);
  }

  private static Block warnings(Plan plan) {
    String title = "### Warnings\n\n";
    List<String> rows = new ArrayList<>();
    for (Warning w : plan.warnings()) rows.add("- " + withCode(w.message()) + "\n");
    return new Block(Kind.ROWS, "Warnings", title, rows, "", title);
  }

  private static Block details(Section section, boolean open) {
    List<String> lines = new ArrayList<>(section.lineCount());
    for (Entry entry : section.entries()) {
      lines.add(entry.action().symbol() + " " + entry.subject()
          + (entry.reason().isEmpty() ? "" : "  # " + entry.reason()) + "\n");
      for (Line line : entry.lines()) {
        lines.add((line.action() == null ? " " : line.action().symbol()) + "     " + line.text() + "\n");
      }
    }
    String fence = Markdown.fenceFor(lines);
    String title = section.topic().title + " (" + section.entries().size() + ")";
    String head = (open ? "<details open>" : "<details>") + "<summary>" + title + "</summary>\n\n" + fence + "diff\n";
    String tail = fence + "\n\n</details>\n";
    return new Block(Kind.DETAILS, title, head, lines, tail, "");
  }

  /** The last resort when even the shortened comment is too long: counts only. */
  private static String fallback(Plan plan, PlanView view, List<Block> blocks) {
    int lines = blocks.stream().mapToInt(b -> b.rows().size()).sum();
    return MARKER + "\n" + heading(plan, view) + "\n\n"
        + "This plan is too large to show in a comment.\n\n… " + lines + " more lines omitted "
        + CommentBudget.ARTIFACT + "\n";
  }

  private static String sentence(String text) {
    return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
  }

  private static String shortDigest(String digest) {
    return digest.length() > 12 ? digest.substring(0, 12) : digest;
  }
}
