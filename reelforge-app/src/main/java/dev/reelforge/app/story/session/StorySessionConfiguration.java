package dev.reelforge.app.story.session;

import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.app.config.StorySettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.story.session.StorySessionStore;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.frames.FfmpegFrameSampler;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.postgres.story.PostgresStorySessionStore;
import dev.reelforge.story.RenderSpeed;
import dev.reelforge.story.SessionFolders;
import dev.reelforge.story.StoryModeration;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.session.SessionAdmission;
import dev.reelforge.story.session.SessionEstimates;
import dev.reelforge.story.session.StorySessions;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The story pipeline on the job engine and the session API over PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class StorySessionConfiguration {

  @Bean
  RegisteredPipeline storyPipeline(
      ProviderRegistry providerRegistry,
      ArticleSource articleSource,
      RenderEngine renderEngine,
      RunStore runStore,
      CostRecorder providerCosts,
      SessionFolders folders,
      RenderSpeed renderSpeed,
      StoryModeration storyModeration,
      Clock clock) {
    return new StoryPipeline(
            providerRegistry,
            articleSource,
            renderEngine,
            runStore,
            CostAttribution.of(providerCosts),
            folders,
            renderSpeed,
            storyModeration,
            clock)
        .registered();
  }

  /** The moderation gate's evidence store, region toggles, default preset and clip frames. */
  @Bean
  StoryModeration storyModeration(
      EvidenceStore evidenceStore,
      ModerationSettings settings,
      ObjectProvider<FfmpegInstallation> ffmpeg) {
    return new StoryModeration(
        evidenceStore,
        settings.toggles(),
        settings.defaultChoice(),
        Optional.of(new FfmpegFrameSampler(ffmpeg::getObject)));
  }

  @Bean
  SessionEstimates sessionEstimates(RenderEngine renderEngine) {
    return new SessionEstimates(renderEngine);
  }

  @Bean
  StorySessionStore storySessionStore(DataSource dataSource, Clock clock) {
    return new PostgresStorySessionStore(dataSource, clock);
  }

  @Bean
  StorySessions storySessions(
      StorySessionStore store,
      ProviderRegistry providerRegistry,
      ArticleSource articleSource,
      JobService jobService,
      StorySettings settings,
      SessionAdmission admission,
      SessionFolders folders,
      ModerationPreferences moderationPreferences,
      Clock clock) {
    return new StorySessions(
        store,
        providerRegistry,
        articleSource,
        jobService,
        settings.limits(),
        admission,
        folders,
        moderationPreferences,
        clock);
  }

  /** How many recently ended story runs a starting node settles (newest first). */
  static final int SETTLED_AT_START = 500;

  /**
   * Applies each story run's outcome to its session when the run ends: the one place a session
   * learns it (reads never write).
   */
  @Bean(destroyMethod = "close")
  RunEndFollower storyRunEnds(
      RunEventFeed feed, RunStore runStore, StorySessions sessions, EventsSettings events) {
    return new RunEndFollower(
            feed,
            runStore,
            StoryPipeline.KIND,
            sessions::runEnded,
            events.getPollInterval(),
            SETTLED_AT_START)
        .start();
  }
}
