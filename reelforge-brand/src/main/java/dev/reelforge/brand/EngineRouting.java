package dev.reelforge.brand;

import dev.reelforge.core.brand.Scores;
import java.util.Locale;
import java.util.Optional;

/**
 * Which engine produces a storyboard (seed 001 §1): a score above {@link #THRESHOLD} routes to its
 * engine, physics before vibe before logic when several are high (a tie above the threshold goes to
 * the earlier of the three). When none is high the highest score wins, ties again in that order, so
 * that every storyboard has an engine; a person's {@code preferredEngine} overrides both.
 */
public final class EngineRouting {

  /** Seed 001's trigger: a score strictly above 0.7. */
  public static final double THRESHOLD = 0.7;

  private EngineRouting() {}

  /** The decision and the reason stored with it ({@code routing_reason}). */
  public record Route(ProductionEngine engine, String reason) {}

  public static Route route(Scores scores, Optional<ProductionEngine> preferred) {
    if (preferred.isPresent()) {
      return new Route(
          preferred.get(), "preferredEngine " + preferred.get() + " chosen by the person");
    }
    double[] values = {scores.physics(), scores.vibe(), scores.logic()};
    ProductionEngine[] engines = ProductionEngine.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] > THRESHOLD) {
        return new Route(
            engines[i],
            String.format(
                Locale.ROOT,
                "%s_score %.2f > %.1f%s",
                engines[i].score(),
                values[i],
                THRESHOLD,
                i == 0 ? "" : higherPriorityNote(values, engines, i)));
      }
    }
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return new Route(
        engines[best],
        String.format(
            Locale.ROOT,
            "no score above %.1f; highest is %s_score %.2f",
            THRESHOLD,
            engines[best].score(),
            values[best]));
  }

  private static String higherPriorityNote(
      double[] values, ProductionEngine[] engines, int chosen) {
    StringBuilder note = new StringBuilder(" (");
    for (int i = 0; i < chosen; i++) {
      if (i > 0) {
        note.append(", ");
      }
      note.append(String.format(Locale.ROOT, "%s_score %.2f", engines[i].score(), values[i]));
    }
    return note.append(" not above)").toString();
  }
}
