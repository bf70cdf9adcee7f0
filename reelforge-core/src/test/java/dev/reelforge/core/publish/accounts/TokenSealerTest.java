package dev.reelforge.core.publish.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSealerTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void aSealedTokenOpensAgainAndNeverShowsTheTokenOrRepeatsItsNonce() {
    TokenSealer sealer = new TokenSealer(key(1));
    String first = sealer.seal("ya29.secret-token");
    String second = sealer.seal("ya29.secret-token");
    assertThat(first).startsWith("v1." + sealer.currentKeyId() + ".").doesNotContain("secret");
    assertThat(first).isNotEqualTo(second);
    assertThat(sealer.open(first)).isEqualTo("ya29.secret-token");
    assertThat(sealer.sealOrEmpty("")).isEmpty();
    assertThat(sealer.open("")).isEmpty();
  }

  @Test
  void anOlderKeyStillOpensWhatItSealedAfterARotation() {
    String old = new TokenSealer(key(1)).seal("refresh");
    TokenSealer rotated = new TokenSealer(key(2), List.of(key(1)));
    assertThat(rotated.open(old)).isEqualTo("refresh");
    assertThat(rotated.seal("x")).startsWith("v1." + TokenSealer.keyId(key(2)) + ".");
    assertThatThrownBy(() -> new TokenSealer(key(2)).open(old))
        .hasMessageContaining(TokenSealer.keyId(key(1)))
        .hasMessageContaining("previous-token-keys");
  }

  @Test
  void anAlteredTokenIsRefused() {
    TokenSealer sealer = new TokenSealer(key(1));
    String sealed = sealer.seal("token");
    String[] parts = sealed.split("\\.");
    byte[] body = Base64.getUrlDecoder().decode(parts[2]);
    body[body.length - 1] ^= 1;
    String altered =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    assertThatThrownBy(() -> sealer.open(altered)).hasMessageContaining("does not verify");
    assertThatThrownBy(() -> new TokenSealer(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
