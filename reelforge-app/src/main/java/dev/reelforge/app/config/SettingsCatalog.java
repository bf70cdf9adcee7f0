package dev.reelforge.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
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
    this.trees = List.copyOf(trees);
    this.settings = List.copyOf(settings);
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
    JsonNode metadata = read(ownMetadata());
    List<Tree> trees = new ArrayList<>();
    for (JsonNode group : metadata.path("groups")) {
      String name = group.path("name").asString("");
      // Nested groups (reelforge.database.embedded) come with the getter that reaches them.
      if (name.startsWith("reelforge.") && group.path("sourceMethod").isMissingNode()) {
        trees.add(new Tree(name, load(group.path("type").asString())));
      }
    }
    trees.sort(Comparator.comparing(Tree::prefix));
    List<Setting> settings = new ArrayList<>();
    for (JsonNode property : metadata.path("properties")) {
      String name = property.path("name").asString("");
      if (name.startsWith("reelforge.")) {
        settings.add(
            new Setting(name, spellings(name, acceptsSubKeys(property.path("type").asString("")))));
      }
    }
    if (trees.isEmpty() || settings.isEmpty()) {
      throw new IllegalStateException(METADATA + " lists no reelforge settings");
    }
    return new SettingsCatalog(trees, settings);
  }

  /**
   * The metadata of the module that holds this class (the app), not that of a library on the class
   * path: every jar of Spring Boot carries a file of the same name.
   */
  private static URL ownMetadata() {
    String self = String.valueOf(SettingsCatalog.class.getResource("SettingsCatalog.class"));
    String root =
        self.substring(0, self.length() - (SettingsCatalog.class.getName() + ".class").length());
    try {
      Enumeration<URL> found = SettingsCatalog.class.getClassLoader().getResources(METADATA);
      while (found.hasMoreElements()) {
        URL url = found.nextElement();
        if (url.toString().equals(root + METADATA)) {
          return url;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "no "
            + METADATA
            + " beside the settings classes in "
            + root
            + "; the build generates it with spring-boot-configuration-processor");
  }

  private static JsonNode read(URL url) {
    try (InputStream in = url.openStream()) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
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
