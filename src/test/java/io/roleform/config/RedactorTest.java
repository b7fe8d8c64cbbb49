package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Redactor}: a sensitive value is {@code (sensitive)} in any case (emails and role names are
 * compared ignoring case, so the portal may write the value another way); any other value of a
 * message is {@code ${NAME}}, matched exactly; a value containing another is replaced whole.
 */
class RedactorTest {

  private static final Variables VARS = Variables.NONE
      .with("WHO", "Dana@Acme.example", true)
      .with("TEAM", "Billing", false)
      .with("TICKET", "T-1\"\\x", true)
      .with("LONG", "Billing Auditors", false);

  @Test
  void aSensitiveValueIsFoundInAnyCase() {
    Redactor sensitive = Redactor.sensitive(VARS);

    assertThat(sensitive.apply("add dana@acme.example and DANA@ACME.EXAMPLE to Billing"))
        .isEqualTo("add (sensitive) and (sensitive) to Billing");
    assertThat(sensitive.apply("ticket t-1\"\\X, $1 kept")).isEqualTo("ticket (sensitive), $1 kept");
  }

  @Test
  void aSensitiveValueIsFoundAlsoWhereFoldingItsCaseChangesItsLength() {
    String written = "\u0130van@acme.example"; // İ: lower-cased (ROOT) it is i + U+0307, one char longer
    Redactor sensitive = Redactor.sensitive(Variables.NONE.with("WHO", written, true));

    assertThat(sensitive.apply("add " + written.toLowerCase(java.util.Locale.ROOT) + " to Billing"))
        .isEqualTo("add (sensitive) to Billing");
    assertThat(sensitive.apply("add " + written + " and " + written.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo("add (sensitive) and (sensitive)");
  }

  @Test
  void otherValuesOfMessagesAreMatchedExactlyLongestFirst() {
    Redactor messages = Redactor.messages(VARS);

    assertThat(messages.apply("Billing Auditors and Billing, not billing; dana@ACME.example"))
        .isEqualTo("${LONG} and ${TEAM}, not billing; (sensitive)");
  }

  @Test
  void aDiagnosticsPathIsRedactedAlsoWhereThePointerEscapesTheValue() {
    Variables vars = VARS.with("SLASHED", "ops/on~call", true);
    SourcePosition at = new SourcePosition("c.yaml", 4, 19);
    Diagnostic d = Diagnostic.at(new Location(at, "/roles/Team ops~1on~0call/permissions/0"), "unknown `logz`");
    Diagnostic user = Diagnostic.at(new Location(at, "/users/DANA@acme.example/status"), "bad");

    assertThat(Redactor.sensitive(vars).apply(d).path()).isEqualTo("/roles/Team (sensitive)/permissions/0");
    assertThat(Redactor.messages(vars).apply(user).format())
        .isEqualTo("c.yaml:4:19: error: /users/(sensitive)/status: bad");
    assertThat(Redactor.messages(vars).apply(d).position()).isEqualTo(at);
  }

  @Test
  void nothingToRedactChangesNothing() {
    assertThat(Redactor.sensitive(Variables.NONE.with("TEAM", "Billing", false)).isEmpty()).isTrue();
    assertThat(Redactor.NONE.apply("Billing")).isEqualTo("Billing");
    assertThat(Redactor.sensitive(VARS).apply((String) null)).isNull();
  }
}
