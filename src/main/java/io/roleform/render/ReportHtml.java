package io.roleform.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.roleform.plan.AccessChange;
import io.roleform.plan.ExpiringAccess;
import io.roleform.policy.PolicyFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The access report as ONE self-contained HTML file: no network, no external asset (a Content
 * Security Policy forbids any request), styles and script inline.
 *
 * <p>Readable without scripts: the summary, the policy findings, the expiring access, the access
 * changes and — in {@code <noscript>} — the whole matrix as one row per user (permissions, with the
 * roles granting them). With scripts, the matrix is a table filtered by user, role and permission
 * (and "changes only", "policy violations only"), rendered from compact embedded JSON 500 rows at a
 * time, so that a portal of 50,000 users opens and filters in about a second. The filter is kept
 * in the URL fragment ({@code #user=dana&role=billing&perm=purchase&changed=1&flagged=1}), so a link
 * opens the report filtered. After each render the body carries {@code data-open-ms} and {@code
 * data-filter-ms} (times in the page), read by the browser benchmark.
 */
public final class ReportHtml {
  private ReportHtml() {}

  public static void write(ReportData d, Writer out) {
    try {
      String title = "roleform access report: " + d.portal;
      out.write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
      out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
      out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
      out.write("<title>" + h(title) + "</title>\n");
      out.write("<script>document.documentElement.className='js'</script>\n<style>");
      out.write(resource("report.css"));
      out.write("</style></head><body>\n");
      header(d, out);
      policies(d, out);
      expiring(d, out);
      changes(d, out);
      matrix(d, out);
      out.write("<script type=\"application/json\" id=\"data\">");
      data(d, out);
      out.write("</script>\n<script>");
      out.write(resource("report.js"));
      out.write("</script>\n</body></html>\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(ReportData d, Writer out) throws IOException {
    int memberships = 0;
    for (int[] roles : d.after) memberships += roles.length;
    out.write("<header><h1>Access report</h1><p class=\"muted\">Portal " + h(d.portal) + " at state version "
        + d.stateVersion + (d.withPlan() ? "; before and after the plan of config <code>"
        + h(shortDigest(d.plan.configDigestValue())) + "</code>" : "; the live state") + ".</p>\n");
    out.write("<table style=\"width:auto\"><tr><th>Users</th><th>Roles</th><th>Permissions</th><th>Memberships"
        + (d.withPlan() ? " (after)" : "") + "</th>" + (d.withPlan() ? "<th>Operations</th><th>Access changes</th><th>Plan</th>" : "")
        + "</tr>\n<tr><td class=\"n\">" + d.users.size() + "</td><td class=\"n\">" + d.roles.size() + "</td><td class=\"n\">"
        + d.permissions.size() + "</td><td class=\"n\">" + memberships + "</td>");
    if (d.withPlan()) {
      out.write("<td class=\"n\">" + d.plan.operations().size() + "</td><td class=\"n\">" + d.plan.access().size()
          + "</td><td>" + (d.plan.isRefused() ? "<span class=\"refused\">refused</span>" : d.plan.hasChanges() ? "changes" : "no changes")
          + "</td>");
    }
    out.write("</tr></table></header>\n");
  }

  private static void policies(ReportData d, Writer out) throws IOException {
    if (!d.withPlan() || d.plan.policies().isEmpty()) return;
    out.write("<section id=\"policies\"><h2>Policies</h2><table><tr><th>Policy</th><th>Rule</th><th>Written at</th>"
        + "<th>Status</th><th>Violation</th><th>Caused by</th></tr>\n");
    for (PolicyFinding f : d.plan.policies()) {
      String cls = f.refuses() ? "removed" : f.status() == PolicyFinding.Status.FIXED ? "added" : "changed";
      out.write("<tr class=\"" + cls + "\"><td>" + h(f.policy()) + "</td><td>" + h(f.rule()) + "</td><td>" + h(f.at())
          + "</td><td>" + (f.refuses() ? "<span class=\"refused\">" : "<span>") + h(PolicyWords.status(f)) + "</span></td><td>"
          + h(f.message()) + "</td><td>" + h(String.join("\n", f.causes())).replace("\n", "<br>") + "</td></tr>\n");
    }
    out.write("</table></section>\n");
  }

  private static void expiring(ReportData d, Writer out) throws IOException {
    if (!d.withPlan()) return;
    List<ExpiringAccess> list = d.plan.expiring();
    out.write("<section id=\"expiring\"><h2>Access expiring within " + d.plan.options().expiringWithinDays() + " days</h2>");
    if (list.isEmpty()) {
      out.write("<p class=\"muted\">None.</p></section>\n");
      return;
    }
    out.write("<table><tr><th>User</th><th>Role</th><th>Until (UTC)</th><th>Days left</th></tr>\n");
    for (ExpiringAccess e : list) {
      out.write("<tr><td>" + h(e.user()) + "</td><td>" + h(e.role()) + "</td><td>" + h(e.until()) + "</td><td class=\"n\">"
          + e.daysLeft() + "</td></tr>\n");
    }
    out.write("</table></section>\n");
  }

  private static void changes(ReportData d, Writer out) throws IOException {
    if (!d.withPlan()) return;
    out.write("<section id=\"changes\"><h2>Access changes (who gains and who loses which permission)</h2>");
    if (d.plan.access().isEmpty()) {
      out.write("<p class=\"muted\">None.</p></section>\n");
      return;
    }
    out.write("<table><tr><th>User</th><th>Change</th><th>Permission</th><th>Via roles</th></tr>\n");
    for (AccessChange c : d.plan.access()) {
      boolean gained = c.direction() == AccessChange.Direction.GAINED;
      out.write("<tr class=\"" + (gained ? "added" : "removed") + "\"><td>" + h(c.shown()) + "</td><td>"
          + (gained ? "gains" : "loses") + "</td><td>" + h(c.permission()) + "</td><td>" + h(String.join(", ", c.via()))
          + "</td></tr>\n");
    }
    out.write("</table></section>\n");
  }

  private static void matrix(ReportData d, Writer out) throws IOException {
    out.write("<section id=\"matrix\"><h2>Access matrix: users, permissions and the roles granting them</h2>\n");
    out.write("<form class=\"filters\" onsubmit=\"return false\">"
        + "<label>User<input type=\"search\" id=\"f-user\" placeholder=\"email contains\" autocomplete=\"off\"></label>"
        + "<label>Role<input type=\"search\" id=\"f-role\" placeholder=\"role name contains\" list=\"roles\" autocomplete=\"off\"></label>"
        + "<label>Permission<input type=\"search\" id=\"f-perm\" placeholder=\"permission contains\" list=\"perms\" autocomplete=\"off\"></label>"
        + (d.withPlan() ? "<label class=\"check\"><input type=\"checkbox\" id=\"f-changed\">changes only</label>" : "")
        + "<label class=\"check\"><input type=\"checkbox\" id=\"f-flagged\">policy violations only</label></form>\n");
    out.write("<datalist id=\"roles\">");
    for (ReportData.Role r : d.roles) out.write("<option value=\"" + h(r.name()) + "\">");
    out.write("</datalist><datalist id=\"perms\">");
    for (String p : d.permissions) out.write("<option value=\"" + h(p) + "\">");
    out.write("</datalist>\n<div id=\"grid-wrap\"><p id=\"count\" class=\"muted\"></p><table id=\"grid\"><thead><tr>"
        + "<th>User</th><th>Permission</th><th>" + (d.withPlan() ? "Roles (before &rarr; after)" : "Roles") + "</th>"
        + (d.withPlan() ? "<th>Status</th>" : "") + "<th>Notes</th></tr></thead><tbody id=\"rows\"></tbody></table>"
        + "<button type=\"button\" id=\"more\">Show 500 more</button></div>\n");
    noscript(d, out);
    out.write("</section>\n");
  }

  /** The whole matrix for readers without scripts: one row per user. */
  private static void noscript(ReportData d, Writer out) throws IOException {
    out.write("<noscript><p class=\"muted\">One row per user: each role with the permissions it grants them"
        + (d.withPlan() ? "; <span class=\"ins\">+gained</span> and <span class=\"del\">lost</span> access marked" : "")
        + ". Use the browser's find (Ctrl+F) to search.</p>\n<table><tr><th>User</th><th>Roles: permissions</th></tr>\n");
    StringBuilder row = new StringBuilder(256);
    int[] current = {-1, -1};
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder(64);
    IOException[] failure = new IOException[1];
    d.rows((u, r, p, status) -> {
      if (u != current[0] || r != current[1]) {
        if (cell.length() > 0) cells.add(cell.toString());
        cell.setLength(0);
      }
      if (u != current[0]) {
        flush(d, current[0], cells, row);
        try {
          out.append(row);
        } catch (IOException e) {
          failure[0] = e;
        }
        row.setLength(0);
      }
      if (u != current[0] || r != current[1]) cell.append(h(d.roles.get(r).name())).append(':');
      current[0] = u;
      current[1] = r;
      String perm = p < 0 ? "" : h(d.permissions.get(p));
      cell.append(cell.charAt(cell.length() - 1) == ':' ? " " : ", ").append(status.equals("added") ? "<span class=\"ins\">+" + perm + "</span>"
          : status.equals("removed") ? "<span class=\"del\">" + (p < 0 ? "(membership)" : perm) + "</span>" : perm);
    });
    if (failure[0] != null) throw failure[0];
    if (cell.length() > 0) cells.add(cell.toString());
    flush(d, current[0], cells, row);
    out.append(row);
    out.write("</table></noscript>\n");
  }

  private static void flush(ReportData d, int user, List<String> cells, StringBuilder row) {
    if (user < 0) return;
    var u = d.users.get(user);
    List<String> marks = d.marks.getOrDefault(u.email().toLowerCase(Locale.ROOT), List.of());
    row.append("<tr><td>").append(h(u.email())).append(u.external() ? " <span class=\"badge ext\">external</span>" : "");
    for (String m : marks) row.append(" <span class=\"badge bad\">policy ").append(h(m)).append("</span>");
    row.append("</td><td>").append(String.join("; ", cells)).append("</td></tr>\n");
    cells.clear();
  }

  /** The compact data the script renders from (see report.js); {@code <} escaped for the script element. */
  private static void data(ReportData d, Writer out) throws IOException {
    StringWriter json = new StringWriter(Math.max(1024, d.users.size() * 40));
    try (JsonGenerator g = new JsonFactory().createGenerator(json)) {
      g.writeStartObject();
      g.writeBooleanField("plan", d.withPlan());
      g.writeArrayFieldStart("perms");
      for (String p : d.permissions) g.writeString(p);
      g.writeEndArray();
      g.writeArrayFieldStart("roles");
      for (ReportData.Role r : d.roles) {
        g.writeStartArray();
        g.writeString(r.name());
        ints(g, r.before());
        ints(g, r.after());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("users");
      for (var u : d.users) g.writeString(u.email());
      g.writeEndArray();
      g.writeArrayFieldStart("ext");
      for (int i = 0; i < d.users.size(); i++) if (d.users.get(i).external()) g.writeNumber(i);
      g.writeEndArray();
      g.writeArrayFieldStart("b");
      for (int[] roles : d.before) ints(g, roles);
      g.writeEndArray();
      g.writeObjectFieldStart("a");
      for (int i = 0; i < d.after.length; i++) {
        if (d.after[i] == d.before[i] || java.util.Arrays.equals(d.after[i], d.before[i])) continue;
        g.writeFieldName(Integer.toString(i));
        ints(g, d.after[i]);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("marks");
      for (Map.Entry<String, List<String>> e : d.marks.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (String m : e.getValue()) g.writeString(m);
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("exp");
      for (Map.Entry<String, String> e : d.expiring.entrySet()) g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write(json.toString().replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
  }

  private static void ints(JsonGenerator g, int[] values) throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeArray(values, 0, values.length);
  }

  static String h(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String shortDigest(String digest) {
    return digest == null ? "" : digest.length() > 12 ? digest.substring(0, 12) : digest;
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream("/report/" + name)) {
      if (in == null) throw new IllegalStateException("report/" + name + " is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
