package dev.reelforge.app.cli;

import dev.reelforge.app.security.Accounts;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ReelForgeException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code reelforge user add NAME [--role R] | list | reset-password NAME}: account administration
 * from the server's own machine, against the same database. Passwords are generated and printed
 * once; the user changes them after signing in.
 */
final class UserCommand {

  static final String USAGE =
      "usage: reelforge user add NAME [--role admin|operator|creator|viewer]"
          + " | user list | user reset-password NAME";

  private final PrintStream out;
  private final PrintStream err;

  UserCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Checks the arguments before anything starts: true when they make a command. */
  static boolean valid(List<String> args) {
    if (args.isEmpty()) {
      return false;
    }
    return switch (args.getFirst()) {
      case "list" -> args.size() == 1;
      case "reset-password" -> args.size() == 2;
      case "add" -> args.size() == 2 || (args.size() == 4 && args.get(2).equals("--role"));
      default -> false;
    };
  }

  int run(List<String> args, Accounts accounts) {
    try {
      switch (args.getFirst()) {
        case "list" -> list(accounts);
        case "add" -> add(args, accounts);
        default -> reset(args.get(1), accounts);
      }
      return 0;
    } catch (ReelForgeException e) {
      err.println("reelforge: " + e.getMessage());
      return 1;
    }
  }

  private void list(Accounts accounts) {
    out.printf("%-24s %-9s %-8s %s%n", "USERNAME", "ROLE", "STATUS", "CREATED");
    for (UserAccount user : accounts.list()) {
      out.printf(
          "%-24s %-9s %-8s %s%s%n",
          user.username(),
          user.role().wireName(),
          user.active() ? "active" : "disabled",
          user.createdAt(),
          user.abuseFlaggedAt().isPresent() ? "  (flagged: near a quota)" : "");
    }
  }

  private void add(List<String> args, Accounts accounts) {
    Role role = args.size() == 4 ? Role.fromWire(args.get(3)) : Role.CREATOR;
    Accounts.Created created = accounts.create(args.get(1), role, Optional.empty());
    out.println(
        "made "
            + created.user().username()
            + " ("
            + role.wireName()
            + "), one-time password: "
            + created.generatedPassword().orElseThrow());
  }

  private void reset(String username, Accounts accounts) {
    UserAccount user =
        accounts.list().stream()
            .filter(u -> u.username().equalsIgnoreCase(username))
            .findFirst()
            .orElseThrow(() -> ReelForgeException.notFound("User", username));
    String password = accounts.resetPassword(user.id(), Optional.empty()).orElseThrow();
    out.println(
        "new one-time password of "
            + user.username()
            + ": "
            + password
            + " (every session of the user is signed out)");
  }
}
