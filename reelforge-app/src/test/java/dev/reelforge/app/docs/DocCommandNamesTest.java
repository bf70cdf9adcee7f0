package dev.reelforge.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands the docs name in passing ({@code `./reelforge user add NAME`}) are not run, but
 * their names are checked against the command line's own help: the command (from {@code reelforge
 * help}), its subcommand (user add, list…, from the usage lines of {@code reelforge COMMAND
 * --help}) and every option (from that help) must exist. {@code COMMAND}, in capitals, stands for
 * any. A renamed command or option then fails here instead of leaving a reader with "unknown
 * command".
 */
class DocCommandNamesTest {

  private static final Pattern INLINE = Pattern.compile("`\\./reelforge ([^`]*)`");
  private static final Pattern COMMAND = Pattern.compile("^  ([a-z]+)\\s{2,}.*");

  /** A usage line naming a subcommand: {@code usage: reelforge user add NAME}. */
  private static final Pattern SUBCOMMAND =
      Pattern.compile("^(?:usage:)?\\s*reelforge [a-z]+ ([a-z][a-z-]*)\\b.*");

  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

  @Test
  void everyCommandAndOptionNamedInTheDocsExists() throws IOException {
    Map<String, String> sections = usageSections();
    assertThat(sections).containsKeys("make", "serve", "user");
    Path root = DocExamplesTest.repositoryRoot();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path file : DocExamplesTest.documents(root)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher inline = INLINE.matcher(lines.get(i));
        while (inline.find()) {
          checked++;
          String where =
              root.relativize(file) + ":" + (i + 1) + ": `./reelforge " + inline.group(1) + "`";
          wrong.addAll(problems(where, inline.group(1).split("\\s+"), sections));
        }
      }
    }
    assertThat(checked).as("inline commands found").isGreaterThan(10);
    assertThat(wrong).as("commands the docs name that the command line does not have").isEmpty();
  }

  private static List<String> problems(String where, String[] words, Map<String, String> sections) {
    List<String> found = new ArrayList<>();
    String command = words[0];
    if (command.equals("COMMAND")) {
      return found;
    }
    String section = sections.get(command);
    if (section == null) {
      found.add(where + ": no command '" + command + "' (there are " + sections.keySet() + ")");
      return found;
    }
    List<String> subcommands = new ArrayList<>();
    for (String line : section.lines().toList()) {
      Matcher sub = SUBCOMMAND.matcher(line);
      if (sub.matches()) {
        subcommands.add(sub.group(1));
      }
    }
    if (!subcommands.isEmpty()
        && words.length > 1
        && words[1].matches("[a-z][a-z-]*")
        && !subcommands.contains(words[1])) {
      found.add(
          where + ": '" + command + "' has no '" + words[1] + "' (it has " + subcommands + ")");
    }
    for (String word : words) {
      Matcher option = OPTION.matcher(word);
      if (option.lookingAt()
          && !word.startsWith("--reelforge.")
          && !List.of("--help", "--stacktrace", "--debug").contains(option.group())
          && !section.contains(option.group())) {
        found.add(where + ": '" + command + "' has no option " + option.group());
      }
    }
    return found;
  }

  /** The help of each command {@code reelforge help} lists, by the command's name. */
  private static Map<String, String> usageSections() {
    Map<String, String> sections = new LinkedHashMap<>();
    for (String line : help("help").lines().toList()) {
      Matcher command = COMMAND.matcher(line);
      if (command.matches()) {
        sections.put(command.group(1), help(command.group(1), "--help"));
      }
    }
    // 'help' prints the list of commands, which does not name itself.
    sections.put("help", "");
    return sections;
  }

  private static String help(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(new Cli(print, print).run(args)).as(String.join(" ", args)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
