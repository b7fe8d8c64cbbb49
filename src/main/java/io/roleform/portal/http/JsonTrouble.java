package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * Says in a few words what is wrong with a body Jackson could not read — "JSON cut short", "not
 * JSON", "`$.items[3].position` has the wrong type" — never a Jackson message or stack trace.
 */
final class JsonTrouble {

  private JsonTrouble() {}

  static String describe(IOException e, Reply reply, Failures failures) {
    if (reply.body().length == 0) {
      return "the body is empty";
    }
    if (e instanceof ListPage.WrongShape w) {
      return w.path.equals("null") ? "the body is JSON null"
          : w.path.equals("$") ? "the body is JSON of the wrong shape"
          : "`" + w.path + "` in the body is missing or of the wrong type";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonEOFException || String.valueOf(t.getMessage()).contains("end-of-input")) {
        return "the JSON body is cut short";
      }
    }
    if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException) {
      String body = failures.describeBody(reply);
      return "the body is not valid JSON (" + body + location(e) + ")";
    }
    if (e instanceof JsonMappingException m) {
      String path = path(m);
      return path.equals("$")
          ? "the body is JSON of the wrong shape"
          : "`" + path + "` in the body is missing or of the wrong type";
    }
    return "the body cannot be read";
  }

  /** A JSONPath-like address ({@code $.items[3].id}) of where mapping failed. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String location(IOException e) {
    if (e instanceof JsonProcessingException p && p.getLocation() != null) {
      return ", at line " + p.getLocation().getLineNr() + " column " + p.getLocation().getColumnNr();
    }
    return "";
  }
}
