package dev.reelforge.providers.oauth;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import dev.reelforge.providers.http.CloudContext;
import java.net.URI;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PlatformOAuth} over the configured platforms: each call goes to that platform's {@link
 * OAuthClient}; a platform without client credentials is not configured.
 */
public final class OAuthClients implements PlatformOAuth {

  private final Map<Platform, OAuthClient> clients = new EnumMap<>(Platform.class);

  public OAuthClients(Collection<OAuthPlatformOptions> platforms, CloudContext context) {
    for (OAuthPlatformOptions options : platforms) {
      clients.put(options.platform(), new OAuthClient(options, context));
    }
  }

  @Override
  public boolean configured(Platform platform) {
    return clients.containsKey(platform);
  }

  @Override
  public boolean supportsPkce(Platform platform) {
    return client(platform).options().pkce();
  }

  @Override
  public URI authorizationUrl(
      Platform platform, String state, Optional<String> codeChallenge, String redirectUri) {
    return client(platform).authorizationUrl(state, codeChallenge, redirectUri);
  }

  @Override
  public Grant exchange(
      Platform platform, String code, Optional<String> codeVerifier, String redirectUri) {
    return client(platform).exchange(code, codeVerifier, redirectUri);
  }

  @Override
  public Grant refresh(PlatformAccount account, String refreshToken) {
    return client(account.platform()).refresh(account, refreshToken);
  }

  @Override
  public void revoke(Platform platform, String accessToken, String refreshToken) {
    client(platform).revoke(accessToken, refreshToken);
  }

  private OAuthClient client(Platform platform) {
    OAuthClient client = clients.get(platform);
    if (client == null) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          platform.key() + " has no OAuth client configured",
          false,
          java.util.List.of(),
          null);
    }
    return client;
  }
}
