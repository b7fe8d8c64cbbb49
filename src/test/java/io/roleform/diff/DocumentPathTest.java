package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentPathTest {

  @Test
  void namesRolesByNameAsJsonPointerSegments() {
    assertThat(DocumentPath.role("IT Administrators", "permissions", 1)).isEqualTo("/roles/IT Administrators/permissions/1");
    assertThat(DocumentPath.removed("Interns", "moveMembersTo")).isEqualTo("/removed/Interns/moveMembersTo");
    assertThat(DocumentPath.order(3)).isEqualTo("/order/3");
  }

  @Test
  void escapesSlashAndTildeAsRfc6901Says() {
    assertThat(DocumentPath.role("R&D / Ops~1")).isEqualTo("/roles/R&D ~1 Ops~01");
  }
}
