package dev.reelforge.core.moderation.gate;

import dev.reelforge.core.licence.LicenceEvidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything of a run the gate checks: its texts (script beats, title, description, hashtags,
 * prompts), the pictures and clip frames it will show, and the licence record of every media item.
 * Built item by item; each item is named as a reviewer should read it ({@code beat 2 picture}).
 */
public final class GateSubject {

  /** A text to check, e.g. {@code beat 2 text} or {@code title}. */
  public record Text(String item, int beat, String text) {
    public Text {
      Objects.requireNonNull(item, "item");
      text = Objects.requireNonNullElse(text, "");
    }
  }

  /** A picture (a still, or a frame sampled from a clip) to check. */
  public record Picture(String item, int beat, Path file) {
    public Picture {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(file, "file");
    }
  }

  /** The licence record of a media item. */
  public record Licence(int beat, LicenceEvidence evidence) {
    public Licence {
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  private final List<Text> texts = new ArrayList<>();
  private final List<Picture> pictures = new ArrayList<>();
  private final List<Licence> licences = new ArrayList<>();

  public GateSubject text(String item, int beat, String text) {
    texts.add(new Text(item, beat, text));
    return this;
  }

  public GateSubject picture(String item, int beat, Path file) {
    pictures.add(new Picture(item, beat, file));
    return this;
  }

  public GateSubject licence(int beat, LicenceEvidence evidence) {
    licences.add(new Licence(beat, evidence));
    return this;
  }

  public List<Text> texts() {
    return List.copyOf(texts);
  }

  public List<Picture> pictures() {
    return List.copyOf(pictures);
  }

  public List<Licence> licences() {
    return List.copyOf(licences);
  }

  /** The licence evidence of every item, in the order added, for the evidence store. */
  public List<LicenceEvidence> evidence() {
    return licences.stream().map(Licence::evidence).toList();
  }
}
