package dev.reelforge.app.publish.accounts;

import dev.reelforge.app.observability.ProviderCalls;
import dev.reelforge.core.accounts.ServerSecrets;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.accounts.AccountConnections;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import dev.reelforge.core.publish.accounts.TokenKeeper;
import dev.reelforge.core.publish.accounts.TokenSealer;
import dev.reelforge.postgres.accounts.PostgresServerSecrets;
import dev.reelforge.postgres.publish.PostgresPlatformAccountStore;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.oauth.OAuthClients;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Platform accounts for servers: the store, the sealer, the platforms' OAuth clients, the
 * connections and {@code accountAccess}, the {@link AccountAccess} that publishing calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(PlatformAccountsSettings.class)
class PlatformAccountsConfiguration {

  /** The name of the generated token key in server_secret. */
  static final String GENERATED_KEY = "platform-token-key";

  @Bean
  PlatformAccountStore platformAccountStore(DataSource dataSource) {
    return new PostgresPlatformAccountStore(dataSource);
  }

  /** Seals with the configured key, or with one made once and kept in the database. */
  @Bean
  TokenSealer platformTokenSealer(
      PlatformAccountsSettings settings, DataSource dataSource, Clock clock) {
    byte[] key = settings.tokenKeyBytes();
    if (key.length == 0) {
      ServerSecrets secrets = new PostgresServerSecrets(dataSource, clock);
      key =
          secrets.getOrCreate(
              GENERATED_KEY,
              () -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                return fresh;
              });
    }
    return new TokenSealer(key, settings.previousTokenKeyBytes());
  }

  @Bean
  PlatformOAuth platformOAuth(
      PlatformAccountsSettings settings,
      CostRecorder providerCosts,
      ProviderCalls calls,
      Clock clock) {
    return new OAuthClients(settings.clients(), CloudContext.of(providerCosts, clock, calls));
  }

  @Bean
  AccountConnections accountConnections(
      PlatformAccountStore platformAccountStore,
      TokenSealer platformTokenSealer,
      PlatformOAuth platformOAuth,
      PlatformAccountsSettings settings,
      Clock clock) {
    return new AccountConnections(
        platformAccountStore,
        platformTokenSealer,
        platformOAuth,
        settings.getAuthorizationTimeout(),
        clock);
  }

  /** What publishing calls for an account's credentials, refreshed before they expire. */
  @Bean
  TokenKeeper accountAccess(
      PlatformAccountStore platformAccountStore,
      TokenSealer platformTokenSealer,
      PlatformOAuth platformOAuth,
      PlatformAccountsSettings settings,
      Clock clock) {
    return new TokenKeeper(
        platformAccountStore,
        platformTokenSealer,
        platformOAuth,
        settings.getRefreshMargin(),
        TokenKeeper.DEFAULT_CLAIM_LEASE,
        clock);
  }
}
