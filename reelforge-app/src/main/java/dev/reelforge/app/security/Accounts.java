package dev.reelforge.app.security;

import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.RefreshTokenStore;
import dev.reelforge.core.accounts.RefreshTokenStore.Rotation;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.accounts.UserStore.NewUser;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and sessions: login, refresh rotation with reuse detection, logout, users made and changed
 * by admins (audited), and the first-start admin.
 */
public final class Accounts {

  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

  private final UserStore users;
  private final RefreshTokenStore refreshTokens;
  private final CreditLedger credits;
  private final AccessTokens accessTokens;
  private final Passwords passwords;
  private final Audit audit;
  private final Duration refreshTtl;
  private final long initialCredits;
  private final Clock clock;

  public Accounts(
      UserStore users,
      RefreshTokenStore refreshTokens,
      CreditLedger credits,
      AccessTokens accessTokens,
      Passwords passwords,
      Audit audit,
      Duration refreshTtl,
      long initialCredits,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.credits = credits;
    this.accessTokens = accessTokens;
    this.passwords = passwords;
    this.audit = audit;
    this.refreshTtl = refreshTtl;
    this.initialCredits = initialCredits;
    this.clock = clock;
  }

  /** An access token and the refresh token that renews it. */
  public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {}

  /**
   * @throws ReelForgeException AUTH_REQUIRED for a wrong username or password (the same answer for
   *     both, and the same time)
   */
  public Tokens login(String username, String password) {
    return startSession(authenticate(username, password));
  }

  /**
   * The user whose username and password these are.
   *
   * @throws ReelForgeException AUTH_REQUIRED for a wrong username or password (the same answer for
   *     both, and the same time)
   */
  public UserAccount authenticate(String username, String password) {
    Optional<UserStore.Credentials> credentials = users.credentials(username);
    if (credentials.isEmpty()) {
      passwords.waste(password);
      throw badLogin();
    }
    if (!passwords.matches(password, credentials.get().passwordHash())) {
      throw badLogin();
    }
    return credentials.get().user();
  }

  /** Tokens for a user signed in some other way (OIDC). */
  public Tokens startSession(UserAccount user) {
    String refresh = Secrets.random(Secrets.REFRESH_PREFIX);
    refreshTokens.start(
        user.id(), UUID.randomUUID(), Secrets.hash(refresh), clock.instant().plus(refreshTtl));
    return new Tokens(accessTokens.issue(user), refresh, accessTokens.ttl().toSeconds());
  }

  /**
   * A dashboard session for {@code user}: a secret for an HttpOnly cookie, valid for the refresh
   * lifetime until sign-out. It is kept like a refresh token (a family of one, stored as a hash)
   * but never rotated, because a browser's parallel requests would otherwise spend it twice and
   * revoke themselves; {@link #refresh} refuses it, and it is never accepted as a bearer
   * credential.
   */
  public String startBrowserSession(UserAccount user) {
    String session = Secrets.random(Secrets.BROWSER_SESSION_PREFIX);
    refreshTokens.start(
        user.id(), UUID.randomUUID(), Secrets.hash(session), clock.instant().plus(refreshTtl));
    return session;
  }

  /** The active user of a dashboard session; empty when it is unknown, ended or expired. */
  public Optional<UserAccount> browserSessionUser(String session) {
    if (session == null
        || !session.startsWith(Secrets.BROWSER_SESSION_PREFIX)
        || session.length() > 200) {
      return Optional.empty();
    }
    return refreshTokens.holder(Secrets.hash(session)).flatMap(this::activeUser);
  }

  /** Ends a dashboard session (sign-out); unknown ones are ignored. */
  public void endBrowserSession(String session) {
    if (session != null && session.startsWith(Secrets.BROWSER_SESSION_PREFIX)) {
      refreshTokens.revokeFamily(Secrets.hash(session));
    }
  }

  /** How long a dashboard session lasts unless its user signs out first (the refresh lifetime). */
  public Duration sessionLifetime() {
    return refreshTtl;
  }

  /**
   * Uses a refresh token: a new access token and a new refresh token; the old one is spent.
   *
   * @throws ReelForgeException AUTH_REQUIRED for an unknown, expired, revoked or replayed token (a
   *     replay also revokes every token of its family)
   */
  public Tokens refresh(String refreshToken) {
    if (refreshToken == null || !refreshToken.startsWith(Secrets.REFRESH_PREFIX)) {
      throw new ReelForgeException(ErrorCode.AUTH_REQUIRED, "the refresh token is not valid");
    }
    String next = Secrets.random(Secrets.REFRESH_PREFIX);
    Rotation rotation =
        refreshTokens.rotate(
            Secrets.hash(refreshToken), Secrets.hash(next), clock.instant().plus(refreshTtl));
    return switch (rotation) {
      case Rotation.Rotated rotated -> {
        UserAccount user = users.find(rotated.userId()).filter(UserAccount::active).orElse(null);
        if (user == null) {
          refreshTokens.revokeFamily(Secrets.hash(next));
          throw new ReelForgeException(ErrorCode.AUTH_REQUIRED, "the account is disabled");
        }
        yield new Tokens(accessTokens.issue(user), next, accessTokens.ttl().toSeconds());
      }
      case Rotation.Replayed replayed -> {
        LOG.warn(
            "a spent refresh token was presented again for user {}: its family {} is revoked",
            replayed.userId(),
            replayed.familyId());
        audit.record(
            "auth.refresh-reuse",
            "user",
            replayed.userId().toString(),
            null,
            Map.of("family", replayed.familyId().toString(), "revoked", true));
        throw new ReelForgeException(
            ErrorCode.AUTH_REQUIRED,
            "this refresh token was already used; every session it started is now signed out");
      }
      case Rotation.Invalid ignored ->
          throw new ReelForgeException(ErrorCode.AUTH_REQUIRED, "the refresh token is not valid");
    };
  }

  /** Ends the session of {@code refreshToken} (its whole family); unknown tokens are ignored. */
  public void logout(String refreshToken) {
    if (refreshToken != null) {
      refreshTokens.revokeFamily(Secrets.hash(refreshToken));
    }
  }

  /** The active user {@code id}, as authentication needs it. */
  public Optional<UserAccount> activeUser(UUID id) {
    return users.find(id).filter(UserAccount::active);
  }

  public UserAccount user(UUID id) {
    return users.find(id).orElseThrow(() -> ReelForgeException.notFound("User", id));
  }

  public List<UserAccount> list() {
    return users.list();
  }

  /**
   * Makes a user with a password; {@code password} empty makes a random one, returned once.
   *
   * @throws ReelForgeException INVALID_INPUT for a bad username or weak password, CONFLICT when the
   *     username is taken
   */
  public Created create(String username, Role role, Optional<String> password) {
    checkUsername(username);
    password.ifPresent(p -> passwords.check(p, username, "password"));
    String secret = password.orElseGet(passwords::generate);
    UserAccount user =
        users.create(
            new NewUser(
                Ids.newId(clock),
                username,
                username,
                role,
                Optional.of(passwords.hash(secret)),
                password.isEmpty(),
                Optional.empty()));
    welcome(user);
    return new Created(user, password.isEmpty() ? Optional.of(secret) : Optional.empty());
  }

  /** A new user and, when it was generated, its one-time password. */
  public record Created(UserAccount user, Optional<String> generatedPassword) {}

  /**
   * The first-start admin: made only when there is no user at all.
   *
   * @return the admin and its one-time password, or empty when users exist
   */
  public Optional<Created> bootstrapAdmin(String username) {
    checkUsername(username);
    String secret = passwords.generate();
    Optional<UserAccount> admin =
        users.createFirst(
            new NewUser(
                Ids.newId(clock),
                username,
                "Administrator",
                Role.ADMIN,
                Optional.of(passwords.hash(secret)),
                true,
                Optional.empty()));
    admin.ifPresent(this::welcome);
    return admin.map(a -> new Created(a, Optional.of(secret)));
  }

  /** A user first seen through an OIDC issuer. */
  public UserAccount createOidcUser(String username, Role role, UserStore.OidcIdentity identity) {
    String name = USERNAME.matcher(username).matches() ? username : "oidc-" + identity.subject();
    if (users.findByUsername(name).isPresent()) {
      name = name + "-" + Integer.toHexString(identity.subject().hashCode());
    }
    UserAccount user =
        users.create(
            new NewUser(
                Ids.newId(clock),
                name,
                username,
                role,
                Optional.empty(),
                false,
                Optional.of(identity)));
    welcome(user);
    return user;
  }

  private void welcome(UserAccount user) {
    audit.record("user.create", "user", user.id().toString(), null, describe(user));
    if (initialCredits > 0) {
      credits.grant(user.id(), initialCredits, "system", Optional.of("initial credits"));
    }
  }

  /**
   * Sets a new password; empty makes a random one (returned). Every session of the user ends.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown user
   */
  public Optional<String> resetPassword(UUID id, Optional<String> password) {
    UserAccount user = user(id);
    password.ifPresent(p -> passwords.check(p, user.username(), "password"));
    String secret = password.orElseGet(passwords::generate);
    users.setPassword(id, passwords.hash(secret), password.isEmpty());
    refreshTokens.revokeAll(id);
    audit.record(
        "user.reset-password",
        "user",
        id.toString(),
        null,
        Map.of("passwordChangeRequired", password.isEmpty()));
    return password.isEmpty() ? Optional.of(secret) : Optional.empty();
  }

  /**
   * The caller changes its own password, proving the current one; this also ends the need to change
   * a one-time password. Every session of the user ends (the caller starts a new one for the
   * browser it came from); audited.
   *
   * @throws ReelForgeException INVALID_INPUT with the field at fault: {@code currentPassword} when
   *     it is wrong, {@code newPassword} when it breaks the rules or is the current one again
   */
  public void changePassword(UserAccount user, String current, String replacement) {
    UserStore.Credentials credentials =
        users.credentials(user.username()).orElseThrow(Accounts::badLogin);
    if (credentials.passwordHash() == null
        || !passwords.matches(current, credentials.passwordHash())) {
      throw ReelForgeException.invalidField("currentPassword", "is not your current password");
    }
    passwords.check(replacement, user.username(), "newPassword");
    if (replacement.equals(current)) {
      throw ReelForgeException.invalidField("newPassword", "must differ from the current one");
    }
    users.setPassword(user.id(), passwords.hash(replacement), false);
    refreshTokens.revokeAll(user.id());
    audit.record(
        "user.change-password",
        "user",
        user.id().toString(),
        null,
        Map.of("passwordChangeRequired", false, "signedOutEverywhere", true));
  }

  /** Changes a user's role and/or whether it may sign in; audited with before and after. */
  public UserAccount update(UUID id, Optional<Role> role, Optional<Boolean> active) {
    UserAccount before = user(id);
    role.ifPresent(r -> users.setRole(id, r));
    active.ifPresent(
        a -> {
          users.setActive(id, a);
          if (!a) {
            refreshTokens.revokeAll(id);
          }
        });
    UserAccount after = user(id);
    audit.record("user.update", "user", id.toString(), describe(before), describe(after));
    return after;
  }

  static Map<String, Object> describe(UserAccount user) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("username", user.username());
    map.put("role", user.role().wireName());
    map.put("active", user.active());
    return map;
  }

  private static void checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ReelForgeException.invalidField(
          "username", "must be 2-64 letters, digits or . _ @ - and start with a letter or digit");
    }
  }

  private static ReelForgeException badLogin() {
    return new ReelForgeException(ErrorCode.AUTH_REQUIRED, "wrong username or password");
  }
}
