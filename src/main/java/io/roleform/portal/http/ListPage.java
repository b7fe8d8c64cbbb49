package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One page of a Portal API v1 list — {@code {"items":[...],"nextCursor":...}} — read with Jackson's
 * streaming parser: each item is handed to an {@link Item} reader as it is parsed, with no tree,
 * no databind and no intermediate list of the page's items.
 *
 * <p>What the page accepts is what the databind reading it replaces accepted: unknown fields are
 * skipped (a newer portal may add some), duplicate keys and trailing tokens are refused (the
 * parser comes from the client's {@link ObjectMapper}, which enables both), scalars are coerced as
 * Jackson's defaults coerce them (a number where a string is expected is its text; {@code "3"} or
 * {@code 3.0} where a number is expected are 3; {@code null} is absent). Anything else is a {@link
 * WrongShape} naming where, as {@code $.items[3].position}.
 */
final class ListPage {

  private ListPage() {}

  /** A value of the wrong JSON type at {@code path} ({@code $} for the whole body). */
  static final class WrongShape extends IOException {
    private static final long serialVersionUID = 1L;
    final String path;

    WrongShape(String path) {
      super(path);
      this.path = path;
    }
  }

  /** Reads one item object (the parser is on its {@code START_OBJECT}) at {@code index} of the page. */
  interface Item {
    /** What {@link #page} answers when it did not read the page. */
    String NOT_READ = new String("\u0000not read");

    void read(JsonParser p, int index) throws IOException;

    /**
     * Reads a whole page without the parser, if the page has the one exact shape this reader knows
     * (its items all of it; else it reads nothing that the parse then reads again) and returns its
     * {@code nextCursor} as the parse would; or {@link #NOT_READ} (compare by identity) and the page
     * is parsed. By default never.
     */
    default String page(byte[] body) {
      return NOT_READ;
    }
  }

  /** Reads the body page by page; returns its {@code nextCursor} ({@code null} on the last page). */
  static String read(ObjectMapper json, byte[] body, Item item) throws IOException {
    if (body.length == 0) throw new WrongShape("$"); // described as an empty body
    String scanned = item.page(body);
    if (scanned != Item.NOT_READ) return scanned;
    try (JsonParser p = json.createParser(body)) {
      JsonToken root = p.nextToken();
      if (root == null) throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end-of-input");
      if (root == JsonToken.VALUE_NULL) throw new WrongShape("null");
      if (root != JsonToken.START_OBJECT) throw new WrongShape("$");
      String cursor = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("items".equals(field)) {
          items(p, value, item);
        } else if ("nextCursor".equals(field)) {
          cursor = string(p, -1, "nextCursor");
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) throw new WrongShape("$"); // trailing tokens
      return cursor;
    }
  }

  private static void items(JsonParser p, JsonToken value, Item item) throws IOException {
    if (value == JsonToken.VALUE_NULL) return;
    if (value != JsonToken.START_ARRAY) throw new WrongShape("$.items");
    int index = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
      if (t == JsonToken.START_OBJECT) {
        item.read(p, index);
      } else if (t == JsonToken.VALUE_NULL) {
        throw new Wire.Missing("$.items[" + index + "]");
      } else {
        throw new WrongShape("$.items[" + index + "]");
      }
    }
  }

  /** {@code $.items[index].field}, or {@code $.field} for index -1; built only for a message. */
  static String at(int index, String field) {
    return index < 0 ? "$." + field : Wire.at(index, field);
  }

  /** The string value of {@code field} of item {@code index} (scalars as their text), or {@code null}. */
  static String string(JsonParser p, int index, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return p.getText();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != null && t.isScalarValue()) return p.getText();
    throw new WrongShape(at(index, field));
  }

  /** An int value, {@code null}, or a string or whole float holding one. */
  static Integer integer(JsonParser p, int index, String field) throws IOException {
    JsonToken t = p.currentToken();
    try {
      if (t == JsonToken.VALUE_NUMBER_INT) return p.getIntValue();
      if (t == JsonToken.VALUE_NULL) return null;
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        double d = p.getDoubleValue();
        if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return (int) d;
      } else if (t == JsonToken.VALUE_STRING) {
        String s = p.getText().trim();
        if (s.isEmpty()) return null;
        return Integer.valueOf(s);
      }
    } catch (InputCoercionException | NumberFormatException e) {
      throw new WrongShape(at(index, field));
    }
    throw new WrongShape(at(index, field));
  }

  /** A boolean value, {@code null}, or a string {@code "true"}/{@code "false"} or an int holding one. */
  static Boolean bool(JsonParser p, int index, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
    if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue() != 0;
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) return null;
      if (s.equals("true")) return Boolean.TRUE;
      if (s.equals("false")) return Boolean.FALSE;
    }
    throw new WrongShape(at(index, field));
  }

  /** An array of strings, or {@code null}; a {@code null} element is missing. */
  static List<String> strings(JsonParser p, int index, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.START_ARRAY) throw new WrongShape(at(index, field));
    List<String> values = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (e == JsonToken.VALUE_NULL) throw new Wire.Missing(at(index, field + "[" + values.size() + "]"));
      if (!e.isScalarValue()) throw new WrongShape(at(index, field + "[" + values.size() + "]"));
      values.add(p.getText());
    }
    return values;
  }
}
