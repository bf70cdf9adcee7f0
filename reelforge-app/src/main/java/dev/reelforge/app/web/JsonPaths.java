package dev.reelforge.app.web;

import java.util.List;
import tools.jackson.databind.DatabindException;

/**
 * Turns a Jackson reference path into the field path a client wrote, e.g. {@code beats[2].text}.
 */
final class JsonPaths {
  private JsonPaths() {}

  static String describe(List<DatabindException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (DatabindException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
