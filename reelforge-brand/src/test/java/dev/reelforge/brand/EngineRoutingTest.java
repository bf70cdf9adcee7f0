package dev.reelforge.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.Scores;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 001 §7 test 1: production engine routing, physics > vibe > logic above 0.7. */
class EngineRoutingTest {

  private static EngineRouting.Route route(double physics, double vibe, double logic) {
    return EngineRouting.route(new Scores(physics, vibe, logic, 0.9), Optional.empty());
  }

  @Test
  void highPhysicsGoesToKlingAndSaysWhy() {
    EngineRouting.Route route = route(0.85, 0.3, 0.2);
    assertThat(route.engine()).isEqualTo(ProductionEngine.KLING);
    assertThat(route.reason()).contains("physics");
  }

  @Test
  void highVibeGoesToLuma() {
    assertThat(route(0.2, 0.9, 0.3).engine()).isEqualTo(ProductionEngine.LUMA);
  }

  @Test
  void highLogicGoesToGeminiPro() {
    EngineRouting.Route route = route(0.3, 0.2, 0.85);
    assertThat(route.engine()).isEqualTo(ProductionEngine.GEMINI_PRO);
    assertThat(route.reason()).contains("logic_score 0.85").contains("physics_score 0.30");
  }

  @Test
  void physicsWinsWhenEveryScoreIsHigh() {
    assertThat(route(0.8, 0.8, 0.8).engine()).isEqualTo(ProductionEngine.KLING);
  }

  @Test
  void vibeWinsOverLogicWhenBothAreHigh() {
    assertThat(route(0.1, 0.75, 0.95).engine()).isEqualTo(ProductionEngine.LUMA);
  }

  @Test
  void exactlyTheThresholdIsNotAbove() {
    EngineRouting.Route route = route(0.7, 0.71, 0.1);
    assertThat(route.engine()).isEqualTo(ProductionEngine.LUMA);
  }

  @Test
  void withNoHighScoreTheHighestWinsAndTiesKeepTheSeedOrder() {
    assertThat(route(0.2, 0.5, 0.6).engine()).isEqualTo(ProductionEngine.GEMINI_PRO);
    assertThat(route(0.5, 0.5, 0.5).engine()).isEqualTo(ProductionEngine.KLING);
    assertThat(route(0.1, 0.5, 0.5).engine()).isEqualTo(ProductionEngine.LUMA);
    assertThat(route(0.1, 0.5, 0.5).reason()).contains("no score above 0.7");
  }

  @Test
  void aPreferredEngineOverridesTheScores() {
    EngineRouting.Route route =
        EngineRouting.route(new Scores(0.9, 0.1, 0.1, 0.9), Optional.of(ProductionEngine.LUMA));
    assertThat(route.engine()).isEqualTo(ProductionEngine.LUMA);
    assertThat(route.reason()).contains("preferredEngine");
  }

  @Test
  void engineNamesMapOntoTheVideoEngines() {
    assertThat(ProductionEngine.KLING.engine()).isEqualTo("kling");
    assertThat(ProductionEngine.LUMA.engine()).isEqualTo("luma");
    assertThat(ProductionEngine.GEMINI_PRO.engine()).isEqualTo("veo");
    assertThat(ProductionEngine.parse(" gemini_pro ", "x")).isEqualTo(ProductionEngine.GEMINI_PRO);
  }
}
