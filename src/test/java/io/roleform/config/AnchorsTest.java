package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML anchors, aliases and merge keys as people write them: what they load to, and where values
 * reached through an alias are said to be.
 */
class AnchorsTest {
  @TempDir Path dir;

  private ConfigResult load(String text) throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, text);
    return ConfigLoader.load(f, Map.of());
  }

  private String file() {
    return dir.resolve("c.yaml").toString();
  }

  @Test
  void anAliasSharesAListAndPointsAtItsUseNamingTheAnchor() throws IOException {
    ConfigResult r = load("""
        apiVersion: roleform/v1
        roles:
          - name: Billing
            permissions: &billing [billing, purchase]
          - name: Billing Auditors
            permissions: *billing
        """);
    assertThat(r.problems()).isEmpty();
    DesiredRole auditors = r.desired().roles().get(1);
    assertThat(auditors.permissions()).containsExactly("billing", "purchase");
    SourcePosition at = auditors.positionOf("permissions/1");
    assertThat(at).isEqualTo(new SourcePosition(file(), 6, 18, new SourcePosition.Anchor("billing", 4, 18)));
    assertThat(at.aliasNote()).isEqualTo(" (through alias `*billing`; anchor `&billing` is at line 4, column 18)");
    // The anchored value itself is where it is written, with no note.
    assertThat(r.desired().roles().get(0).positionOf("permissions/1"))
        .isEqualTo(new SourcePosition(file(), 4, 37));
  }

  @Test
  void extensionKeysHoldAnchorsAndMergeKeysFillInWhatARoleDoesNotSet() throws IOException {
    ConfigResult r = load("""
        apiVersion: roleform/v1
        x-support: &support
          description: Support staff
          permissions: [logs]
          members: [ann@acme.example]
        x-audit: &audit
          description: Auditors
          permissions: [administrator-logs]
        roles:
          - name: Support
            <<: *support
          - name: Support Leads
            <<: [*audit, *support]
            members: []
        """);
    assertThat(r.problems()).isEmpty();
    DesiredRole support = r.desired().roles().get(0);
    assertThat(support.description()).isEqualTo("Support staff");
    assertThat(support.permissions()).containsExactly("logs");
    assertThat(support.members()).containsExactly("ann@acme.example");
    assertThat(support.positionOf("description").anchor().name()).isEqualTo("support");
    assertThat(support.positionOf("description").line()).isEqualTo(11);

    DesiredRole leads = r.desired().roles().get(1);
    // The first merged mapping that has a key wins; a key written in the role wins over both.
    assertThat(leads.description()).isEqualTo("Auditors");
    assertThat(leads.permissions()).containsExactly("administrator-logs");
    assertThat(leads.members()).isEmpty();
    assertThat(leads.positionOf("description").anchor().name()).isEqualTo("audit");
    assertThat(leads.positionOf("members").anchor()).isNull();
  }

  @Test
  void anInlineMergeAndANestedMergeKeepTheirPrecedence() throws IOException {
    ConfigResult r = load("""
        apiVersion: roleform/v1
        x-base: &base {description: Base, permissions: [logs]}
        x-billing: &billing
          <<: *base
          permissions: [billing]
        roles:
          - name: Billing
            <<: *billing
          - name: Inline
            <<: {description: Inline}
        """);
    assertThat(r.problems()).isEmpty();
    DesiredRole billing = r.desired().roles().get(0);
    assertThat(billing.permissions()).containsExactly("billing");
    assertThat(billing.description()).isEqualTo("Base");
    // Through two aliases, the position is the outer one: the use written in the role.
    assertThat(billing.positionOf("description").line()).isEqualTo(8);
    assertThat(billing.positionOf("description").anchor().name()).isEqualTo("billing");
    DesiredRole inline = r.desired().roles().get(1);
    assertThat(inline.description()).isEqualTo("Inline");
    assertThat(inline.positionOf("description")).isEqualTo(new SourcePosition(file(), 10, 23));
  }

  @Test
  void aScalarAliasAndALaterAnchorOfTheSameName() throws IOException {
    ConfigResult r = load("""
        apiVersion: roleform/v1
        settings:
          owner: &owner alice@acme.example
        roles:
          - name: Admin
            members: [*owner]
          - name: &name Billing
            permissions: [billing]
          - name: Billing Copy
            copyFrom: *name
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.desired().roles().get(0).members()).containsExactly("alice@acme.example");
    assertThat(r.desired().roles().get(2).copyFrom()).isEqualTo("Billing");
  }

  @Test
  void aQuotedMergeKeyIsAnOrdinaryKey() throws IOException {
    ConfigResult r = load("""
        apiVersion: roleform/v1
        roles:
          - name: A
            "<<": {description: x}
        """);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).path()).isEqualTo("/roles/0/<<");
  }

  @Test
  void aValueMayBeTheTextOfAMergeKey() throws IOException {
    ConfigResult r = load("apiVersion: roleform/v1\nroles:\n  - name: A\n    description: <<\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.desired().roles().get(0).description()).isEqualTo("<<");
  }
}
