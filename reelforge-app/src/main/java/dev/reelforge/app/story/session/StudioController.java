package dev.reelforge.app.story.session;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's {@code POST /api/studio/finalize}: several formats in one run (default 9x16, 1x1 and
 * 16x9), each rendered by its own task. The studio is a story session here.
 */
@RestController
public class StudioController {

  private static final java.util.List<String> SEED_FORMATS =
      java.util.List.of("9x16", "1x1", "16x9");

  private final StoryController stories;

  public StudioController(StoryController stories) {
    this.stories = stories;
  }

  @PostMapping("/api/studio/finalize")
  ResponseEntity<Map<String, Object>> finalize(
      @Valid @RequestBody StoryRequests.StudioFinalize body, @RequestHeader HttpHeaders headers) {
    String session = body.session();
    if (session == null || session.isBlank()) {
      throw dev.reelforge.core.error.ReelForgeException.invalidField(
          "sessionId", "must not be blank (studioId is accepted too)");
    }
    var formats =
        body.formats() == null || body.formats().isEmpty() ? SEED_FORMATS : body.formats();
    return stories.finalizeSession(session, formats, headers);
  }
}
