package dev.reelforge.app.web;

import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.accounts.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated user of the request being handled: part of the request's context, beside its
 * id, so that every route package can ask who is calling. Filters and controllers run on the
 * request's thread; the authentication filter ({@code app.security.AuthFilter}) signs the caller in
 * with {@link #signIn} and closes the scope when the request ends.
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

  /**
   * Makes {@code caller} the current one on this thread until the returned scope is closed. Only
   * authentication calls this.
   */
  public static Scope signIn(Caller caller) {
    CURRENT.set(caller);
    return CURRENT::remove;
  }

  /** The time a caller is signed in on a thread; closing it signs the caller out. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
