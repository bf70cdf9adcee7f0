package dev.reelforge.app.webhooks;

import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.webhooks.WebhookStore;
import dev.reelforge.postgres.webhooks.PostgresWebhookStore;
import dev.reelforge.providers.ingest.AddressPolicy;
import dev.reelforge.providers.ingest.FetchLimits;
import dev.reelforge.providers.ingest.GuardedFetcher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook endpoints, the guarded sender and this node's dispatcher, for servers only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebhooksConfiguration {

  @Bean
  WebhookStore webhookStore(DataSource dataSource, RunEventFeed feed, Clock clock) {
    return new PostgresWebhookStore(dataSource, feed, clock);
  }

  /** Public addresses only, plus the operator's trusted ones. */
  @Bean
  GuardedFetcher webhookGuard(WebhooksSettings settings) throws NoSuchAlgorithmException {
    InetAddress[] trusted =
        settings.getTrustedAddresses().stream()
            .map(WebhooksConfiguration::address)
            .toArray(InetAddress[]::new);
    return new GuardedFetcher(
        AddressPolicy.publicAnd(trusted),
        GuardedFetcher.Resolver.SYSTEM,
        SSLContext.getDefault(),
        new FetchLimits(64 * 1024, settings.getTimeout(), 0));
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal.strip());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "reelforge.webhooks.trusted-addresses: " + literal + " is not an address", e);
    }
  }

  @Bean(destroyMethod = "close")
  WebhookDispatcher webhookDispatcher(
      WebhookStore store, GuardedFetcher webhookGuard, WebhooksSettings settings, Clock clock) {
    return new WebhookDispatcher(store, webhookGuard, settings, clock);
  }
}
