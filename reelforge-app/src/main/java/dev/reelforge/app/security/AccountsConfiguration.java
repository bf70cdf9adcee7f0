package dev.reelforge.app.security;

import dev.reelforge.core.accounts.AccountErasure;
import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.QuotaOverrides;
import dev.reelforge.core.accounts.RateLimiter;
import dev.reelforge.core.accounts.RefreshTokenStore;
import dev.reelforge.core.accounts.ServerSecrets;
import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.publish.accounts.AccountConnections;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.postgres.accounts.PostgresAccountErasure;
import dev.reelforge.postgres.accounts.PostgresApiKeyStore;
import dev.reelforge.postgres.accounts.PostgresAuditLog;
import dev.reelforge.postgres.accounts.PostgresCreditLedger;
import dev.reelforge.postgres.accounts.PostgresQuotaOverrides;
import dev.reelforge.postgres.accounts.PostgresRateLimiter;
import dev.reelforge.postgres.accounts.PostgresRefreshTokenStore;
import dev.reelforge.postgres.accounts.PostgresServerSecrets;
import dev.reelforge.postgres.accounts.PostgresUsageMeter;
import dev.reelforge.postgres.accounts.PostgresUserStore;
import dev.reelforge.story.SessionFolders;
import java.time.Clock;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accounts, credits, quotas and the audit log on PostgreSQL, and the services over them. Built for
 * the server and for {@code ./reelforge user}; the HTTP filters are in {@link EdgeConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

  @Bean
  UserStore userStore(DataSource dataSource, Clock clock) {
    return new PostgresUserStore(dataSource, clock);
  }

  @Bean
  RefreshTokenStore refreshTokenStore(DataSource dataSource, Clock clock) {
    return new PostgresRefreshTokenStore(dataSource, clock);
  }

  @Bean
  ApiKeyStore apiKeyStore(DataSource dataSource, Clock clock) {
    return new PostgresApiKeyStore(dataSource, clock);
  }

  @Bean
  CreditLedger creditLedger(DataSource dataSource, Clock clock) {
    return new PostgresCreditLedger(dataSource, clock);
  }

  @Bean
  QuotaOverrides quotaOverrides(DataSource dataSource, Clock clock) {
    return new PostgresQuotaOverrides(dataSource, clock);
  }

  @Bean
  UsageMeter usageMeter(DataSource dataSource, Clock clock) {
    return new PostgresUsageMeter(dataSource, clock);
  }

  @Bean
  RateLimiter rateLimiter(DataSource dataSource, Clock clock) {
    return new PostgresRateLimiter(dataSource, clock);
  }

  @Bean
  AuditLog auditLog(DataSource dataSource, Clock clock) {
    return new PostgresAuditLog(dataSource, clock);
  }

  @Bean
  AccountErasure accountErasure(DataSource dataSource) {
    return new PostgresAccountErasure(dataSource);
  }

  @Bean
  Audit audit(AuditLog log) {
    return new Audit(log);
  }

  @Bean
  Passwords passwords(SecuritySettings settings) {
    return new Passwords(settings.getPasswordHashCost(), settings.getPasswordMinLength());
  }

  /** Signs with the configured key, or with one made once and kept in the database. */
  @Bean
  AccessTokens accessTokens(SecuritySettings settings, DataSource dataSource, Clock clock) {
    byte[] key;
    if (settings.getTokenSigningKey().isBlank()) {
      ServerSecrets secrets = new PostgresServerSecrets(dataSource, clock);
      key = secrets.getOrCreate("access-token-key", () -> Secrets.randomBytes(32));
    } else {
      key = Base64.getDecoder().decode(settings.getTokenSigningKey().strip());
    }
    return new AccessTokens(key, settings.getAccessTokenTtl(), clock);
  }

  @Bean
  Accounts accounts(
      UserStore users,
      RefreshTokenStore refreshTokens,
      CreditLedger credits,
      AccessTokens tokens,
      Passwords passwords,
      Audit audit,
      SecuritySettings settings,
      LimitsSettings limits,
      Clock clock) {
    return new Accounts(
        users,
        refreshTokens,
        credits,
        tokens,
        passwords,
        audit,
        settings.getRefreshTokenTtl(),
        limits.getInitialCredits(),
        clock);
  }

  @Bean
  ApiKeys apiKeys(ApiKeyStore store, Clock clock) {
    return new ApiKeys(store, clock);
  }

  @Bean
  WorkAdmission workAdmission(
      UsageMeter meter,
      QuotaOverrides overrides,
      UserStore users,
      JobService jobs,
      LimitsSettings limits,
      Audit audit,
      Clock clock) {
    return new WorkAdmission(meter, overrides, users, jobs, limits, audit, clock);
  }

  @Bean
  Quotas quotas(QuotaOverrides overrides, WorkAdmission admission, Accounts accounts, Audit audit) {
    return new Quotas(overrides, admission, accounts, audit);
  }

  @Bean
  AccountEraser accountEraser(
      AccountErasure erasure,
      JobService jobs,
      SessionFolders folders,
      BlobCatalog blobs,
      Audit audit,
      ObjectProvider<AccountConnections> platformAccounts) {
    AccountConnections connections = platformAccounts.getIfAvailable();
    return new AccountEraser(
        erasure,
        jobs,
        folders::delete,
        AccountEraser.deletingOwnedBlobs(blobs),
        audit,
        connections == null ? user -> 0 : connections::disconnectAll);
  }
}
