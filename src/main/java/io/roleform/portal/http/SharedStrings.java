package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Short string values that repeat across a list's items — a user's first name, status, version —
 * read once: a small direct-mapped cache keyed by the characters in the parser's buffer hands back
 * the string it made for the same characters before (or makes one and keeps it in the slot). A
 * value is the same text as {@link ListPage#string} reads; only fewer copies of it exist (at XL,
 * 500,000 users with version {@code "1"}: one string instead of 500,000 kept for the whole run).
 * Not thread-safe: one per list reader.
 */
final class SharedStrings {
  private static final int MAX_LENGTH = 40;
  private final String[] slots = new String[1 << 10];
  /** Each slot's string's hash as computed here: most values that differ are told apart without touching the string. */
  private final int[] hashes = new int[1 << 10];

  /** As {@link ListPage#string}, shared when it is a short string token. */
  String string(JsonParser p, int index, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) return ListPage.string(p, index, field);
    int length = p.getTextLength();
    if (length > MAX_LENGTH) return p.getText();
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int h = length;
    for (int i = 0; i < length; i++) h = 31 * h + chars[offset + i];
    int slot = (h * 0x9E3779B9) >>> 22;
    String s = slots[slot];
    if (s != null && hashes[slot] == h && s.length() == length) {
      boolean same = true;
      for (int i = 0; i < length && same; i++) same = s.charAt(i) == chars[offset + i];
      if (same) return s;
    }
    s = new String(chars, offset, length);
    slots[slot] = s;
    hashes[slot] = h;
    return s;
  }
}
