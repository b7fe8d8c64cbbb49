package io.roleform.portal.http;

import static io.roleform.portal.http.PortalServer.TOKEN;
import static io.roleform.portal.http.PortalServer.json;
import static io.roleform.portal.http.PortalServer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.RolePatch;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Every failure is a PortalException of the right kind, one paragraph, with the problem detail. */
class FailuresOverHttpTest extends OverPortalServer {


  private PortalException readFails() {
    return catchThrowableOfType(PortalException.class, client::read);
  }

  private PortalException patchFails() {
    return catchThrowableOfType(PortalException.class,
        () -> client.updateRole("r2", new RolePatch(null, null, List.of("billing"), null), "7"));
  }

  private static void assertOneParagraphWithoutToken(PortalException e) {
    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\n")
        .doesNotContain("com.fasterxml").doesNotContain("Exception:");
  }

  @Test
  void unauthorizedNamesTheRequestTheProblemAndWhatToCheck() {
    portal.enqueue(problem(401, "Unauthorized", "unknown token", null, 3));
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("GET /api/v1/portal", "401", "Unauthorized: unknown token",
        "ROLEFORM_TOKEN", "--token-file");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void forbiddenSaysWhichScopeAndPermissionAreNeeded() {
    portal.enqueue(problem(403, "Forbidden", "token scope is read", null, 3));
    PortalException e = patchFails();
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(e.getMessage()).contains("PATCH /api/v1/roles/r2", "token scope is read", "`write` scope",
        "role-management permission");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void preconditionFailedIsItsOwnKind() {
    portal.enqueue(problem(412, "Precondition Failed", "stateVersion is 12, not 10", null, 12));
    PortalException e = patchFails();
    assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED);
    assertThat(e.getMessage()).contains("stateVersion is 12, not 10", "run plan again");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void invalidNamesTheFieldAtFault() {
    portal.enqueue(problem(422, "Unprocessable Content", "permissions of a built-in role are fixed",
        "permissions", 3));
    PortalException e = patchFails();
    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.getMessage()).contains(
        "Unprocessable Content: permissions of a built-in role are fixed (field `permissions`)");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void notFoundAndConflictMapToTheirKinds() {
    portal.enqueue(problem(404, "Not Found", "no role r2", null, 3));
    assertThat(patchFails().kind()).isEqualTo(Kind.NOT_FOUND);
    portal.enqueue(problem(409, "Conflict", "idempotency key reused", null, 3));
    assertThat(patchFails().kind()).isEqualTo(Kind.CONFLICT);
  }

  @Test
  void aBodyThatEchoesTheTokenHasItBlankedOut() {
    for (int attempt = 0; attempt < 4; attempt++) { // a 500 is retried: every attempt gets it
      portal.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
          .body("boom: Authorization: Bearer " + TOKEN).build());
    }
    PortalException e = patchFails();
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage()).contains("[redacted]");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void garbageIsAProtocolError() {
    portal.enqueue(new MockResponse.Builder().code(200).setHeader("State-Version", 3)
        .setHeader("Content-Type", "application/json").body("{not json at all").build());
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("GET /api/v1/portal", "not valid JSON", "not Portal API v1");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void anHtmlPageIsAProtocolErrorThatSaysSo() {
    portal.enqueue(new MockResponse.Builder().code(200).setHeader("State-Version", 3)
        .setHeader("Content-Type", "text/html").body("<html><body>Sign in</body></html>").build());
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("HTML page", "--portal");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void truncatedJsonIsAProtocolError() {
    portal.enqueue(json(200, "{\"name\":\"Acme\",\"profile\":\"app-ro", 3));
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("cut short");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void jsonOfTheWrongShapeNamesWhere() {
    portal.enqueue(json(200, "{\"name\":\"Acme\",\"profile\":\"app-roles\",\"stateVersion\":{\"x\":1}}", 3));
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("`$.stateVersion`");
    assertOneParagraphWithoutToken(e);
  }

  @Test
  void aMissingStateVersionHeaderIsAProtocolError() {
    portal.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("State-Version");
  }

  @Test
  void aRedirectIsNotFollowed() {
    portal.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "https://elsewhere.example/")
        .build());
    PortalException e = readFails();
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("redirect", "https://elsewhere.example/");
    assertThat(portal.server.getRequestCount()).isEqualTo(1);
  }
}
