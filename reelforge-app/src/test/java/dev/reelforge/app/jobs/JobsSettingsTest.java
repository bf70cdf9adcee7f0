package dev.reelforge.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.app.settings.InvalidSettingException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobsSettingsTest {

  @Test
  void withoutAQueueListEveryPoolRunsWithItsOwnQueuesAndTags() {
    JobsSettings settings = new JobsSettings();
    assertThat(settings.activePools())
        .extracting(JobsSettings.ActivePool::name)
        .containsExactlyElementsOf(settings.getPools().keySet())
        .contains("clips-ingest", "clips-analysis", "clips-export");
    assertThat(settings.activePools()).allMatch(p -> p.tags().equals(Set.of("cpu")));
  }

  @Test
  void aQueueListNarrowsThePoolsAndDropsThoseLeftWithout() {
    JobsSettings settings = new JobsSettings();
    JobsSettings.Pool mixed = new JobsSettings.Pool();
    mixed.setQueues(List.of("render", "publish"));
    settings.getPools().put("mixed", mixed);
    settings.setQueues(List.of("clips-export", "render"));
    settings.setNodeTags(List.of("gpu"));
    settings.checkTogether();

    assertThat(settings.activePools())
        .extracting(JobsSettings.ActivePool::name, JobsSettings.ActivePool::queues)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("render", Set.of("render")),
            org.assertj.core.groups.Tuple.tuple("clips-export", Set.of("clips-export")),
            org.assertj.core.groups.Tuple.tuple("mixed", Set.of("render")));
    assertThat(settings.activePools()).allMatch(p -> p.tags().equals(Set.of("cpu", "gpu")));
  }

  @Test
  void aQueueNoPoolServesStopsTheStartNamingTheSetting() {
    JobsSettings settings = new JobsSettings();
    settings.setQueues(List.of("clips-export", "clips-exprot"));
    assertThatThrownBy(settings::checkTogether)
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.jobs.queues")
        .hasMessageContaining("no pool serves 'clips-exprot'");
  }
}
