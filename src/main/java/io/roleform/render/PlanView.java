package io.roleform.render;

import io.roleform.diff.Action;
import io.roleform.diff.Operation;
import io.roleform.plan.Plan;
import java.util.List;

/**
 * A plan arranged for reading, shared by the text and Markdown renderers so that both show the
 * same sections in the same order with the same words. All strings are already made safe with
 * {@link Text} (one value, one line, no control characters).
 *
 * @param sections the non-empty sections, in the order of {@link Topic}
 * @param access the access impact, per user
 * @param creates number of operations that create
 * @param changes number of operations that change in place
 * @param deletes number of operations that delete
 */
record PlanView(
    List<Section> sections, AccessImpact access, int creates, int changes, int deletes) {

  /** Says that a plan made with {@code --only-expired} leaves every other difference out. */
  static final String ONLY_EXPIRED = "Only the removal of expired access is planned (--only-expired):"
      + " every other difference from the config is left out.";

  /** The sentence for a plan without changes. */
  static String noChanges(Plan plan) {
    return plan.options().onlyExpired() ? "No changes. No expired access to remove."
        : "No changes. The portal matches the config.";
  }

  static PlanView of(Plan plan) {
    int creates = 0;
    int changes = 0;
    int deletes = 0;
    for (Operation op : plan.operations()) {
      switch (op.action()) {
        case CREATE -> creates++;
        case UPDATE -> changes++;
        case DELETE -> deletes++;
      }
    }
    return new PlanView(
        Sections.of(plan.operations()), AccessImpact.of(plan.access()), creates, changes, deletes);
  }

  /** {@code Plan: 1 to create, 2 to change, 0 to delete.} */
  String summaryLine() {
    return "Plan: " + creates + " to create, " + changes + " to change, " + deletes + " to delete.";
  }

  /** The kinds of change, in the order every plan shows them (DESIGN.md §3). */
  enum Topic {
    DEPARTMENTS("Departments to create or rename"),
    INVITES("Users to invite"),
    USER_CHANGES("User changes"),
    CREATE("Roles to create"),
    RENAME("Roles to rename"),
    PERMISSIONS("Permission changes"),
    DESCRIPTIONS("Description changes"),
    CASE_ACTIONS("Case action changes"),
    OTHER_UPDATES("Other role updates"),
    ORDER("Role order"),
    MEMBERS("Membership changes"),
    APPROVALS("Appliers to approve"),
    DENIALS("Appliers to deny"),
    DELETIONS("Roles to delete"),
    SETTINGS("Settings and owner"),
    DISABLES("Users to disable"),
    USER_DELETIONS("Users to delete"),
    DEPARTMENT_DELETIONS("Departments to delete");

    final String title;

    Topic(String title) {
      this.title = title;
    }
  }

  /** One section: a topic and its entries, in plan (apply) order. */
  record Section(Topic topic, List<Entry> entries) {

    /** Number of lines the section shows (entries and their detail lines). */
    int lineCount() {
      return entries.stream().mapToInt(e -> 1 + e.lines().size()).sum();
    }
  }

  /**
   * One operation's facet in a section: {@code ~ role "Billing"  # reason}, with its detail lines.
   *
   * @param reason why it is in the plan, or {@code ""}
   */
  record Entry(Action action, String subject, String reason, List<Line> lines) {}

  /**
   * A detail line under an entry.
   *
   * @param action {@code +}, {@code ~} or {@code -} for a value added, changed or removed; {@code
   *     null} for a plain remark
   */
  record Line(Action action, String text) {}
}
