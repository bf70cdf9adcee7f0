package dev.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.config.DataDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

class TestDataFoldersTest {

  /** The folder is set before any test runs, so only auto-detection can have set it. */
  @Test
  void everyDataFolderOfTheApplicationIsOutsideTheModuleFolder() {
    Path module = Path.of("").toAbsolutePath();
    String value = System.getProperty(TestDataFolders.SETTING);
    assertThat(value).isNotNull();
    assertThat(Path.of(value)).isAbsolute();
    assertThat(Path.of(value).startsWith(module)).as(value).isFalse();

    // As an application reads them (system properties included): every folder follows.
    StandardEnvironment environment = new StandardEnvironment();
    DataDirectory.apply(environment);
    Binder binder = Binder.get(environment);
    assertThat(DataDirectory.FOLDERS).hasSize(6);
    for (String setting : DataDirectory.FOLDERS.keySet()) {
      Path folder = Path.of(binder.bind(setting, String.class).get());
      assertThat(folder.startsWith(Path.of(value))).as(setting + " = " + folder).isTrue();
    }
  }
}
