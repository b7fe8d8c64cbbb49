package io.roleform.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.plan.ExpiringAccess;
import io.roleform.policy.PolicyFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The access report for machines, streamed: {@code {"reportVersion": 1, "portal", "stateVersion",
 * "withPlan", "rows": [{"user", "external", "role", "permission", "status", "until", "policies"}],
 * "policies": [finding...], "expiring": [...]}} — the rows exactly as in the CSV ({@code permission}
 * {@code null} for a role without permissions), findings and expiring access as in plan JSON.
 */
public final class ReportJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ReportJson() {}

  public static void write(ReportData d, OutputStream out) {
    try (JsonGenerator g = new JsonFactory(MAPPER).createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("reportVersion", 1);
      g.writeStringField("portal", d.portal);
      g.writeNumberField("stateVersion", d.stateVersion);
      g.writeBooleanField("withPlan", d.withPlan());
      g.writeArrayFieldStart("rows");
      IOException[] failure = new IOException[1];
      d.rows((u, r, p, status) -> {
        if (failure[0] != null) return;
        try {
          String email = d.users.get(u).email();
          String role = d.roles.get(r).name();
          g.writeStartObject();
          g.writeStringField("user", email);
          g.writeBooleanField("external", d.users.get(u).external());
          g.writeStringField("role", role);
          g.writeStringField("permission", p < 0 ? null : d.permissions.get(p));
          g.writeStringField("status", status);
          g.writeStringField("until", d.expiring.get(ReportData.key(email, role)));
          g.writeArrayFieldStart("policies");
          for (String m : d.marks.getOrDefault(email.toLowerCase(Locale.ROOT), List.of())) g.writeString(m);
          g.writeEndArray();
          g.writeEndObject();
        } catch (IOException e) {
          failure[0] = e;
        }
      });
      if (failure[0] != null) throw failure[0];
      g.writeEndArray();
      g.writeArrayFieldStart("policies");
      if (d.plan != null) for (PolicyFinding f : d.plan.policies()) g.writeObject(f);
      g.writeEndArray();
      g.writeArrayFieldStart("expiring");
      if (d.plan != null) for (ExpiringAccess e : d.plan.expiring()) g.writeObject(e);
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
