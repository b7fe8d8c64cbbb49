package io.roleform.sandbox;

/**
 * The size of a synthetic portal generated on top of a profile's seed data (on an empty database
 * only), for benchmarks. Generation is deterministic for a given seed.
 *
 * @param users additional users (mostly active; a few pending appliers and external collaborators)
 * @param roles additional user-defined roles
 * @param memberships distinct (role, user) memberships among the generated roles and users
 * @param departments additional departments (case portal only); generated user {@code i} joins
 *     department {@code i mod departments}
 * @param externals when {@code true}, every 10th generated user is an external collaborator
 *     instead of every 50th
 */
public record GenerateSpec(int users, int roles, int memberships, int departments, boolean externals) {

  /** Users, roles and memberships only. */
  public GenerateSpec(int users, int roles, int memberships) {
    this(users, roles, memberships, 0, false);
  }

  static final int MAX_USERS = 2_000_000;
  static final int MAX_ROLES = 100_000;
  static final int MAX_MEMBERSHIPS = 20_000_000;
  static final int MAX_DEPARTMENTS = 10_000;

  public GenerateSpec {
    check("users", users, MAX_USERS);
    check("roles", roles, MAX_ROLES);
    check("memberships", memberships, MAX_MEMBERSHIPS);
    check("departments", departments, MAX_DEPARTMENTS);
    long possible = (long) users * roles * 9 / 10;
    if (memberships > possible) {
      throw new IllegalArgumentException(
          "memberships="
              + memberships
              + " is more than the generated users and roles can hold (at most "
              + possible
              + " with users="
              + users
              + ", roles="
              + roles
              + ")");
    }
  }

  /**
   * Parses {@code "users=50000,roles=1000,memberships=200000"}; absent keys are 0.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static GenerateSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "generate spec is empty; expected e.g. users=50000,roles=1000,memberships=200000");
    }
    int users = 0, roles = 0, memberships = 0, departments = 0;
    boolean externals = false;
    for (SpecParts.Part part : SpecParts.of(spec, p -> "generate part '" + p + "' has no value; expected e.g. users=50000")) {
      String key = part.key();
      String raw = part.value();
      int n = key.equals("externals") && raw.matches("(?i)true|false") ? (raw.equalsIgnoreCase("true") ? 1 : 0)
          : count(key, raw);
      switch (key) {
        case "users" -> users = n;
        case "roles" -> roles = n;
        case "memberships" -> memberships = n;
        case "departments" -> departments = n;
        case "externals" -> externals = n > 0;
        default -> throw new IllegalArgumentException(
            "unknown generate key '" + key + "'; expected users, roles, memberships, departments or externals");
      }
    }
    return new GenerateSpec(users, roles, memberships, departments, externals);
  }

  private static int count(String key, String value) {
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "generate " + key + "=" + value + " is not a whole number");
    }
  }

  private static void check(String key, int n, int max) {
    if (n < 0 || n > max) {
      throw new IllegalArgumentException(
          "generate " + key + "=" + n + " is out of range (0.." + max + ")");
    }
  }
}
