package dev.reelforge.app.ui;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;

/** Who is looking at a page, as the navigation and the pages' buttons need it. */
public record Viewer(
    String username, String role, boolean creator, boolean operator, boolean admin) {

  static Viewer of(Caller caller) {
    return new Viewer(
        caller.username(),
        caller.role().wireName(),
        caller.can(Permission.CREATE_WORK),
        caller.can(Permission.OPERATE_RUNS),
        caller.can(Permission.MANAGE_USERS));
  }
}
