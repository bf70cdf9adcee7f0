package dev.reelforge.providers.instagram;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.meta.GraphApiException;
import dev.reelforge.providers.meta.GraphClient;
import dev.reelforge.providers.meta.PublishingWindow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Instagram Reels through the content publishing API. Instagram never receives the bytes: it
 * fetches the video from {@link PublishItem#publicUrl()}.
 *
 * <ol>
 *   <li>{@code POST /{ig-user-id}/media} ({@code media_type=REELS}, {@code video_url}, {@code
 *       caption}, {@code share_to_feed}) answers the container id, stored at once;
 *   <li>{@code GET /{container-id}?fields=status_code,status} until {@code FINISHED} ({@code
 *       IN_PROGRESS} answers {@link PublishOutcome.Pending}; {@code ERROR} fails for good; {@code
 *       EXPIRED}, after 24 hours unpublished, starts a new container);
 *   <li>{@code GET /{ig-user-id}/content_publishing_limit}, and when the rolling 24-hour cap is
 *       used up, {@link PublishOutcome.Deferred} until the cap-th newest post leaves the window;
 *   <li>{@code POST /{ig-user-id}/media_publish?creation_id=…} answers the media id, stored at
 *       once; then {@code GET /{media-id}?fields=permalink}.
 * </ol>
 *
 * <p>Never posts twice: the publish request is sent once (no in-line retry), and every later call
 * asks the container first. A container Instagram reports {@code PUBLISHED} whose answer was lost
 * is never published again; its post is found in {@code GET /{ig-user-id}/media} by caption, among
 * the posts made since the container was created.
 */
public final class InstagramReels implements Publisher {

  public static final String NAME = InstagramFactory.NAME;

  static final String CONTAINER = "instagram.container";
  static final String CONTAINER_CREATED_AT = "instagram.container_created_at";
  static final String MEDIA = "instagram.media";
  static final String PERMALINK = "instagram.permalink";

  /** Where the quota answer names no cap: the lower of the two caps Meta has documented. */
  static final int FALLBACK_CAP = 50;

  /** How many of the newest posts are searched for one whose publish answer was lost. */
  static final int LOOKUP_LIMIT = 25;

  /** Clocks differ: a post is looked for from a little before its container was created. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final GraphClient graph;
  private final InstagramOptions options;
  private final Clock clock;

  InstagramReels(GraphClient graph, InstagramOptions options, Clock clock) {
    this.graph = graph;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PublishOutcome publish(PublishItem item, AccountCredentials account, UploadState state) {
    String user = account.externalId();
    if (user.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "the Instagram connection names no Instagram professional account (IG user id);"
              + " connect it again",
          false,
          List.of(),
          null);
    }
    String token = account.accessToken();
    try {
      Optional<String> media = state.get(MEDIA);
      if (media.isPresent()) {
        return published(media.get(), token, state);
      }
      Optional<String> container = state.get(CONTAINER);
      if (container.isEmpty()) {
        return create(item, user, token, state);
      }
      return advance(item, user, container.get(), token, state);
    } catch (GraphApiException e) {
      if (e.code() == ErrorCode.QUOTA_EXCEEDED) {
        return deferred(e, user, token, FALLBACK_CAP);
      }
      throw e;
    }
  }

  /** Where an existing container stands, and the step that follows. */
  private PublishOutcome advance(
      PublishItem item, String user, String container, String token, UploadState state) {
    JsonNode answer;
    try {
      answer =
          graph.get(GraphClient.node(container), Map.of("fields", "status_code,status"), token);
    } catch (GraphApiException e) {
      if (e.graphCode() == 100 && e.subcode() == 33) {
        // Meta deletes containers some time after they expire: the same as EXPIRED.
        forgetContainer(state);
        return create(item, user, token, state);
      }
      throw e;
    }
    String code = answer.path("status_code").asString("");
    return switch (code) {
      case "IN_PROGRESS" -> {
        state.progress(0.5, "Instagram is processing the video");
        yield new PublishOutcome.Pending(
            options.pollEvery(), "Instagram is processing the video (container " + container + ")");
      }
      case "FINISHED" -> publishContainer(item, user, container, token, state);
      case "PUBLISHED" -> recover(item, user, container, token, state);
      case "EXPIRED" -> {
        // A container lives 24 hours; it was never published, so a new one is safe.
        forgetContainer(state);
        yield create(item, user, token, state);
      }
      case "ERROR" -> {
        forgetContainer(state);
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "Instagram could not process the video (container "
                + container
                + "): "
                + answer.path("status").asString("no reason given"),
            false,
            List.of(),
            null);
      }
      default ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Instagram reported an unknown container status '" + code + "' for " + container);
    };
  }

  private PublishOutcome create(PublishItem item, String user, String token, UploadState state) {
    URI video =
        item.publicUrl()
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.INVALID_INPUT,
                        "Instagram fetches the video from a public URL, and this server has no"
                            + " public address: set reelforge.storage.public-url to the address"
                            + " Instagram can reach (https://…)",
                        false,
                        List.of(),
                        null));
    cancelledCheck(state);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("media_type", "REELS");
    form.put("video_url", video.toString());
    form.put("caption", item.metadata().caption(Platform.INSTAGRAM));
    form.put("share_to_feed", String.valueOf(options.shareToFeed()));
    if (options.thumbOffset().isPositive()) {
      form.put("thumb_offset", String.valueOf(options.thumbOffset().toMillis()));
    }
    String container =
        graph.post(GraphClient.node(user) + "/media", form, token).path("id").asString("");
    if (container.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Instagram accepted the reel but named no container id");
    }
    state.put(CONTAINER, container);
    state.put(CONTAINER_CREATED_AT, clock.instant().toString());
    state.progress(0.2, "Instagram is fetching the video");
    return new PublishOutcome.Pending(
        options.pollEvery(), "Instagram is fetching the video (container " + container + ")");
  }

  private PublishOutcome publishContainer(
      PublishItem item, String user, String container, String token, UploadState state) {
    JsonNode limit =
        graph
            .get(
                GraphClient.node(user) + "/content_publishing_limit",
                Map.of("fields", "quota_usage,config"),
                token)
            .path("data")
            .path(0);
    int cap = limit.path("config").path("quota_total").asInt(FALLBACK_CAP);
    if (limit.path("quota_usage").asInt(0) >= cap) {
      return deferred(null, user, token, cap);
    }
    cancelledCheck(state);
    String media;
    try {
      media =
          graph
              .post(
                  GraphClient.node(user) + "/media_publish",
                  Map.of("creation_id", container),
                  token)
              .path("id")
              .asString("");
    } catch (GraphApiException e) {
      if (e.publishingLimit()) {
        return deferred(e, user, token, cap);
      }
      throw e;
    }
    if (media.isBlank()) {
      // Published or not, asking the container next time tells; never publish blind again.
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Instagram answered the publish request without a media id",
          true,
          List.of(),
          null);
    }
    state.put(MEDIA, media);
    return published(media, token, state);
  }

  /** The container is published but its answer was lost: find the post instead of posting. */
  private PublishOutcome recover(
      PublishItem item, String user, String container, String token, UploadState state) {
    Instant since =
        state.get(CONTAINER_CREATED_AT).map(Instant::parse).orElse(Instant.EPOCH).minus(CLOCK_SKEW);
    String caption = item.metadata().caption(Platform.INSTAGRAM);
    String found = "";
    for (JsonNode post :
        graph
            .get(
                GraphClient.node(user) + "/media",
                Map.of("fields", "id,caption,timestamp", "limit", String.valueOf(LOOKUP_LIMIT)),
                token)
            .path("data")) {
      Instant at = PublishingWindow.parse(post.path("timestamp").asString("")).orElse(Instant.MIN);
      if (!at.isBefore(since) && post.path("caption").asString("").equals(caption)) {
        // Newest first: the last match is the earliest post after the container, ours.
        found = post.path("id").asString("");
      }
    }
    if (found.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Instagram reports container "
              + container
              + " published, but its post is not listed yet; it is not published again",
          true,
          List.of(),
          null);
    }
    state.put(MEDIA, found);
    return published(found, token, state);
  }

  private PublishOutcome published(String media, String token, UploadState state) {
    Optional<String> known = state.get(PERMALINK);
    String permalink =
        known.isPresent()
            ? known.get()
            : graph
                .get(GraphClient.node(media), Map.of("fields", "permalink"), token)
                .path("permalink")
                .asString("");
    if (known.isEmpty() && !permalink.isBlank()) {
      state.put(PERMALINK, permalink);
    }
    state.progress(1.0, "published on Instagram");
    return new PublishOutcome.Published(media, permalink);
  }

  /**
   * The platform refused for its cap or rate limit: when a publishing slot opens (from the newest
   * posts), or the rate limit's hour.
   */
  private PublishOutcome deferred(GraphApiException cause, String user, String token, int cap) {
    Instant now = clock.instant();
    if (cause != null && !cause.publishingLimit()) {
      return new PublishOutcome.Deferred(
          now.plus(PublishingWindow.RATE_LIMIT_WINDOW), cause.getMessage());
    }
    List<Instant> newest = new ArrayList<>();
    try {
      for (JsonNode post :
          graph
              .get(
                  GraphClient.node(user) + "/media",
                  Map.of("fields", "id,timestamp", "limit", String.valueOf(cap)),
                  token)
              .path("data")) {
        PublishingWindow.parse(post.path("timestamp").asString("")).ifPresent(newest::add);
      }
    } catch (ReelForgeException listingFailed) {
      // Without the listing the hour-long fallback below still defers sensibly.
      newest.clear();
    }
    return new PublishOutcome.Deferred(
        PublishingWindow.nextSlot(newest, cap, now),
        "Instagram's limit of "
            + cap
            + " published posts per 24 hours is reached; the reel is published when a slot"
            + " opens");
  }

  private static void forgetContainer(UploadState state) {
    state.remove(CONTAINER);
    state.remove(CONTAINER_CREATED_AT);
  }

  private static void cancelledCheck(UploadState state) {
    if (state.cancelled()) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "the publication was cancelled before Instagram published it",
          false,
          List.of(),
          null);
    }
  }

  @Override
  public String toString() {
    return "InstagramReels[" + graph + "]";
  }
}
