package io.roleform.bench;

/** A generated portal's size, as {@code roleform sandbox --generate} takes it. */
record Size(String name, int users, int roles, int memberships) {

  static final Size S = new Size("S", 1_000, 50, 5_000);
  static final Size M = new Size("M", 10_000, 300, 50_000);
  static final Size L = new Size("L", 50_000, 1_000, 200_000);
  /** Only with {@code --sizes XL}: long (see bench/RESULTS.md: at load ~30, generation ~10 min, one plan > 6 min). */
  static final Size XL = new Size("XL", 500_000, 5_000, 2_000_000);

  static final java.util.List<Size> ALL = java.util.List.of(S, M, L, XL);

  /** The initial apply (every membership written) is skipped at XL: ~20,000 writes, minutes per run. */
  boolean initialApply() {
    return this != XL;
  }

  String generateSpec() {
    return "users=" + users + ",roles=" + roles + ",memberships=" + memberships;
  }

  /** The same users, no generated roles or memberships. */
  String usersOnlySpec() {
    return "users=" + users;
  }

  String label() {
    return String.format("%s (%,d users / %,d roles / %,d memberships)", name, users, roles, memberships);
  }
}
