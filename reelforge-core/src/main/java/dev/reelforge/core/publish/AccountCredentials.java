package dev.reelforge.core.publish;

import java.util.Objects;

/**
 * What a publisher needs of the connected account, with a fresh access token (refreshed before it
 * expires by the caller).
 *
 * @param accountId ReelForge's id for the connection (empty for the local folder)
 * @param externalId the platform's id for where posts go: YouTube's channel, TikTok's open_id,
 *     Instagram's professional account (IG user id), Facebook's page
 * @param accessToken the bearer token (for Facebook, the page's token)
 */
public record AccountCredentials(String accountId, String externalId, String accessToken) {

  public static final AccountCredentials NONE = new AccountCredentials("", "", "");

  public AccountCredentials {
    accountId = Objects.requireNonNullElse(accountId, "");
    externalId = Objects.requireNonNullElse(externalId, "");
    accessToken = Objects.requireNonNullElse(accessToken, "");
  }

  @Override
  public String toString() {
    return "AccountCredentials[" + accountId + ", " + externalId + ", token hidden]";
  }
}
