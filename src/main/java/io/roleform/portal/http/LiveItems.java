package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonParser;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.UserStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@link ListPage.Item} readers of the permissions, users, roles and departments lists: each
 * item's fields straight from the parser into the {@link Wire} record of its shape, mapped to the
 * live value as it is read (required fields and statuses checked by the record's {@code toLive},
 * as before). Memberships are read by {@link MemberPages}.
 */
final class LiveItems {

  private LiveItems() {}

  static ListPage.Item permissions(List<Permission> out) {
    return (p, index) -> {
      String id = null, name = null, description = null;
      List<String> caseActions = null;
      for (String f; (f = p.nextFieldName()) != null; ) {
        p.nextToken();
        switch (f) {
          case "id" -> id = ListPage.string(p, index, f);
          case "name" -> name = ListPage.string(p, index, f);
          case "description" -> description = ListPage.string(p, index, f);
          case "caseActions" -> caseActions = ListPage.strings(p, index, f);
          default -> p.skipChildren();
        }
      }
      out.add(new Wire.PermissionDoc(id, name, description, caseActions).toLive(index));
    };
  }

  /**
   * Users straight into {@link LiveUser}s, without a {@link Wire.UserDoc} per item: the same checks
   * in the same order as {@link Wire.UserDoc#toLive} (which ListPageTest compares this with), the
   * names, status and version shared across items ({@link SharedStrings}), the departments sorted
   * without a stream. A page of the compact shape servers write is read from its bytes ({@link
   * UserPageScan}), with the same result.
   */
  static ListPage.Item users(List<LiveUser> out) {
    return users(out, true);
  }

  /** As {@link #users(List)}; with {@code scan} false, every page is parsed (for tests). */
  static ListPage.Item users(List<LiveUser> out, boolean scan) {
    ListPage.Item parse = parsedUsers(out);
    if (!scan) return parse;
    UserPageScan scanner = new UserPageScan();
    return new ListPage.Item() {
      @Override
      public void read(JsonParser p, int index) throws IOException {
        parse.read(p, index);
      }

      @Override
      public String page(byte[] body) {
        return scanner.page(body, out);
      }
    };
  }

  private static ListPage.Item parsedUsers(List<LiveUser> out) {
    SharedStrings shared = new SharedStrings();
    return (p, index) -> {
      String id = null, email = null, firstName = null, lastName = null, status = null, version = null;
      Boolean external = null;
      List<String> departments = null;
      for (String f; (f = p.nextFieldName()) != null; ) {
        p.nextToken();
        switch (f) {
          case "id" -> id = ListPage.string(p, index, f);
          case "email" -> email = ListPage.string(p, index, f);
          case "firstName" -> firstName = shared.string(p, index, f);
          case "lastName" -> lastName = shared.string(p, index, f);
          case "status" -> status = shared.string(p, index, f);
          case "external" -> external = ListPage.bool(p, index, f);
          case "departments" -> departments = ListPage.strings(p, index, f);
          case "version" -> version = shared.string(p, index, f);
          default -> p.skipChildren();
        }
      }
      UserStatus userStatus = status(Wire.need(status, index, "status"), index);
      out.add(new LiveUser(Wire.need(id, index, "id"), Wire.need(email, index, "email"), firstName, lastName,
          userStatus, Boolean.TRUE.equals(external), sorted(departments), version));
    };
  }

  /** As {@link Wire.UserDoc#toLive} maps a status, without a new string for the usual spellings. */
  private static UserStatus status(String s, int index) {
    switch (s) {
      case "active": return UserStatus.ACTIVE;
      case "pending": return UserStatus.PENDING;
      case "disabled": return UserStatus.DISABLED;
      default:
        try {
          return UserStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new Wire.Missing(Wire.at(index, "status") + " (unknown status \"" + s + "\")");
        }
    }
  }

  /** {@code values} sorted, as an immutable list ({@code null}: empty). */
  private static List<String> sorted(List<String> values) {
    if (values == null || values.isEmpty()) return List.of();
    if (values.size() == 1) return List.of(values.get(0));
    String[] a = values.toArray(new String[0]);
    Arrays.sort(a);
    return List.of(a);
  }

  static ListPage.Item roles(List<LiveRole> out) {
    return (p, index) -> {
      String id = null, name = null, description = null, version = null;
      List<String> permissions = null, caseActions = null;
      Integer position = null, memberCount = null;
      Boolean builtIn = null, fixedPermissions = null;
      for (String f; (f = p.nextFieldName()) != null; ) {
        p.nextToken();
        switch (f) {
          case "id" -> id = ListPage.string(p, index, f);
          case "name" -> name = ListPage.string(p, index, f);
          case "description" -> description = ListPage.string(p, index, f);
          case "permissions" -> permissions = ListPage.strings(p, index, f);
          case "caseActions" -> caseActions = ListPage.strings(p, index, f);
          case "position" -> position = ListPage.integer(p, index, f);
          case "builtIn" -> builtIn = ListPage.bool(p, index, f);
          case "fixedPermissions" -> fixedPermissions = ListPage.bool(p, index, f);
          case "memberCount" -> memberCount = ListPage.integer(p, index, f);
          case "version" -> version = ListPage.string(p, index, f);
          default -> p.skipChildren();
        }
      }
      out.add(new Wire.RoleDoc(id, name, description, permissions, caseActions, position, builtIn,
          fixedPermissions, memberCount, version).toLive(index));
    };
  }

  static ListPage.Item departments(List<LiveDepartment> out) {
    return (p, index) -> {
      String id = null, name = null, version = null;
      for (String f; (f = p.nextFieldName()) != null; ) {
        p.nextToken();
        switch (f) {
          case "id" -> id = ListPage.string(p, index, f);
          case "name" -> name = ListPage.string(p, index, f);
          case "version" -> version = ListPage.string(p, index, f);
          default -> p.skipChildren();
        }
      }
      out.add(new Wire.DepartmentDoc(id, name, version).toLive(index));
    };
  }
}
