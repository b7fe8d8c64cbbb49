package io.roleform.sandbox.http;

import io.roleform.sandbox.store.AuditTable;
import io.roleform.sandbox.store.Database;
import io.roleform.sandbox.store.IdempotencyTable;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.PortalTable;
import io.roleform.sandbox.store.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every write the same way, in ONE transaction: idempotency replay (before anything else) →
 * {@code If-State-Version} → the handler (its {@code If-Match}, validation and change) → state
 * version + 1 → one audit entry → the response stored under the idempotency key. A handler that
 * throws rolls everything back; nothing is stored for a failed write, so a retry is evaluated anew.
 */
final class WriteExecutor {
  private static final int MAX_KEY = 255;

  private final Database db;
  private final AtomicLong stateVersion;

  WriteExecutor(Database db, AtomicLong stateVersion) {
    this.db = db;
    this.stateVersion = stateVersion;
  }

  ApiResponse execute(Route route, ApiRequest request) {
    String key = request.header("idempotency-key");
    if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
      throw ApiProblem.badRequest(
          "Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_KEY + " characters.");
    }
    Long expected = expectedStateVersion(request);
    String fingerprint = key == null ? null : fingerprint(request);
    ApiResponse response = db.write(
        c -> {
          if (key != null) {
            Optional<StoredResponse> stored = IdempotencyTable.find(c, key);
            if (stored.isPresent()) {
              if (!stored.get().fingerprint().equals(fingerprint)) {
                throw ApiProblem.idempotencyConflict();
              }
              StoredResponse s = stored.get();
              return new ApiResponse(s.status(), s.headers(), s.body())
                  .withHeader("Idempotent-Replayed", "true");
            }
          }
          PortalRow portal = PortalTable.load(c);
          if (expected != null && expected != portal.stateVersion()) {
            throw ApiProblem.preconditionFailed(
                "If-State-Version is "
                    + expected
                    + " but the portal is at state version "
                    + portal.stateVersion()
                    + "; someone else changed it. Read it again and retry.");
          }
          WriteOutcome outcome = route.write().write(new WriteContext(request, c, portal));
          long next = portal.stateVersion() + 1;
          PortalTable.setStateVersion(c, next);
          AuditTable.append(
              c,
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              request.caller().email(),
              outcome.action(),
              outcome.target());
          ApiResponse done = outcome.response().withHeader("State-Version", Long.toString(next));
          if (key != null) {
            IdempotencyTable.store(
                c,
                key,
                new StoredResponse(fingerprint, done.status(), done.headers(), done.body()));
          }
          return done;
        });
    if (!response.headers().containsKey("Idempotent-Replayed")) {
      // Committed: publish the new version for responses that carry no state of their own.
      stateVersion.accumulateAndGet(
          Long.parseLong(response.headers().get("State-Version")), Math::max);
    }
    return response;
  }

  private static Long expectedStateVersion(ApiRequest request) {
    String v = request.header("if-state-version");
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("If-State-Version", "If-State-Version must be a whole number.");
    }
  }

  private static String fingerprint(ApiRequest request) {
    String body = Json.canonical(request.body());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((request.method() + " " + request.path() + "?" + request.rawQuery() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      sha.update(body == null ? request.body() : body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
