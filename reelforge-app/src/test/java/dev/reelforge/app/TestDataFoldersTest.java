package dev.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestDataFoldersTest {

  /** The folders are set before any test runs, so only auto-detection can have set them. */
  @Test
  void everyDataFolderOfTheApplicationIsOutsideTheModuleFolder() {
    Path module = Path.of("").toAbsolutePath();
    assertThat(TestDataFolders.FOLDERS).hasSize(4);
    TestDataFolders.FOLDERS.forEach(
        (setting, folder) -> {
          String value = System.getProperty(setting);
          assertThat(value).as(setting).isNotNull();
          assertThat(Path.of(value)).as(setting).isAbsolute();
          assertThat(Path.of(value).startsWith(module)).as(setting + " = " + value).isFalse();
        });
  }
}
