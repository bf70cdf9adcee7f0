package dev.reelforge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.database.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code reelforge.data-dir} moves every folder the embedded default writes. */
class DataDirectoryTest {

  private static final Path DATA = Path.of("/srv/reelforge-data");

  @Test
  void theDataFolderAloneMovesTheDatabaseTheRenderCacheAndTheStores() {
    Folders folders = folders(settings(Map.of("reelforge.data-dir", DATA.toString())));

    assertThat(folders.database()).isEqualTo(DATA.resolve("postgres"));
    assertThat(folders.render()).isEqualTo(DATA.resolve("render"));
    assertThat(folders.blobs()).isEqualTo(DATA.resolve("blobs"));
    assertThat(folders.work()).isEqualTo(DATA.resolve("work"));
  }

  @Test
  void theEnvironmentVariableIsReadInBothSpellings() {
    for (String variable : new String[] {"REELFORGE_DATA_DIR", "REELFORGE_DATADIR"}) {
      StandardEnvironment environment = isolated();
      environment
          .getPropertySources()
          .addFirst(
              new SystemEnvironmentPropertySource(
                  StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                  Map.of(variable, DATA.toString())));
      DataDirectory.apply(environment);
      assertThat(folders(environment).database()).as(variable).isEqualTo(DATA.resolve("postgres"));
      assertThat(SettingsValidator.unknownSettings(environment)).as(variable).isEmpty();
    }
  }

  @Test
  void aFolderSetItselfWinsOverTheDataFolder() {
    Folders folders =
        folders(
            settings(
                Map.of(
                    "reelforge.data-dir",
                    DATA.toString(),
                    "reelforge.storage.local-root",
                    "/mnt/videos")));

    assertThat(folders.blobs()).isEqualTo(Path.of("/mnt/videos"));
    assertThat(folders.database()).isEqualTo(DATA.resolve("postgres"));
    assertThat(folders.render()).isEqualTo(DATA.resolve("render"));
  }

  @Test
  void withoutADataFolderTheDefaultsAreTheFoldersOfData() {
    Folders folders = folders(settings(Map.of()));

    Path data = Path.of(DataDirectory.DEFAULT);
    assertThat(folders.database()).isEqualTo(data.resolve("postgres"));
    assertThat(folders.render()).isEqualTo(data.resolve("render"));
    assertThat(folders.blobs()).isEqualTo(data.resolve("blobs"));
    assertThat(folders.work()).isEqualTo(data.resolve("work"));
  }

  @Test
  void everyStartOfTheApplicationReadsIt() {
    SpringApplication application = new SpringApplication(NothingToStart.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.addListeners(new SettingsValidator());
    try (ConfigurableApplicationContext context =
        application.run("--reelforge.data-dir=" + DATA, "--logging.level.root=OFF")) {
      Folders folders = folders(context.getEnvironment());
      assertThat(folders.database()).isEqualTo(DATA.resolve("postgres"));
      assertThat(folders.render()).isEqualTo(DATA.resolve("render"));
      assertThat(folders.blobs()).isEqualTo(DATA.resolve("blobs"));
      assertThat(SettingsValidator.unknownSettings(context.getEnvironment())).isEmpty();
    }
  }

  private record Folders(Path database, Path render, Path blobs, Path work) {}

  /** The folders as the settings classes bind them. */
  private static Folders folders(ConfigurableEnvironment environment) {
    Binder binder = Binder.get(environment);
    DatabaseSettings database = binder.bindOrCreate("reelforge.database", DatabaseSettings.class);
    MediaSettings media = binder.bindOrCreate("reelforge.media", MediaSettings.class);
    StorageSettings storage = binder.bindOrCreate("reelforge.storage", StorageSettings.class);
    return new Folders(
        database.getEmbedded().getDataDir(),
        media.getRenderWorkDir(),
        storage.getLocalRoot(),
        storage.getWorkRoot());
  }

  private static StandardEnvironment settings(Map<String, Object> properties) {
    StandardEnvironment environment = isolated();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    DataDirectory.apply(environment);
    return environment;
  }

  /**
   * An environment without this process's system properties and variables: the test run sets the
   * data folder as a system property (TestDataFolders).
   */
  private static StandardEnvironment isolated() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    return environment;
  }

  @Configuration(proxyBeanMethods = false)
  static class NothingToStart {}
}
