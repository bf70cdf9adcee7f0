package dev.reelforge.app.security;

import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** API keys: made with a random secret that is shown once and stored only as a hash. */
public final class ApiKeys {

  static final int MAX_KEYS = 20;

  private final ApiKeyStore store;
  private final Clock clock;

  public ApiKeys(ApiKeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new key and its secret, which is never available again. */
  public record Issued(ApiKeyStore.ApiKey key, String secret) {}

  public Issued create(UUID userId, String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw ReelForgeException.invalidField("name", "must be 1-100 characters");
    }
    long active = store.list(userId).stream().filter(k -> k.revokedAt().isEmpty()).count();
    if (active >= MAX_KEYS) {
      throw ReelForgeException.invalidField(
          "name", "a user may hold at most " + MAX_KEYS + " active keys; revoke one first");
    }
    String secret = Secrets.random(Secrets.API_KEY_PREFIX);
    ApiKeyStore.ApiKey key =
        store.create(
            Ids.newId(clock), userId, name.strip(), secret.substring(0, 12), Secrets.hash(secret));
    return new Issued(key, secret);
  }

  public List<ApiKeyStore.ApiKey> list(UUID userId) {
    return store.list(userId);
  }

  public void revoke(UUID userId, String keyId) {
    if (!store.revoke(userId, Ids.parse(keyId, "API key"))) {
      throw ReelForgeException.notFound("API key", keyId);
    }
  }
}
