package io.roleform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * schema/portal-api.yaml as a test oracle: finds the documented response for (method, path,
 * status) and validates a real response against it — its body against the referenced JSON
 * Schema, and the presence of every required header.
 */
final class OpenApiContract {
  static final OpenApiContract SPEC = load();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode doc;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode doc) {
    this.doc = doc;
  }

  private static OpenApiContract load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/schema/portal-api.yaml")) {
      if (in == null) {
        throw new IllegalStateException("schema/portal-api.yaml is not on the class path");
      }
      return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode doc() {
    return doc;
  }

  /** Every documented operation as {@code "METHOD /api/v1/template"}. */
  Set<String> operations() {
    Set<String> ops = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
        String method = m.next();
        if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
          ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return ops;
  }

  /** The documented template matching a concrete path; literal templates win. */
  Optional<String> template(String path) {
    String best = null;
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      String regex = t.replaceAll("\\{[^/]+}", "[^/]+");
      if (path.matches(regex) && (best == null || !t.contains("{"))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Violations of the contract by this response (empty = conforms). */
  List<String> check(String method, String path, int status, HttpHeaders headers, String body) {
    List<String> problems = new ArrayList<>();
    Optional<String> template = template(path);
    String contentType = headers.firstValue("Content-Type").orElse("");
    if (headers.firstValue("State-Version").isEmpty()) {
      problems.add("no State-Version header");
    }
    if (template.isEmpty()) {
      if (status != 404) {
        problems.add("undocumented path " + path + " answered " + status);
      }
      problems.addAll(validateBody("Problem", contentType, "application/problem+json", body));
      return problems;
    }
    JsonNode op = doc.get("paths").get(template.get()).get(method.toLowerCase(Locale.ROOT));
    if (op == null) {
      if (status != 405) {
        problems.add(method + " " + template.get() + " is undocumented but answered " + status);
      }
      problems.addAll(validateBody("Problem", contentType, "application/problem+json", body));
      return problems;
    }
    JsonNode responses = op.get("responses");
    JsonNode response = responses.get(Integer.toString(status));
    if (response == null) {
      if (status < 400 || responses.get("default") == null) {
        problems.add(method + " " + template.get() + " does not document status " + status);
        return problems;
      }
      response = responses.get("default");
    }
    response = deref(response);
    JsonNode declared = response.get("headers");
    if (declared != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        if (deref(h.getValue()).path("required").asBoolean(false) && headers.firstValue(h.getKey()).isEmpty()) {
          problems.add("missing required header " + h.getKey());
        }
      }
    }
    JsonNode content = response.get("content");
    if (content == null) {
      if (body != null && !body.isEmpty()) {
        problems.add("status " + status + " documents no body but got one: " + body);
      }
      return problems;
    }
    String mediaType = content.fieldNames().next();
    String ref = content.get(mediaType).get("schema").get("$ref").asText();
    problems.addAll(validateBody(ref.substring(ref.lastIndexOf('/') + 1), contentType, mediaType, body));
    return problems;
  }

  /** Violations of {@code #/components/schemas/NAME} by a JSON document. */
  List<String> validate(String schemaName, JsonNode value) {
    Schema schema = schemas.computeIfAbsent(schemaName, this::schema);
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(value)) {
      out.add(schemaName + ": " + e);
    }
    return out;
  }

  private List<String> validateBody(String schemaName, String contentType, String mediaType, String body) {
    List<String> problems = new ArrayList<>();
    if (!contentType.startsWith(mediaType)) {
      problems.add("Content-Type " + contentType + " is not " + mediaType);
    }
    try {
      problems.addAll(validate(schemaName, JSON.readTree(body == null ? "" : body)));
    } catch (IOException e) {
      problems.add("body is not JSON: " + body);
    }
    return problems;
  }

  private Schema schema(String name) {
    if (!doc.get("components").get("schemas").has(name)) {
      throw new IllegalArgumentException("no schema " + name);
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + name);
    root.set("components", doc.get("components"));
    return registry.getSchema(root);
  }

  private JsonNode deref(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      current = doc.at(ref.substring(1));
    }
    return current;
  }
}
