package io.roleform.sandbox.http;

import io.roleform.sandbox.store.DepartmentRow;
import io.roleform.sandbox.store.DepartmentTable;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.Profile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The validation rules shared by the user and department writes. */
final class PeopleRules {
  static final int MAX_NAME = 200;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private PeopleRules() {}

  /** 404 on a portal without departments (only the case portal has them). */
  static void requireDepartments(PortalRow p) {
    if (!Profile.hasDepartments(p.profile())) {
      throw ApiProblem.notFound("This portal (" + p.profile() + ") has no departments.");
    }
  }

  static String email(String email) {
    if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
      throw ApiProblem.invariant("email", "email must be an email address such as nora@acme.example.");
    }
    return email;
  }

  /** A first or last name: one line, at most 200 characters ({@code null} = empty). */
  static String personName(String field, String value) {
    String v = value == null ? "" : value;
    if (v.length() > MAX_NAME || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      throw ApiProblem.invariant(field, field + " must be one line of at most " + MAX_NAME + " characters.");
    }
    return v;
  }

  /** A department name: 1 to 200 characters, one line, no leading or trailing spaces. */
  static String departmentName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME || !name.equals(name.strip())
        || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw ApiProblem.invariant("name",
          "A department name is one line of 1 to " + MAX_NAME + " characters without surrounding spaces.");
    }
    return name;
  }

  /** Department ids, each existing; sorted. On a portal without departments, only {@code []}. */
  static List<String> departments(Connection c, PortalRow p, List<String> ids) throws SQLException {
    if (ids == null) return null;
    if (!ids.isEmpty() && !Profile.hasDepartments(p.profile())) {
      throw ApiProblem.invariant("departments", "This portal (" + p.profile() + ") has no departments.");
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      DepartmentRow d = DepartmentTable.byId(c, id)
          .orElseThrow(() -> ApiProblem.invariant("departments", "There is no department with id '" + id + "'."));
      out.add(d.id());
    }
    out.sort(null);
    return out;
  }
}
