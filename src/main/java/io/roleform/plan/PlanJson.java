package io.roleform.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.roleform.config.ConfigDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The saved plan file: a {@link Plan} as versioned JSON, and back.
 *
 * <p>Guarantees: {@link #write} is deterministic (same plan, same bytes): pretty-printed with
 * two-space indentation, {@code formatVersion} first, then every field in the order the records
 * declare them, every field present (absent values as {@code null}), ending with a newline. {@link
 * #read} accepts exactly what {@code write} produces for this {@link Plan#FORMAT_VERSION},
 * and turns anything else — not JSON, cut short, an older or a newer format, a missing,
 * unknown, duplicated or mistyped field, a list that is {@code null} or holds a {@code null} — into
 * a {@link PlanFormatException}. {@code
 * read(write(plan))} equals {@code plan}.
 *
 * <p>This is also the {@code --format json} output for machines; the access impact is its {@code
 * access} field.
 */
public final class PlanJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .addModule(configDigestAsText())
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private PlanJson() {}

  /**
   * A {@link ConfigDigest} is written as its hex text (computed then, if not yet) and read back as
   * a known digest, with the strictness of any other text field ({@code null} stays {@code null}).
   */
  private static SimpleModule configDigestAsText() {
    return new SimpleModule("config-digest")
        .addSerializer(ConfigDigest.class, new StdSerializer<>(ConfigDigest.class) {
          @Override
          public void serialize(ConfigDigest digest, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(digest.value());
          }
        })
        .addDeserializer(ConfigDigest.class, new StdDeserializer<>(ConfigDigest.class) {
          @Override
          public ConfigDigest deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return ConfigDigest.known(context.readValue(in, String.class));
          }
        });
  }

  /** The plan as pretty JSON with a stable field order, ending with a newline. */
  public static String write(Plan plan) {
    try {
      return WRITER.writeValueAsString(plan) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the plan as JSON", e);
    }
  }

  /**
   * Reads a plan written by {@link #write}.
   *
   * @throws PlanFormatException with a one-paragraph message when {@code json} is not a plan this
   *     roleform can apply
   */
  public static Plan read(String json) throws PlanFormatException {
    return fromTree(parse(json));
  }

  /**
   * The fields of a saved plan file, in their order: the plan's own (unwrapped), {@code madeFrom},
   * and {@code signature} only when not {@code null} (the empty value a signature is computed over).
   */
  record SavedFields(
      @JsonUnwrapped Plan plan,
      MadeFrom madeFrom,
      @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {}

  /**
   * Streams a saved plan file's fields to {@code out} as {@link #write} prints a plan (the same
   * pretty printer and field order, ending with a newline), serialized as written: no tree, no
   * string of the whole file. Does not close {@code out}.
   */
  static void writeSaved(SavedFields fields, OutputStream out) throws IOException {
    // Characters go through the same encoder as String.getBytes(UTF_8) (a lone surrogate from a
    // portal's text becomes '?' as it did when the file was built as one string).
    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (JsonGenerator generator = WRITER.createGenerator(text)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      WRITER.writeValue(generator, fields);
    }
    text.write('\n');
    text.flush();
  }

  /** The plan as a JSON tree (the form {@link #write} prints). */
  static com.fasterxml.jackson.databind.node.ObjectNode toTree(Object plan) {
    return MAPPER.valueToTree(plan);
  }

  /** A JSON tree as pretty JSON, the way {@link #write} prints a plan. */
  static String print(JsonNode tree) {
    try {
      return WRITER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the plan as JSON", e);
    }
  }

  /** Parses JSON strictly (duplicate keys refused), for a plan file. */
  static JsonNode parse(String json) throws PlanFormatException {
    if (json == null || json.isBlank()) throw new PlanFormatException("the file is empty.");
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException(describe(e));
    }
  }

  /** A plan from a tree {@link #parse} gave (its format version is checked). */
  static Plan fromTree(JsonNode root) throws PlanFormatException {
    checkFormatVersion(root);
    checkLists(root);
    try {
      return MAPPER.treeToValue(root, Plan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PlanFormatException(describe(e));
    }
  }

  /** A value of another type from a tree, with the same strictness. */
  static <T> T fromTree(JsonNode node, Class<T> type, String field) throws PlanFormatException {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PlanFormatException("in \"" + field + "\": " + describe(e));
    }
  }

  /**
   * Every list of the plan is a JSON array without null entries: {@link #write} never writes
   * {@code null} for one, and a hand-edited {@code "policies": null} must not read as "no policy
   * findings".
   */
  private static void checkLists(JsonNode root) throws PlanFormatException {
    for (String field : LIST_FIELDS) {
      JsonNode list = root.get(field);
      if (list == null) continue; // reported as a missing field by the mapper
      if (list.isNull()) {
        throw new PlanFormatException("the field \"" + field + "\" is null; it must be a list (write [] for none).");
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.isArray() && list.get(i).isNull()) {
          throw new PlanFormatException("\"" + field + "[" + i + "]\" is null; a list of the plan holds no null entries.");
        }
      }
    }
  }

  /** The names of the plan's fields that are lists. */
  private static final List<String> LIST_FIELDS = Arrays.stream(Plan.class.getRecordComponents())
      .filter(c -> c.getType() == List.class).map(RecordComponent::getName).toList();

  private static void checkFormatVersion(JsonNode root) throws PlanFormatException {
    if (root == null || !root.isObject()) {
      throw new PlanFormatException("it is JSON but not a roleform plan (expected an object).");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || version.isNull()) {
      throw new PlanFormatException(
          "it has no \"formatVersion\" field, so it is not a roleform plan.");
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new PlanFormatException("its \"formatVersion\" is not a whole number.");
    }
    int n = version.intValue();
    if (n > Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "this plan was made by a newer roleform (format "
              + n
              + "; this roleform reads format "
              + Plan.FORMAT_VERSION
              + " and older); upgrade roleform to apply it, or make the plan again.");
    }
    if (n < 1) {
      throw new PlanFormatException("its \"formatVersion\" " + n + " does not exist.");
    }
    if (n < Plan.FORMAT_VERSION) {
      throw new PlanFormatException("this plan was made by an older roleform (format " + n
          + "; this roleform reads format " + Plan.FORMAT_VERSION + "); make the plan again with this roleform.");
    }
  }

  private static String describe(Exception e) {
    if (e instanceof JsonEOFException eof) {
      return "it is cut short (the JSON ends unexpectedly" + at(eof.getLocation()) + ").";
    }
    if (e instanceof JsonParseException parse) {
      return "it is not valid JSON" + at(parse.getLocation()) + ": " + firstLine(parse.getOriginalMessage()) + ".";
    }
    String where = e instanceof DatabindException d ? path(d) : "";
    String field = where.isEmpty() ? "the plan" : "\"" + where + "\"";
    if (e instanceof UnrecognizedPropertyException u) {
      return "it has an unknown field " + field + ".";
    }
    if (e instanceof InvalidTypeIdException t) {
      return "it has an unknown operation type \"" + t.getTypeId() + "\" at " + field + ".";
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause() == null ? v : v.getCause();
      return "it has a missing or invalid value in " + field + " (" + firstLine(cause.getMessage()) + ").";
    }
    if (e instanceof MismatchedInputException m) {
      String message = firstLine(m.getOriginalMessage());
      if (message.startsWith("Missing") && message.contains("creator property")) {
        return "the field " + field + " is missing.";
      }
      if (message.startsWith("Duplicate field")) {
        return "it has a duplicated field in " + field + ".";
      }
      return "it has a value of the wrong type at " + field + " (" + message + ").";
    }
    return "it has an invalid value at " + field + ".";
  }

  /** The JSON path of a mapping error, as {@code operations[2].role}. */
  private static String path(DatabindException e) {
    if (!(e instanceof JsonMappingException m)) return "";
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : m.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) return "";
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) return "no detail";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
