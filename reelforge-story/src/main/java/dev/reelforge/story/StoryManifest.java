package dev.reelforge.story;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.timeline.Timeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run made and from what, written as {@code manifest.json} next to the videos: the script
 * and its beats with their times and visuals, the narration, the music, every media item's source,
 * author, licence and URL (the licensing evidence of seed 002), the providers used, the time each
 * stage took, the estimated cost of every provider call, and the output files.
 */
record StoryManifest(
    String name,
    Instant createdAt,
    Map<String, Object> input,
    Map<String, String> providers,
    Map<String, Object> script,
    List<Map<String, Object>> beats,
    Map<String, Object> narration,
    Optional<Map<String, Object>> music,
    List<MediaLicence> licences,
    Map<String, Long> stageMillis,
    Map<String, Object> cost,
    List<Map<String, Object>> outputs) {

  static StoryManifest of(
      String name,
      Instant createdAt,
      StoryInput input,
      Optional<Article> article,
      Script script,
      StoryOutputs.Voice voice,
      StoryOutputs.Visuals visuals,
      Optional<StoryOutputs.Tune> tune,
      Timeline timeline,
      List<RenderedOutput> rendered,
      Map<String, Long> stageMillis,
      CostLedger ledger,
      StoryOutputs.Fingerprint fingerprint) {
    Map<String, Object> inputPart = new LinkedHashMap<>();
    inputPart.put("kind", input.kind().name().toLowerCase(Locale.ROOT));
    if (input.link()) {
      inputPart.put("link", input.text());
      article.ifPresent(
          a -> {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("url", a.url());
            source.put("title", a.title());
            a.byline().ifPresent(b -> source.put("byline", b));
            source.put("characters", a.text().length());
            inputPart.put("article", source);
          });
    } else {
      inputPart.put("characters", input.text().length());
    }
    inputPart.put(
        "formats", StoryPipeline.presets(input.formats()).stream().map(p -> p.id()).toList());
    inputPart.put("quality", input.quality());
    inputPart.put("captionStyle", input.captionStyle());
    inputPart.put("music", input.music());
    input.voice().ifPresent(v -> inputPart.put("voice", v));

    Map<String, String> providers = new LinkedHashMap<>();
    providers.put("scriptWriter", script.writer());
    providers.put("speech", voice.engine());
    providers.put("visuals", fingerprint.visuals());
    tune.ifPresent(t -> providers.put("music", t.source()));

    Map<String, Object> scriptPart = new LinkedHashMap<>();
    scriptPart.put("title", script.title());
    scriptPart.put("description", script.description());
    scriptPart.put("hashtags", script.hashtags());
    scriptPart.put("origin", script.origin().name().toLowerCase(Locale.ROOT));
    if (!script.notice().isBlank()) {
      scriptPart.put("notice", script.notice());
    }

    List<Map<String, Object>> beats = new ArrayList<>();
    Set<MediaLicence> licences = new LinkedHashSet<>();
    for (int b = 0; b < script.beats().size(); b++) {
      Beat beat = script.beats().get(b);
      StoryOutputs.Pick pick = visuals.picks().get(b);
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("index", b + 1);
      part.put("role", beat.role().name().toLowerCase(Locale.ROOT));
      part.put("text", beat.text());
      part.put("keywords", beat.keywords());
      part.put("shot", beat.shot());
      part.put("startMillis", timeline.startOf(b));
      part.put("endMillis", timeline.startOf(b) + timeline.segments().get(b).durationMillis());
      Map<String, Object> visual = new LinkedHashMap<>();
      visual.put("source", pick.candidate().source());
      visual.put("id", pick.candidate().id());
      visual.put("kind", pick.candidate().kind().name().toLowerCase(Locale.ROOT));
      visual.put("description", pick.candidate().description());
      visual.put("licence", pick.candidate().licence());
      part.put("visual", visual);
      beats.add(part);
      licences.add(pick.candidate().licence());
    }

    Map<String, Object> narration = new LinkedHashMap<>();
    narration.put("engine", voice.engine());
    narration.put("durationMillis", voice.durationMillis());
    narration.put("words", voice.words().size());
    narration.put("spokenText", voice.spokenText());

    Optional<Map<String, Object>> musicPart =
        tune.map(
            t -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("source", t.source());
              m.put("mood", t.mood().name().toLowerCase(Locale.ROOT));
              m.put("bpm", t.bpm());
              m.put("durationMillis", t.durationMillis());
              m.put("licence", t.licence());
              return m;
            });
    tune.ifPresent(t -> licences.add(t.licence()));

    Map<String, Object> cost = new LinkedHashMap<>();
    BigDecimal total = ledger.totalUsd();
    cost.put("estimatedUsd", total);
    cost.put("calls", ledger.calls());

    List<Map<String, Object>> outputs = new ArrayList<>();
    for (RenderedOutput output : rendered) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("format", output.preset().id());
      o.put("video", output.video().getFileName().toString());
      o.put("thumbnail", output.thumbnail().getFileName().toString());
      o.put("srt", output.srt().getFileName().toString());
      o.put("vtt", output.vtt().getFileName().toString());
      o.put("durationMillis", output.durationMillis());
      o.put("bytes", output.bytes());
      outputs.add(o);
    }
    return new StoryManifest(
        name,
        createdAt,
        inputPart,
        providers,
        scriptPart,
        beats,
        narration,
        musicPart,
        List.copyOf(licences),
        stageMillis,
        cost,
        outputs);
  }
}
