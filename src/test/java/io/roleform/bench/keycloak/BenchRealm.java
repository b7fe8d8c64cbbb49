package io.roleform.bench.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark realm as a value, at a {@link Scale}: {@link Scale#M} has 10,000 users, 300 groups
 * under {@code roleform} (Admin first), 31 realm roles and 50,000 memberships (each user in 5
 * groups); {@link Scale#L} 50,000 users, 3,000 groups and 250,000 memberships. Plus the "churn"
 * variant with 1/40 of the memberships moved (one user in 8 leaves one group and joins another:
 * 5 % of memberships changed) and 6 groups changed (3 renamed with a new description, 3 with one
 * permission swapped). Deterministic: the same realm every run.
 */
final class BenchRealm {

  /** A realm size: users, groups; every user is in {@link #PER_USER} groups. */
  record Scale(String name, int users, int groups) {
    static final Scale M = new Scale("M", 10_000, 300);
    static final Scale L = new Scale("L", 50_000, 3_000);

    int memberships() {
      return users * PER_USER;
    }

    String label() {
      return String.format("%,d users / %,d groups / %,d memberships", users, groups, memberships());
    }
  }

  static final int PER_USER = 5;
  static final int ROLES = 30;
  static final String SA_CLIENT = "roleform-bench";
  private static final int[] RENAMED = {10, 20, 30};
  private static final int[] REPERMITTED = {40, 50, 60};

  /** One desired group: name, former name (or null), description, realm roles, member emails. */
  record Group(String name, String formerName, String description, List<String> roles, Set<String> members) {}

  static String email(int user) {
    return String.format("u%05d@bench.example", user);
  }

  static String baseName(int g) {
    return g == 0 ? "Admin" : String.format("G-%03d", g);
  }

  /** The groups user {@code k} belongs to: 5 distinct groups (61·j mod 300 are distinct for j < 6). */
  static int group(Scale scale, int k, int j) {
    return (7 * k + 61 * j) % scale.groups();
  }

  /** Whether user {@code k} is one of the 1,250 whose membership the churn moves (j=0 → j=5). */
  static boolean churned(int k) {
    return k % 8 == 0;
  }

  static List<String> roles(int g) {
    List<String> r = new ArrayList<>();
    if (g == 0) {
      for (int i = 1; i <= ROLES; i++) r.add(role(i));
      r.add("manage-roles");
      return r;
    }
    r.add(role(1 + g % ROLES));
    if (g % 3 == 0) r.add(role(1 + (g * 7) % ROLES));
    return List.copyOf(new TreeSet<>(r));
  }

  static String role(int i) {
    return String.format("perm-%02d", i);
  }

  /** The desired groups in order; {@code churn} selects the changed variant. */
  static List<Group> groups(Scale scale, boolean churn) {
    List<Set<String>> members = new ArrayList<>();
    for (int g = 0; g < scale.groups(); g++) members.add(new TreeSet<>());
    for (int k = 0; k < scale.users(); k++) {
      for (int j = 0; j < PER_USER; j++) {
        if (churn && j == 0 && churned(k)) continue;
        members.get(group(scale, k, j)).add(email(k));
      }
      if (churn && churned(k)) members.get(group(scale, k, PER_USER)).add(email(k));
    }
    List<Group> out = new ArrayList<>();
    for (int g = 0; g < scale.groups(); g++) {
      boolean renamed = contains(RENAMED, g);
      String name = churn && renamed ? baseName(g) + " renamed" : baseName(g);
      String former = renamed ? (churn ? baseName(g) : baseName(g) + " renamed") : null;
      String description = churn && renamed ? "Renamed group " + g : "Group " + g;
      List<String> roles = roles(g);
      if (churn && contains(REPERMITTED, g)) roles = List.of(role(1 + (g + 15) % ROLES));
      out.add(new Group(name, former, description, roles, members.get(g)));
    }
    return out;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) if (x == v) return true;
    return false;
  }

  /**
   * The realm without its users, for {@code POST /admin/realms}: realm roles, the {@code roleform}
   * parent with every group (description, position attribute, realm roles), the service-account
   * client and its user. Small enough for one request at every size; the users follow in slices
   * ({@link #users}).
   */
  static ObjectNode realmSkeleton(ObjectMapper json, String realm, String secret, Scale scale) {
    ObjectNode r = json.createObjectNode().put("realm", realm).put("enabled", true)
        .put("accessTokenLifespan", 1800);
    ArrayNode realmRoles = r.putObject("roles").putArray("realm");
    for (int i = 1; i <= ROLES; i++) realmRoles.addObject().put("name", role(i)).put("description", "Grants " + role(i));
    realmRoles.addObject().put("name", "manage-roles").put("description", "May manage roles");
    ObjectNode parent = r.putArray("groups").addObject().put("name", "roleform");
    ArrayNode children = parent.putArray("subGroups");
    List<Group> groups = groups(scale, false);
    for (int g = 0; g < scale.groups(); g++) {
      ObjectNode c = children.addObject().put("name", groups.get(g).name()).put("description", groups.get(g).description());
      c.putObject("attributes").putArray("roleform.position").add(String.valueOf(g));
      ArrayNode rr = c.putArray("realmRoles");
      groups.get(g).roles().forEach(rr::add);
    }
    ArrayNode users = r.putArray("users");
    ObjectNode sa = users.addObject().put("username", "service-account-" + SA_CLIENT).put("enabled", true)
        .put("serviceAccountClientId", SA_CLIENT);
    ArrayNode rm = sa.putObject("clientRoles").putArray("realm-management");
    rm.add("manage-users").add("view-realm");
    r.putArray("clients").addObject().put("clientId", SA_CLIENT).put("secret", secret).put("enabled", true)
        .put("publicClient", false).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
        .put("directAccessGrantsEnabled", false);
    return r;
  }

  /**
   * Users {@code from} (inclusive) to {@code to} (exclusive) with their group memberships (as group
   * paths), for {@code POST /admin/realms/{realm}/partialImport}; existing users are skipped, so
   * a slice can be sent again after a failure without duplicating anything.
   */
  static ObjectNode users(ObjectMapper json, Scale scale, int from, int to) {
    ObjectNode body = json.createObjectNode().put("ifResourceExists", "SKIP");
    ArrayNode users = body.putArray("users");
    for (int k = from; k < to; k++) {
      ObjectNode u = users.addObject().put("username", String.format("u%05d", k)).put("email", email(k))
          .put("enabled", true).put("firstName", "User").put("lastName", String.valueOf(k)).put("emailVerified", true);
      ArrayNode gs = u.putArray("groups");
      for (int j = 0; j < PER_USER; j++) gs.add("/roleform/" + baseName(group(scale, k, j)));
    }
    return body;
  }

  /** A roleform config (YAML) for the groups: order, and every role's description, permissions and members. */
  /**
   * The config of a variant as files, name → text, split like {@code roleform export} splits a large
   * config: {@code roleform.yaml} with the order, then {@code roles-NNNN.yaml} parts of at most
   * {@link #PART_CHARS} characters each, so every file stays under the loader's per-file size limit
   * (at L one file would be 7.5 MB against the 5 MiB limit).
   */
  static Map<String, String> config(List<Group> groups) {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder order = new StringBuilder("apiVersion: roleform/v1\norder:\n");
    for (Group g : groups) order.append("  - ").append(g.name()).append('\n');
    files.put("roleform.yaml", order.toString());
    StringBuilder y = new StringBuilder();
    for (Group g : groups) {
      if (y.length() == 0) y.append("apiVersion: roleform/v1\nroles:\n");
      y.append("  - name: ").append(g.name()).append('\n');
      if (g.formerName() != null) y.append("    formerNames: [").append(g.formerName()).append("]\n");
      y.append("    description: ").append(g.description()).append('\n');
      y.append("    permissions: [").append(String.join(", ", g.roles())).append("]\n");
      y.append("    members:\n");
      for (String m : g.members()) y.append("      - ").append(m).append('\n');
      if (y.length() >= PART_CHARS) {
        files.put(String.format(java.util.Locale.ROOT, "roles-%04d.yaml", files.size()), y.toString());
        y.setLength(0);
      }
    }
    if (y.length() > 0) files.put(String.format(java.util.Locale.ROOT, "roles-%04d.yaml", files.size()), y.toString());
    return files;
  }

  /** Characters per roles part: well under the loader's 5 MiB per-file limit. */
  static final int PART_CHARS = 1_000_000;

  /** Membership count of a variant (sanity check: {@link Scale#memberships()} both ways). */
  static int memberships(List<Group> groups) {
    return groups.stream().mapToInt(g -> g.members().size()).sum();
  }

  /** Group name → group, for the floor client. */
  static Map<String, Group> byName(List<Group> groups) {
    Map<String, Group> m = new LinkedHashMap<>();
    groups.forEach(g -> m.put(g.name(), g));
    return m;
  }

  private BenchRealm() {}
}
