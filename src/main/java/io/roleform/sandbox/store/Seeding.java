package io.roleform.sandbox.store;

import io.roleform.sandbox.GenerateSpec;
import java.util.Optional;

/** Seeds an empty database once; a seeded database is left as it is. */
public final class Seeding {
  private Seeding() {}

  /** What happened when the database was opened. */
  public enum Outcome {
    SEEDED,
    EXISTING
  }

  /**
   * Seeds {@code profile} (and {@code generate}, if not null) when the database is empty, all in one
   * transaction.
   *
   * @throws IllegalStateException if the database already holds a different profile
   */
  public static Outcome ensureSeeded(Database db, Profile profile, GenerateSpec generate, long seed) {
    return db.write(
        c -> {
          Optional<PortalRow> existing = PortalTable.find(c);
          if (existing.isPresent()) {
            if (!existing.get().profile().equals(profile.name())) {
              throw new IllegalStateException(
                  "the database holds the profile '"
                      + existing.get().profile()
                      + "', not '"
                      + profile.name()
                      + "'; use --profile "
                      + existing.get().profile()
                      + " or another --data file");
            }
            return Outcome.EXISTING;
          }
          Seeder.Seeded seeded = Seeder.seed(c, profile);
          if (generate != null) {
            Generator.generate(c, seeded, generate, seed);
          }
          return Outcome.SEEDED;
        });
  }
}
