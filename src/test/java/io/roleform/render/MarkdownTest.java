package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void escapesWhatMarkdownAndHtmlWouldInterpret() {
    assertThat(Markdown.escape("a|b")).isEqualTo("a\\|b");
    assertThat(Markdown.escape("<b>&")).isEqualTo("&lt;b&gt;&amp;");
    assertThat(Markdown.escape("`x` *y* _z_ [l](u)")).isEqualTo("\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u)");
    assertThat(Markdown.escape("a\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void escapesMentionsButNotEmails() {
    assertThat(Markdown.escape("@team and carol@acme.example")).isEqualTo("&#64;team and carol@acme.example");
  }

  @Test
  void codeSpansAndFencesOutlastBackticksInside() {
    assertThat(Markdown.code("--max-deletions=5")).isEqualTo("`--max-deletions=5`");
    assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
    assertThat(Markdown.code("`a")).isEqualTo("`` `a ``");
    assertThat(Markdown.fenceFor(List.of("plain"))).isEqualTo("```");
    assertThat(Markdown.fenceFor(List.of("x ```` y"))).isEqualTo("`````");
  }
}
