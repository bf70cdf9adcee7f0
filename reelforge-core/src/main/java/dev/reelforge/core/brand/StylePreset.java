package dev.reelforge.core.brand;

import java.util.Objects;

/**
 * A selectable look (seed 001 §3 {@code style_presets}): its {@code promptLayer} is added to every
 * scene's prompt.
 *
 * @param id e.g. {@code cinematic}
 * @param name shown to people
 * @param description one line
 * @param promptLayer text added to prompts
 * @param category e.g. {@code film}, {@code product}
 * @param premium whether only paid plans may use it (informational here: no plans yet)
 * @param sortOrder display order
 */
public record StylePreset(
    String id,
    String name,
    String description,
    String promptLayer,
    String category,
    boolean premium,
    int sortOrder) {

  public StylePreset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(promptLayer, "promptLayer");
    Objects.requireNonNull(category, "category");
    description = Objects.requireNonNullElse(description, "");
  }
}
