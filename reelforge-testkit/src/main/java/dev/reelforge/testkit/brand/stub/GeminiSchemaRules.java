package dev.reelforge.testkit.brand.stub;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Gemini's {@code responseSchema}, a subset of the OpenAPI 3.0 Schema object, checked as the API
 * checks it: only the fields of its {@code Schema} message (an unknown one such as {@code
 * additionalProperties} is "Invalid JSON payload received. Unknown name …"), a {@code type} from
 * its {@code Type} enum (either case), {@code items} for arrays, non-empty {@code properties} for
 * objects, and {@code required} and {@code propertyOrdering} naming defined properties only.
 */
final class GeminiSchemaRules {

  /** The fields of the Gemini API's {@code Schema} message, in both JSON spellings. */
  private static final Set<String> FIELDS =
      Set.of(
          "type",
          "format",
          "title",
          "description",
          "nullable",
          "enum",
          "maxItems",
          "max_items",
          "minItems",
          "min_items",
          "properties",
          "required",
          "minProperties",
          "min_properties",
          "maxProperties",
          "max_properties",
          "minLength",
          "min_length",
          "maxLength",
          "max_length",
          "pattern",
          "example",
          "anyOf",
          "any_of",
          "propertyOrdering",
          "property_ordering",
          "default",
          "items",
          "minimum",
          "maximum");

  private static final Set<String> TYPES =
      Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL");

  private GeminiSchemaRules() {}

  /** What is wrong with {@code schema}, in Google's words, or empty when it is valid. */
  static Optional<String> problem(JsonNode schema) {
    return problem(schema, "generation_config.response_schema");
  }

  private static Optional<String> problem(JsonNode schema, String at) {
    if (!schema.isObject()) {
      return Optional.of("Invalid value at '" + at + "': a Schema object is expected.");
    }
    for (String field : schema.propertyNames()) {
      if (!FIELDS.contains(field)) {
        return Optional.of(
            "Invalid JSON payload received. Unknown name \""
                + field
                + "\" at '"
                + at
                + "': Cannot find field.");
      }
    }
    String type = schema.path("type").asString("").toUpperCase(Locale.ROOT);
    if (!schema.has("anyOf") && !TYPES.contains(type)) {
      return Optional.of(
          "Invalid value at '"
              + at
              + ".type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), \""
              + schema.path("type").asString("")
              + "\"");
    }
    if (type.equals("ARRAY")) {
      if (!schema.has("items")) {
        return Optional.of("* GenerateContentRequest." + at + ".items: missing field.");
      }
      Optional<String> items = problem(schema.path("items"), at + ".items");
      if (items.isPresent()) {
        return items;
      }
    }
    if (type.equals("OBJECT")) {
      JsonNode properties = schema.path("properties");
      if (!properties.isObject() || properties.isEmpty()) {
        return Optional.of(
            "* GenerateContentRequest." + at + ".properties: should be non-empty for OBJECT type");
      }
      for (String list : new String[] {"required", "propertyOrdering"}) {
        JsonNode names = schema.path(list);
        for (int i = 0; i < names.size(); i++) {
          if (!properties.has(names.path(i).asString(""))) {
            return Optional.of(
                "* GenerateContentRequest."
                    + at
                    + "."
                    + list
                    + "["
                    + i
                    + "]: property is not defined");
          }
        }
      }
      for (String name : properties.propertyNames()) {
        Optional<String> nested =
            problem(properties.path(name), at + ".properties[" + name + "].value");
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }
}
