package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.policy.AccessState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.UserStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access report's three forms from one small state: one CSV row per user, role and permission;
 * the HTML is one file with no request to make (CSP, no src/href/url), and hostile names (markup,
 * {@code </script>}, a formula) are inert in every form.
 */
class AccessReportTest {

  private static final String HOSTILE_ROLE = "</script><img src=x onerror=alert(1)>";
  private static final List<LiveUser> USERS = List.of(
      new LiveUser("u1", "alice@acme.example", null, null, UserStatus.ACTIVE, false),
      new LiveUser("u2", "=cmd@evil.example", null, null, UserStatus.ACTIVE, true),
      new LiveUser("u3", "nobody@acme.example", null, null, UserStatus.ACTIVE, false));
  private static final List<Permission> CATALOG = List.of(
      new Permission("billing", "Billing", "", List.of()), new Permission("logs", "Logs", "", List.of()));

  private static ReportData data() {
    AccessState live = new AccessState(List.of(
        new AccessState.Role("r1", "Billing", Set.of("billing", "logs"), Set.of("u1"), "Pays"),
        new AccessState.Role("r2", HOSTILE_ROLE, Set.of(), Set.of("u2"), "")), USERS);
    return ReportData.of("https://portal.example.test", 7, CATALOG, USERS, null, live, live);
  }

  private static String render(AccessReport format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(data(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasOneRowPerUserRoleAndPermissionAndDisarmsFormulas() {
    assertThat(render(AccessReport.csv).split("\r\n")).containsExactly(
        "user,external,role,permission,status,until,policies",
        "'=cmd@evil.example,true,</script><img src=x onerror=alert(1)>,,unchanged,,",
        "alice@acme.example,false,Billing,billing,unchanged,,",
        "alice@acme.example,false,Billing,logs,unchanged,,");
  }

  @Test
  void htmlIsOneSelfContainedFileWithHostileNamesEscaped() {
    String html = render(AccessReport.html);
    assertThat(html).startsWith("<!doctype html>")
        .contains("Content-Security-Policy\" content=\"default-src 'none';")
        .contains("<noscript>", "alice@acme.example", "<td>Billing: billing, logs</td>")
        .contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<link", "src=\"", "href=\"http", "url(", "@import")
        .doesNotContain(HOSTILE_ROLE);
    String data = html.substring(html.indexOf("id=\"data\">"), html.indexOf("</script>", html.indexOf("id=\"data\">")));
    assertThat(data).contains("\\u003c/script>").doesNotContain("<");
    assertThat(html.split("</script>", -1)).as("only the two script elements close").hasSize(4);
  }

  @Test
  void jsonHasTheSameRows() {
    String json = render(AccessReport.json);
    assertThat(json).contains("\"reportVersion\" : 1", "\"withPlan\" : false", "\"user\" : \"alice@acme.example\"",
        "\"permission\" : \"logs\"", "\"permission\" : null");
  }
}
