package dev.reelforge.app.brand;

import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.ProductionEngine;
import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The request bodies of the director routes, in seed 001 §5.1's field names ({@code
 * InitDirectorSchema}, {@code RefineActionSchema}). Each checks itself and names every invalid
 * field at once; what only the feature knows (the feedback rule, an unknown style preset) it checks
 * itself, on the same field names.
 */
final class DirectorRequests {

  private DirectorRequests() {}

  /** {@code POST /api/director/init}. */
  record Init(String jobId, Boolean forceRemaster, String preferredEngine, String stylePreset) {

    BrandDirector.InitRequest checked() {
      Fields fields = new Fields();
      UUID job = fields.uuid("jobId", jobId);
      Optional<ProductionEngine> engine = Optional.empty();
      if (preferredEngine != null && !preferredEngine.isBlank()) {
        try {
          engine = Optional.of(ProductionEngine.parse(preferredEngine, "preferredEngine"));
        } catch (ReelForgeException e) {
          fields.add(e);
        }
      }
      Optional<String> preset =
          stylePreset == null || stylePreset.isBlank()
              ? Optional.empty()
              : Optional.of(stylePreset.strip());
      fields.throwIfAny();
      return new BrandDirector.InitRequest(job, Boolean.TRUE.equals(forceRemaster), engine, preset);
    }
  }

  /** {@code POST /api/director/refine}: YELLOW with feedback, or RED. */
  record Refine(String sceneId, String status, String feedback) {

    UUID scene() {
      return checkedScene(sceneId);
    }

    TrafficLight light() {
      String value = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
      if (value.equals("YELLOW")) {
        return TrafficLight.YELLOW;
      }
      if (value.equals("RED")) {
        return TrafficLight.RED;
      }
      throw ReelForgeException.invalidField("status", "must be YELLOW or RED");
    }

    /** Both fields checked together, so that one answer names every invalid field. */
    void check() {
      Fields fields = new Fields();
      fields.uuid("sceneId", sceneId);
      try {
        light();
      } catch (ReelForgeException e) {
        fields.add(e);
      }
      fields.throwIfAny();
    }
  }

  /** {@code POST /api/director/approve-scene}: GREEN. */
  record ApproveScene(String sceneId) {
    UUID scene() {
      return checkedScene(sceneId);
    }
  }

  /**
   * {@code POST /api/director/approve-production}. Seed 001 passed the vision job's id; a job may
   * have several storyboards here, so the storyboard is named.
   */
  record ApproveProduction(String storyboardId) {
    UUID storyboard() {
      Fields fields = new Fields();
      UUID id = fields.uuid("storyboardId", storyboardId);
      fields.throwIfAny();
      return id;
    }
  }

  private static UUID checkedScene(String sceneId) {
    Fields fields = new Fields();
    UUID id = fields.uuid("sceneId", sceneId);
    fields.throwIfAny();
    return id;
  }

  /** The invalid fields of one request, collected and refused together. */
  static final class Fields {
    private final List<FieldViolation> violations = new ArrayList<>();

    /** A required UUID (seed 001's {@code z.string().uuid()}); null when it is not one. */
    UUID uuid(String field, String value) {
      if (value == null || value.isBlank()) {
        violations.add(new FieldViolation(field, "is required"));
        return null;
      }
      if (!Ids.isUuid(value.strip())) {
        violations.add(new FieldViolation(field, "must be a UUID"));
        return null;
      }
      return UUID.fromString(value.strip());
    }

    void add(ReelForgeException e) {
      violations.addAll(e.violations());
    }

    void throwIfAny() {
      if (!violations.isEmpty()) {
        throw ReelForgeException.invalidInput(
            violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow(),
            violations);
      }
    }
  }
}
