package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.plan.Plan;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MarkdownPlanRendererTest {

  private static final Pattern OMITTED =
      Pattern.compile("… (\\d+) more lines? omitted \\(the full plan is in the job's artifact\\)");

  @Test
  void startsWithTheMarkerCiLooksFor() {
    for (Plan plan : SamplePlans.all().values()) {
      assertThat(new MarkdownPlanRenderer().render(plan)).startsWith("<!-- roleform-plan -->\n");
    }
  }

  @Test
  void aHugePlanStaysUnderTheCapAndSaysWhatItLeftOut() {
    Plan huge = SamplePlans.huge(20_000);
    String md = new MarkdownPlanRenderer().render(huge);
    assertThat(md.length()).isLessThanOrEqualTo(65_000);
    assertThat(md).startsWith(MarkdownPlanRenderer.MARKER);
    // the summary keeps the real totals
    assertThat(md).contains("| 0 | 1 | 0 | 20000 permissions for 20000 users | none |");
    // the membership details are collapsed and say so
    assertThat(md).contains("**Membership changes (1)**: … 20001 more lines omitted (the full plan is in the job's artifact)");
    // the access table keeps as many rows as fit and says how many it left out
    long rows = md.lines().filter(l -> l.startsWith("| user")).count();
    Matcher m = OMITTED.matcher(md.substring(md.indexOf("### Access impact")));
    assertThat(m.find()).isTrue();
    assertThat(rows).isGreaterThan(1_000);
    assertThat(rows + Long.parseLong(m.group(1))).isEqualTo(20_000);
  }

  @Test
  void collapsesTheLargestDetailsFirst() {
    Plan plan = SamplePlans.plan(
        java.util.List.of(SamplePlans.create(), SamplePlans.huge(3_000).operations().get(0)),
        java.util.List.of(), java.util.List.of(), java.util.List.of());
    String md = new MarkdownPlanRenderer(65_000).render(plan);
    assertThat(md).contains("<details><summary>Roles to create (1)</summary>");
    assertThat(md).contains("**Membership changes (1)**: … 3001 more lines omitted");
    assertThat(md).doesNotContain("user00001@acme.example");
  }

  @Property(tries = 60)
  void neverLongerThanTheCapAndNeverASilentCut(
      @ForAll @IntRange(min = 1_000, max = 30_000) int cap, @ForAll @IntRange(min = 0, max = 3_000) int members) {
    Plan plan = SamplePlans.plan(
        java.util.List.of(SamplePlans.create(), SamplePlans.huge(members).operations().get(0)),
        SamplePlans.huge(members).access(), SamplePlans.warnings(), SamplePlans.refusals());
    String full = new MarkdownPlanRenderer(Integer.MAX_VALUE).render(plan);
    String md = new MarkdownPlanRenderer(cap).render(plan);
    assertThat(md.length()).isLessThanOrEqualTo(cap);
    if (full.length() <= cap) {
      assertThat(md).isEqualTo(full);
    } else {
      assertThat(md).containsPattern(OMITTED);
    }
  }

  @Test
  void refusesACapTooSmallToSayAnything() {
    assertThatThrownBy(() -> new MarkdownPlanRenderer(999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapesNamesSoTheyCannotBreakTablesOrBecomeHtml() {
    String md = new MarkdownPlanRenderer().render(SamplePlans.hostileNames());
    String outsideCode = md.replaceAll("(?s)(`{3,})diff\n.*?\\1\n", "");
    assertThat(outsideCode).doesNotContain("<img").doesNotContain("@org").doesNotContain("**bold**");
    assertThat(outsideCode).contains("&lt;img src=x onerror=alert(1)&gt; \\| \\`rm -rf\\` \\*\\*bold\\*\\* &#64;org/team");
    // every access table row still has exactly 4 cells
    md.lines().filter(l -> l.startsWith("| e")).forEach(row ->
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5));
    // a description holding a code fence cannot close the details block early
    assertThat(md).contains("````diff\n+ role \"line\\nbreak");
  }

  @Test
  void smallPlansShowTheirDetailsOpenLargeOnesCollapsed() {
    assertThat(new MarkdownPlanRenderer().render(SamplePlans.allKinds())).contains("<details open><summary>");
    assertThat(new MarkdownPlanRenderer().render(SamplePlans.huge(100))).contains("<details><summary>")
        .doesNotContain("<details open>");
  }

  @Test
  void namesInWarningsAreCodeSpansNotEscapedBackticks() {
    Plan plan = SamplePlans.plan(java.util.List.of(), java.util.List.of(),
        java.util.List.of(new io.roleform.diff.Warning(io.roleform.diff.Warning.Kind.UNMANAGED_ROLE,
            "role " + io.roleform.diff.CodeSpans.code("Interns") + " is not in the config; left as it is (unmanaged)")),
        java.util.List.of());
    String md = new MarkdownPlanRenderer().render(plan);
    assertThat(md).contains("- role `Interns` is not in the config; left as it is (unmanaged)\n")
        .doesNotContain("\\`");
    String text = new TextPlanRenderer(false).render(plan);
    assertThat(text).contains("role Interns is not in the config").doesNotContain("`");
  }
}
