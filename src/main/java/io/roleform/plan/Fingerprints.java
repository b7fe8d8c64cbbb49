package io.roleform.plan;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * The fingerprint of a live state: its {@code stateVersion} and a SHA-256 of a canonical form of
 * everything read — portal facts and settings, the permission catalog, users, roles (with their
 * positions and versions) and memberships. The canonical form sorts every collection by id and
 * length-prefixes every string, so two reads of an unchanged portal give the same hash whatever
 * order the portal listed things in, and any change read gives a different one. Linear-logarithmic
 * in the size of the state (200,000 memberships hash in well under a second).
 */
public final class Fingerprints {

  private Fingerprints() {}

  /** The fingerprint of {@code live}, hashed now. */
  public static Fingerprint of(LiveState live) {
    return new Fingerprint(live.portal().stateVersion(), hash(live));
  }

  /**
   * The fingerprint of {@code live}, hashed only when its {@link Fingerprint#liveHash} is first
   * asked for, or on a thread of its own after {@link Fingerprint#start}; {@code live} must not
   * change meanwhile (a {@link LiveState} does not).
   */
  public static Fingerprint lazy(LiveState live) {
    return Fingerprint.computedWhenNeeded(live.portal().stateVersion(), () -> hash(live));
  }

  private static String hash(LiveState live) {
    Canonical c = new Canonical();
    PortalInfo p = live.portal();
    c.section("portal").text(p.name()).text(p.profile()).number(p.stateVersion()).text(p.adminRoleId())
        .text(p.roleManagementPermission()).text(p.viewerUserId()).text(p.viewerEmail());
    c.text(p.settings().owner()).text(String.valueOf(p.settings().allowView()))
        .text(String.valueOf(p.settings().notifyMembers()));
    List<Permission> permissions = new ArrayList<>(live.permissions());
    permissions.sort(Comparator.comparing(Permission::id));
    c.section("permissions").number(permissions.size());
    for (Permission x : permissions) c.text(x.id()).text(x.name()).text(x.description()).list(x.caseActions());
    List<LiveUser> users = new ArrayList<>(live.users());
    users.sort(Comparator.comparing(LiveUser::id));
    c.section("users").number(users.size());
    for (LiveUser u : users) {
      c.text(u.id()).text(u.email()).text(u.firstName()).text(u.lastName()).text(u.status().name())
          .number(u.external() ? 1 : 0);
      // Departments only when there are any, so that states without them hash as before.
      if (!u.departments().isEmpty()) c.section("user-departments").list(u.departments());
    }
    if (!live.departments().isEmpty()) {
      List<io.roleform.portal.LiveDepartment> departments = new ArrayList<>(live.departments());
      departments.sort(Comparator.comparing(io.roleform.portal.LiveDepartment::id));
      c.section("departments").number(departments.size());
      for (io.roleform.portal.LiveDepartment d : departments) c.text(d.id()).text(d.name()).text(d.version());
    }
    List<LiveRole> roles = new ArrayList<>(live.roles());
    roles.sort(Comparator.comparing(LiveRole::id));
    c.section("roles").number(roles.size());
    for (LiveRole r : roles) {
      c.text(r.id()).text(r.name()).text(r.description()).list(r.permissions()).list(r.caseActions())
          .number(r.position()).number(r.builtIn() ? 1 : 0).number(r.fixedPermissions() ? 1 : 0)
          .number(r.memberCount()).text(r.version());
    }
    String[] roleIds = live.members().keySet().toArray(new String[0]);
    Arrays.sort(roleIds);
    c.section("memberships").number(roleIds.length);
    for (String roleId : roleIds) {
      Set<String> members = live.members().get(roleId);
      String[] ids = members.toArray(new String[0]);
      // A set sorted in natural order (the HTTP reader's) is hashed as it iterates: 2,000,000 ids at
      // XL, whose sort (already in order) still compared each with the next.
      if (!(members instanceof SortedSet<String> sorted && sorted.comparator() == null)) Arrays.sort(ids);
      c.text(roleId).number(ids.length);
      for (String id : ids) c.text(id);
    }
    return c.hex();
  }

  /**
   * Feeds typed, length-prefixed values into one SHA-256, through a buffer: the digest sees the same
   * bytes as if each value were fed on its own, in a few large updates instead of one or two per
   * value (400,000+ at L, each a costly call without the SHA intrinsic of the optimising compiler).
   */
  private static final class Canonical {
    private final MessageDigest digest;
    private final byte[] buffer = new byte[1 << 16];
    private int size;

    Canonical() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
      }
    }

    Canonical section(String name) {
      room(1);
      buffer[size++] = 0x1e;
      return text(name);
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exactly the low bytes wanted
    Canonical text(String s) {
      if (s == null) return number(-1);
      int n = s.length();
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) ascii = s.charAt(i) < 0x80;
      if (!ascii) return bytes(s.getBytes(StandardCharsets.UTF_8));
      number(n); // UTF-8 of ASCII text: one byte per char
      if (n > buffer.length - size) flush();
      if (n > buffer.length) return bytes0(s.getBytes(StandardCharsets.UTF_8));
      // Each char is ASCII, so its low byte is its UTF-8: one bulk copy (an array copy for the
      // Latin-1 strings of this JVM) instead of a charAt per char.
      s.getBytes(0, n, buffer, size);
      size += n;
      return this;
    }

    private Canonical bytes(byte[] b) {
      number(b.length);
      return bytes0(b);
    }

    private Canonical bytes0(byte[] b) {
      if (b.length > buffer.length - size) {
        flush();
        if (b.length > buffer.length) {
          digest.update(b);
          return this;
        }
      }
      System.arraycopy(b, 0, buffer, size, b.length);
      size += b.length;
      return this;
    }

    Canonical list(List<String> values) {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(null);
      number(sorted.size());
      for (String v : sorted) text(v);
      return this;
    }

    Canonical number(long n) {
      room(8);
      for (int i = 0; i < 8; i++) buffer[size++] = (byte) (n >>> (56 - 8 * i));
      return this;
    }

    private void room(int n) {
      if (n > buffer.length - size) flush();
    }

    private void flush() {
      digest.update(buffer, 0, size);
      size = 0;
    }

    String hex() {
      flush();
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
