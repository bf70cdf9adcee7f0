package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.accounts.UserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OIDC sign-in through the real application against a local issuer: the browser's round trip (login
 * → issuer → callback with the state cookie), users made on first sight and found again by issuer
 * and subject, key rotation, and every way a sign-in must be refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=1000",
      "reelforge.security.oidc.client-id=" + StubOidcIssuer.CLIENT_ID,
      "reelforge.security.oidc.client-secret=" + StubOidcIssuer.CLIENT_SECRET
    })
class OidcLoginTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static StubOidcIssuer issuer;

  /** Follows no redirect, as the test plays the browser step by step. */
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Value("${local.server.port}")
  int port;

  @Autowired UserStore users;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    AppTestDatabase.register(registry, "OidcLoginTest");
    issuer = new StubOidcIssuer();
    registry.add("reelforge.security.oidc.issuer", issuer::issuer);
  }

  @AfterAll
  static void stopIssuer() {
    issuer.close();
  }

  @AfterEach
  void restoreIssuer() {
    issuer.spoilClaims(UnaryOperator.identity());
    issuer.signWith(null);
  }

  /** The browser's round trip up to the callback, which is answered as it is. */
  private record SignIn(URI callback, String cookie) {}

  private SignIn toIssuerAndBack() throws Exception {
    return toIssuerAndBack("/auth/oidc/login");
  }

  private SignIn toIssuerAndBack(String begin) throws Exception {
    HttpResponse<String> start = get(URI.create(base() + begin), null);
    assertThat(start.statusCode()).isEqualTo(302);
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(location)
        .startsWith(issuer.issuer() + "/authorize?")
        .contains("code_challenge_method=S256")
        .contains("nonce=")
        .contains("state=");
    String setCookie = start.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(OidcController.STATE_COOKIE + "=")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/auth/oidc");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> atIssuer = get(URI.create(location), null);
    assertThat(atIssuer.statusCode()).isEqualTo(302);
    URI callback = URI.create(atIssuer.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getPath()).isEqualTo("/auth/oidc/callback");
    return new SignIn(callback, cookie);
  }

  private HttpResponse<String> finish(SignIn signIn) throws Exception {
    return get(signIn.callback(), signIn.cookie());
  }

  private String signInAs(String subject, String name) throws Exception {
    issuer.nextPerson(subject, name);
    HttpResponse<String> done = finish(toIssuerAndBack());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith(OidcController.STATE_COOKIE + "=;") && c.contains("Max-Age=0"));
    return JSON.readTree(done.body()).path("data").path("accessToken").asString();
  }

  @Test
  void theFirstSignInMakesACreatorAndTheNextFindsTheSameUser() throws Exception {
    String token = signInAs("subject-ada", "ada");
    JsonNode me = me(token);
    assertThat(me.path("username").asString()).isEqualTo("ada");
    assertThat(me.path("role").asString()).isEqualTo("creator");
    String id = me.path("id").asString();
    int before = users.list().size();

    String again = signInAs("subject-ada", "ada-renamed-at-the-issuer");
    assertThat(me(again).path("id").asString()).isEqualTo(id);
    assertThat(users.list()).hasSize(before);

    // Someone else whose preferred name is taken gets a name of their own.
    String other = signInAs("subject-other-ada", "ada");
    JsonNode otherMe = me(other);
    assertThat(otherMe.path("id").asString()).isNotEqualTo(id);
    assertThat(otherMe.path("username").asString()).startsWith("ada-");
  }

  @Test
  void theSignInPageOffersTheOrganizationsSignInWhenAnIssuerIsConfigured() throws Exception {
    HttpResponse<String> page = get(URI.create(base() + "/ui/login"), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"oidc-sign-in\"")
        .contains("/auth/oidc/login?to=dashboard")
        .contains("Sign in with your organization");
  }

  @Test
  void aSignInBegunOnTheDashboardEndsThereSignedInByItsCookie() throws Exception {
    issuer.nextPerson("subject-dashboard", "dash");
    HttpResponse<String> done = finish(toIssuerAndBack("/auth/oidc/login?to=dashboard"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/ui");
    String session =
        done.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(BrowserSession.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(session).contains("HttpOnly");
    assertThat(done.body()).doesNotContain("accessToken");
    HttpResponse<String> me =
        get(URI.create(base() + "/api/me"), session.substring(0, session.indexOf(';')));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("data").path("username").asString()).isEqualTo("dash");
  }

  @Test
  void aSignInSurvivesTheIssuerRotatingItsKeys() throws Exception {
    signInAs("subject-rotation", "rotor");
    int reads = issuer.keySetReads.get();
    issuer.rotateKey("key-rotated-" + reads);
    String token = signInAs("subject-rotation", "rotor");
    assertThat(me(token).path("username").asString()).isEqualTo("rotor");
    assertThat(issuer.keySetReads.get()).isEqualTo(reads + 1);
  }

  @Test
  void everySpoiledSignInIsRefusedAndMakesNoUser() throws Exception {
    issuer.nextPerson("subject-mallory", "mallory");

    SignIn wrongState = toIssuerAndBack();
    URI forged = URI.create(wrongState.callback().toString().replaceAll("state=[^&]+", "state=x"));
    expectRefused(get(forged, wrongState.cookie()), "state");

    SignIn noCookie = toIssuerAndBack();
    expectRefused(get(noCookie.callback(), null), "state cookie");

    SignIn forgedCookie = toIssuerAndBack();
    expectRefused(
        get(forgedCookie.callback(), OidcController.STATE_COOKIE + "=eyJhbGciOiJub25lIn0.e30."),
        "state cookie");

    assertThat(users.findByOidcSubject(issuer.issuer(), "subject-mallory")).isEmpty();
  }

  @Test
  void idTokensFailingAnyCheckAreRefused() throws Exception {
    issuer.nextPerson("subject-eve", "eve");
    Date past = new Date(System.currentTimeMillis() - 3_600_000);
    List<Spoil> spoils =
        List.of(
            new Spoil("expired", c -> c.expirationTime(past).issueTime(past), "expired"),
            new Spoil("another audience", c -> c.audience("someone-else"), "not meant"),
            new Spoil(
                "several audiences, no azp",
                c -> c.audience(List.of(StubOidcIssuer.CLIENT_ID, "someone-else")),
                "authorized party"),
            new Spoil("another issuer", c -> c.issuer("https://evil.example"), "issued by"),
            new Spoil("another nonce", c -> c.claim("nonce", "replayed"), "nonce"),
            new Spoil(
                "issued in the future",
                c -> c.issueTime(new Date(System.currentTimeMillis() + 3_600_000)),
                "future"));
    for (Spoil spoil : spoils) {
      issuer.spoilClaims(spoil.change());
      HttpResponse<String> refused = finish(toIssuerAndBack());
      expectRefused(refused, spoil.expected());
    }
    issuer.spoilClaims(UnaryOperator.identity());

    // A key of the same id as the published one, but not the issuer's.
    issuer.signWith(StubOidcIssuer.newKey(issuer.publishedKeyId()));
    expectRefused(finish(toIssuerAndBack()), "signature");
    issuer.signWith(StubOidcIssuer.newKey("key-nobody-publishes"));
    expectRefused(finish(toIssuerAndBack()), "does not publish");

    assertThat(users.findByOidcSubject(issuer.issuer(), "subject-eve")).isEmpty();
  }

  private record Spoil(String name, UnaryOperator<JWTClaimsSet.Builder> change, String expected) {}

  @Test
  void aCodeIsSpentOnceAndTheIssuersOwnRefusalIsShown() throws Exception {
    issuer.nextPerson("subject-once", "once");
    SignIn signIn = toIssuerAndBack();
    assertThat(finish(signIn).statusCode()).isEqualTo(200);
    expectRefused(finish(signIn), "invalid_grant");

    URI denied = URI.create(base() + "/auth/oidc/callback?error=access_denied&state=whatever");
    expectRefused(get(denied, signIn.cookie()), "access_denied");
    URI reflected = URI.create(base() + "/auth/oidc/callback?error=%3Cscript%3E");
    HttpResponse<String> shown = get(reflected, null);
    expectRefused(shown, "unreadable");
    assertThat(shown.body()).doesNotContain("<script>");
  }

  @Test
  void aDisabledUserCannotSignInThroughTheIssuer() throws Exception {
    signInAs("subject-gone", "gone");
    UserAccount user = users.findByOidcSubject(issuer.issuer(), "subject-gone").orElseThrow();
    users.setActive(user.id(), false);
    issuer.nextPerson("subject-gone", "gone");
    expectRefused(finish(toIssuerAndBack()), "disabled");
    assertThat(Optional.of(user.id()))
        .contains(users.findByOidcSubject(issuer.issuer(), "subject-gone").orElseThrow().id());
  }

  private void expectRefused(HttpResponse<String> response, String because) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("error").asString()).isEqualTo("AUTH_REQUIRED");
    assertThat(error.path("detail").asString()).contains(because);
  }

  private JsonNode me(String token) throws Exception {
    HttpResponse<String> me = new ApiCalls(port).send("GET", "/me", null, token);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    return JSON.readTree(me.body()).path("data");
  }

  private HttpResponse<String> get(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
