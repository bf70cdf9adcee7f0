package dev.reelforge.app.cli;

import dev.reelforge.app.security.Accounts;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ReelForgeException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code reelforge user add NAME [--role R] | list | reset-password NAME}: account administration
 * from the server's own machine, against the same database. Passwords are generated and printed
 * once; the user changes them after signing in.
 */
final class UserCommand {

  private final PrintStream out;
  private final PrintStream err;

  UserCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Checks the arguments before anything starts (no database is opened for a wrong command).
   *
   * @return what is wrong with them, in one line; empty when they make a command
   */
  static Optional<String> problem(List<String> args) {
    if (args.isEmpty()) {
      return Optional.of("say what to do: user add NAME, user list or user reset-password NAME");
    }
    String what = args.getFirst();
    return switch (what) {
      case "list" -> args.size() == 1 ? Optional.empty() : unexpected(args, 1);
      case "reset-password" ->
          args.size() == 2
              ? Optional.empty()
              : args.size() < 2
                  ? Optional.of("user reset-password needs the user's name")
                  : unexpected(args, 2);
      case "add" -> addProblem(args);
      default -> Optional.of("unknown user command '" + what + "' (add, list, reset-password)");
    };
  }

  private static Optional<String> addProblem(List<String> args) {
    if (args.size() < 2 || args.get(1).startsWith("--")) {
      return Optional.of("user add needs the new user's name");
    }
    if (args.size() == 2) {
      return Optional.empty();
    }
    if (!args.get(2).equals("--role")) {
      return unexpected(args, 2);
    }
    if (args.size() == 3) {
      return Optional.of("--role needs a value: " + roles());
    }
    if (args.size() > 4) {
      return unexpected(args, 4);
    }
    try {
      Role.fromWire(args.get(3));
      return Optional.empty();
    } catch (ReelForgeException e) {
      return Optional.of("unknown role '" + args.get(3) + "' (roles: " + roles() + ")");
    }
  }

  private static Optional<String> unexpected(List<String> args, int index) {
    return Optional.of("unexpected argument '" + args.get(index) + "'");
  }

  private static String roles() {
    // From the most rights to the fewest, as Role.fromWire lists them.
    return Arrays.stream(Role.values())
        .map(Role::wireName)
        .reduce((fewer, more) -> more + ", " + fewer)
        .orElseThrow();
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
    List<UserAccount> users = accounts.list();
    if (users.isEmpty()) {
      // A fresh installation: say how the first account comes to be, not an empty table.
      out.println(
          "no users yet: the first reelforge serve makes 'admin' and prints its one-time"
              + " password, or add one with reelforge user add NAME --role admin");
      return;
    }
    out.printf("%-24s %-9s %-8s %s%n", "USERNAME", "ROLE", "STATUS", "CREATED");
    for (UserAccount user : users) {
      out.printf(
          "%-24s %-9s %-8s %s%s%s%n",
          user.username(),
          user.role().wireName(),
          user.active() ? "active" : "disabled",
          user.createdAt(),
          user.passwordChangeRequired() ? "  (one-time password not yet changed)" : "",
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
