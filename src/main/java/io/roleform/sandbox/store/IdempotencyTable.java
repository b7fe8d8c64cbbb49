package io.roleform.sandbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Responses stored by idempotency key, written in the same transaction as the write they answer. */
public final class IdempotencyTable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private IdempotencyTable() {}

  public static Optional<StoredResponse> find(Connection c, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT fingerprint, status, headers, body FROM idempotency WHERE key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(
              new StoredResponse(
                  r.getString(1), r.getInt(2), MAPPER.readValue(r.getString(3), MAP), r.getBytes(4)));
        } catch (JsonProcessingException e) {
          throw new StoreException("stored idempotent response is corrupt", e);
        }
      }
    }
  }

  public static void store(Connection c, String key, StoredResponse response) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO idempotency (key, fingerprint, status, headers, body) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, key);
      s.setString(2, response.fingerprint());
      s.setInt(3, response.status());
      s.setString(4, MAPPER.writeValueAsString(response.headers()));
      s.setBytes(5, response.body());
      s.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always serialisable", e);
    }
  }
}
