package io.roleform.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the sandbox's HTTP side. */
final class Json {
  /** Refuses a duplicated key in a request body rather than keeping the last one. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Json() {}

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wire records are always serialisable", e);
    }
  }

  /** The body with object keys sorted (so key order and whitespace don't matter), or null. */
  static String canonical(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
