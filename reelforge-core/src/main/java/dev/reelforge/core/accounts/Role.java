package dev.reelforge.core.accounts;

import dev.reelforge.core.error.ReelForgeException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The four roles and the permission matrix: a viewer reads its own things, a creator also makes
 * them, an operator also runs the queues and sees everyone's runs, an admin may do everything.
 */
public enum Role {
  VIEWER(EnumSet.of(Permission.READ_OWN)),
  CREATOR(EnumSet.of(Permission.READ_OWN, Permission.CREATE_WORK)),
  OPERATOR(
      EnumSet.of(
          Permission.READ_OWN,
          Permission.CREATE_WORK,
          Permission.READ_ANY,
          Permission.OPERATE_RUNS)),
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws ReelForgeException INVALID_INPUT for a name that is not a role
   */
  public static Role fromWire(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw ReelForgeException.invalidField(
        "role", "must be one of admin, operator, creator, viewer");
  }
}
