package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApplyOrderTest {

  private static final RoleRef BILLING = new RoleRef("r3", "Billing");
  private static final UserRef IVAN = new UserRef("u9", "ivan@acme.example");

  private static Operation.CreateRole create(String name, String copyFromCreated) {
    return new Operation.CreateRole(name, null, List.of(), null, copyFromCreated == null ? null : new RoleRef(null, copyFromCreated), "r");
  }

  private static Operation.ChangeMembers members(String role) {
    return new Operation.ChangeMembers(new RoleRef(null, role), List.of(IVAN), List.of(), "r");
  }

  private static List<Operation> shuffled(List<Operation> ops, long seed) {
    List<Operation> copy = new ArrayList<>(ops);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  @Test
  void kindsGoUpdateCreateDeleteApproveMembersReorderSettingsOwner() {
    List<Operation> expected = List.of(
        new Operation.UpdateRole(BILLING, new Change<>("Billing", "Money"), null, null, null, "1", "r"),
        create("Auditors", null),
        new Operation.DeleteRole(new RoleRef("r4", "Interns"), BILLING, 2, "r"),
        new Operation.ApproveApplier(IVAN, BILLING, "r"),
        members("Auditors"),
        new Operation.ReorderRoles(List.of(), List.of(), "r"),
        new Operation.UpdateSettings(new Change<>(false, true), null, "r"),
        new Operation.TransferOwner(null, IVAN, "r"));
    for (long seed = 0; seed < 20; seed++) {
      assertThat(ApplyOrder.sort(shuffled(expected, seed))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void tiesAreBrokenByRoleNameCaseInsensitively() {
    List<Operation> ops = List.of(members("beta"), members("Alpha"), members("Gamma"));

    assertThat(ApplyOrder.sort(ops)).containsExactly(members("Alpha"), members("beta"), members("Gamma"));
  }

  @Test
  void templatesAreCreatedBeforeTheRolesCopyingThemWhateverTheirNames() {
    // Zed copies Mid, Mid copies Top; Abc copies nothing. Names alone would give Abc, Mid, Top, Zed.
    List<Operation> ops = List.of(create("Zed", "Mid"), create("Mid", "Top"), create("Top", null), create("Abc", null));

    for (long seed = 0; seed < 20; seed++) {
      assertThat(ApplyOrder.sort(shuffled(ops, seed))).extracting(o -> ((Operation.CreateRole) o).name())
          .containsExactly("Abc", "Top", "Mid", "Zed");
    }
  }

  @Test
  void aTemplateThatIsLiveImposesNoOrder() {
    Operation.CreateRole copiesLive = new Operation.CreateRole("Abc", null, List.of(), null, new RoleRef("r9", "Zed"), "r");
    List<Operation> ops = List.of(create("Zed", null), copiesLive);

    assertThat(ApplyOrder.sort(ops)).containsExactly(copiesLive, create("Zed", null));
  }
}
