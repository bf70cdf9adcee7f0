package dev.reelforge.app.security;

import dev.reelforge.core.accounts.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every route needs, in one table: the permission (none: public), the rate-limit class and its
 * body limit (smaller on routes that start AI work, larger on uploads). The first matching rule
 * wins; an API route missing from the table still needs a signed-in caller (READ_OWN to read,
 * CREATE_WORK to change), and {@code AccessPolicyTest} fails when a mapped route is missing.
 */
public final class AccessPolicy {

  /** Rate-limit classes: each has its own per-minute limit (reelforge.limits.*-per-minute). */
  public enum RateClass {
    /** Sign-in routes, counted per client address. */
    AUTH,
    /** Routes that call AI providers. */
    AI,
    /** Routes that start renders. */
    RENDER,
    /** Voice and caption previews. */
    PREVIEW,
    /** Image and video generation jobs. */
    MEDIA,
    /** Brand pictures uploaded for analysis (seed 001 §5.3: 20 a minute). */
    UPLOAD,
    /** Director storyboards written and previewed (seed 001 §5.3: 10 a minute). */
    GENERATE,
    /** A storyboard scene adjusted, re-rolled or approved (seed 001 §5.3: 30 a minute). */
    REFINE,
    /** Brand videos sent to production on the video engines (seed 001 §5.3: 5 a minute). */
    PRODUCTION,
    /** Publications started, failed targets retried (uploads to the platforms). */
    PUBLISH,
    /** Everything else. */
    GENERAL
  }

  /** Which body limit a route has (reelforge.security.max-*-body-bytes). */
  public enum BodyLimit {
    /** Most routes. */
    STANDARD,
    /** Routes that start AI work: their text goes to a model, so it is kept short. */
    AI,
    /** Picture uploads: a 10 MB picture, as a multipart part or as base64 in JSON. */
    UPLOAD,
    /** Long video uploads (gigabytes): streamed to disk, never buffered; a length is required. */
    VIDEO
  }

  /** One row of the table; {@code permission} empty means public. */
  public record Rule(
      String method,
      PathPattern pattern,
      Optional<Permission> permission,
      RateClass rateClass,
      BodyLimit bodyLimit) {

    boolean matches(String requestMethod, PathContainer path) {
      return method.equals(requestMethod) && pattern.matches(path);
    }

    public boolean isPublic() {
      return permission.isEmpty();
    }
  }

  private static final List<Rule> RULES =
      List.of(
          open("GET", "/api/health", RateClass.GENERAL),
          // The local store's signed downloads: the signature in the URL is the credential.
          open("GET", "/blobs/**", RateClass.GENERAL),
          open("POST", "/auth/login", RateClass.AUTH),
          open("POST", "/api/auth/login", RateClass.AUTH),
          open("POST", "/auth/refresh", RateClass.AUTH),
          open("POST", "/api/auth/refresh", RateClass.AUTH),
          open("POST", "/auth/logout", RateClass.AUTH),
          open("POST", "/api/auth/logout", RateClass.AUTH),
          open("GET", "/auth/oidc/login", RateClass.AUTH),
          open("GET", "/auth/oidc/callback", RateClass.AUTH),
          // Seed 002: who is signed in, and how (anonymous: the 401 envelope).
          rule("GET", "/api/auth/session", Permission.READ_OWN, RateClass.GENERAL),
          // One's own account.
          rule("GET", "/me", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/me/usage/current", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/me/usage/history", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/usage/history", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/usage/history", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/me", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/me/usage/current", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/me/usage/history", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/me/credits", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/me/password", Permission.READ_OWN, RateClass.AUTH),
          rule("GET", "/api/me/api-keys", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/me/api-keys", Permission.READ_OWN, RateClass.GENERAL),
          rule("DELETE", "/api/me/api-keys/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/me/webhooks", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/me/webhooks", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("DELETE", "/api/me/webhooks/{id}", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("GET", "/api/me/webhooks/{id}/deliveries", Permission.READ_OWN, RateClass.GENERAL),
          // One's own moderation preset and regions: a viewer may choose theirs.
          rule("GET", "/api/me/moderation", Permission.READ_OWN, RateClass.GENERAL),
          rule("PUT", "/api/me/moderation", Permission.READ_OWN, RateClass.GENERAL),
          rule("DELETE", "/api/me/moderation", Permission.READ_OWN, RateClass.GENERAL),
          // Platform accounts (docs/api.md): one's own; the callback is the browser's return.
          rule("GET", "/api/platform-accounts", Permission.READ_OWN, RateClass.GENERAL),
          rule(
              "POST",
              "/api/platform-accounts/{platform}/connect",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule("GET", "/api/platform-accounts/callback", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("GET", "/api/platform-accounts/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("DELETE", "/api/platform-accounts/{id}", Permission.CREATE_WORK, RateClass.GENERAL),
          rule(
              "POST",
              "/api/platform-accounts/{id}/refresh",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          // Story sessions (seed 000).
          ai("/api/story/start", RateClass.AI),
          ai("/api/story/generate", RateClass.AI),
          ai("/api/story/plan", RateClass.AI),
          ai("/api/story/search", RateClass.AI),
          ai("/api/story/search-shot", RateClass.AI),
          ai("/api/story/timeline", RateClass.AI),
          ai("/api/story/captions", RateClass.AI),
          ai("/api/story/update-script", RateClass.GENERAL),
          ai("/api/story/update-shot", RateClass.GENERAL),
          ai("/api/story/insert-beat", RateClass.GENERAL),
          ai("/api/story/delete-beat", RateClass.GENERAL),
          ai("/api/story/update-beat-text", RateClass.GENERAL),
          ai("/api/story/manual", RateClass.GENERAL),
          ai("/api/story/render", RateClass.RENDER),
          ai("/api/story/finalize", RateClass.RENDER),
          ai("/api/studio/finalize", RateClass.RENDER),
          ai("/api/tts/preview", RateClass.PREVIEW),
          ai("/api/caption/preview", RateClass.PREVIEW),
          rule("GET", "/api/voices", Permission.READ_OWN, RateClass.GENERAL),
          // Media jobs (seed 004 §4-5, seed 000's /api/generate).
          ai("/images/generate", RateClass.MEDIA),
          ai("/api/images/generate", RateClass.MEDIA),
          ai("/video/generate", RateClass.MEDIA),
          ai("/api/video/generate", RateClass.MEDIA),
          ai("/api/generate", RateClass.MEDIA),
          rule("GET", "/images/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/images/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/video/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/video/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/media/jobs", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/voices/{id}/preview", Permission.CREATE_WORK, RateClass.PREVIEW),
          rule("GET", "/api/story/{sessionId}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/story/{sessionId}/files/**", Permission.READ_OWN, RateClass.GENERAL),
          rule("DELETE", "/api/story/{sessionId}", Permission.CREATE_WORK, RateClass.GENERAL),
          // The brand director (seed 001): uploads, vision jobs, storyboards, review, production.
          upload("/api/brand/uploads", RateClass.UPLOAD),
          rule("GET", "/api/brand/jobs", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/brand/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/brand/jobs/{id}/storyboards", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/brand/style-presets", Permission.READ_OWN, RateClass.GENERAL),
          ai("/api/director/init", RateClass.GENERATE),
          ai("/api/director/refine", RateClass.REFINE),
          ai("/api/director/approve-scene", RateClass.REFINE),
          ai("/api/director/approve-production", RateClass.PRODUCTION),
          rule("GET", "/api/director/{id}", Permission.READ_OWN, RateClass.GENERAL),
          // Long video → clips (seed 003): one's own sources, candidates and exports.
          new Rule(
              "POST",
              pattern("/api/clips/sources"),
              Optional.of(Permission.CREATE_WORK),
              RateClass.UPLOAD,
              BodyLimit.VIDEO),
          rule("GET", "/api/clips/sources", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/clips/sources/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/clips/sources/{id}/analyze", Permission.CREATE_WORK, RateClass.RENDER),
          rule(
              "PATCH",
              "/api/clips/sources/{id}/candidates/{candidateId}",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule("POST", "/api/clips/sources/{id}/export", Permission.CREATE_WORK, RateClass.RENDER),
          rule("GET", "/api/clips/exports/{id}", Permission.READ_OWN, RateClass.GENERAL),
          // Resumable uploads of long videos: chunks are many, so they count as general requests.
          rule("POST", "/api/clips/uploads", Permission.CREATE_WORK, RateClass.UPLOAD),
          rule("GET", "/api/clips/uploads/{id}", Permission.READ_OWN, RateClass.GENERAL),
          new Rule(
              "PUT",
              pattern("/api/clips/uploads/{id}"),
              Optional.of(Permission.CREATE_WORK),
              RateClass.GENERAL,
              BodyLimit.VIDEO),
          rule("DELETE", "/api/clips/uploads/{id}", Permission.CREATE_WORK, RateClass.GENERAL),
          rule(
              "POST", "/api/clips/uploads/{id}/complete", Permission.CREATE_WORK, RateClass.UPLOAD),
          // Publishing (seed 002): one's own publications; operators read and retry anyone's.
          rule("POST", "/api/publications", Permission.CREATE_WORK, RateClass.PUBLISH),
          rule("GET", "/api/publications", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/publications/calendar", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/publications/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule(
              "PATCH",
              "/api/publications/{id}/targets/{targetId}",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule(
              "POST",
              "/api/publications/{id}/targets/{targetId}/retry",
              Permission.CREATE_WORK,
              RateClass.PUBLISH),
          rule("POST", "/api/publications/{id}/cancel", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("GET", "/api/runs/{runId}/evidence", Permission.READ_OWN, RateClass.GENERAL),
          // Runs: one's own; operators see and cancel any (checked in the controller).
          rule("GET", "/api/runs", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/runs/{runId}", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/runs/{runId}/cancel", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/api/runs/{runId}/retry", Permission.CREATE_WORK, RateClass.RENDER),
          // A run's owner answers its own reviews (a storyboard); operators answer anyone's.
          rule("POST", "/api/runs/{runId}/review", Permission.CREATE_WORK, RateClass.GENERAL),
          // Live events (docs/api.md): one run's, or all of the caller's.
          rule("GET", "/api/runs/{runId}/events", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/events", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/api/ws/events", Permission.READ_OWN, RateClass.GENERAL),
          // Seed 002's pipeline routes: aliases of finalize, a run's view and its cancel.
          ai("/api/pipeline/start", RateClass.RENDER),
          rule("GET", "/api/pipeline/status/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/api/pipeline/stop/{id}", Permission.CREATE_WORK, RateClass.GENERAL),
          // Operators.
          rule("GET", "/api/admin/queues", Permission.OPERATE_RUNS, RateClass.GENERAL),
          rule("GET", "/api/admin/models", Permission.OPERATE_RUNS, RateClass.GENERAL),
          rule("GET", "/api/admin/dead-letters", Permission.OPERATE_RUNS, RateClass.GENERAL),
          rule(
              "POST",
              "/api/admin/dead-letters/{taskId}/requeue",
              Permission.OPERATE_RUNS,
              RateClass.GENERAL),
          // Admins.
          rule("GET", "/api/admin/users", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule("POST", "/api/admin/users", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule("PATCH", "/api/admin/users/{id}", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule(
              "POST",
              "/api/admin/users/{id}/reset-password",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule("DELETE", "/api/admin/users/{id}", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule(
              "PUT",
              "/api/admin/users/{id}/moderation",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule(
              "POST",
              "/api/admin/users/{id}/credits",
              Permission.MANAGE_CREDITS,
              RateClass.GENERAL),
          rule("GET", "/api/admin/users/{id}/quotas", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule(
              "PUT",
              "/api/admin/users/{id}/quotas/{kind}",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule(
              "DELETE",
              "/api/admin/users/{id}/quotas/{kind}",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule("GET", "/api/admin/audit", Permission.READ_AUDIT, RateClass.GENERAL),
          rule("GET", "/api/admin/providers", Permission.MANAGE_SETTINGS, RateClass.GENERAL),
          // The web dashboard (docs/dashboard.md): the same permissions as the API it stands for.
          open("GET", "/", RateClass.GENERAL),
          open("GET", "/ui/assets/**", RateClass.GENERAL),
          open("GET", "/favicon.ico", RateClass.GENERAL),
          open("GET", "/favicon.svg", RateClass.GENERAL),
          open("GET", "/webjars/**", RateClass.GENERAL),
          open("GET", "/ui/login", RateClass.GENERAL),
          open("POST", "/ui/login", RateClass.AUTH),
          open("POST", "/ui/logout", RateClass.AUTH),
          rule("GET", "/ui", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", PasswordChange.PAGE, Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", PasswordChange.PAGE, Permission.READ_OWN, RateClass.AUTH),
          rule("GET", "/ui/account/moderation", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/ui/account/moderation", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/new", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/ui/new", Permission.CREATE_WORK, RateClass.AI),
          rule("GET", "/ui/stories/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/stories/{id}/estimate", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/stories/{id}/shots/**", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/ui/stories/{id}/beats/**", Permission.CREATE_WORK, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/stories/{id}/shots/{index}/search",
              Permission.CREATE_WORK,
              RateClass.AI),
          rule(
              "POST",
              "/ui/stories/{id}/shots/{index}/pick",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule("POST", "/ui/stories/{id}/settings", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/ui/stories/{id}/render", Permission.CREATE_WORK, RateClass.RENDER),
          rule("GET", "/ui/generate", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/ui/generate", Permission.CREATE_WORK, RateClass.MEDIA),
          rule("GET", "/ui/generate/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/generate/jobs/{id}/panel", Permission.READ_OWN, RateClass.GENERAL),
          // Director mode (seed 001): the brand director's rate classes, as the API's.
          rule("GET", "/ui/director", Permission.CREATE_WORK, RateClass.GENERAL),
          upload("/ui/director", RateClass.UPLOAD),
          rule("GET", "/ui/director/jobs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/director/jobs/{id}/panel", Permission.READ_OWN, RateClass.GENERAL),
          ai("/ui/director/jobs/{id}/direct", RateClass.GENERATE),
          rule("GET", "/ui/director/storyboards/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule(
              "GET", "/ui/director/storyboards/{id}/panel", Permission.READ_OWN, RateClass.GENERAL),
          ai("/ui/director/storyboards/{id}/scenes/{index}/approve", RateClass.REFINE),
          ai("/ui/director/storyboards/{id}/scenes/{index}/refine", RateClass.REFINE),
          ai("/ui/director/storyboards/{id}/production", RateClass.PRODUCTION),
          // Clips pages (seed 003): the clips API's permissions, rate classes and upload limit.
          rule("GET", "/ui/clips", Permission.READ_OWN, RateClass.GENERAL),
          new Rule(
              "POST",
              pattern("/ui/clips"),
              Optional.of(Permission.CREATE_WORK),
              RateClass.UPLOAD,
              BodyLimit.VIDEO),
          rule("GET", "/ui/clips/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/clips/{id}/analysis", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/clips/{id}/exports", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/ui/clips/{id}/analyze", Permission.CREATE_WORK, RateClass.RENDER),
          rule("POST", "/ui/clips/{id}/candidates", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/ui/clips/{id}/export", Permission.CREATE_WORK, RateClass.RENDER),
          rule("GET", "/ui/runs/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/runs/{id}/panel", Permission.READ_OWN, RateClass.GENERAL),
          rule("POST", "/ui/runs/{id}/cancel", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("POST", "/ui/runs/{id}/retry", Permission.CREATE_WORK, RateClass.RENDER),
          rule("GET", "/ui/accounts/platforms", Permission.CREATE_WORK, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/accounts/platforms/{platform}/connect",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule(
              "POST",
              "/ui/accounts/platforms/{id}/disconnect",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          // Publishing pages: the API's permissions and rate classes (PublicationsController).
          rule("POST", "/ui/runs/{id}/publish", Permission.CREATE_WORK, RateClass.PUBLISH),
          rule("GET", "/ui/publications", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/publications/calendar", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/publications/{id}", Permission.READ_OWN, RateClass.GENERAL),
          rule("GET", "/ui/publications/{id}/panel", Permission.READ_OWN, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/publications/{id}/targets/{targetId}/copy",
              Permission.CREATE_WORK,
              RateClass.GENERAL),
          rule(
              "POST",
              "/ui/publications/{id}/targets/{targetId}/retry",
              Permission.CREATE_WORK,
              RateClass.PUBLISH),
          rule("POST", "/ui/publications/{id}/cancel", Permission.CREATE_WORK, RateClass.GENERAL),
          rule("GET", "/ui/ops", Permission.OPERATE_RUNS, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/ops/dead-letters/{taskId}/requeue",
              Permission.OPERATE_RUNS,
              RateClass.GENERAL),
          rule("POST", "/ui/ops/runs/{id}/review", Permission.OPERATE_RUNS, RateClass.GENERAL),
          rule("GET", "/ui/admin/users", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule("POST", "/ui/admin/users", Permission.MANAGE_USERS, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/admin/users/{id}/reset-password",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule(
              "POST",
              "/ui/admin/users/{id}/moderation",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule(
              "POST", "/ui/admin/users/{id}/credits", Permission.MANAGE_CREDITS, RateClass.GENERAL),
          rule(
              "POST",
              "/ui/admin/users/{id}/quotas/{kind}",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule(
              "POST",
              "/ui/admin/users/{id}/quotas/{kind}/reset",
              Permission.MANAGE_USERS,
              RateClass.GENERAL),
          rule("GET", "/ui/admin/audit", Permission.READ_AUDIT, RateClass.GENERAL),
          rule("GET", "/ui/admin/providers", Permission.MANAGE_SETTINGS, RateClass.GENERAL));

  private static final String RULE_ATTRIBUTE = AccessPolicy.class.getName() + ".rule";

  /**
   * The rule of {@code request}, matched once and kept on the request for the filters after the
   * first (body limit, authentication, rate limit).
   */
  public Rule ruleOf(HttpServletRequest request) {
    if (request.getAttribute(RULE_ATTRIBUTE) instanceof Rule kept) {
      return kept;
    }
    Rule rule = ruleFor(request.getMethod(), request.getRequestURI());
    request.setAttribute(RULE_ATTRIBUTE, rule);
    return rule;
  }

  /** The rule of a request; a default one for API routes not in the table. */
  public Rule ruleFor(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : RULES) {
      if (rule.matches(method, container)) {
        return rule;
      }
    }
    Permission fallback =
        method.equals("GET") || method.equals("HEAD")
            ? Permission.READ_OWN
            : Permission.CREATE_WORK;
    return new Rule(
        method, pattern("/**"), Optional.of(fallback), RateClass.GENERAL, BodyLimit.STANDARD);
  }

  /** Every rule, for the authorization matrix test. */
  public List<Rule> rules() {
    return RULES;
  }

  private static Rule open(String method, String path, RateClass rate) {
    return new Rule(method, pattern(path), Optional.empty(), rate, BodyLimit.STANDARD);
  }

  private static Rule rule(String method, String path, Permission permission, RateClass rate) {
    return new Rule(method, pattern(path), Optional.of(permission), rate, BodyLimit.STANDARD);
  }

  private static Rule ai(String path, RateClass rate) {
    return new Rule("POST", pattern(path), Optional.of(Permission.CREATE_WORK), rate, BodyLimit.AI);
  }

  private static Rule upload(String path, RateClass rate) {
    return new Rule(
        "POST", pattern(path), Optional.of(Permission.CREATE_WORK), rate, BodyLimit.UPLOAD);
  }

  private static PathPattern pattern(String path) {
    return PathPatternParser.defaultInstance.parse(path);
  }
}
