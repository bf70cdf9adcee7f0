package dev.reelforge.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.cli.Cli;
import dev.reelforge.app.docs.DocBlocks.Block;
import dev.reelforge.app.docs.DocBlocks.Command;
import dev.reelforge.app.security.AccessTokens;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every example in README.md and docs/*.md, so the docs and the behaviour cannot drift apart
 * (the convention is at the top of docs/api.md):
 *
 * <ul>
 *   <li>a {@code sh} block of one {@code curl} command is sent to this test's server ({@link
 *       CurlCall}); the block right after it, when it directly follows, is the answer: {@code json}
 *       compared by shape ({@link JsonShape}), plain text line by line ({@link #linesDiffer});
 *       {@code # → 401} ending the command states the status, otherwise it must be 2xx;
 *   <li>a {@code sh} block of {@code ./reelforge} commands runs each in-process ({@link Cli}) from
 *       the repository root, with {@code --out} in a temporary folder and {@code make} at draft
 *       quality unless the command names one; each must exit 0 (or the {@code # → exit N} it
 *       states) and print the lines of a plain block right after it;
 *   <li>a {@code json} block that answers nothing must be valid JSON (with the {@code …} rules);
 *   <li>any other {@code sh} block fails unless a {@code <!-- doc-test: not run — why -->} comment
 *       sits right above it.
 * </ul>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=100000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=100000",
      "reelforge.limits.render-per-minute=100000",
      "reelforge.limits.preview-per-minute=100000",
      "reelforge.security.token-signing-key=" + DocExamplesTest.SIGNING_KEY
    })
class DocExamplesTest {

  /** A known key, so that the test can make an expired token the server would have made. */
  static final String SIGNING_KEY = "ZG9jLXRlc3RzLWtub3ctdGhpcy1rZXktMzItYnl0ZXMh";

  /** The user the examples act as; its password is {@link TestUsers#PASSWORD}. */
  static final String USER = "alice";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern STATUS = Pattern.compile("#\\s*→\\s*(\\d{3})\\b");
  private static final Pattern EXIT = Pattern.compile("#\\s*→\\s*exit\\s+(\\d+)\\b");
  private static final Pattern NOT_RUN = Pattern.compile("not run\\s*[—–-]+\\s*\\S.*");
  private static final List<String> SHELLS = List.of("sh", "bash", "shell", "console");

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @TempDir Path temp;

  private final Map<String, Supplier<String>> variables = new HashMap<>();
  private final Map<String, String> made = new HashMap<>();
  private UserAccount alice;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "DocExamplesTest");
  }

  static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("README.md")).as("the repository root above the module").exists();
    return root;
  }

  static List<Path> documents(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleInTheDocsRuns() throws IOException {
    provideVariables();
    Path root = repositoryRoot();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : documents(root)) {
      List<Block> blocks = DocBlocks.read(root, file);
      for (int i = 0; i < blocks.size(); i++) {
        Block block = blocks.get(i);
        Optional<Block> next =
            i + 1 < blocks.size() && blocks.get(i + 1).followsBlock()
                ? Optional.of(blocks.get(i + 1))
                : Optional.empty();
        if (SHELLS.contains(block.language())) {
          tests.add(shellExample(root, block, next));
          if (next.isPresent() && !SHELLS.contains(next.get().language())) {
            i++; // the answer belongs to this example
          }
        } else if (looksRunnable(block)) {
          tests.add(
              DynamicTest.dynamicTest(
                  block.at() + " unlabelled command",
                  () ->
                      fail(
                          "%s: a block of commands is labelled ```sh, so that the doc-test runs"
                              + " it (or marked <!-- doc-test: not run — why -->)",
                          block.at())));
        } else if (block.language().equals("json")) {
          tests.add(DynamicTest.dynamicTest(block.at() + " JSON parses", () -> parses(block)));
        }
      }
    }
    assertThat(tests).as("examples found in the docs").hasSizeGreaterThan(10);
    return tests.stream();
  }

  /** A command block under another label would escape the test. */
  private static boolean looksRunnable(Block block) {
    String body = block.body().stripLeading();
    return block.marker().isEmpty()
        && (body.startsWith("curl ") || body.startsWith("./reelforge ") || body.startsWith("$ "));
  }

  private DynamicTest shellExample(Path root, Block block, Optional<Block> answer) {
    List<Command> commands = DocBlocks.commands(block);
    String first = commands.isEmpty() ? "" : commands.get(0).text();
    String name = block.at() + " " + first.substring(0, Math.min(first.length(), 70));
    if (block.marker().isPresent()) {
      String marker = block.marker().get();
      return DynamicTest.dynamicTest(
          name,
          () -> {
            if (!NOT_RUN.matcher(marker).matches()) {
              fail(
                  "%s: the marker '%s' is not understood; write <!-- doc-test: not run — why -->",
                  block.at(), marker);
            }
            Assumptions.abort(block.at() + " is marked " + marker);
          });
    }
    if (!commands.isEmpty() && commands.stream().allMatch(c -> c.text().startsWith("curl "))) {
      return DynamicTest.dynamicTest(name, () -> runCurl(block, commands, answer));
    }
    if (!commands.isEmpty()
        && commands.stream().allMatch(c -> c.text().startsWith("./reelforge "))) {
      return DynamicTest.dynamicTest(name, () -> runCli(root, block, commands, answer));
    }
    return DynamicTest.dynamicTest(
        name,
        () ->
            fail(
                "%s: the doc-test cannot run this block (only curl or ./reelforge commands);"
                    + " mark it <!-- doc-test: not run — why --> on the line above",
                block.at()));
  }

  // ---------------------------------------------------------------- HTTP examples

  private void runCurl(Block block, List<Command> commands, Optional<Block> answer)
      throws Exception {
    if (commands.size() != 1) {
      fail("%s: one curl command per block, so that its answer can follow it", block.at());
    }
    Command command = commands.get(0);
    String where = block.where() + ":" + command.line();
    CurlCall call = CurlCall.parse(ShellWords.split(command.text(), values(command.text())));
    HttpResponse<String> response = http.send(call.request(), HttpResponse.BodyHandlers.ofString());
    Matcher stated = STATUS.matcher(command.text());
    if (stated.find()) {
      assertThat(response.statusCode())
          .as("%s: %s answers the documented status; body %s", where, call.title(), response.body())
          .isEqualTo(Integer.parseInt(stated.group(1)));
    } else {
      assertThat(response.statusCode())
          .as(
              "%s: %s should succeed (or state '# → STATUS'); body %s",
              where, call.title(), response.body())
          .isBetween(200, 299);
    }
    if (answer.isEmpty()) {
      return;
    }
    Block documented = answer.get();
    if (documented.language().equals("json")) {
      JsonNode shape = documentedJson(documented);
      JsonNode actual;
      try {
        actual = JSON.readTree(response.body());
      } catch (RuntimeException e) {
        throw new AssertionError(
            documented.at() + ": " + call.title() + " answered no JSON: " + response.body(), e);
      }
      List<String> differences = JsonShape.differences(shape, actual);
      if (!differences.isEmpty()) {
        fail(
            "%s: the answer of %s (%s) differs from the documented shape:%n  %s%ndocumented: %s%n"
                + "actual:     %s",
            documented.at(),
            call.title(),
            where,
            String.join("\n  ", differences),
            documented.body().strip(),
            actual);
      }
    } else {
      linesDiffer(documented, call.title(), response.body());
    }
  }

  private static JsonNode documentedJson(Block block) {
    try {
      return JsonShape.documented(block.body());
    } catch (RuntimeException e) {
      throw new AssertionError(block.at() + ": the documented JSON does not parse: " + e, e);
    }
  }

  private static void parses(Block block) {
    documentedJson(block);
  }

  /**
   * Each non-blank documented line must match a line of the output, in order ({@code …} matches
   * anything); output lines between them are allowed.
   */
  static void linesDiffer(Block documented, String what, String output) {
    List<String> actual = output.lines().map(String::strip).toList();
    int from = 0;
    for (String line : documented.body().lines().map(String::strip).toList()) {
      if (line.isEmpty()) {
        continue;
      }
      Pattern pattern = Pattern.compile(wildcards(line));
      int found = -1;
      for (int i = from; i < actual.size(); i++) {
        if (pattern.matcher(actual.get(i)).matches()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        fail(
            "%s: %s printed no line like \"%s\" (after line %d of its output); output:%n%s",
            documented.at(), what, line, from, output);
      }
      from = found + 1;
    }
  }

  private static String wildcards(String line) {
    StringBuilder regex = new StringBuilder();
    for (String part : line.split("…", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return regex.toString();
  }

  // ---------------------------------------------------------------- the variables

  /**
   * What the examples may use, each made once when an example first needs it: {@code $BASE} (this
   * server), {@code $TOKEN} (an access token of {@value #USER}, a creator), {@code $REFRESH} (a
   * refresh token of a new sign-in of {@value #USER}, new for every example), {@code $EXPIRED} (an
   * access token of {@value #USER} that expired), {@code $SESSION} (a story session of {@value
   * #USER}), {@code $RUN} (a finished story run of {@value #USER}).
   */
  private void provideVariables() {
    variables.put("BASE", () -> "http://127.0.0.1:" + port);
    variables.put("TOKEN", () -> once("TOKEN", () -> TestUsers.tokenOf(context, user())));
    variables.put("REFRESH", () -> signIn().path("refreshToken").asString());
    variables.put(
        "EXPIRED",
        () ->
            new AccessTokens(
                    Base64.getDecoder().decode(SIGNING_KEY),
                    Duration.ofMinutes(15),
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))
                .issue(user()));
    variables.put(
        "SESSION",
        () ->
            once(
                "SESSION",
                () ->
                    data(
                            "POST",
                            "/api/story/start",
                            "{\"input\":\"Why the Moon drifts away\",\"inputType\":\"idea\"}")
                        .path("id")
                        .asString()));
    variables.put("RUN", () -> once("RUN", this::finishedRun));
  }

  private Map<String, String> values(String command) {
    Map<String, String> values = new HashMap<>();
    variables.forEach(
        (name, value) -> {
          if (command.contains("$" + name) || command.contains("${" + name + "}")) {
            values.put(name, value.get());
          }
        });
    variables.keySet().forEach(name -> values.putIfAbsent(name, "(unused)"));
    return values;
  }

  private String once(String name, Supplier<String> make) {
    // Not computeIfAbsent: making one value may need another (a run needs the token).
    String value = made.get(name);
    if (value == null) {
      value = make.get();
      made.put(name, value);
    }
    return value;
  }

  private UserAccount user() {
    if (alice == null) {
      alice = TestUsers.create(context, USER, Role.CREATOR);
    }
    return alice;
  }

  private JsonNode signIn() {
    user();
    return data(
        "POST",
        "/auth/login",
        "{\"username\":\"" + USER + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
  }

  private JsonNode data(String method, String path, String body) {
    try {
      HttpResponse<String> response =
          new ApiCalls(port).send(method, path, body, path.startsWith("/auth") ? null : token());
      assertThat(response.statusCode())
          .as(method + " " + path + ": " + response.body())
          .isEqualTo(200);
      return JSON.readTree(response.body()).path("data");
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  private String token() {
    return variables.get("TOKEN").get();
  }

  private String finishedRun() {
    try {
      StoryRuns runs = new StoryRuns(new ApiCalls(port), token());
      String statusUrl = runs.start("The Moon drifts four centimetres a year.");
      JsonNode run = runs.await(statusUrl, Duration.ofMinutes(3));
      assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
      return run.path("id").asString();
    } catch (Exception e) {
      throw new IllegalStateException("a run for $RUN", e);
    }
  }

  // ---------------------------------------------------------------- CLI examples

  private void runCli(Path root, Block block, List<Command> commands, Optional<Block> answer) {
    StringBuilder printed = new StringBuilder();
    for (Command command : commands) {
      String where = block.where() + ":" + command.line();
      List<String> words = ShellWords.split(command.text(), values(command.text()));
      List<String> args = cliArguments(root, words.subList(1, words.size()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          new Cli(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .run(args.toArray(String[]::new));
      String stdout = out.toString(StandardCharsets.UTF_8);
      Matcher stated = EXIT.matcher(command.text());
      int expected = stated.find() ? Integer.parseInt(stated.group(1)) : 0;
      assertThat(code)
          .as(
              "%s: %s exits %d; stdout:%n%s%nstderr:%n%s",
              where, command.text(), expected, stdout, err.toString(StandardCharsets.UTF_8))
          .isEqualTo(expected);
      printed.append(stdout);
    }
    answer.ifPresent(documented -> linesDiffer(documented, "the commands", printed.toString()));
  }

  /**
   * The arguments as if run from the repository root: an existing relative path is resolved there,
   * {@code --out} goes to a temporary folder (given one when the command has none), and {@code
   * make} renders at draft quality unless the command names one.
   */
  private List<String> cliArguments(Path root, List<String> words) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("--out") && i + 1 < words.size()) {
        args.add(word);
        args.add(temp.resolve(words.get(++i)).toString());
      } else if (!word.startsWith("-") && !word.isEmpty() && Files.exists(root.resolve(word))) {
        args.add(root.resolve(word).toString());
      } else {
        args.add(word);
      }
    }
    String command = args.isEmpty() ? "" : args.get(0);
    boolean help = args.contains("--help");
    if ((command.equals("make")
            || command.equals("render")
            || command.equals("generate")
            || command.equals("brand"))
        && !help) {
      if (!args.contains("--out")) {
        args.add("--out");
        args.add(temp.resolve("out").toString());
      }
      if (command.equals("make") && !args.contains("--quality")) {
        args.add("--quality");
        args.add("draft");
      }
    }
    return args;
  }
}
