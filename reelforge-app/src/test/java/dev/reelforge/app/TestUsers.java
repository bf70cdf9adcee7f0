package dev.reelforge.app;

import dev.reelforge.app.security.AccessTokens;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import java.util.Optional;
import org.springframework.context.ApplicationContext;

/** Users for API tests, made through the application's own account services. */
public final class TestUsers {

  /** A password that meets the rules. */
  public static final String PASSWORD = "Correct-Horse-Battery-9";

  private TestUsers() {}

  /** A new user of {@code role}. */
  public static UserAccount create(ApplicationContext context, String username, Role role) {
    return context.getBean(Accounts.class).create(username, role, Optional.of(PASSWORD)).user();
  }

  /** An access token of a new user of {@code role}: the value of {@code Authorization: Bearer}. */
  public static String token(ApplicationContext context, String username, Role role) {
    return tokenOf(context, create(context, username, role));
  }

  public static String tokenOf(ApplicationContext context, UserAccount user) {
    return context.getBean(AccessTokens.class).issue(user);
  }
}
