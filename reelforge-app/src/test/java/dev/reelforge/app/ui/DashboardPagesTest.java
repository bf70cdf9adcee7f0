package dev.reelforge.app.ui;

import static dev.reelforge.app.ui.PageSession.cookieOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's sign-in and guards over plain HTTP, as a browser would send it (runs without
 * Chromium): the session cookie and its flags, the redirect to sign in and back (never to another
 * site), refusal of cross-site posts, sign-out that ends the session on the server, error pages
 * (404 for another user's story, 403 for a role without the permission), and form errors shown on
 * the form with the typed text kept.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=10000"
    })
class DashboardPagesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired ApplicationContext context;

  private final int port;
  private final PageSession pages;

  DashboardPagesTest(@Value("${local.server.port}") int port) {
    this.port = port;
    this.pages = new PageSession(port);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "DashboardPagesTest");
  }

  @Test
  void signingInSetsAnHttpOnlyCookieAndSigningOutEndsTheSessionOnTheServer() throws Exception {
    TestUsers.create(context, "pages-creator", Role.CREATOR);
    HttpResponse<String> anonymous = pages.get("/ui/new", null);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow())
        .endsWith("/ui/login?next=%2Fui%2Fnew");

    HttpResponse<String> wrong =
        pages.post("/ui/login", Map.of("username", "pages-creator", "password", "nope"), null);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong username or password").contains("pages-creator");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> signedIn =
        pages.post(
            "/ui/login",
            Map.of("username", "pages-creator", "password", TestUsers.PASSWORD, "next", "/ui/new"),
            null);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/ui/new");
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/");
    String cookie = cookieOf(signedIn);
    assertThat(pages.get("/ui/new", cookie).statusCode()).isEqualTo(200);
    assertThat(pages.get("/api/me", cookie).body()).contains("pages-creator");

    // Cross-site: a post carrying the cookie from another origin is refused, even a valid form.
    HttpResponse<String> forged =
        pages.post(
            "/ui/new",
            Map.of("kind", "idea", "text", "x"),
            cookie,
            Optional.of("https://evil.example"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> noOrigin =
        pages.post("/ui/new", Map.of("kind", "idea", "text", "x"), cookie, Optional.empty());
    assertThat(noOrigin.statusCode()).isEqualTo(403);

    HttpResponse<String> out = pages.post("/ui/logout", Map.of(), cookie);
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    // The old cookie no longer signs anyone in, even if the browser kept it.
    assertThat(pages.get("/ui/new", cookie).statusCode()).isEqualTo(302);
    assertThat(pages.get("/api/me", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void theSignInPageOnlyReturnsToDashboardPages() throws Exception {
    TestUsers.create(context, "pages-next", Role.CREATOR);
    for (String next :
        new String[] {"https://evil.example/", "//evil.example", "/\\evil", "/api/me"}) {
      HttpResponse<String> signedIn =
          pages.post(
              "/ui/login",
              Map.of("username", "pages-next", "password", TestUsers.PASSWORD, "next", next),
              null);
      assertThat(signedIn.headers().firstValue("Location").orElseThrow())
          .as(next)
          .isEqualTo("http://localhost:" + port + "/ui");
    }
    HttpResponse<String> crossSite =
        pages.post(
            "/ui/login",
            Map.of("username", "pages-next", "password", TestUsers.PASSWORD),
            null,
            Optional.of("https://evil.example"));
    assertThat(crossSite.statusCode()).isEqualTo(400);
    assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aTemplateScriptSaysSoAboveTheBeats() throws Exception {
    TestUsers.create(context, "pages-template", Role.CREATOR);
    String owner = pages.signIn("pages-template");
    HttpResponse<String> made =
        pages.post(
            "/ui/new",
            Map.of(
                "kind", "idea",
                "text", "how bees find flowers",
                "formats", "square",
                "captionStyle", "boxed",
                "music", "none",
                "quality", "draft"),
            owner);
    assertThat(made.statusCode()).isEqualTo(302);
    String story = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/ui/", "/ui/");
    String editor = pages.get(story, owner).body();
    assertThat(editor)
        .contains("id=\"script-notice\"")
        .contains("Template script — edit before publishing.");
    // Before the first beat, where the creator starts reading.
    assertThat(editor.indexOf("script-notice")).isLessThan(editor.indexOf("id=\"beat-0\""));
  }

  @Test
  void errorsArePagesWithTheApiStatusAndFormsKeepWhatWasTyped() throws Exception {
    TestUsers.create(context, "pages-owner", Role.CREATOR);
    TestUsers.create(context, "pages-intruder", Role.CREATOR);
    TestUsers.create(context, "pages-viewer", Role.VIEWER);
    String owner = pages.signIn("pages-owner");
    HttpResponse<String> made =
        pages.post(
            "/ui/new",
            Map.of(
                "kind", "script",
                "text", "First beat here.\nSecond beat there.",
                "formats", "square",
                "captionStyle", "boxed",
                "music", "none",
                "quality", "draft"),
            owner);
    assertThat(made.statusCode()).isEqualTo(302);
    String story = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/ui/", "/ui/");
    HttpResponse<String> editor = pages.get(story, owner);
    assertThat(editor.statusCode()).isEqualTo(200);
    assertThat(editor.body()).contains("First beat here.", "Second beat there.");

    String intruder = pages.signIn("pages-intruder");
    HttpResponse<String> foreign = pages.get(story, intruder);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(foreign.body()).contains("Not found").doesNotContain("First beat here.");
    assertThat(pages.post(story + "/beats/0/delete", Map.of(), intruder).statusCode())
        .isEqualTo(404);
    assertThat(pages.get(story, owner).body()).contains("First beat here.");

    String viewer = pages.signIn("pages-viewer");
    HttpResponse<String> forbidden = pages.get("/ui/new", viewer);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("may not open this page");
    assertThat(pages.get("/ui/ops", owner).statusCode()).isEqualTo(403);

    // A bad form comes back with the reason and the text that was typed.
    HttpResponse<String> invalid =
        pages.post(
            "/ui/new",
            Map.of("kind", "idea", "text", "Keep this text <b>safe</b>", "formats", "imax"),
            owner);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("unknown format")
        .contains("Keep this text &lt;b&gt;safe&lt;/b&gt;")
        .doesNotContain("<b>safe</b>");
    HttpResponse<String> lastBeat = pages.post(story + "/beats/1/delete", Map.of(), owner);
    assertThat(lastBeat.statusCode()).isEqualTo(302);
    HttpResponse<String> onlyBeat = pages.post(story + "/beats/0/delete", Map.of(), owner);
    assertThat(onlyBeat.statusCode()).isEqualTo(400);
    assertThat(onlyBeat.body()).contains("the last beat cannot be deleted", "First beat here.");
  }

  @Test
  void aVideoMadeOnTheDashboardIsListedByTitleWithFriendlyStatesOnlyItsStagesAndNamedDownloads()
      throws Exception {
    TestUsers.create(context, "pages-maker", Role.CREATOR);
    String owner = pages.signIn("pages-maker");
    HttpResponse<String> made =
        pages.post(
            "/ui/new",
            Map.of(
                "kind", "idea",
                "text", "the moon",
                "formats", "tiktok",
                "music", "none",
                "quality", "draft",
                "captionStyle", "bold-pop"),
            owner);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
    String story = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/ui/", "/ui/");
    HttpResponse<String> rendering = pages.post(story + "/render", Map.of(), owner);
    assertThat(rendering.statusCode()).as(rendering.body()).isEqualTo(302);
    String runPage =
        rendering.headers().firstValue("Location").orElseThrow().replaceAll(".*/ui/", "/ui/");
    String runId = runPage.substring(runPage.lastIndexOf('/') + 1);
    JsonNode run = JSON.readTree("{}");
    for (int i = 0;
        i < 300 && !run.path("status").asString().matches("succeeded|failed|cancelled");
        i++) {
      Thread.sleep(700);
      run = JSON.readTree(pages.get("/api/runs/" + runId, owner).body()).path("data");
    }
    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
    String title = run.path("title").asString();
    assertThat(title).isNotBlank();

    // Listed by its title, its state in words.
    String home = pages.get("/ui", owner).body();
    assertThat(home).contains(">" + title + "</a>").doesNotContain("story " + runId.substring(24));
    assertThat(home).contains("data-status=\"succeeded\">Ready<");
    assertThat(home).doesNotContain(">rendered<", ">clips_searched<");

    // Only the stages of the shapes asked for; downloads named after the title.
    String page = pages.get(runPage, owner).body();
    assertThat(page).contains("id=\"run-title\">" + title + "<");
    assertThat(page).contains("data-stage=\"render-vertical\"");
    assertThat(page).doesNotContain("render-horizontal", "render-square");
    assertThat(page).contains(">Done<").doesNotContain(">succeeded<");
    String name = dev.reelforge.story.session.RunFiles.slug(title) + "-tiktok.mp4";
    Matcher tag =
        Pattern.compile("<a [^>]*download=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
    assertThat(tag.find()).as(page).isTrue();
    Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(tag.group());
    assertThat(link.find()).isTrue();
    HttpResponse<String> redirect = pages.get(link.group(1).replace("&amp;", "&"), owner);
    assertThat(redirect.statusCode()).isEqualTo(302);
    HttpResponse<String> download =
        pages.get(
            redirect
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll("^https?://[^/]+", ""),
            null);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename=\"" + name + "\"");

    // The session learns its run's end from the run-end follower, a poll after the run itself.
    String editor = pages.get(story, owner).body();
    for (int i = 0; i < 50 && !editor.contains("data-status=\"rendered\""); i++) {
      Thread.sleep(200);
      editor = pages.get(story, owner).body();
    }
    assertThat(editor).contains("data-status=\"rendered\"").contains(">Video ready<");
  }

  @Test
  void theVoicePickerListsTheInstalledVoicesAndEachHasARealAudioSample() throws Exception {
    TestUsers.create(context, "pages-voices", Role.CREATOR);
    String owner = pages.signIn("pages-voices");
    JsonNode listed = JSON.readTree(pages.get("/api/voices", owner).body()).path("data");
    assertThat(listed.path("engine").asString()).isNotBlank();
    assertThat(listed.path("voices").size()).isPositive();
    String form = pages.get("/ui/new", owner).body();
    assertThat(form).contains("<select name=\"voice\" id=\"voice\">").contains("data-voice-sample");
    for (JsonNode voice : listed.path("voices")) {
      assertThat(form).contains("<option value=\"" + voice.path("id").asString() + "\"");
    }

    String first = listed.path("voices").get(0).path("preview").asString();
    HttpResponse<byte[]> sample = bytes(first, owner);
    assertThat(sample.statusCode()).isEqualTo(200);
    assertThat(sample.headers().firstValue("Content-Type").orElseThrow()).startsWith("audio/wav");
    byte[] wav = sample.body();
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    assertThat(wav.length).isGreaterThan(16_000);
    assertThat(bytes(first, owner).body()).as("kept, not made again").isEqualTo(wav);

    HttpResponse<String> malformed = pages.get("/api/voices/no%20such!/preview", owner);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"id\"");
    assertThat(pages.get("/api/voices/zz-unknown/preview", owner).statusCode()).isEqualTo(404);
    assertThat(pages.get("/api/voices", null).statusCode()).isEqualTo(401);

    // A voice the engine does not have is refused on the form, before a session is started.
    HttpResponse<String> unknown =
        pages.post(
            "/ui/new",
            Map.of(
                "kind",
                "idea",
                "text",
                "how bees find flowers",
                "formats",
                "tiktok",
                "voice",
                "zz-unknown"),
            owner);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no voice &#39;zz-unknown&#39;");
    assertThat(pages.get("/ui", owner).body()).doesNotContain("how bees find flowers");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theFaviconIsAnImageAndLinkedFromEveryPage(CapturedOutput log) throws Exception {
    HttpResponse<byte[]> ico = bytes("/favicon.ico", null);
    assertThat(ico.statusCode()).isEqualTo(200);
    assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    assertThat(ico.body()).startsWith(new byte[] {0, 0, 1, 0});
    HttpResponse<byte[]> svg = bytes("/favicon.svg", null);
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(pages.get("/ui/login", null).body()).contains("href=\"/favicon.svg\"");
    assertThat(log.getAll()).as("nothing logged about the icon").doesNotContain("favicon");
  }

  private HttpResponse<byte[]> bytes(String path, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (cookie != null) {
      request.header("Cookie", "rf_session=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anAdminAddsAUserWhoseFirstSignInLeadsToChoosingANewPassword() throws Exception {
    assertThat(pages.get("/ui/login", null).body())
        .as("no OIDC issuer is configured, so no button leads to a 404")
        .doesNotContain("oidc-sign-in")
        .doesNotContain("/auth/oidc/login");
    TestUsers.create(context, "pages-admin", Role.ADMIN);
    String admin = pages.signIn("pages-admin");

    HttpResponse<String> added =
        pages.post("/ui/admin/users", Map.of("username", "pages-newbie", "role", "viewer"), admin);
    assertThat(added.statusCode()).isEqualTo(200);
    String oneTime = oneTimePasswordOn(added.body());
    assertThat(added.body()).contains("pages-newbie is added");
    assertThat(pages.get("/ui/admin/users", admin).body())
        .as("shown once")
        .contains("pages-newbie")
        .doesNotContain(oneTime);
    HttpResponse<String> taken =
        pages.post("/ui/admin/users", Map.of("username", "pages-newbie", "role", "viewer"), admin);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("This username is taken");
    HttpResponse<String> badName =
        pages.post("/ui/admin/users", Map.of("username", "x", "role", "superuser"), admin);
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(badName.body()).contains("Choose one of the roles offered");

    String newbie =
        cookieOf(
            pages.post("/ui/login", Map.of("username", "pages-newbie", "password", oneTime), null));
    for (String page : new String[] {"/ui", "/ui/runs/" + java.util.UUID.randomUUID()}) {
      HttpResponse<String> sent = pages.get(page, newbie);
      assertThat(sent.statusCode()).as(page).isEqualTo(302);
      assertThat(sent.headers().firstValue("Location").orElseThrow())
          .endsWith(
              "/ui/account/password?next="
                  + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8));
    }
    assertThat(pages.get("/api/runs", newbie).statusCode()).isEqualTo(403);
    HttpResponse<String> form = pages.get("/ui/account/password?next=%2Fui%2Fnew", newbie);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Choose a new password", "one-time password")
        .contains("name=\"next\" value=\"/ui/new\"");

    HttpResponse<String> mismatch =
        pages.post(
            "/ui/account/password",
            Map.of(
                "currentPassword", oneTime,
                "newPassword", "Quiet-Lantern-Orbit-42",
                "repeatPassword", "Quiet-Lantern-Orbit-43"),
            newbie);
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(mismatch.body()).contains("The two new passwords differ");
    HttpResponse<String> wrong =
        pages.post(
            "/ui/account/password",
            Map.of(
                "currentPassword", "not-it-at-all",
                "newPassword", "Quiet-Lantern-Orbit-42",
                "repeatPassword", "Quiet-Lantern-Orbit-42"),
            newbie);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("Is not your current password");
    HttpResponse<String> changed =
        pages.post(
            "/ui/account/password",
            Map.of(
                "currentPassword", oneTime,
                "newPassword", "Quiet-Lantern-Orbit-42",
                "repeatPassword", "Quiet-Lantern-Orbit-42",
                "next", "/ui/new"),
            newbie);
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .as("on to the page asked for")
        .endsWith("/ui/new");
    String fresh = cookieOf(changed);
    HttpResponse<String> home = pages.get("/ui", fresh);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Change password");
    assertThat(pages.get("/ui", newbie).statusCode()).as("the old session ended").isEqualTo(302);
    assertThat(pages.get("/ui/account/password", fresh).body())
        .contains("Change password")
        .doesNotContain("Choose a new password");

    // An admin's reset shows a new one-time password once and signs the user out.
    String id =
        context.getBean(dev.reelforge.app.security.Accounts.class).list().stream()
            .filter(u -> u.username().equals("pages-newbie"))
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    HttpResponse<String> reset =
        pages.post("/ui/admin/users/" + id + "/reset-password", Map.of(), admin);
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.body()).contains("pages-newbie has a new password");
    assertThat(oneTimePasswordOn(reset.body())).isNotEqualTo(oneTime);
    assertThat(pages.get("/ui", fresh).statusCode()).isEqualTo(302);
  }

  private static String oneTimePasswordOn(String page) {
    Matcher m = Pattern.compile("id=\"one-time-password-value\">([^<]+)<").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }
}
