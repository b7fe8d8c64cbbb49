package io.roleform.portal.http;

import java.nio.charset.StandardCharsets;

/**
 * The {@code nextCursor} of a list page read from the end of its raw bytes, without parsing the
 * items before it, so that the next page can be requested while this one is parsed (the pages of a
 * list can only be asked for one after the other: each names the next).
 *
 * <p>Only the shape Portal API v1 documents is recognised — {@code {"items":[...],"nextCursor":
 * "..."}} or {@code ...,"nextCursor":null}}, the cursor last in the top-level object, without
 * escapes in the key or the value. Read backwards from the closing brace, that last member can only
 * belong to the top-level object, so for a valid body the answer is exactly what a parser would
 * give; for anything else (another order, escapes) the scan says {@link #UNKNOWN} and the caller
 * waits for the parse. The caller still compares the parsed cursor with the scanned one.
 */
final class PageCursor {

  /** The scan could not tell; parse the page to find the cursor. */
  static final String UNKNOWN = new String("\u0000unknown");

  private static final byte[] KEY = "\"nextCursor\"".getBytes(StandardCharsets.US_ASCII);

  private PageCursor() {}

  /** The cursor, {@code null} for the last page, or {@link #UNKNOWN} (compare by identity). */
  static String scan(byte[] body) {
    int i = skipBack(body, body.length - 1);
    if (i < 0 || body[i] != '}') return UNKNOWN;
    i = skipBack(body, i - 1);
    if (i < 0) return UNKNOWN;
    String cursor;
    int valueStart;
    if (body[i] == '"') {
      int close = i;
      int open = close - 1;
      while (open >= 0 && body[open] != '"') {
        if (body[open] == '\\') return UNKNOWN;
        open--;
      }
      if (open < 0 || (open > 0 && body[open - 1] == '\\')) return UNKNOWN;
      cursor = new String(body, open + 1, close - open - 1, StandardCharsets.UTF_8);
      valueStart = open;
    } else if (i >= 3 && body[i] == 'l' && body[i - 1] == 'l' && body[i - 2] == 'u' && body[i - 3] == 'n') {
      cursor = null;
      valueStart = i - 3;
    } else {
      return UNKNOWN;
    }
    i = skipBack(body, valueStart - 1);
    if (i < 0 || body[i] != ':') return UNKNOWN;
    i = skipBack(body, i - 1);
    int keyStart = i - KEY.length + 1;
    if (keyStart < 0) return UNKNOWN;
    for (int k = 0; k < KEY.length; k++) {
      if (body[keyStart + k] != KEY[k]) return UNKNOWN;
    }
    i = skipBack(body, keyStart - 1);
    if (i < 0 || (body[i] != ',' && body[i] != '{')) return UNKNOWN;
    return cursor;
  }

  private static int skipBack(byte[] body, int i) {
    while (i >= 0 && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i--;
    return i;
  }
}
