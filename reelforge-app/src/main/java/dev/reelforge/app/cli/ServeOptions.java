package dev.reelforge.app.cli;

import java.util.ArrayList;
import java.util.List;

/** Translates the short options of {@code serve} into the settings they stand for. */
final class ServeOptions {

  private ServeOptions() {}

  static List<String> toSpringArguments(List<String> options) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      switch (option) {
        case "--port" -> result.add("--reelforge.server.port=" + value(options, ++i, option));
        case "--host" -> result.add("--reelforge.server.host=" + value(options, ++i, option));
        case "--roles" -> result.add("--reelforge.node.roles=" + value(options, ++i, option));
        default -> {
          if (option.startsWith("--port=")) {
            result.add("--reelforge.server.port=" + option.substring("--port=".length()));
          } else if (option.startsWith("--host=")) {
            result.add("--reelforge.server.host=" + option.substring("--host=".length()));
          } else if (option.startsWith("--roles=")) {
            result.add("--reelforge.node.roles=" + option.substring("--roles=".length()));
          } else if (option.startsWith("--") && option.contains("=")) {
            result.add(option);
          } else {
            throw new IllegalArgumentException("unknown option '" + option + "' for serve");
          }
        }
      }
    }
    return result;
  }

  private static String value(List<String> options, int index, String option) {
    if (index >= options.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return options.get(index);
  }
}
