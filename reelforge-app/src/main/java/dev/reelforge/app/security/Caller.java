package dev.reelforge.app.security;

import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.accounts.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated user of the request being handled. Filters and controllers run on the request's
 * thread; {@link AuthFilter} sets it and clears it when the request ends.
 */
public record Caller(UUID id, String username, Role role, String via) {

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  public boolean can(Permission permission) {
    return role.can(permission);
  }

  /** Who this is, for logs and the audit log: a name, never a credential. */
  /** The signed-in caller's {@link #label}, or {@code system} outside a request. */
  public static String currentLabel() {
    return current().map(Caller::label).orElse("system");
  }

  public String label() {
    return username + " (" + id + ")";
  }

  public static Optional<Caller> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  static void set(Caller caller) {
    CURRENT.set(caller);
  }

  static void clear() {
    CURRENT.remove();
  }
}
