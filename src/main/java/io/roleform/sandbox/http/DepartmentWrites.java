package io.roleform.sandbox.http;

import io.roleform.sandbox.store.DepartmentRow;
import io.roleform.sandbox.store.DepartmentTable;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * POST /departments, PATCH and DELETE /departments/{id} (case portal only; 404 elsewhere). Names
 * are unique case-insensitively; a department that still has users is not deleted (409).
 */
final class DepartmentWrites {
  private DepartmentWrites() {}

  static List<Route> routes() {
    return List.of(
        Route.write("POST", "/api/v1/departments", DepartmentWrites::create),
        Route.write("PATCH", "/api/v1/departments/{id}", DepartmentWrites::rename),
        Route.write("DELETE", "/api/v1/departments/{id}", DepartmentWrites::delete));
  }

  static WriteOutcome create(WriteContext w) throws SQLException {
    PeopleRules.requireDepartments(w.portal());
    Connection c = w.c();
    Body body = w.body(Set.of("name"));
    String name = unique(c, PeopleRules.departmentName(body.string("name", false)), null);
    DepartmentRow d = DepartmentTable.insert(c, name);
    ApiResponse response = ApiResponse.json(201, Wire.department(d))
        .withHeader("Location", "/api/v1/departments/" + d.id())
        .withHeader("ETag", ApiResponse.etag(d.version()));
    return new WriteOutcome(response, "department.create", describe(d));
  }

  static WriteOutcome rename(WriteContext w) throws SQLException {
    PeopleRules.requireDepartments(w.portal());
    Connection c = w.c();
    DepartmentRow d = department(c, w.request().param("id"));
    w.checkIfMatch("department " + d.id(), d.version());
    Body body = w.body(Set.of("name"));
    String name = unique(c, PeopleRules.departmentName(body.string("name", false)), d.id());
    DepartmentTable.rename(c, d.id(), name);
    DepartmentRow renamed = department(c, d.id());
    ApiResponse response = ApiResponse.json(200, Wire.department(renamed))
        .withHeader("ETag", ApiResponse.etag(renamed.version()));
    return new WriteOutcome(response, "department.rename", describe(d) + " -> '" + name + "'");
  }

  static WriteOutcome delete(WriteContext w) throws SQLException {
    PeopleRules.requireDepartments(w.portal());
    Connection c = w.c();
    DepartmentRow d = department(c, w.request().param("id"));
    w.checkIfMatch("department " + d.id(), d.version());
    int users = UserTable.countInDepartment(c, d.id());
    if (users > 0) {
      throw ApiProblem.conflict("department-not-empty", "The department '" + d.name() + "' still has " + users
          + " user(s); move them to other departments first.");
    }
    DepartmentTable.delete(c, d.id());
    return new WriteOutcome(ApiResponse.noContent(), "department.delete", describe(d));
  }

  private static DepartmentRow department(Connection c, String id) throws SQLException {
    return DepartmentTable.byId(c, id)
        .orElseThrow(() -> ApiProblem.notFound("There is no department with id '" + id + "'."));
  }

  private static String unique(Connection c, String name, String selfId) throws SQLException {
    Optional<DepartmentRow> other = DepartmentTable.byName(c, name);
    if (other.isPresent() && !other.get().id().equals(selfId)) {
      throw ApiProblem.invariant("name", "A department named '" + other.get().name() + "' already exists.");
    }
    return name;
  }

  private static String describe(DepartmentRow d) {
    return "department " + d.id() + " '" + d.name() + "'";
  }
}
