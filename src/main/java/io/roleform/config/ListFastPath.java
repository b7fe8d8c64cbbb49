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
 * {@code pattern} — or {@code if: {type: object}} with such a {@code $ref} as {@code else} (members
 * may be {@code {email, until}} mappings; for a string the {@code if} fails, so only the {@code else}
 * applies). A list is emptied only when every item of it is a string the pattern accepts (by the
 * validator's own rules: {@link EmailPattern} when the pattern is the schema's email pattern, else
 * its regular-expression engine); then emptying it removes no error and adds none. Any other list —
 * an item of another type, an item the pattern refuses — is validated unchanged, and so is every list
 * of a schema of another shape. {@code ListFastPathTest} checks the equivalence on random configs.
 */
final class ListFastPath {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "items", "description", "$comment");
  private static final Set<String> ITEM_KEYWORDS = Set.of("$ref", "description", "$comment");
  private static final Set<String> CONDITIONAL_KEYWORDS = Set.of("if", "then", "else", "description", "$comment");
  private static final Set<String> IF_OBJECT_KEYWORDS = Set.of("type", "description", "$comment");
  private static final Set<String> DEF_KEYWORDS = Set.of("type", "pattern", "description", "$comment");

  /** An item check: whether a string item passes the list's item schema. */
  interface ItemCheck {
    boolean matches(String item);
  }

  /** The lists of a role item that take the fast path, with their item check; empty if none. */
  private final Map<String, ItemCheck> lists;

  private ListFastPath(Map<String, ItemCheck> lists) {
    this.lists = lists;
  }

  /** The fast path the schema allows: for {@code members} and {@code permissions} of a role. */
  static ListFastPath of(JsonNode schema) {
    JsonNode role = schema.path("$defs").path("role").path("properties");
    Map<String, ItemCheck> lists = new java.util.HashMap<>();
    for (String key : List.of("members", "permissions")) {
      ItemCheck pattern = itemPattern(schema, role.path(key));
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

  private static ItemCheck itemPattern(JsonNode schema, JsonNode list) {
    if (!onlyKeys(list, ARRAY_KEYWORDS) || !"array".equals(list.path("type").asText())) return null;
    JsonNode items = list.path("items");
    if (onlyKeys(items, CONDITIONAL_KEYWORDS) && items.has("if") && items.has("else")) {
      // if {type: object} then ... else {$ref}: a string fails the if, so the else alone applies.
      JsonNode condition = items.path("if");
      if (!onlyKeys(condition, IF_OBJECT_KEYWORDS) || !"object".equals(condition.path("type").asText())) return null;
      items = items.path("else");
    }
    if (!onlyKeys(items, ITEM_KEYWORDS)) return null;
    String ref = items.path("$ref").asText("");
    if (!ref.startsWith("#/$defs/") || ref.indexOf('/', 8) >= 0) return null;
    JsonNode def = schema.path("$defs").path(ref.substring(8));
    if (!onlyKeys(def, DEF_KEYWORDS) || !"string".equals(def.path("type").asText())
        || !def.path("pattern").isTextual()) {
      return null;
    }
    String pattern = def.path("pattern").asText();
    if (EmailPattern.PATTERN.equals(pattern)) return EmailPattern::matches;
    RegularExpression regex = JDKRegularExpressionFactory.getInstance().getRegularExpression(pattern);
    return regex::matches;
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
   * lists are empty where every item of the list passed its check (those lists hold no error).
   */
  JsonNode strip(JsonNode root) {
    if (lists.isEmpty() || !root.isObject() || !root.path("roles").isArray()) return root;
    ArrayNode roles = (ArrayNode) root.get("roles");
    boolean any = false;
    for (JsonNode role : roles) {
      if (!role.isObject()) continue;
      for (Map.Entry<String, ItemCheck> list : lists.entrySet()) {
        if (strippable(role.get(list.getKey()), list.getValue())) {
          any = true;
          break;
        }
      }
      if (any) break;
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
      role.fields().forEachRemaining(e -> {
        ItemCheck check = lists.get(e.getKey());
        r.set(e.getKey(), check != null && strippable(e.getValue(), check) ? JSON.arrayNode() : e.getValue());
      });
      rolesCopy.add(r);
    }
    copy.set("roles", rolesCopy);
    return copy;
  }

  /** Whether {@code items} is a non-empty list of strings that all pass {@code check}. */
  private static boolean strippable(JsonNode items, ItemCheck check) {
    if (items == null || !items.isArray() || items.isEmpty()) return false;
    for (JsonNode item : items) {
      if (!item.isTextual() || !check.matches(item.textValue())) return false;
    }
    return true;
  }
}
