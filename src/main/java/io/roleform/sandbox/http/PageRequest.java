package io.roleform.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code ?limit=N&cursor=C} of a list request. The limit defaults to 100 and is capped at 1000; a
 * cursor is an opaque, versioned encoding of the keyset position after the last item served.
 *
 * @param cursorKeys the decoded keyset position, or {@code null} for the first page
 */
record PageRequest(int limit, List<String> cursorKeys) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final String PREFIX = "c1";
  private static final char SEP = '\u001f';

  static PageRequest parse(Map<String, String> query, String kind, int keyCount) {
    int limit = DEFAULT_LIMIT;
    String l = query.get("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = l.matches("\\d{10,}") ? Integer.MAX_VALUE : 0;
      }
      if (limit < 1) {
        throw ApiProblem.badRequest("limit", "limit must be a whole number of at least 1.");
      }
      limit = Math.min(limit, MAX_LIMIT);
    }
    String c = query.get("cursor");
    List<String> keys = null;
    if (c != null) {
      keys = decode(c, kind, keyCount);
    }
    return new PageRequest(limit, keys);
  }

  private static List<String> decode(String cursor, String kind, int keyCount) {
    ApiProblem bad =
        ApiProblem.badRequest(
            "cursor", "The cursor is malformed; use the nextCursor of a previous page of this list.");
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad;
    }
    List<String> parts = List.of(text.split(String.valueOf(SEP), -1));
    if (parts.size() != keyCount + 2 || !parts.get(0).equals(PREFIX) || !parts.get(1).equals(kind)) {
      throw bad;
    }
    return parts.subList(2, parts.size());
  }

  /** The cursor that continues after the given keys. */
  static String encode(String kind, String... keys) {
    StringBuilder b = new StringBuilder(PREFIX).append(SEP).append(kind);
    for (String k : keys) {
      b.append(SEP).append(k);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The first cursor key as a number, or 400 if it is not one. */
  long numericKey() {
    try {
      return Long.parseLong(cursorKeys.get(0));
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(
          "cursor", "The cursor is malformed; use the nextCursor of a previous page of this list.");
    }
  }
}
