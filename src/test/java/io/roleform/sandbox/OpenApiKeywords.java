package io.roleform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key of an OpenAPI 3.1 document checked against the fields its object may have (OpenAPI
 * 3.1.0's object tables, and JSON Schema 2020-12's keywords for Schema Objects); {@code x-}
 * extensions are allowed anywhere. Finds what a YAML slip leaves behind, such as half of a
 * description with a comma in a flow mapping ({@code {description: a, b}} is the keys
 * {@code description} and {@code b}). Test support only.
 */
final class OpenApiKeywords {
  private static final Set<String> SCHEMA = Set.of(
      "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
      "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
      "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
      "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
      "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
      "dependentRequired", "format", "contentEncoding", "contentMediaType", "contentSchema", "title",
      "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
      "discriminator", "xml", "externalDocs", "example");
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
  private static final Set<String> SCHEMA_ONE = Set.of("items", "additionalProperties", "not", "if", "then", "else",
      "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

  private static final Map<String, Set<String>> OBJECTS = Map.ofEntries(
      Map.entry("root", Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks",
          "components", "security", "tags", "externalDocs")),
      Map.entry("info", Set.of("title", "summary", "description", "termsOfService", "contact", "license", "version")),
      Map.entry("server", Set.of("url", "description", "variables")),
      Map.entry("tag", Set.of("name", "description", "externalDocs")),
      Map.entry("pathItem", Set.of("$ref", "summary", "description", "get", "put", "post", "delete", "options",
          "head", "patch", "trace", "servers", "parameters")),
      Map.entry("operation", Set.of("tags", "summary", "description", "externalDocs", "operationId", "parameters",
          "requestBody", "responses", "callbacks", "deprecated", "security", "servers")),
      Map.entry("parameter", Set.of("name", "in", "description", "required", "deprecated", "allowEmptyValue",
          "style", "explode", "allowReserved", "schema", "example", "examples", "content")),
      Map.entry("header", Set.of("description", "required", "deprecated", "allowEmptyValue", "style", "explode",
          "allowReserved", "schema", "example", "examples", "content")),
      Map.entry("requestBody", Set.of("description", "content", "required")),
      Map.entry("mediaType", Set.of("schema", "example", "examples", "encoding")),
      Map.entry("response", Set.of("description", "headers", "content", "links")),
      Map.entry("components", Set.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers",
          "securitySchemes", "links", "callbacks", "pathItems")),
      Map.entry("securityScheme", Set.of("type", "description", "name", "in", "scheme", "bearerFormat", "flows",
          "openIdConnectUrl")),
      Map.entry("example", Set.of("summary", "description", "value", "externalValue")),
      Map.entry("reference", Set.of("$ref", "summary", "description")));
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final List<String> problems = new ArrayList<>();

  private OpenApiKeywords() {}

  /** One line per unknown key: {@code JSON-POINTER: unknown key `K` in a KIND object}. */
  static List<String> unknownKeys(JsonNode doc) {
    OpenApiKeywords k = new OpenApiKeywords();
    k.root(doc);
    return k.problems;
  }

  private boolean check(JsonNode n, String at, String kind) {
    if (n == null || !n.isObject()) return false;
    Set<String> allowed = n.has("$ref") && !kind.equals("schema") && !kind.equals("pathItem")
        ? OBJECTS.get("reference") : kind.equals("schema") ? SCHEMA : OBJECTS.get(kind);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.startsWith("x-") && !allowed.contains(key)) {
        problems.add(at + ": unknown key `" + key + "` in a" + (kind.matches("[aeiou].*") ? "n " : " ") + kind + " object");
      }
    }
    return true;
  }

  private void root(JsonNode doc) {
    check(doc, "", "root");
    check(doc.get("info"), "/info", "info");
    each(doc.get("servers"), "/servers", (n, at) -> check(n, at, "server"));
    each(doc.get("tags"), "/tags", (n, at) -> check(n, at, "tag"));
    fields(doc.get("paths"), "/paths", this::pathItem);
    JsonNode c = doc.get("components");
    if (check(c, "/components", "components")) {
      fields(c.get("schemas"), "/components/schemas", this::schema);
      fields(c.get("responses"), "/components/responses", this::response);
      fields(c.get("parameters"), "/components/parameters", this::parameter);
      fields(c.get("headers"), "/components/headers", this::header);
      fields(c.get("requestBodies"), "/components/requestBodies", this::requestBody);
      fields(c.get("securitySchemes"), "/components/securitySchemes", (n, at) -> check(n, at, "securityScheme"));
      fields(c.get("examples"), "/components/examples", (n, at) -> check(n, at, "example"));
      fields(c.get("pathItems"), "/components/pathItems", this::pathItem);
    }
  }

  private void pathItem(JsonNode n, String at) {
    if (!check(n, at, "pathItem")) return;
    each(n.get("parameters"), at + "/parameters", this::parameter);
    for (String m : METHODS) operation(n.get(m), at + "/" + m);
  }

  private void operation(JsonNode n, String at) {
    if (!check(n, at, "operation")) return;
    each(n.get("parameters"), at + "/parameters", this::parameter);
    requestBody(n.get("requestBody"), at + "/requestBody");
    fields(n.get("responses"), at + "/responses", this::response);
  }

  private void parameter(JsonNode n, String at) {
    if (!check(n, at, "parameter")) return;
    schema(n.get("schema"), at + "/schema");
    content(n.get("content"), at + "/content");
  }

  private void header(JsonNode n, String at) {
    if (!check(n, at, "header")) return;
    schema(n.get("schema"), at + "/schema");
    content(n.get("content"), at + "/content");
  }

  private void requestBody(JsonNode n, String at) {
    if (check(n, at, "requestBody")) content(n.get("content"), at + "/content");
  }

  private void response(JsonNode n, String at) {
    if (!check(n, at, "response")) return;
    fields(n.get("headers"), at + "/headers", this::header);
    content(n.get("content"), at + "/content");
  }

  private void content(JsonNode n, String at) {
    fields(n, at, (m, mAt) -> {
      if (check(m, mAt, "mediaType")) schema(m.get("schema"), mAt + "/schema");
    });
  }

  private void schema(JsonNode n, String at) {
    if (!check(n, at, "schema")) return;
    for (String k : SCHEMA_MAPS) fields(n.get(k), at + "/" + k, this::schema);
    for (String k : SCHEMA_ONE) schema(n.get(k), at + "/" + k);
    for (String k : SCHEMA_LISTS) each(n.get(k), at + "/" + k, this::schema);
  }

  private interface Visit {
    void at(JsonNode n, String pointer);
  }

  private static void fields(JsonNode n, String at, Visit v) {
    if (n == null || !n.isObject()) return;
    n.fields().forEachRemaining(e -> v.at(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
  }

  private static void each(JsonNode n, String at, Visit v) {
    if (n == null || !n.isArray()) return;
    for (int i = 0; i < n.size(); i++) v.at(n.get(i), at + "/" + i);
  }
}
