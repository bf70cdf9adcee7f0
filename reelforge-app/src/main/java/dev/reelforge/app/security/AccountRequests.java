package dev.reelforge.app.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies of the account and admin routes. */
final class AccountRequests {

  private AccountRequests() {}

  record Login(
      @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}

  record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

  record ChangePassword(
      @NotBlank @Size(max = 200) String currentPassword,
      @NotBlank @Size(max = 200) String newPassword) {}

  record NewApiKey(@NotBlank @Size(max = 100) String name) {}

  record NewUser(
      @NotBlank @Size(max = 64) String username,
      @NotBlank String role,
      @Size(max = 200) String password) {}

  record UpdateUser(String role, Boolean active) {}

  record ResetPassword(@Size(max = 200) String password) {}

  record Grant(@NotNull @Positive Long amount, @Size(max = CreditGrants.MAX_NOTE) String note) {}
}
