package io.roleform.sandbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Encodes the string-list columns (permissions, case actions) as JSON arrays. */
final class StringLists {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private StringLists() {}

  static String encode(List<String> values) {
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always serialisable", e);
    }
  }

  static List<String> decode(String json) {
    try {
      return List.copyOf(MAPPER.readValue(json, LIST));
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored list is not valid JSON: " + json, e);
    }
  }
}
