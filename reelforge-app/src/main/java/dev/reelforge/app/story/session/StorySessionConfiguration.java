package dev.reelforge.app.story.session;

import dev.reelforge.app.config.StorySettings;
import dev.reelforge.app.security.WorkAdmission;
import dev.reelforge.app.storage.SessionFolders;
import dev.reelforge.app.story.RenderSpeed;
import dev.reelforge.app.story.StoryMaker;
import dev.reelforge.app.story.StoryPipeline;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.story.session.StorySessionStore;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.postgres.story.PostgresStorySessionStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
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
      Clock clock) {
    return new StoryPipeline(
            providerRegistry,
            articleSource,
            renderEngine,
            runStore,
            StoryMaker.CostAttribution.of(providerCosts),
            folders,
            renderSpeed,
            clock)
        .registered();
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
      WorkAdmission admission,
      SessionFolders folders,
      Clock clock) {
    return new StorySessions(
        store, providerRegistry, articleSource, jobService, settings, admission, folders, clock);
  }

  @Bean
  RunWaiter runWaiter(JobService jobService) {
    return new RunWaiter(jobService, Duration.ofMillis(250));
  }
}
