package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access tokens and sealed values share a key but are never taken one for the other. */
class AccessTokensTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final AccessTokens tokens =
      new AccessTokens(Secrets.randomBytes(32), Duration.ofMinutes(15), clock);

  @Test
  void aSealIsReadBackUntilItExpiresAndIsNeverAnAccessToken() {
    String sealed = tokens.seal(Map.of("state", "s1", "nonce", "n1"), Duration.ofMinutes(10));
    assertThat(tokens.unseal(sealed))
        .get()
        .satisfies(v -> assertThat(v).containsEntry("state", "s1").containsEntry("nonce", "n1"));
    assertThat(tokens.verify(sealed)).isEmpty();

    clock.advance(Duration.ofMinutes(11));
    assertThat(tokens.unseal(sealed)).isEmpty();
  }

  @Test
  void anAccessTokenIsNeverASealAndAnotherKeysSealIsRefused() {
    UserAccount user =
        new UserAccount(
            UUID.randomUUID(),
            "ada",
            "Ada",
            Role.CREATOR,
            true,
            false,
            Optional.empty(),
            clock.instant());
    String access = tokens.issue(user);
    assertThat(tokens.verify(access)).contains(user.id());
    assertThat(tokens.unseal(access)).isEmpty();

    AccessTokens other = new AccessTokens(Secrets.randomBytes(32), Duration.ofMinutes(15), clock);
    assertThat(tokens.unseal(other.seal(Map.of("state", "x"), Duration.ofMinutes(1)))).isEmpty();
    assertThat(tokens.unseal("not-a-token")).isEmpty();
  }

  @Test
  void aCheckTellsAnExpiredTokenFromOneThatIsNotValid() {
    UserAccount user =
        new UserAccount(
            UUID.randomUUID(),
            "ada",
            "Ada",
            Role.CREATOR,
            true,
            false,
            Optional.empty(),
            clock.instant());
    String access = tokens.issue(user);
    assertThat(tokens.check(access)).isEqualTo(new AccessTokens.Verdict.Valid(user.id()));
    AccessTokens other = new AccessTokens(Secrets.randomBytes(32), Duration.ofMinutes(15), clock);
    assertThat(tokens.check(other.issue(user))).isInstanceOf(AccessTokens.Verdict.Invalid.class);
    assertThat(tokens.check("not-a-token")).isInstanceOf(AccessTokens.Verdict.Invalid.class);
    assertThat(tokens.check(tokens.seal(Map.of("state", "x"), Duration.ofMinutes(30))))
        .as("a seal is not an access token, expired or not")
        .isInstanceOf(AccessTokens.Verdict.Invalid.class);

    clock.advance(Duration.ofMinutes(16));
    assertThat(tokens.check(access)).isInstanceOf(AccessTokens.Verdict.Expired.class);
    assertThat(tokens.verify(access)).isEmpty();
  }
}
