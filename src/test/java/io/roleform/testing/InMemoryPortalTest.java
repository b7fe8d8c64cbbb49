package io.roleform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.LiveState;
import io.roleform.portal.NewRole;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.RolePatch;
import io.roleform.portal.UserStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryPortalTest {

  private static void assertFails(Runnable write, Kind kind, InMemoryPortal portal) {
    LiveState before = portal.read();
    assertThatThrownBy(write::run).isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    assertThat(portal.read()).as("a failed write changes nothing").isEqualTo(before);
  }

  @Test
  void readIsTheSeedExactly() {
    assertThat(InMemoryPortal.secureExchanges().read()).isEqualTo(InMemoryPortalSeeds.secureExchanges());
  }

  @Test
  void everyWriteBumpsTheStateVersionByOneAndIsLogged() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();

    String id = portal.createRole(new NewRole("Auditors", null, List.of("logs"), null, null));
    portal.changeMembers(id, Set.of("u3"), Set.of());

    assertThat(portal.stateVersion()).isEqualTo(3);
    assertThat(portal.read().portal().stateVersion()).isEqualTo(3);
    assertThat(portal.writeLog()).containsExactly("role.create Auditors", "role.members Auditors +1 -0");
  }

  @Test
  void createdRoleGoesLastAndCopiesTheTemplatesDescriptionAndCaseActions() {
    InMemoryPortal portal = InMemoryPortal.casePortal();

    portal.createRole(new NewRole("Leads 2", null, List.of("cases"), null, "r5"));

    LiveState live = portal.read();
    var created = live.roles().get(live.roles().size() - 1);
    assertThat(created.name()).isEqualTo("Leads 2");
    assertThat(created.caseActions()).containsExactly("view", "comment", "close");
    assertThat(live.members().get(created.id())).isEmpty();
  }

  @Test
  void namesAreUniqueCaseInsensitively() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    assertFails(() -> portal.createRole(new NewRole("billing", null, List.of(), null, null)), Kind.INVALID, portal);
    assertFails(() -> portal.updateRole("r2", new RolePatch("BILLING", null, null, null), null), Kind.INVALID, portal);
  }

  @Test
  void builtInsKeepTheirPermissionsAndCannotBeDeleted() {
    InMemoryPortal portal = InMemoryPortal.casePortal();
    assertFails(() -> portal.updateRole("r2", new RolePatch(null, null, List.of("cases"), null), null), Kind.INVALID, portal);
    assertFails(() -> portal.deleteRole("r2", null), Kind.INVALID, portal);
    portal.updateRole("r2", new RolePatch(null, null, null, List.of("view")), null);
    assertThat(portal.read().roles().get(1).caseActions()).containsExactly("view");
  }

  @Test
  void staleIfMatchFailsThePrecondition() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    portal.updateRole("r3", new RolePatch(null, "x", null, null), "1");

    assertFails(() -> portal.updateRole("r3", new RolePatch(null, "y", null, null), "1"), Kind.PRECONDITION_FAILED, portal);
    assertThat(portal.read().roles().get(2).version()).isEqualTo("2");
  }

  @Test
  void writesAfterAReadChainAndStopAtAForeignWrite() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    portal.read();
    portal.changeMembers("r3", Set.of("u3"), Set.of());
    portal.changeMembers("r3", Set.of("u4"), Set.of());
    portal.foreignWrite();

    assertThatThrownBy(() -> portal.changeMembers("r3", Set.of("u5"), Set.of())).isInstanceOfSatisfying(
        PortalException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED));
    assertThat(portal.read().members().get("r3")).doesNotContain("u5");
  }

  @Test
  void deleteMovesMembersAsAUnion() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    portal.deleteRole("r4", "r2");

    assertThat(portal.read().members().get("r2")).containsExactlyInAnyOrder("u7", "u8", "u10", "u11");
    assertFails(() -> portal.deleteRole("r3", "r3"), Kind.INVALID, portal);
    assertFails(() -> portal.deleteRole("r9", null), Kind.NOT_FOUND, portal);
  }

  @Test
  void orderMustNameEveryRoleOnceWithTheAdminRoleFirst() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    assertFails(() -> portal.reorderRoles(List.of("r2", "r1", "r3", "r4")), Kind.INVALID, portal);
    assertFails(() -> portal.reorderRoles(List.of("r1", "r3", "r4")), Kind.INVALID, portal);
    portal.reorderRoles(List.of("r1", "r4", "r3", "r2"));
    assertThat(portal.read().roles()).extracting(r -> r.name() + "@" + r.position())
        .containsExactly("Admin@0", "Interns@1", "Billing@2", "Support Techs@3");
  }

  @Test
  void pendingUsersMustBeApprovedNotAdded() {
    InMemoryPortal portal = InMemoryPortal.appRoles();
    assertFails(() -> portal.changeMembers("r3", Set.of("u16"), Set.of()), Kind.INVALID, portal);
    assertFails(() -> portal.changeMembers("r3", Set.of("nobody"), Set.of()), Kind.INVALID, portal);

    portal.approveUser("u16", "r3");

    assertThat(portal.read().users().get(15).status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(portal.read().members().get("r3")).contains("u16");
    assertFails(() -> portal.approveUser("u16", "r3"), Kind.INVALID, portal);
  }

  @Test
  void settingsAndOwnerOnlyWhereTheProfileHasThem() {
    InMemoryPortal secure = InMemoryPortal.secureExchanges();
    assertFails(() -> secure.updateSettings(true, null), Kind.INVALID, secure);
    assertFails(() -> secure.transferOwner("u2"), Kind.INVALID, secure);

    InMemoryPortal apps = InMemoryPortal.appRoles();
    assertFails(() -> apps.transferOwner("u18"), Kind.INVALID, apps);
    apps.updateSettings(true, null);
    apps.transferOwner("u3");
    assertThat(apps.read().portal().settings()).isEqualTo(new io.roleform.portal.PortalSettings("carol@acme.example", true, true));
  }

  @Test
  void unknownPermissionsAndCaseActionsOutsideTheCatalogAreInvalid() {
    InMemoryPortal portal = InMemoryPortal.casePortal();
    assertFails(() -> portal.createRole(new NewRole("X", null, List.of("nope"), null, null)), Kind.INVALID, portal);
    assertFails(() -> portal.createRole(new NewRole("X", null, List.of("statistics"), List.of("view"), null)), Kind.INVALID, portal);
    assertFails(() -> portal.updateRole("r5", new RolePatch(null, null, null, List.of("fly")), null), Kind.INVALID, portal);
  }

  @Test
  void aScheduledFailureFailsOneWriteAndChangesNothing() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    portal.failNextWrite(new PortalException(Kind.UNAVAILABLE, 503, "down"));

    assertFails(() -> portal.changeMembers("r3", Set.of("u3"), Set.of()), Kind.UNAVAILABLE, portal);
    portal.changeMembers("r3", Set.of("u3"), Set.of());
    assertThat(portal.stateVersion()).isEqualTo(2);
  }
}
