package dev.reelforge.testkit.brand.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's structured outputs with {@code strict: true}, checked as the API checks a schema before
 * answering: a name of at most 64 letters, digits, dashes and underscores, an object at the root,
 * and on every object {@code additionalProperties: false} and {@code required} listing every
 * property. The messages are OpenAI's ("Invalid schema for response_format 'x': In
 * context=('properties', 'scores'), 'additionalProperties' is required to be supplied and to be
 * false.").
 */
final class OpenAiSchemaRules {

  private OpenAiSchemaRules() {}

  /** What is wrong with a strict {@code json_schema}, or empty when it is valid. */
  static Optional<String> problem(String name, JsonNode schema) {
    if (name == null || !name.matches("[a-zA-Z0-9_-]{1,64}")) {
      return Optional.of(
          "Invalid 'response_format.json_schema.name': string does not match pattern."
              + " Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.");
    }
    String prefix = "Invalid schema for response_format '" + name + "': ";
    if (schema == null || !schema.isObject()) {
      return Optional.of(prefix + "schema must be a JSON Schema object.");
    }
    if (!"object".equals(schema.path("type").asString(""))) {
      return Optional.of(
          prefix
              + "schema must be a JSON Schema of 'type: \"object\"', got 'type: \""
              + schema.path("type").asString("")
              + "\"'.");
    }
    return node(schema, new ArrayList<>()).map(why -> prefix + why);
  }

  private static Optional<String> node(JsonNode schema, List<String> context) {
    if (schema.path("properties").isObject() || "object".equals(schema.path("type").asString(""))) {
      String where = "In context=(" + String.join(", ", context) + "), ";
      if (!schema.path("additionalProperties").isBoolean()
          || schema.path("additionalProperties").asBoolean()) {
        return Optional.of(
            where + "'additionalProperties' is required to be supplied and to be false.");
      }
      Set<String> keys = new TreeSet<>(schema.path("properties").propertyNames());
      Set<String> required = new TreeSet<>();
      schema.path("required").forEach(r -> required.add(r.asString("")));
      for (String key : keys) {
        if (!required.contains(key)) {
          return Optional.of(
              where
                  + "'required' is required to be supplied and to be an array including every"
                  + " key in properties. Missing '"
                  + key
                  + "'.");
        }
      }
      for (String key : required) {
        if (!keys.contains(key)) {
          return Optional.of(where + "Extra required key '" + key + "' supplied.");
        }
      }
      for (String key : keys) {
        List<String> inner = new ArrayList<>(context);
        inner.add("'properties'");
        inner.add("'" + key + "'");
        Optional<String> nested = node(schema.path("properties").path(key), inner);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    if (schema.has("items")) {
      List<String> inner = new ArrayList<>(context);
      inner.add("'items'");
      return node(schema.path("items"), inner);
    }
    return Optional.empty();
  }
}
