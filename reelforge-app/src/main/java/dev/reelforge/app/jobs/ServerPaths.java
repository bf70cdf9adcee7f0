package dev.reelforge.app.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps this machine's folders out of API answers. A stage's output may name where it worked (the
 * story manifest's {@code folder}); that says nothing a caller can use and tells an attacker the
 * server's layout, so every field holding an absolute file-system path is dropped from what the API
 * shows. A path is absolute when it starts with a drive letter, or with {@code /} followed by a
 * folder that exists at this machine's root ({@code /tmp}, {@code /home}, {@code /var}…): the API's
 * own links ({@code /api/…}, {@code /ui/…}) name no such folder and stay.
 */
final class ServerPaths {

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

  private ServerPaths() {}

  /** {@code node} without the fields and array items that hold server paths (changed in place). */
  static JsonNode removed(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> paths = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isPath(field.getValue())) {
          paths.add(field.getKey());
        } else {
          removed(field.getValue());
        }
      }
      paths.forEach(object::remove);
    } else if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (isPath(array.get(i))) {
          array.remove(i);
        } else {
          removed(array.get(i));
        }
      }
    }
    return node;
  }

  private static boolean isPath(JsonNode value) {
    return value.isString() && isPath(value.asString());
  }

  static boolean isPath(String text) {
    if (text.startsWith("file:") || DRIVE.matcher(text).matches()) {
      return true;
    }
    if (!text.startsWith("/") || text.startsWith("//") || text.length() < 2) {
      return false;
    }
    int end = text.indexOf('/', 1);
    String top = end < 0 ? text.substring(1) : text.substring(1, end);
    return !top.isEmpty() && Files.isDirectory(Path.of("/", top));
  }
}
