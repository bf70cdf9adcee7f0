package dev.reelforge.app.cli;

import dev.reelforge.app.config.DataDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --data DIR}, which every command that keeps data takes: the setting {@value
 * DataDirectory#SETTING} that the database, render cache and stored files default to folders of.
 */
final class DataOption {

  private DataOption() {}

  /**
   * {@code args} with {@code --data DIR} (or {@code --data=DIR}) written as the setting.
   *
   * @throws IllegalArgumentException when the folder is missing
   */
  static List<String> toSetting(List<String> args) {
    List<String> result = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String folder;
      if (arg.equals("--data")) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new IllegalArgumentException("--data needs a folder");
        }
        folder = args.get(++i);
      } else if (arg.startsWith("--data=")) {
        folder = arg.substring("--data=".length());
      } else {
        result.add(arg);
        continue;
      }
      if (folder.isBlank()) {
        throw new IllegalArgumentException("--data needs a folder");
      }
      result.add("--" + DataDirectory.SETTING + "=" + folder);
    }
    return result;
  }
}
