package dev.reelforge.app.publish;

import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.app.observability.ProviderCalls;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.QuotaLedger;
import dev.reelforge.postgres.licence.PostgresEvidenceStore;
import dev.reelforge.postgres.publish.PostgresPublicationStore;
import dev.reelforge.postgres.publish.PostgresQuotaLedger;
import dev.reelforge.providers.facebook.FacebookFactory;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.ingest.GuardedFetcher;
import dev.reelforge.providers.instagram.InstagramFactory;
import dev.reelforge.providers.publish.FolderPublisher;
import dev.reelforge.providers.tiktok.TikTokFactory;
import dev.reelforge.providers.youtube.YouTubeFactory;
import dev.reelforge.publish.CopyWriter;
import dev.reelforge.publish.LicenceGate;
import dev.reelforge.publish.Publications;
import dev.reelforge.publish.PublishAlerts;
import dev.reelforge.publish.PublishPipeline;
import dev.reelforge.publish.PublishSources;
import dev.reelforge.publish.Publishers;
import dev.reelforge.publish.QuotaCalendars;
import dev.reelforge.story.session.StorySessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishing on the job engine: the publish pipeline (every node registers it; the {@code publish}
 * pool runs it), the stores, the publishers this server is set up for (the local folder always;
 * each platform once its settings are given), the story runs as sources, and the follower that
 * marks a target whose run ended without its stage saying so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PublishSettings.class, PublishPlatformSettings.class})
public class PublishConfiguration {

  /** How many recently ended publish runs a starting node settles. */
  static final int SETTLED_AT_START = 200;

  @Bean
  PublicationStore publicationStore(DataSource dataSource) {
    return new PostgresPublicationStore(dataSource);
  }

  @Bean
  QuotaLedger quotaLedger(DataSource dataSource) {
    return new PostgresQuotaLedger(dataSource);
  }

  @Bean
  EvidenceStore evidenceStore(DataSource dataSource) {
    return new PostgresEvidenceStore(dataSource);
  }

  @Bean
  LicenceGate licenceGate(EvidenceStore evidence) {
    return new LicenceGate(evidence);
  }

  @Bean
  FolderPublisher folderPublisher(PublishSettings settings, Clock clock) {
    return new FolderPublisher(settings.getFolder(), clock);
  }

  /** The local folder always; each platform once it is enabled. */
  @Bean
  Publishers publishers(
      FolderPublisher folder,
      PublishPlatformSettings platforms,
      CostRecorder providerCosts,
      ProviderCalls calls,
      Clock clock) {
    CloudContext context = CloudContext.of(providerCosts, clock, calls);
    List<Publisher> publishers = new ArrayList<>();
    publishers.add(folder);
    if (platforms.getYoutube().isEnabled()) {
      publishers.add(YouTubeFactory.publisher(platforms.getYoutube().options(), context));
    }
    if (platforms.getTiktok().isEnabled()) {
      publishers.add(TikTokFactory.publisher(platforms.getTiktok().options(), context));
    }
    if (platforms.getInstagram().isEnabled()) {
      publishers.add(InstagramFactory.reels(platforms.getInstagram().options(), context));
    }
    if (platforms.getFacebook().isEnabled()) {
      publishers.add(FacebookFactory.reels(platforms.getFacebook().options(), context));
    }
    return new Publishers(publishers);
  }

  @Bean
  QuotaCalendars quotaCalendars(PublishSettings settings, QuotaLedger ledger) {
    return new QuotaCalendars(settings.calendars(), ledger);
  }

  @Bean
  PublishSources publishSources(
      ObjectProvider<JobService> jobs,
      ObjectProvider<StorySessions> sessions,
      StorageSettings storage) {
    // Lazily: the story's sessions need the job service, which needs this pipeline.
    return new StoryPublishSources(
        jobs::getObject,
        () -> sessions.getObject().folders(),
        storage.getWorkRoot().resolve("publish"),
        storage.getSignedUrlTtl());
  }

  @Bean
  PublishAlerts publishAlerts(PublishSettings settings, GuardedFetcher webhookGuard, Clock clock) {
    return new OperatorAlerts(settings.getAlerts(), webhookGuard, clock);
  }

  /**
   * The connected accounts; a server without the accounts feature answers "not found" for every
   * account, so only the local folder can be published to.
   */
  private static AccountAccess accounts(ObjectProvider<AccountAccess> accounts) {
    return (owner, account, platform) -> {
      AccountAccess access = accounts.getIfAvailable();
      if (access == null) {
        throw ReelForgeException.notFound("Platform account", account);
      }
      return access.credentials(owner, account, platform);
    };
  }

  @Bean
  RegisteredPipeline publishPipeline(
      PublicationStore store,
      Publishers publishers,
      PublishSources sources,
      ObjectProvider<AccountAccess> accounts,
      QuotaCalendars quotas,
      LicenceGate licences,
      PublishAlerts alerts,
      PublishSettings settings,
      Clock clock) {
    return new PublishPipeline(
            store,
            publishers,
            sources,
            accounts(accounts),
            quotas,
            licences,
            alerts,
            settings.retryPolicy(),
            clock)
        .registered();
  }

  @Bean
  Publications publications(
      JobService jobs,
      PublicationStore store,
      Publishers publishers,
      PublishSources sources,
      CopyWriter copy,
      ObjectProvider<AccountAccess> accounts,
      LicenceGate licences,
      PublishAlerts alerts,
      Clock clock) {
    return new Publications(
        jobs, store, publishers, sources, copy, accounts(accounts), licences, alerts, clock);
  }

  @Bean
  CopyWriter copyWriter(ProviderRegistry providers) {
    return new ScriptCopyWriter(providers);
  }

  @Bean
  PublicationViews publicationViews(JobService jobs) {
    return new PublicationViews(jobs);
  }

  @Bean(destroyMethod = "close")
  RunEndFollower publishRunEnds(
      RunEventFeed feed, RunStore runs, Publications publications, EventsSettings events) {
    return new RunEndFollower(
            feed,
            runs,
            PublishPipeline.KIND,
            publications::runEnded,
            events.getPollInterval(),
            SETTLED_AT_START)
        .start();
  }
}
