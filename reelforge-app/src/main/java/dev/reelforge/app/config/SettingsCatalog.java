package dev.reelforge.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings trees of ReelForge and every setting in them, read from the configuration metadata
 * that the build generates from the {@code @ConfigurationProperties} classes (the file that
 * docs/configuration.md is generated from, too). Deriving the trees instead of listing them means
 * that a new tree is validated, and its settings are known, without anyone remembering to register
 * it; and this package needs no compile-time reference to the features that own the trees.
 */
final class SettingsCatalog {

  static final String METADATA = "META-INF/spring-configuration-metadata.json";

  /** A settings tree: a class bound to everything under {@code prefix}. */
  record Tree(String prefix, Class<?> type) {}

  /** A known setting, matched in every spelling Spring's relaxed binding accepts. */
  private record Setting(String name, Pattern spellings) {}

  private static final class Holder {
    private static final SettingsCatalog INSTANCE = load();
  }

  private final List<Tree> trees;
  private final List<Setting> settings;

  private SettingsCatalog(List<Tree> trees, List<Setting> settings) {
    this.trees = trees;
    this.settings = settings;
  }

  /** The catalog of this build, read once. */
  static SettingsCatalog get() {
    return Holder.INSTANCE;
  }

  /** Every {@code reelforge.*} settings tree, by prefix. */
  List<Tree> trees() {
    return trees;
  }

  /**
   * Whether {@code name} (as {@code ConfigurationPropertyName} prints it: lower case, dots between
   * elements) is read by some settings tree.
   */
  boolean isKnown(String name) {
    String candidate = name.toLowerCase(Locale.ROOT);
    return settings.stream().anyMatch(s -> s.spellings().matcher(candidate).matches());
  }

  private static SettingsCatalog load() {
    Map<String, Tree> trees = new TreeMap<>();
    Map<String, Setting> settings = new TreeMap<>();
    for (JsonNode metadata : ownMetadata()) {
      for (JsonNode group : metadata.path("groups")) {
        String name = group.path("name").asString("");
        // Nested groups (reelforge.database.embedded) come with the getter that reaches them.
        if (name.startsWith("reelforge.") && group.path("sourceMethod").isMissingNode()) {
          trees.put(name, new Tree(name, load(group.path("type").asString())));
        }
      }
      for (JsonNode property : metadata.path("properties")) {
        String name = property.path("name").asString("");
        if (name.startsWith("reelforge.")) {
          boolean subKeys = acceptsSubKeys(property.path("type").asString(""));
          settings.put(name, new Setting(name, spellings(name, subKeys)));
        }
      }
    }
    if (trees.isEmpty() || settings.isEmpty()) {
      throw new IllegalStateException(
          "no reelforge settings in any "
              + METADATA
              + " on the class path; the build generates it with"
              + " spring-boot-configuration-processor");
    }
    return new SettingsCatalog(List.copyOf(trees.values()), List.copyOf(settings.values()));
  }

  /**
   * The metadata files that describe ReelForge settings. Every Spring Boot jar carries a file of
   * the same name, and where ours lies depends on the packaging (the executable jar moves it out of
   * the classes folder), so all are read and only ours, a few of about twenty, are parsed.
   */
  private static List<JsonNode> ownMetadata() {
    List<JsonNode> found = new ArrayList<>();
    try {
      Enumeration<URL> files = SettingsCatalog.class.getClassLoader().getResources(METADATA);
      while (files.hasMoreElements()) {
        URL url = files.nextElement();
        String text;
        try (InputStream in = url.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.contains("\"reelforge.")) {
          found.add(JsonMapper.builder().build().readTree(text));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + METADATA, e);
    }
    return found;
  }

  private static Class<?> load(String type) {
    try {
      return Class.forName(type, false, SettingsCatalog.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(METADATA + " names a missing settings class " + type, e);
    }
  }

  /**
   * The names {@code setting} is bound from. A dash in the canonical name may be written as is,
   * left out ({@code REELFORGE_LIMITS_RENDERDAILY} reads as {@code reelforge.limits.renderdaily})
   * or written as a separator ({@code REELFORGE_STORAGE_S3_ACCESS_KEY} reads as {@code
   * reelforge.storage.s3.access.key}); collections and maps also take their keys and indexes.
   */
  private static Pattern spellings(String setting, boolean subKeys) {
    StringBuilder regex = new StringBuilder();
    for (String word : setting.split("-", -1)) {
      if (!regex.isEmpty()) {
        regex.append("[-.]?");
      }
      regex.append(Pattern.quote(word));
    }
    if (subKeys) {
      regex.append("(?:[.\\[].*)?");
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Whether a setting of {@code type} has settings below it that the metadata does not list: the
   * keys of a map, the indexes of a list, or the fields of a value the processor did not descend
   * into. Plain values (text, numbers, durations, paths, sizes, enums) have none.
   */
  private static boolean acceptsSubKeys(String type) {
    if (type.startsWith("java.util.") || type.endsWith("[]")) {
      return true;
    }
    if (type.startsWith("java.") || type.startsWith("org.springframework.util.unit.")) {
      return false;
    }
    try {
      return !Class.forName(type, false, SettingsCatalog.class.getClassLoader()).isEnum();
    } catch (ClassNotFoundException e) {
      return true;
    }
  }
}
