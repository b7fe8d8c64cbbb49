package io.roleform.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks on {@code users}, {@code removedUsers}, {@code departments}, {@code
 * removedDepartments} and {@code appliers} that a schema cannot express, across all files. Emails
 * and names compare case-insensitively. A department a user names that the config does not
 * declare may exist live: plan checks that.
 */
final class PeopleCheck {
  private final ConfigModel model;
  private final PeopleModel people;
  private final List<Diagnostic> problems;
  private final Map<String, ConfigModel.Entry<DesiredUser>> users = new LinkedHashMap<>();
  private final Map<String, ConfigModel.Entry<String>> removedUsers = new LinkedHashMap<>();
  private final Map<String, ConfigModel.Entry<DesiredDepartment>> departments = new LinkedHashMap<>();
  private final Map<String, ConfigModel.Entry<String>> removedDepartments = new LinkedHashMap<>();
  /** Former department names, to the department that has them. */
  private final Map<String, ConfigModel.Entry<DesiredDepartment>> formerOwner = new HashMap<>();

  private PeopleCheck(ConfigModel model, List<Diagnostic> problems) {
    this.model = model;
    this.people = model.people();
    this.problems = problems;
  }

  static void check(ConfigModel model, List<Diagnostic> problems) {
    if (model.people() == PeopleModel.NONE) return;
    PeopleCheck c = new PeopleCheck(model, problems);
    c.departments();
    c.users();
    c.members();
    c.appliers();
  }

  private static String key(String s) {
    return ConsistencyCheck.key(s);
  }

  private void departments() {
    for (ConfigModel.Entry<DesiredDepartment> e : people.departments()) {
      ConfigModel.Entry<DesiredDepartment> first = departments.putIfAbsent(key(e.value().name()), e);
      if (first != null) {
        problems.add(new Diagnostic(e.locationOf("name"), "department `" + e.value().name()
            + "` is declared twice: also at " + first.position("name") + " as `" + first.value().name() + "`",
            "department names are unique, compared case-insensitively; merge the two entries"));
      }
    }
    for (ConfigModel.Entry<String> e : people.removedDepartments()) {
      ConfigModel.Entry<String> first = removedDepartments.putIfAbsent(key(e.value()), e);
      if (first != null) {
        problems.add(Diagnostic.at(e.location(), "department `" + e.value()
            + "` is removed twice: also at " + first.position()));
      }
      ConfigModel.Entry<DesiredDepartment> d = departments.get(key(e.value()));
      if (d != null) {
        problems.add(new Diagnostic(e.location(), "department `" + e.value()
            + "` is both removed and declared (at " + d.position("name") + ")",
            "keep it in `departments` or in `removedDepartments`, not both"));
      }
    }
    for (ConfigModel.Entry<DesiredDepartment> e : people.departments()) {
      List<String> formers = e.value().formerNames();
      for (int i = 0; i < formers.size(); i++) {
        String former = formers.get(i);
        Location at = e.locationOf("formerNames/" + i);
        ConfigModel.Entry<DesiredDepartment> named = departments.get(key(former));
        if (named != null && named != e) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` of department `" + e.value().name()
              + "` is the name of another department declared at " + named.position("name")));
          continue;
        } else if (named == e) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` is the department's own name"));
          continue;
        }
        ConfigModel.Entry<DesiredDepartment> other = formerOwner.putIfAbsent(key(former), e);
        if (other != null && other != e) {
          problems.add(Diagnostic.at(at, "former name `" + former + "` of department `" + e.value().name()
              + "` is also a former name of department `" + other.value().name() + "` (at "
              + other.position("name") + ")"));
        } else if (other == e) {
          problems.add(Diagnostic.at(at, "duplicate former name `" + former + "` in department `"
              + e.value().name() + "`"));
        }
        ConfigModel.Entry<String> gone = removedDepartments.get(key(former));
        if (gone != null) {
          problems.add(new Diagnostic(at, "former name `" + former + "` is also in `removedDepartments` (at "
              + gone.position() + ")", "a department is either renamed or removed, not both"));
        }
      }
    }
  }

  private void users() {
    for (ConfigModel.Entry<DesiredUser> e : people.users()) {
      DesiredUser u = e.value();
      ConfigModel.Entry<DesiredUser> first = users.putIfAbsent(key(u.email()), e);
      if (first != null) {
        problems.add(new Diagnostic(e.locationOf("email"), "user `" + u.email()
            + "` is declared twice: also at " + first.position("email") + " as `" + first.value().email() + "`",
            "emails compare case-insensitively; merge the two entries"));
      }
      userDepartments(e);
    }
    for (ConfigModel.Entry<String> e : people.removedUsers()) {
      ConfigModel.Entry<String> first = removedUsers.putIfAbsent(key(e.value()), e);
      if (first != null) {
        problems.add(Diagnostic.at(e.location(), "user `" + e.value()
            + "` is removed twice: also at " + first.position()));
      }
      ConfigModel.Entry<DesiredUser> d = users.get(key(e.value()));
      if (d != null) {
        problems.add(new Diagnostic(e.location(), "user `" + e.value()
            + "` is both removed and declared (at " + d.position("email") + ")",
            "keep it in `users` (with `status: disabled` to keep the account) or in `removedUsers`, not both"));
      }
    }
    String owner = model.settings().owner();
    if (owner != null && removedUsers.containsKey(key(owner))) {
      problems.add(new Diagnostic(model.settingsLocation("owner"),
          "the owner `" + owner + "` is also in `removedUsers` (at " + removedUsers.get(key(owner)).position() + ")",
          "transfer ownership to a user who stays"));
    }
  }

  private void userDepartments(ConfigModel.Entry<DesiredUser> e) {
    List<String> names = e.value().departments();
    if (names == null) return;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Location at = e.locationOf("departments/" + i);
      Integer first = seen.putIfAbsent(key(name), i);
      if (first != null) {
        problems.add(new Diagnostic(at, "duplicate department `" + name + "` in user `" + e.value().email() + "`",
            "it is already listed at line " + e.value().positionOf("departments/" + first).line()));
      }
      ConfigModel.Entry<String> gone = removedDepartments.get(key(name));
      if (gone != null) {
        problems.add(new Diagnostic(at, "user `" + e.value().email() + "` is in department `" + name
            + "`, which is removed (at " + gone.position() + ")", "drop it from the user's `departments`"));
      }
      ConfigModel.Entry<DesiredDepartment> renamed = formerOwner.get(key(name));
      if (renamed != null && !departments.containsKey(key(name))) {
        problems.add(new Diagnostic(at, "user `" + e.value().email() + "` names department `" + name
            + "` by a former name (at " + renamed.position("name") + ")",
            "did you mean `" + renamed.value().name() + "`?"));
      }
    }
  }

  /** A role member who is removed, or only declared as disabled, cannot be in a role. */
  private void members() {
    if (removedUsers.isEmpty()) return;
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) {
      List<String> members = e.value().members();
      if (members == null) continue;
      for (int i = 0; i < members.size(); i++) {
        ConfigModel.Entry<String> gone = removedUsers.get(key(members.get(i)));
        if (gone != null) {
          problems.add(new Diagnostic(e.locationOf("members/" + i),
              "member `" + members.get(i) + "` of role `" + e.value().name() + "` is in `removedUsers` (at "
                  + gone.position() + ")", "drop the membership, or keep the user"));
        }
      }
    }
  }

  private void appliers() {
    if (people.deny().isEmpty()) return;
    Map<String, ConfigModel.Entry<String>> denied = new HashMap<>();
    for (ConfigModel.Entry<String> e : people.deny()) {
      ConfigModel.Entry<String> first = denied.putIfAbsent(key(e.value()), e);
      if (first != null) {
        problems.add(Diagnostic.at(e.location(), "applier `" + e.value()
            + "` is denied twice: also at " + first.position()));
      }
      ConfigModel.Entry<DesiredUser> declared = users.get(key(e.value()));
      if (declared != null) {
        problems.add(new Diagnostic(e.location(), "applier `" + e.value()
            + "` is denied but declared in `users` (at " + declared.position("email") + ")",
            "deny the applier or declare the user, not both"));
      }
    }
    for (ConfigModel.Entry<DesiredRole> e : model.roles()) {
      List<String> members = e.value().members();
      if (members == null) continue;
      for (int i = 0; i < members.size(); i++) {
        ConfigModel.Entry<String> d = denied.get(key(members.get(i)));
        if (d != null) {
          problems.add(new Diagnostic(d.location(), "applier `" + d.value()
              + "` is denied but listed as a member of role `" + e.value().name() + "` (at "
              + e.value().positionOf("members/" + i) + ")",
              "a member is approved; approve or deny, not both"));
        }
      }
    }
  }
}
