package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema check's fast path for the big homogeneous lists of a role ({@code members},
 * {@code permissions}: 200,000+ items in a large export): instead of walking the JSON Schema once
 * per item, every item is checked against the item's pattern directly, and the validator sees the
 * document with those lists emptied.
 *
 * <p>Guarantee: the diagnostics are exactly those of the full validation. The fast path is taken
 * only when (checked once, from the schema itself) each such list's schema is {@code type: array}
 * plus {@code items} and nothing that counts items ({@code minItems}, {@code uniqueItems} ...), and
 * the items' schema is a {@code $ref} to a definition that is only {@code type: string} plus a
 * {@code pattern}; and only when every item of the document's lists is a string the pattern
 * accepts (by the validator's own regular-expression engine). Then emptying the lists removes no
 * error and adds none. Any other case — an item of another type, an item the pattern refuses, a
 * schema of another shape — validates the whole document unchanged. {@code ListFastPathTest}
 * checks the equivalence on random configs.
 */
final class ListFastPath {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "items", "description", "$comment");
  private static final Set<String> ITEM_KEYWORDS = Set.of("$ref", "description", "$comment");
  private static final Set<String> DEF_KEYWORDS = Set.of("type", "pattern", "description", "$comment");

  /** The lists of a role item that take the fast path, with their item pattern; empty if none. */
  private final Map<String, RegularExpression> lists;

  private ListFastPath(Map<String, RegularExpression> lists) {
    this.lists = lists;
  }

  /** The fast path the schema allows: for {@code members} and {@code permissions} of a role. */
  static ListFastPath of(JsonNode schema) {
    JsonNode role = schema.path("$defs").path("role").path("properties");
    Map<String, RegularExpression> lists = new java.util.HashMap<>();
    for (String key : List.of("members", "permissions")) {
      RegularExpression pattern = itemPattern(schema, role.path(key));
      if (pattern != null) lists.put(key, pattern);
    }
    // roles -> items must be a plain $ref to the role definition for the pointers to line up.
    JsonNode roles = schema.path("properties").path("roles");
    if (!onlyKeys(roles, ARRAY_KEYWORDS) || !"array".equals(roles.path("type").asText())
        || !onlyKeys(roles.path("items"), ITEM_KEYWORDS)
        || !"#/$defs/role".equals(roles.path("items").path("$ref").asText())) {
      lists = Map.of();
    }
    return new ListFastPath(Map.copyOf(lists));
  }

  private static RegularExpression itemPattern(JsonNode schema, JsonNode list) {
    if (!onlyKeys(list, ARRAY_KEYWORDS) || !"array".equals(list.path("type").asText())) return null;
    JsonNode items = list.path("items");
    if (!onlyKeys(items, ITEM_KEYWORDS)) return null;
    String ref = items.path("$ref").asText("");
    if (!ref.startsWith("#/$defs/") || ref.indexOf('/', 8) >= 0) return null;
    JsonNode def = schema.path("$defs").path(ref.substring(8));
    if (!onlyKeys(def, DEF_KEYWORDS) || !"string".equals(def.path("type").asText())
        || !def.path("pattern").isTextual()) {
      return null;
    }
    return JDKRegularExpressionFactory.getInstance().getRegularExpression(def.path("pattern").asText());
  }

  private static boolean onlyKeys(JsonNode n, Set<String> allowed) {
    if (!n.isObject()) return false;
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      if (!allowed.contains(it.next())) return false;
    }
    return true;
  }

  /**
   * The document for the validator: {@code root} itself, or a shallow copy whose roles' fast-path
   * lists are empty when every item of them passed its pattern (then they hold no error).
   */
  JsonNode strip(JsonNode root) {
    if (lists.isEmpty() || !root.isObject() || !root.path("roles").isArray()) return root;
    ArrayNode roles = (ArrayNode) root.get("roles");
    boolean any = false;
    for (JsonNode role : roles) {
      if (!role.isObject()) continue;
      for (Map.Entry<String, RegularExpression> list : lists.entrySet()) {
        JsonNode items = role.get(list.getKey());
        if (items == null || !items.isArray()) continue;
        for (JsonNode item : items) {
          if (!item.isTextual() || !list.getValue().matches(item.textValue())) return root;
        }
        any |= !items.isEmpty();
      }
    }
    if (!any) return root;
    ObjectNode copy = JSON.objectNode();
    root.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue()));
    ArrayNode rolesCopy = JSON.arrayNode(roles.size());
    for (JsonNode role : roles) {
      if (!role.isObject()) {
        rolesCopy.add(role);
        continue;
      }
      ObjectNode r = JSON.objectNode();
      role.fields().forEachRemaining(e -> r.set(e.getKey(),
          lists.containsKey(e.getKey()) && e.getValue().isArray() ? JSON.arrayNode() : e.getValue()));
      rolesCopy.add(r);
    }
    copy.set("roles", rolesCopy);
    return copy;
  }
}
