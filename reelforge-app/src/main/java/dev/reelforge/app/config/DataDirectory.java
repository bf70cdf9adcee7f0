package dev.reelforge.app.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One setting, {@value #SETTING} ({@code REELFORGE_DATA_DIR}, {@code --data DIR}), moves everything
 * the embedded default writes: the folder settings of {@link #FOLDERS} default to folders inside
 * it. Each of them still wins when it is set itself, because the derived values are added as the
 * environment's last source, below every file, variable and argument.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so that every start of the application (the
 * server, the CLI's commands, tests) reads the data folder the same way, after the configuration
 * files are loaded and before {@link SettingsValidator} checks the result.
 */
public final class DataDirectory implements EnvironmentPostProcessor, Ordered {

  /** The setting; its default is {@value #DEFAULT}, where the folder settings' defaults lie. */
  public static final String SETTING = "reelforge.data-dir";

  public static final String DEFAULT = "./data";

  /** The settings that follow the data folder, and the folder each gets inside it. */
  public static final Map<String, String> FOLDERS = folders();

  static final String SOURCE = "reelforge-data-dir";

  @Override
  public int getOrder() {
    // After ConfigDataEnvironmentPostProcessor: reelforge.yml may set the data folder too.
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    apply(environment);
  }

  /** Adds the folder defaults under the data folder set in {@code environment}, if one is. */
  public static void apply(ConfigurableEnvironment environment) {
    String dir = Binder.get(environment).bind(SETTING, String.class).map(String::strip).orElse("");
    if (dir.isEmpty()) {
      // The folder settings' own defaults are the folders of ./data.
      return;
    }
    Path dataDir = Path.of(dir);
    Map<String, Object> derived = new LinkedHashMap<>();
    FOLDERS.forEach((setting, folder) -> derived.put(setting, dataDir.resolve(folder).toString()));
    environment.getPropertySources().remove(SOURCE);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
  }

  private static Map<String, String> folders() {
    Map<String, String> folders = new LinkedHashMap<>();
    folders.put("reelforge.database.embedded.data-dir", "postgres");
    folders.put("reelforge.media.render-work-dir", "render");
    folders.put("reelforge.storage.local-root", "blobs");
    folders.put("reelforge.storage.work-root", "work");
    folders.put("reelforge.publish.folder", "published");
    folders.put("reelforge.uploads.staging-dir", "uploads");
    return Collections.unmodifiableMap(folders);
  }
}
