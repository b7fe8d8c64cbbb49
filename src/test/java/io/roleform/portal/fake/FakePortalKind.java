package io.roleform.portal.fake;

import io.roleform.portal.Capabilities;
import io.roleform.portal.ConnectOptions;
import io.roleform.portal.LiveState;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalAddressException;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalKind;
import io.roleform.testing.InMemoryPortal;
import io.roleform.testing.InMemoryPortalSeeds;
import java.util.HashMap;
import java.util.Map;

/**
 * A portal kind that exists only in the tests: {@code fake:NAME} opens an in-memory portal (the
 * secure-exchanges seed) that keeps its state between openings, as a real portal would. It declares
 * the core capabilities only — no settings, no owner, no appliers, no case actions — and detects no
 * concurrent writer. What it took to add it is what {@code docs/adding-a-portal-kind.md} lists.
 */
public final class FakePortalKind implements PortalKind {

  static final Capabilities CAPABILITIES = Capabilities.core(Capabilities.Concurrency.NONE);

  private final Map<String, InMemoryPortal> portals = new HashMap<>();

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String addressForm() {
    return "fake:NAME";
  }

  @Override
  public boolean accepts(String address) {
    return address.startsWith("fake:");
  }

  @Override
  public String label(String address) {
    if (address.length() == "fake:".length()) throw new PortalAddressException("A fake portal needs a name: fake:NAME.");
    return address;
  }

  @Override
  public boolean isLocal(String label) {
    return true;
  }

  @Override
  public OpenPortal open(String address, ConnectOptions options) {
    return new OpenPortal(portal(label(address)), address, null);
  }

  /** The portal behind {@code address}, created on first use. */
  InMemoryPortal portal(String address) {
    return portals.computeIfAbsent(address, a -> {
      LiveState seed = InMemoryPortalSeeds.secureExchanges();
      PortalInfo p = seed.portal();
      PortalInfo fake = new PortalInfo(p.name(), "fake", CAPABILITIES, p.stateVersion(), p.settings(), p.adminRoleId(),
          p.roleManagementPermission(), p.viewerUserId(), p.viewerEmail());
      return new InMemoryPortal(new LiveState(fake, seed.permissions(), seed.users(), seed.roles(), seed.members()));
    });
  }
}
