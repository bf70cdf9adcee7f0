package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.ReelForgeApplication;
import dev.reelforge.testkit.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reelforge user} and {@code doctor} run while a server owns the embedded database: they
 * attach to that server's database as clients instead of failing on its lock, what they change is
 * what the server sees at once, and the server goes on serving after they exit. A second server on
 * the same data is still refused.
 */
class UserCommandBesideServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ONE_TIME = Pattern.compile("one-time password(?: of \\S+)?: (\\S+)");

  private static Path root;
  private static ConfigurableApplicationContext server;
  private static ApiCalls api;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @BeforeAll
  static void startServer() {
    root = TempDirs.worldSearchable("rf-beside");
    // As arguments, as serve passes them: they outrank the test run's system properties.
    server =
        new SpringApplicationBuilder(ReelForgeApplication.class)
            .run(
                "--server.port=0",
                "--reelforge.database.embedded.data-dir=" + dataDir(),
                "--reelforge.security.password-hash-cost=4",
                "--reelforge.limits.auth-per-minute=1000");
    api = new ApiCalls(((WebServerApplicationContext) server).getWebServer().getPort());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
    TempDirs.deleteTree(root);
  }

  private static Path dataDir() {
    return root.resolve("postgres");
  }

  private int cli(String... args) {
    out.reset();
    err.reset();
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--reelforge.database.embedded.data-dir=" + dataDir();
    return cli.run(all);
  }

  @Test
  void aUserAddedFromTheCommandLineSignsInToTheRunningServer() throws Exception {
    assertThat(cli("user", "add", "dave", "--role", "viewer")).as(stderr()).isZero();
    String password = oneTimePassword(stdout());

    JsonNode login = login("dave", password);
    assertThat(login.path("passwordChangeRequired").asBoolean()).isTrue();
    assertThat(cli("user", "list")).isZero();
    assertThat(stdout()).containsPattern("dave +viewer +active");

    // A reset from the command line signs the user out of the running server at once.
    assertThat(cli("user", "reset-password", "dave")).as(stderr()).isZero();
    String second = oneTimePassword(stdout());
    HttpResponse<String> refreshed =
        api.send(
            "POST",
            "/auth/refresh",
            "{\"refreshToken\":\"" + login.path("refreshToken").asString() + "\"}",
            null);
    assertThat(refreshed.statusCode()).isEqualTo(401);
    // The access token still within its 15 minutes can only choose a password, which takes the new
    // one-time password: the server reads the reset from the database on each request.
    HttpResponse<String> oldToken =
        api.send("GET", "/api/runs", null, login.path("accessToken").asString());
    assertThat(oldToken.statusCode()).isEqualTo(403);
    assertThat(oldToken.body()).contains("PASSWORD_CHANGE_REQUIRED");
    assertThat(api.send("POST", "/auth/login", credentials("dave", password), null).statusCode())
        .isEqualTo(401);
    login("dave", second);

    // The command closed its side only: the server still serves from its database.
    assertThat(api.send("GET", "/api/health", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void doctorReportsTheRunningServersDatabaseInsteadOfFailing() {
    cli("doctor");
    assertThat(stdout())
        .containsPattern(
            "ok +database +PostgreSQL 17.*embedded PostgreSQL in "
                + Pattern.quote(dataDir().toString())
                + ", owned by a running ReelForge server \\(pid "
                + ProcessHandle.current().pid()
                + "\\) on 127\\.0\\.0\\.1:\\d+, schema version \\d+")
        .doesNotContain("in use by another ReelForge process");
  }

  @Test
  void aSecondServerOnTheSameDataIsRefusedWithTheOwnerNamed() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(ReelForgeApplication.class)
                    .run("--server.port=0", "--reelforge.database.embedded.data-dir=" + dataDir())
                    .close())
        .hasStackTraceContaining(
            "is in use by another ReelForge process (pid " + ProcessHandle.current().pid());
  }

  private JsonNode login(String username, String password) throws Exception {
    HttpResponse<String> response =
        api.send("POST", "/auth/login", credentials(username, password), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("data");
  }

  private static String credentials(String username, String password) {
    return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
  }

  private static String oneTimePassword(String output) {
    Matcher m = ONE_TIME.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group(1);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
