package dev.reelforge.app.ui;

import dev.reelforge.app.story.session.Voices;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.story.session.SessionEstimates;
import dev.reelforge.story.session.SessionSettings;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Making a video in the browser: the new-video form, and the story editor where the script's beats
 * are edited, inserted, deleted and reordered, each beat's visual is picked or searched again, the
 * render settings are changed with their estimate in view, and the render is started. Every action
 * posts a form and comes back to the editor (htmx swaps only the editor), or shows what was wrong.
 */
@Controller
public class StoryPagesController {

  private final StorySessions sessions;
  private final SessionEstimates estimates;
  private final Voices voices;

  StoryPagesController(StorySessions sessions, SessionEstimates estimates, Voices voices) {
    this.sessions = sessions;
    this.estimates = estimates;
    this.voices = voices;
  }

  @GetMapping("/ui/new")
  String form(Model model) {
    model.addAttribute("form", NewVideo.defaults());
    options(model);
    return "ui/new";
  }

  @PostMapping("/ui/new")
  String create(NewVideo form, Model model, HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    try {
      // Checked before the session starts: a refused form leaves nothing behind.
      StorySession.Settings settings = sessions.checked(form.settings());
      StorySession session = start(owner, form);
      sessions.configure(owner, session.id(), settings);
      sessions.search(owner, session.id());
      return "redirect:/ui/stories/" + session.id();
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", form);
      options(model);
      return "ui/new";
    }
  }

  private StorySession start(UUID owner, NewVideo form) {
    String text = form.text() == null ? "" : form.text().strip();
    if (text.isEmpty()) {
      throw ReelForgeException.invalidField(
          "text", "write an idea, a paragraph, a link or a script");
    }
    String kind = form.kind() == null ? "idea" : form.kind();
    if (kind.equals("script")) {
      return sessions.manual(owner, text);
    }
    if (!List.of("idea", "paragraph", "link").contains(kind)) {
      throw ReelForgeException.invalidField("kind", "must be idea, paragraph, link or script");
    }
    if (text.length() > StorySessions.MAX_INPUT_CHARS) {
      throw ReelForgeException.invalidField(
          "text",
          "at most "
              + StorySessions.MAX_INPUT_CHARS
              + " characters (this has "
              + text.length()
              + ")");
    }
    StorySession session = sessions.start(owner, text, kind, "default");
    try {
      return sessions.generate(owner, session.id(), null, null);
    } catch (ReelForgeException e) {
      // Nothing to edit without a script: the draft goes, the user keeps the form.
      sessions.delete(owner, session.id());
      throw e;
    }
  }

  @GetMapping("/ui/stories/{id}")
  String editor(@PathVariable String id, Model model) {
    return editorOf(sessions.get(RequestOwner.current(), id), model);
  }

  @GetMapping("/ui/stories/{id}/estimate")
  String estimate(@PathVariable String id, Model model) {
    StorySession session = sessions.get(RequestOwner.current(), id);
    Optional<SessionEstimates.Estimate> estimate = estimates.of(session);
    model.addAttribute("estimate", estimate.map(EstimateView::of).orElse(null));
    return "ui/fragments :: estimate";
  }

  @PostMapping("/ui/stories/{id}/beats/{index}")
  String editBeat(
      @PathVariable String id,
      @PathVariable int index,
      @RequestParam(name = "text", defaultValue = "") String text,
      Model model,
      HttpServletResponse response) {
    return act(
        id, model, response, owner -> sessions.updateBeatText(owner, id, index, required(text)));
  }

  @PostMapping("/ui/stories/{id}/beats/{index}/insert")
  String insertBeat(
      @PathVariable String id,
      @PathVariable int index,
      @RequestParam(name = "text", defaultValue = "") String text,
      Model model,
      HttpServletResponse response) {
    return act(id, model, response, owner -> sessions.insertBeat(owner, id, index, required(text)));
  }

  @PostMapping("/ui/stories/{id}/beats/{index}/delete")
  String deleteBeat(
      @PathVariable String id, @PathVariable int index, Model model, HttpServletResponse response) {
    return act(id, model, response, owner -> sessions.deleteBeat(owner, id, index));
  }

  @PostMapping("/ui/stories/{id}/beats/{index}/move")
  String moveBeat(
      @PathVariable String id,
      @PathVariable int index,
      @RequestParam(name = "to") int to,
      Model model,
      HttpServletResponse response) {
    return act(id, model, response, owner -> sessions.moveBeat(owner, id, index, to));
  }

  @PostMapping("/ui/stories/{id}/shots/{index}/pick")
  String pick(
      @PathVariable String id,
      @PathVariable int index,
      @RequestParam(name = "clipId") String clipId,
      Model model,
      HttpServletResponse response) {
    return act(id, model, response, owner -> sessions.updateShot(owner, id, index, clipId));
  }

  @PostMapping("/ui/stories/{id}/shots/{index}/search")
  String search(
      @PathVariable String id,
      @PathVariable int index,
      @RequestParam(name = "query", defaultValue = "") String query,
      @RequestParam(name = "page", defaultValue = "1") int page,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        model,
        response,
        owner -> {
          if (query.length() > 200) {
            throw ReelForgeException.invalidField("query", "at most 200 characters");
          }
          if (page < 1 || page > 20) {
            throw ReelForgeException.invalidField("page", "must be between 1 and 20");
          }
          sessions.searchShot(owner, id, index, query, page);
          return sessions.get(owner, id);
        });
  }

  @PostMapping("/ui/stories/{id}/settings")
  String settings(
      @PathVariable String id, NewVideo form, Model model, HttpServletResponse response) {
    return act(id, model, response, owner -> sessions.configure(owner, id, form.settings()));
  }

  @PostMapping("/ui/stories/{id}/render")
  String render(
      @PathVariable String id,
      @RequestHeader HttpHeaders headers,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    try {
      StorySession started =
          sessions.finalize(owner, id, null, IdempotencyFilter.key(headers::getFirst));
      return "redirect:/ui/runs/" + started.run().id();
    } catch (ReelForgeException e) {
      if (e.code().httpStatus() == 404) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", e.getMessage());
      return editorOf(sessions.get(owner, id), model);
    }
  }

  /** Runs an editor action; on success back to the editor, otherwise the editor and the error. */
  private String act(String id, Model model, HttpServletResponse response, Action action) {
    UUID owner = RequestOwner.current();
    try {
      action.apply(owner);
      return "redirect:/ui/stories/" + id;
    } catch (ReelForgeException e) {
      if (e.code().httpStatus() == 404) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", e.getMessage());
      return editorOf(sessions.get(owner, id), model);
    }
  }

  @FunctionalInterface
  private interface Action {
    StorySession apply(UUID owner);
  }

  private static String required(String text) {
    if (text.isBlank()) {
      throw ReelForgeException.invalidField("text", "a beat needs words");
    }
    return text;
  }

  private String editorOf(StorySession session, Model model) {
    model.addAttribute("doc", session);
    model.addAttribute("statusWords", StateWords.of(session.status()));
    model.addAttribute("beats", BeatView.of(session));
    model.addAttribute("form", NewVideo.of(session.settings()));
    model.addAttribute("outputs", session.outputs() == null ? List.of() : session.outputs());
    options(model);
    return "ui/story";
  }

  private void options(Model model) {
    model.addAttribute(
        "formatOptions",
        Arrays.stream(RenderPreset.values()).map(p -> new Option(p.id(), p.label())).toList());
    model.addAttribute("captionStyles", SessionSettings.captionStyles());
    model.addAttribute("musicChoices", SessionSettings.musicChoices());
    model.addAttribute("qualities", SessionSettings.qualities());
    model.addAttribute("voiceOptions", voiceOptions((NewVideo) model.getAttribute("form")));
  }

  /**
   * The installed voices to pick from, and the form's own voice when it is none of them (typed
   * before, or an engine's id the list does not show), so that saving the form keeps it.
   */
  private List<Option> voiceOptions(NewVideo form) {
    List<Option> options = new ArrayList<>();
    voices
        .installed()
        .forEach(v -> options.add(new Option(v.id(), v.label() + " · " + v.language())));
    String chosen = form == null || form.voice() == null ? "" : form.voice();
    if (!options.isEmpty()
        && !chosen.isBlank()
        && options.stream().noneMatch(o -> o.value().equals(chosen))) {
      options.add(new Option(chosen, chosen));
    }
    return options;
  }

  public record Option(String value, String label) {}

  /**
   * The new-video form, and the settings part of the editor (bound from the form's fields).
   *
   * @param kind idea, paragraph, link or script
   */
  public record NewVideo(
      String kind,
      String text,
      List<String> formats,
      String voice,
      String captionStyle,
      String music,
      String quality) {

    static NewVideo defaults() {
      return new NewVideo("idea", "", List.of("tiktok"), "", "bold-pop", "auto", "standard");
    }

    public static NewVideo of(StorySession.Settings settings) {
      return new NewVideo(
          null,
          null,
          settings.formats(),
          settings.voice() == null ? "" : settings.voice(),
          settings.captionStyle(),
          settings.music(),
          settings.quality());
    }

    StorySession.Settings settings() {
      return new StorySession.Settings(
          formats == null ? List.of() : formats, voice, captionStyle, music, quality);
    }

    public boolean hasFormat(String id) {
      return formats != null && formats.contains(id);
    }
  }

  /** A beat in the editor: its words and its shot. */
  public record BeatView(
      int index, String text, String query, StorySession.Shot shot, String chosenId, boolean last) {

    static List<BeatView> of(StorySession session) {
      List<BeatView> beats = new ArrayList<>();
      if (session.story() == null) {
        return beats;
      }
      List<String> sentences = session.story().sentences();
      for (int i = 0; i < sentences.size(); i++) {
        StorySession.Shot shot =
            session.shots() != null && i < session.shots().size() ? session.shots().get(i) : null;
        beats.add(
            new BeatView(
                i,
                sentences.get(i),
                shot == null ? "" : shot.searchQuery(),
                shot,
                shot == null || shot.selectedClip() == null ? "" : shot.selectedClip().id(),
                i == sentences.size() - 1));
      }
      return beats;
    }
  }

  /** The estimate as the editor shows it. */
  public record EstimateView(
      String video, boolean timed, String time, String size, List<String> formats) {
    public static EstimateView of(SessionEstimates.Estimate estimate) {
      RenderEstimate render = estimate.render();
      return new EstimateView(
          Pages.seconds(estimate.videoMillis()),
          estimate.timed(),
          Pages.seconds(render.time()),
          Pages.megabytes(render.bytes()),
          render.presets().stream()
              .map(
                  p ->
                      p.preset().label()
                          + ": "
                          + Pages.seconds(p.time())
                          + ", "
                          + Pages.megabytes(p.bytes()))
              .toList());
    }
  }
}
