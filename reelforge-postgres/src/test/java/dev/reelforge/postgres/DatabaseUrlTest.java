package dev.reelforge.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void keepsJdbcUrlsAsTheyAre() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.internal:5433/reel?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/reel?sslmode=require");
    assertThat(url.username()).isEmpty();
  }

  @Test
  void splitsCredentialsOutOfLibpqUris() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgresql://reel%40ops:p%3Ass@db.example:6543/forge?sslmode=verify-full");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example:6543/forge?sslmode=verify-full");
    assertThat(url.username()).contains("reel@ops");
    assertThat(url.password()).contains("p:ss");
    assertThat(url.toString()).doesNotContain("p:ss").contains("reel@ops");
  }

  @Test
  void acceptsThePostgresSchemeWithoutPort() {
    assertThat(DatabaseUrl.parse("postgres://u@localhost/x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost/x");
  }

  @Test
  void rejectsOtherSchemesWithTheAcceptedForms() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageContaining("postgresql://USER");
    assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
