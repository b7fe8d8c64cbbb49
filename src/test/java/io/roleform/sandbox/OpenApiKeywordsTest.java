package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** schema/portal-api.yaml holds only keys OpenAPI 3.1 and JSON Schema 2020-12 define (or {@code x-}). */
class OpenApiKeywordsTest {
  @Test
  void theDocumentHasNoUnknownKey() {
    assertThat(OpenApiKeywords.unknownKeys(OpenApiContract.SPEC.doc())).isEmpty();
  }

  @Test
  void aCommaInAFlowMappingDescriptionIsFound() throws Exception {
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree("""
        openapi: 3.1.0
        info: {title: t, version: "1", x-logo: ok}
        paths:
          /a:
            get:
              summary: s
              response: {}
              responses:
                "200":
                  description: ok
                  headers:
                    H: {schema: {type: string}, descripton: typo}
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/A"}
        components:
          schemas:
            A:
              type: object
              properties:
                position: {type: integer, description: Display position; unique, gaps possible.}
                list: {type: array, items: {type: string, minLenght: 1}}
        """);

    assertThat(OpenApiKeywords.unknownKeys(doc)).containsExactlyInAnyOrder(
        "/paths/~1a/get: unknown key `response` in an operation object",
        "/paths/~1a/get/responses/200/headers/H: unknown key `descripton` in a header object",
        "/components/schemas/A/properties/position: unknown key `gaps possible.` in a schema object",
        "/components/schemas/A/properties/list/items: unknown key `minLenght` in a schema object");
  }
}
