package io.roleform.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The access report for spreadsheets: RFC 4180 CSV with a header, one row per user, role and
 * permission ({@code user,external,role,permission,status,until,policies}). {@code status} is
 * {@code unchanged}, {@code added} or {@code removed} (always {@code unchanged} without a plan);
 * {@code until} is the last day of an expiring membership; {@code policies} names the policies the
 * user breaks. A cell that a spreadsheet would run as a formula ({@code = + - @}) is prefixed with
 * {@code '}.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static void write(ReportData d, Writer out) {
    try {
      out.write("user,external,role,permission,status,until,policies\r\n");
      StringBuilder line = new StringBuilder(128);
      IOException[] failure = new IOException[1];
      d.rows((u, r, p, status) -> {
        if (failure[0] != null) return;
        String email = d.users.get(u).email();
        String role = d.roles.get(r).name();
        line.setLength(0);
        cell(line, email).append(',').append(d.users.get(u).external()).append(',');
        cell(line, role).append(',');
        cell(line, p < 0 ? "" : d.permissions.get(p)).append(',').append(status).append(',');
        String until = d.expiring.get(ReportData.key(email, role));
        cell(line, until == null ? "" : until).append(',');
        List<String> marks = d.marks.get(email.toLowerCase(Locale.ROOT));
        cell(line, marks == null ? "" : String.join(" ", marks)).append("\r\n");
        try {
          out.append(line);
        } catch (IOException e) {
          failure[0] = e;
        }
      });
      if (failure[0] != null) throw failure[0];
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StringBuilder cell(StringBuilder sb, String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return sb.append(v);
    return sb.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
