package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RenderSettingsTest {

  @Test
  void aRelativeWorkFolderIsMadeAbsoluteBecauseFfmpegListFilesLiveElsewhere() {
    RenderSettings settings = RenderSettings.in(Path.of("./data/render"));
    assertThat(settings.workDir().isAbsolute()).isTrue();
    assertThat(settings.workDir()).isEqualTo(Path.of("data/render").toAbsolutePath());
  }
}
