package io.roleform.sandbox;

import io.roleform.sandbox.http.ApiServer;
import io.roleform.sandbox.http.Tokens;
import io.roleform.sandbox.store.Database;
import io.roleform.sandbox.store.PortalTable;
import io.roleform.sandbox.store.Profile;
import io.roleform.sandbox.store.Seeding;
import io.roleform.sandbox.store.UserTable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * A running sandbox portal: Portal API v1 on 127.0.0.1 backed by a SQLite database, seeded with a
 * profile on first start and kept on restart. Usable in-process (tests, {@code --portal
 * embedded:PROFILE}) and from {@code roleform sandbox}. Thread-safe; {@link #close()} stops the
 * server and closes the database, and is idempotent.
 */
public final class Sandbox implements AutoCloseable {
  private final Database db;
  private final ApiServer server;
  private volatile boolean closed;

  private Sandbox(Database db, ApiServer server) {
    this.db = db;
    this.server = server;
  }

  /**
   * Opens (seeding if empty) the database and starts serving.
   *
   * @throws IllegalArgumentException for an unknown profile, or a database of another profile
   * @throws IOException if the database, the tokens file or the port cannot be used
   */
  public static Sandbox start(SandboxOptions o) throws IOException {
    Profile profile =
        Profile.named(o.profile())
            .orElseThrow(
                () -> new IllegalArgumentException(
                    "unknown profile '" + o.profile() + "'; expected one of " + String.join(", ", Profile.NAMES)));
    Tokens tokens = o.tokensFile() == null ? Tokens.demo() : Tokens.load(o.tokensFile());
    long t0 = System.nanoTime();
    if (o.generate() != null && o.generate().departments() > 0 && !Profile.hasDepartments(profile.name())) {
      throw new IllegalArgumentException("--generate departments=" + o.generate().departments()
          + ": only the case-portal profile has departments");
    }
    Database db = Database.open(o.data());
    try {
      Seeding.Outcome outcome;
      try {
        outcome = Seeding.ensureSeeded(db, profile, o.generate(), o.seed());
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(o.data() + ": " + e.getMessage(), e);
      }
      if (outcome == Seeding.Outcome.SEEDED) {
        o.log().printf(
            "sandbox: seeded profile %s%s in %d ms%n",
            profile.name(),
            o.generate() == null
                ? ""
                : String.format(
                    " + generated users=%d, roles=%d, memberships=%d",
                    o.generate().users(), o.generate().roles(), o.generate().memberships()),
            (System.nanoTime() - t0) / 1_000_000);
      } else {
        o.log().println(
            "sandbox: using the existing data in " + o.data()
                + (o.generate() == null ? "" : " (--generate applies to an empty database only; ignored)"));
      }
      if (o.tokensFile() == null) {
        o.log().println(
            "sandbox: no --tokens file; accepting the demo tokens 'demo-write' (alice@acme.example,"
                + " write) and 'demo-read' (bob@acme.example, read)");
      }
      for (String user : tokens.users()) {
        boolean known = db.read(c -> UserTable.byEmail(c, user).isPresent());
        if (!known) {
          o.log().println("sandbox: warning: a token belongs to " + user + ", who is not a user of this portal; it will get 401");
        }
      }
      ApiServer server =
          ApiServer.start(db, tokens, o.faults(), o.seed(), o.rateLimit(), o.verbose(), o.log(), o.port());
      return new Sandbox(db, server);
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT}, without {@code /api/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** API requests received so far, by {@code "METHOD /api/v1/template"}, faulted ones included. */
  public Map<String, Long> requestCounts() {
    return server.counts().snapshot();
  }

  public void resetCounts() {
    server.counts().reset();
  }

  /** The portal's current state version (as the next response would report it). */
  public long stateVersion() {
    return db.read(c -> PortalTable.load(c).stateVersion());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    server.close();
    db.close();
  }
}
