package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a document against {@code schema/roleform.schema.json} (draft 2020-12, shipped in the jar)
 * and turns each violation into a {@link Diagnostic} at the line and column of the value (or key)
 * at fault, with a message written for people rather than the validator's own wording.
 */
final class SchemaCheck {
  static final String RESOURCE = "schema/roleform.schema.json";

  private final JsonNode schemaJson;
  private final Schema schema;
  private final ListFastPath fastPath;

  private SchemaCheck() {
    try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      schemaJson = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = schemaJson.path("$id").asText();
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of(id), schemaJson);
    fastPath = ListFastPath.of(schemaJson);
  }

  private static final class Holder {
    static final SchemaCheck INSTANCE = new SchemaCheck();
  }

  /** The shared, thread-safe instance (the schema is compiled once). */
  static SchemaCheck instance() {
    return Holder.INSTANCE;
  }

  /** The schema's property names of the object schema at a JSON pointer into the schema. */
  List<String> knownKeys(List<String> schemaPath) {
    JsonNode n = schemaJson;
    for (String step : schemaPath) n = n.path(step);
    List<String> names = new ArrayList<>();
    n.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Adds one problem per schema violation of {@code doc} to {@code problems}: the full validation's
   * problems, reached through {@link ListFastPath} for the big lists of a role.
   */
  void check(ParsedDocument doc, List<Diagnostic> problems) {
    check(doc, problems, true);
  }

  /** {@link #check(ParsedDocument, List)}, with the fast path or with the validator alone. */
  void check(ParsedDocument doc, List<Diagnostic> problems, boolean fast) {
    List<Error> errors = schema.validate(fast ? fastPath.strip(doc.root()) : doc.root());
    // A value of the wrong type gets one message: the type's, not also its enum's or pattern's.
    java.util.Set<String> wrongType = new java.util.HashSet<>();
    for (Error e : errors) {
      if ("type".equals(e.getKeyword())) wrongType.add(pointer(e.getInstanceLocation()));
    }
    for (Error e : errors) {
      String pointer = pointer(e.getInstanceLocation());
      if (doc.faulty().contains(pointer)) continue;
      if (wrongType.contains(pointer) && !"type".equals(e.getKeyword())) continue;
      Diagnostic d = SchemaMessages.describe(this, doc, pointer, e, schemaPath(e));
      if (d != null) problems.add(d);
    }
  }

  private static List<String> schemaPath(Error e) {
    NodePath f = e.getSchemaLocation() == null ? null : e.getSchemaLocation().getFragment();
    List<String> steps = new ArrayList<>();
    if (f == null) return steps;
    for (int i = 0; i < f.getNameCount(); i++) steps.add(String.valueOf(f.getElement(i)));
    return steps;
  }

  static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(ParsedDocument.escape(String.valueOf(path.getElement(i))));
    }
    return sb.toString();
  }
}
