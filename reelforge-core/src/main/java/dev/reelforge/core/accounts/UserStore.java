package dev.reelforge.core.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where users live. Usernames are unique regardless of case. */
public interface UserStore {

  /**
   * Stores a new user.
   *
   * @throws dev.reelforge.core.error.ReelForgeException CONFLICT when the username is taken
   */
  UserAccount create(NewUser user);

  /**
   * Stores {@code user} only when there is no user at all: the first-start admin, made once even
   * when several instances start together.
   *
   * @return the user, or empty when some user already existed
   */
  Optional<UserAccount> createFirst(NewUser user);

  Optional<UserAccount> find(UUID id);

  Optional<UserAccount> findByUsername(String username);

  /** The user signed in by {@code issuer} as {@code subject}. */
  Optional<UserAccount> findByOidcSubject(String issuer, String subject);

  /** The stored password hash of an active user, for checking a login. */
  Optional<Credentials> credentials(String username);

  List<UserAccount> list();

  /**
   * @return false for an unknown user
   */
  boolean setPassword(UUID id, String passwordHash, boolean changeRequired);

  /**
   * @return false for an unknown user
   */
  boolean setRole(UUID id, Role role);

  /**
   * @return false for an unknown user
   */
  boolean setActive(UUID id, boolean active);

  /** Marks the user as past 80 % of a quota; the first flag time is kept. */
  void flagAbuse(UUID id);

  /** A user to store; the password hash is empty for OIDC-only users. */
  record NewUser(
      UUID id,
      String username,
      String displayName,
      Role role,
      Optional<String> passwordHash,
      boolean passwordChangeRequired,
      Optional<OidcIdentity> oidc) {}

  /** Who an external issuer says a user is. */
  record OidcIdentity(String issuer, String subject) {}

  /** What a login is checked against. */
  record Credentials(UserAccount user, String passwordHash) {}
}
