package dev.reelforge.app.security;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OIDC sign-in, assembled only when an issuer is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("!'${reelforge.security.oidc.issuer:}'.isBlank()")
class OidcConfiguration {

  @Bean
  OidcLogin oidcLogin(
      SecuritySettings settings,
      AccessTokens tokens,
      Accounts accounts,
      UserStore users,
      Clock clock) {
    SecuritySettings.Oidc oidc = settings.getOidc();
    if (oidc.getClientId().isBlank()) {
      throw new IllegalStateException(
          "reelforge.security.oidc.client-id must be set when reelforge.security.oidc.issuer is");
    }
    Role role = Role.fromWire(oidc.getDefaultRole());
    if (role == Role.ADMIN) {
      // Every person the issuer knows would become an admin on first sign-in.
      throw new IllegalStateException(
          "reelforge.security.oidc.default-role cannot be admin: promote users one by one");
    }
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new OidcLogin(
        new OidcIssuer(oidc.getIssuer().strip(), http),
        tokens,
        accounts,
        users,
        oidc.getClientId(),
        oidc.getClientSecret(),
        role,
        clock);
  }
}
