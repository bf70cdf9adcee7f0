package dev.reelforge.app.story.session;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.render.CaptionPreview;
import dev.reelforge.providers.tools.ScratchDirectory;
import dev.reelforge.story.StoryVoices;
import dev.reelforge.story.session.SessionFormats;
import dev.reelforge.story.session.StorySessions;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's preview routes: {@code /api/tts/preview} answers WAV audio of a short text in the
 * configured voice, {@code /api/caption/preview} a PNG of a styled caption as the render draws it.
 * Both cap the text ({@code reelforge.story.preview-max-chars}); the seed left them unlimited.
 */
@RestController
public class PreviewController {

  private final ProviderRegistry providers;
  private final StorySessions sessions;

  public PreviewController(ProviderRegistry providers, StorySessions sessions) {
    this.providers = providers;
    this.sessions = sessions;
  }

  @PostMapping(value = "/api/tts/preview", produces = "audio/wav")
  ResponseEntity<byte[]> speech(@Valid @RequestBody StoryRequests.TtsPreview body) {
    checkLength(body.text());
    if (body.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
      // Nothing to say is the caller's mistake, not an engine failure (500).
      throw ReelForgeException.invalidField("text", "must contain at least one word to speak");
    }
    StoryVoices.require(providers, Optional.ofNullable(body.voice()), "voice");
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    Path temp = Path.of(System.getProperty("java.io.tmpdir"), "preview.wav");
    try (ScratchDirectory dir = ScratchDirectory.beside(temp, "reelforge-tts-preview")) {
      Path wav = dir.resolve("preview.wav");
      speech.synthesize(
          new SpeechRequest(body.text().strip(), Optional.ofNullable(body.voice()), 1.0, 0), wav);
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("audio/wav"))
          .body(Files.readAllBytes(wav));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping(value = "/api/caption/preview", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> caption(@Valid @RequestBody StoryRequests.CaptionPreview body) {
    checkLength(body.text());
    String style = body.style() == null ? "bold-pop" : body.style();
    try {
      CaptionStyle.byName(style);
    } catch (ReelForgeException e) {
      throw ReelForgeException.invalidField("style", "must be bold-pop, boxed, minimal or karaoke");
    }
    String format = body.format() == null ? "tiktok" : body.format();
    RenderPreset preset = SessionFormats.preset(format);
    int active = body.activeWord() == null ? 0 : body.activeWord();
    byte[] png =
        CaptionPreview.png(FontLibrary.shared(), body.text().strip(), style, preset, active);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
  }

  private void checkLength(String text) {
    int max = sessions.limits().previewMaxChars();
    if (text.strip().length() > max) {
      throw ReelForgeException.invalidField(
          "text",
          "a preview takes at most "
              + max
              + " characters (this text has "
              + text.strip().length()
              + ")");
    }
  }
}
