package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema editors read: draft 2020-12, closed objects, a description on every property. */
class SchemaFileTest {
  private final JsonNode schema;

  SchemaFileTest() throws IOException {
    schema = new ObjectMapper().readTree(Path.of("schema/roleform.schema.json").toFile());
  }

  @Test
  void isDraft202012WithAnId() {
    assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("$id").asText()).startsWith("https://");
  }

  @Test
  void everyObjectIsClosedAndEveryPropertyDescribed() {
    walk(schema, "#");
  }

  private void walk(JsonNode node, String where) {
    if (!node.isObject()) return;
    if (node.has("properties")) {
      assertThat(node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean())
          .as(where + " has additionalProperties: false").isTrue();
      for (Map.Entry<String, JsonNode> p : node.get("properties").properties()) {
        assertThat(p.getValue().path("description").asText()).as(where + "/" + p.getKey()).isNotBlank();
      }
    }
    for (Map.Entry<String, JsonNode> child : node.properties()) walk(child.getValue(), where + "/" + child.getKey());
  }

  @Test
  void theCopyInTheJarIsTheSameFile() throws IOException {
    try (var in = getClass().getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
      assertThat(new ObjectMapper().readTree(in)).isEqualTo(schema);
    }
  }
}
