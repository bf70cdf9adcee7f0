package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.postgres.accounts.PostgresRateLimiter;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brand director's rate classes (seed 001 §5.3) through the real rate-limit filter and the
 * PostgreSQL limiter: the routes are classified, guarded as creator routes, counted per user, and
 * the request past a class's limit gets 429 with the one error envelope and {@code Retry-After}.
 */
@PostgresTest
class BrandRateLimitsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:05Z"));
  private final AccessPolicy policy = new AccessPolicy();
  private final RateLimitFilter filter;

  BrandRateLimitsTest(TestDatabase database) {
    filter =
        new RateLimitFilter(
            policy,
            new PostgresRateLimiter(database.dataSource(), clock),
            new LimitsSettings(),
            clock);
  }

  @Test
  void brandRoutesAreCreatorRoutesInTheirOwnRateClasses() {
    assertClass("POST", "/api/brand/uploads", AccessPolicy.RateClass.UPLOAD);
    assertClass("POST", "/api/director/init", AccessPolicy.RateClass.GENERATE);
    assertClass("POST", "/api/director/refine", AccessPolicy.RateClass.REFINE);
    assertClass("POST", "/api/director/approve-scene", AccessPolicy.RateClass.REFINE);
    assertClass("POST", "/api/director/approve-production", AccessPolicy.RateClass.PRODUCTION);
    for (String path :
        new String[] {
          "/api/brand/uploads",
          "/api/director/init",
          "/api/director/refine",
          "/api/director/approve-scene",
          "/api/director/approve-production"
        }) {
      AccessPolicy.Rule rule = policy.ruleFor("POST", path);
      assertThat(rule.permission()).as(path).contains(Permission.CREATE_WORK);
      assertThat(Role.VIEWER.can(rule.permission().orElseThrow())).isFalse();
      assertThat(Role.CREATOR.can(rule.permission().orElseThrow())).isTrue();
    }
    assertThat(policy.ruleFor("POST", "/api/brand/uploads").bodyLimit())
        .isEqualTo(AccessPolicy.BodyLimit.UPLOAD);
    assertThat(policy.ruleFor("POST", "/api/director/init").bodyLimit())
        .isEqualTo(AccessPolicy.BodyLimit.AI);
    for (String path :
        new String[] {
          "/api/brand/jobs", "/api/brand/jobs/" + UUID.randomUUID(), "/api/director/x"
        }) {
      AccessPolicy.Rule read = policy.ruleFor("GET", path);
      assertThat(read.pattern().getPatternString()).as(path).isNotEqualTo("/**");
      assertThat(read.permission()).contains(Permission.READ_OWN);
      assertThat(read.rateClass()).isEqualTo(AccessPolicy.RateClass.GENERAL);
    }
  }

  @Test
  void theEleventhDirectorInitInAMinuteIsRefusedWith429AndRetryAfter() throws Exception {
    Caller creator = creator();
    AtomicInteger passed = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      MockHttpServletResponse allowed = post("/api/director/init", creator, passed);
      assertThat(allowed.getStatus()).isEqualTo(200);
      assertThat(allowed.getHeader("RateLimit-Limit")).isEqualTo("10");
      assertThat(allowed.getHeader("RateLimit-Remaining")).isEqualTo(String.valueOf(9 - i));
    }
    MockHttpServletResponse refused = post("/api/director/init", creator, passed);
    assertThat(passed).hasValue(10);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("55");
    JsonNode envelope = JSON.readTree(refused.getContentAsString());
    assertThat(envelope.path("success").asBoolean(true)).isFalse();
    assertThat(envelope.path("error").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(envelope.path("detail").asString())
        .isEqualTo("at most 10 generate requests a minute; try again in 55 s");

    // Another class of the same user, and the same class of another user, have their own counts.
    assertThat(post("/api/director/refine", creator, passed).getStatus()).isEqualTo(200);
    assertThat(post("/api/director/init", creator(), passed).getStatus()).isEqualTo(200);
    // The next minute opens a new window.
    clock.advance(Duration.ofSeconds(55));
    assertThat(post("/api/director/init", creator, passed).getStatus()).isEqualTo(200);
  }

  @Test
  void eachBrandClassHasItsSeedLimit() throws Exception {
    assertThat(admitted("/api/brand/uploads", 25)).isEqualTo(20);
    assertThat(admitted("/api/director/refine", 35)).isEqualTo(30);
    assertThat(admitted("/api/director/approve-production", 8)).isEqualTo(5);
  }

  @Test
  void approvingScenesAndRefiningShareOneCount() throws Exception {
    Caller creator = creator();
    AtomicInteger passed = new AtomicInteger();
    for (int i = 0; i < 30; i++) {
      String path = i % 2 == 0 ? "/api/director/refine" : "/api/director/approve-scene";
      assertThat(post(path, creator, passed).getStatus()).isEqualTo(200);
    }
    assertThat(post("/api/director/approve-scene", creator, passed).getStatus()).isEqualTo(429);
  }

  private int admitted(String path, int tries) throws Exception {
    Caller creator = creator();
    AtomicInteger passed = new AtomicInteger();
    for (int i = 0; i < tries; i++) {
      post(path, creator, passed);
    }
    return passed.get();
  }

  private void assertClass(String method, String path, AccessPolicy.RateClass expected) {
    assertThat(policy.ruleFor(method, path).rateClass()).as(path).isEqualTo(expected);
  }

  private static Caller creator() {
    UUID id = UUID.randomUUID();
    return new Caller(id, "creator-" + id, Role.CREATOR, "token");
  }

  /** One request through the filter as {@code caller}; the chain counts what passed. */
  private MockHttpServletResponse post(String path, Caller caller, AtomicInteger passed)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr("203.0.113.9");
    MockHttpServletResponse response = new MockHttpServletResponse();
    try (Caller.Scope ignored = Caller.signIn(caller)) {
      filter.doFilter(
          request,
          response,
          new MockFilterChain() {
            @Override
            public void doFilter(
                jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
              passed.incrementAndGet();
            }
          });
    }
    return response;
  }
}
