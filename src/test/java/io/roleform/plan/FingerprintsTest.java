package io.roleform.plan;

import static io.roleform.plan.Scenarios.SECURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveState;
import io.roleform.testing.InMemoryPortal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  @Test
  void recordsTheStateVersionAndASha256() {
    Fingerprint f = Fingerprints.of(SECURE);

    assertThat(f.stateVersion()).isEqualTo(1);
    assertThat(f.liveHash()).matches("[0-9a-f]{64}");
  }

  @Test
  void isIndependentOfTheOrderThingsWereListedIn() {
    LiveState shuffled = new LiveState(SECURE.portal(), reversed(SECURE.permissions()), reversed(SECURE.users()),
        reversed(SECURE.roles()), SECURE.members());

    assertThat(Fingerprints.of(shuffled)).isEqualTo(Fingerprints.of(SECURE));
  }

  @Test
  void changesWithAnyMembership() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    LiveState before = portal.read();
    portal.changeMembers("r3", Set.of("u12"), Set.of());
    LiveState after = portal.read();
    LiveState sameVersion = new LiveState(before.portal(), after.permissions(), after.users(), after.roles(), after.members());

    assertThat(Fingerprints.of(sameVersion).liveHash()).isNotEqualTo(Fingerprints.of(before).liveHash());
  }

  @Test
  void changesWithARolesVersion() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    LiveState before = portal.read();
    portal.updateRole("r3", new io.roleform.portal.RolePatch(null, "same", null, null), null);

    assertThat(Fingerprints.of(portal.read())).isNotEqualTo(Fingerprints.of(before));
  }
}
