package io.roleform.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bearer tokens the sandbox accepts. Token values are never part of any message, log line or
 * {@code toString}.
 */
public final class Tokens {

  /** What a token grants. */
  record Grant(String email, String scope) {}

  private final Map<String, Grant> grants;

  private Tokens(Map<String, Grant> grants) {
    this.grants = Map.copyOf(grants);
  }

  /** {@code demo-write} (alice, write) and {@code demo-read} (bob, read). */
  public static Tokens demo() {
    return new Tokens(
        Map.of(
            "demo-write", new Grant("alice@acme.example", "write"),
            "demo-read", new Grant("bob@acme.example", "read")));
  }

  /**
   * Reads a YAML list of {@code {token, user: EMAIL, scope: read|write}}.
   *
   * @throws IOException with a message naming the entry at fault (never its token)
   */
  public static Tokens load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read the tokens file " + file + ": not readable YAML", e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new IOException(
          "the tokens file " + file + " must be a non-empty YAML list of {token, user, scope}");
    }
    Map<String, Grant> grants = new HashMap<>();
    int index = 0;
    for (JsonNode entry : root) {
      index++;
      String where = "the tokens file " + file + ", entry " + index;
      if (!entry.isObject()) {
        throw new IOException(where + ": expected a mapping with token, user and scope");
      }
      for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!Set.of("token", "user", "scope").contains(name)) {
          throw new IOException(where + ": unknown key '" + name + "' (expected token, user, scope)");
        }
      }
      String token = text(entry, "token", where);
      String user = text(entry, "user", where);
      String scope = text(entry, "scope", where);
      if (!scope.equals("read") && !scope.equals("write")) {
        throw new IOException(where + ": scope must be read or write");
      }
      if (token.length() < 8 && !token.startsWith("demo-")) {
        throw new IOException(where + ": the token is shorter than 8 characters");
      }
      if (grants.put(token, new Grant(user, scope)) != null) {
        throw new IOException(where + ": the same token is listed twice");
      }
    }
    return new Tokens(grants);
  }

  private static String text(JsonNode entry, String key, String where) throws IOException {
    JsonNode v = entry.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IOException(where + ": '" + key + "' must be a non-empty string");
    }
    return v.asText().trim();
  }

  Grant grant(String token) {
    return token == null ? null : grants.get(token);
  }

  /** The distinct users the tokens belong to, for start-up checks. */
  public Set<String> users() {
    Set<String> users = new LinkedHashSet<>();
    grants.values().forEach(g -> users.add(g.email()));
    return users;
  }

  @Override
  public String toString() {
    return "Tokens[" + grants.size() + " tokens]";
  }
}
