package dev.reelforge.app.story.session;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.core.speech.Voice;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/voices}: the voices a story may be narrated in (the speech engine in use's), and
 * {@code GET /api/voices/{id}/preview}: a few seconds of one of them, as WAV.
 */
@RestController
public class VoiceController {

  private final Voices voices;

  public VoiceController(Voices voices) {
    this.voices = voices;
  }

  @GetMapping("/api/voices")
  Map<String, Object> list() {
    List<Map<String, Object>> listed =
        voices.installed().stream().map(VoiceController::describe).toList();
    Map<String, Object> data = new LinkedHashMap<>();
    voices.engineName().ifPresent(engine -> data.put("engine", engine));
    data.put("voices", listed);
    return ok(data);
  }

  @GetMapping(value = "/api/voices/{id}/preview", produces = "audio/wav")
  ResponseEntity<byte[]> preview(@PathVariable String id) {
    byte[] wav = voices.sample(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("audio/wav"))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(wav);
  }

  private static Map<String, Object> describe(Voice voice) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", voice.id());
    v.put("engine", voice.engine());
    v.put("language", voice.language());
    v.put("label", voice.label());
    v.put("preview", "/api/voices/" + voice.id() + "/preview");
    return v;
  }
}
