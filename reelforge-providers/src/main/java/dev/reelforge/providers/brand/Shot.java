package dev.reelforge.providers.brand;

import java.util.List;

/**
 * A kind of shot the template director writes, with what it frames, its lens and the camera moves
 * that suit it. The first three are a storyboard's opening (hero, detail, context), as a product
 * film is cut.
 */
enum Shot {
  HERO(
      "Hero shot",
      "the brand mark centred and filling the frame, clean negative space around it",
      "50mm lens",
      List.of("slow orbit", "push-in", "crane up")),
  MACRO(
      "Macro detail",
      "an extreme close-up on the mark's edges and surface finish, shallow depth of field",
      "100mm macro lens",
      List.of("push-in", "pan left", "pan right")),
  LIFESTYLE(
      "Lifestyle context",
      "the brand in use in a real, lived-in setting, hands and everyday objects around it",
      "35mm lens",
      List.of("pan right", "pull-out", "crane up")),
  REVEAL(
      "Reveal",
      "the mark emerging from a wash of its own colours",
      "50mm lens",
      List.of("pull-out", "crane up", "slow orbit")),
  FLAT_LAY(
      "Flat lay",
      "a top-down arrangement of product and props in the brand palette",
      "35mm lens, top-down",
      List.of("crane up", "pan left", "push-in")),
  SILHOUETTE(
      "Silhouette",
      "the mark as a bold backlit shape against its background colour",
      "85mm lens",
      List.of("slow orbit", "pan left", "pull-out"));

  /** Every camera movement the director uses, for re-rolls that must differ. */
  static final List<String> CAMERA_MOVES =
      List.of("slow orbit", "push-in", "pull-out", "pan left", "pan right", "crane up");

  final String label;
  final String framing;
  final String lens;
  final List<String> cameras;

  Shot(String label, String framing, String lens, List<String> cameras) {
    this.label = label;
    this.framing = framing;
    this.lens = lens;
    this.cameras = cameras;
  }

  /** The shot a prompt was written for, from its opening label. */
  static java.util.Optional<Shot> of(String prompt) {
    for (Shot shot : values()) {
      if (prompt.startsWith(shot.label + ":")) {
        return java.util.Optional.of(shot);
      }
    }
    return java.util.Optional.empty();
  }
}
