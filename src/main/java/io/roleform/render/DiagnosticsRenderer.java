package io.roleform.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.roleform.config.Diagnostic;
import io.roleform.config.SourcePosition;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders config problems in the formats of {@code roleform validate --format}: {@code text} for
 * people, {@code json} for tools, {@code github} for GitHub Actions annotations on a pull request.
 * Only reads its input; every output ends with a newline unless empty. In every format, control
 * characters, line breaks and bidirectional overrides coming from the config (a file name, a value
 * quoted in a message) are escaped as the plan escapes them, so a message cannot move a terminal's
 * cursor, change its colours or forge another line.
 */
public final class DiagnosticsRenderer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiagnosticsRenderer() {}

  /** One problem per line as {@code FILE:LINE:COL: error: PATH: MESSAGE}, each hint indented below. */
  public static String text(List<Diagnostic> problems) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : problems) sb.append(clean(d).format()).append(System.lineSeparator());
    return sb.toString();
  }

  /** {@code d} with every text escaped ({@link Text#clean}): safe to print on a terminal. */
  public static Diagnostic clean(Diagnostic d) {
    return new Diagnostic(d.location().mapText(Text::clean), Text.clean(d.message()),
        d.hint() == null ? null : Text.clean(d.hint()));
  }

  /**
   * A JSON array of {@code {file, line, column, path, message, hint}}; {@code file}, {@code line}
   * and {@code column} are {@code null} for a problem with no position, {@code hint} when there is none;
   * a problem inside a value reached through a YAML alias adds {@code anchor: {name, line, column}}.
   */
  public static String json(List<Diagnostic> problems) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Diagnostic raw : problems) {
      Diagnostic d = clean(raw);
      Map<String, Object> m = new LinkedHashMap<>();
      SourcePosition p = d.position();
      m.put("file", p == null ? null : p.file());
      m.put("line", p == null ? null : p.line());
      m.put("column", p == null ? null : p.column());
      m.put("path", d.path());
      m.put("message", d.message());
      m.put("hint", d.hint());
      if (p != null && p.anchor() != null) {
        Map<String, Object> anchor = new LinkedHashMap<>();
        anchor.put("name", p.anchor().name());
        anchor.put("line", p.anchor().line());
        anchor.put("column", p.anchor().column());
        m.put("anchor", anchor);
      }
      items.add(m);
    }
    try {
      return JSON.writeValueAsString(items) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * GitHub Actions workflow commands, one per problem: {@code ::error file=F,line=L,col=C::MESSAGE},
   * escaped as GitHub requires ({@code %}, CR and LF in the message; also {@code :} and {@code ,} in
   * properties). The message carries the path and, on a second line, the hint.
   */
  public static String github(List<Diagnostic> problems) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : problems) {
      // Line breaks are encoded below as GitHub requires (%0D, %0A); every other unsafe character
      // is escaped as in the other formats.
      sb.append("::error");
      SourcePosition p = d.position();
      if (p != null) {
        sb.append(" file=").append(property(keepBreaks(p.file())))
            .append(",line=").append(p.line())
            .append(",col=").append(p.column());
      }
      String message = (d.path().isEmpty() ? "" : keepBreaks(d.path()) + ": ") + keepBreaks(d.message())
          + (p == null ? "" : keepBreaks(p.aliasNote()))
          + (d.hint() == null ? "" : "\nhint: " + keepBreaks(d.hint()));
      sb.append("::").append(data(message)).append('\n');
    }
    return sb.toString();
  }

  /** {@link Text#clean} except for CR and LF, which stay for {@link #data} to encode. */
  private static String keepBreaks(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c == '\r' || c == '\n' ? String.valueOf(c) : Text.clean(String.valueOf(c)));
    }
    return sb.toString();
  }

  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
