package dev.reelforge.testkit.licence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.testkit.Race;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EvidenceStore} honours: a run's evidence comes back whole and in
 * recording order (times to the microsecond), recording again replaces it, runs do not share
 * evidence, and a reader racing writers sees one recording or another, never a mix.
 */
public abstract class EvidenceStoreContract {

  private static final Instant RECORDED = Instant.parse("2026-06-01T10:00:00.123456789Z");

  protected EvidenceStore store;

  /** The store under test. */
  protected abstract EvidenceStore createStore();

  /** A run the store may keep evidence for (on PostgreSQL, a stored run). */
  protected abstract UUID newRun();

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  @Test
  void aRunsEvidenceComesBackWholeInRecordingOrder() {
    UUID run = newRun();
    List<LicenceEvidence> evidence =
        List.of(
            new LicenceEvidence(
                "beat 2 picture",
                "picture",
                new MediaLicence(
                    "pexels", "Ada \"Lens\" Ö", "Pexels License", "https://pexels.example/p/1"),
                "",
                "{\"id\": 1, \"photographer\": \"Ada\"}",
                "pexels:1",
                RECORDED),
            new LicenceEvidence(
                "beat 1 picture",
                "picture",
                MediaLicence.generated("openai"),
                "a bee on lavender,\nmacro — 蜂",
                "revised prompt: a honeybee",
                "",
                RECORDED.plusNanos(1)),
            new LicenceEvidence(
                "music",
                "music",
                new MediaLicence("procedural", "ReelForge", "CC0-1.0", null),
                null,
                null,
                null,
                RECORDED.plusSeconds(1)));
    store.record(run, evidence);
    assertThat(store.forRun(run))
        .isEqualTo(evidence.stream().map(EvidenceStoreContract::stored).toList());
    assertThat(store.forRun(newRun())).isEmpty();
    assertThat(store.forRun(UUID.randomUUID())).isEmpty();
  }

  @Test
  void recordingAgainReplacesTheRunsEvidenceAndNoOtherRuns() {
    UUID run = newRun();
    UUID other = newRun();
    store.record(run, items("first", 4));
    store.record(other, items("other", 2));
    store.record(run, items("second", 2));
    assertThat(store.forRun(run))
        .extracting(LicenceEvidence::item)
        .containsExactly("second 0", "second 1");
    assertThat(store.forRun(other))
        .extracting(LicenceEvidence::item)
        .containsExactly("other 0", "other 1");
    store.record(run, List.of());
    assertThat(store.forRun(run)).isEmpty();
    assertThat(store.forRun(other)).hasSize(2);
  }

  @Test
  void aReaderRacingWritersSeesOneRecordingWhole() throws Exception {
    UUID run = newRun();
    List<LicenceEvidence> three = items("a", 3);
    List<LicenceEvidence> five = items("b", 5);
    store.record(run, three);
    List<Callable<List<List<LicenceEvidence>>>> calls = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      List<LicenceEvidence> mine = w % 2 == 0 ? three : five;
      calls.add(
          () -> {
            for (int i = 0; i < 20; i++) {
              store.record(run, mine);
            }
            return List.of();
          });
    }
    for (int r = 0; r < 2; r++) {
      calls.add(
          () -> {
            List<List<LicenceEvidence>> seen = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
              seen.add(store.forRun(run));
            }
            return seen;
          });
    }
    List<List<LicenceEvidence>> seen = Race.run(calls).stream().flatMap(List::stream).toList();
    assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).isIn(stored(three), stored(five)));
    assertThat(store.forRun(run)).isIn(stored(three), stored(five));
  }

  private static List<LicenceEvidence> items(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new LicenceEvidence(
                    prefix + " " + i,
                    "picture",
                    MediaLicence.generated("procedural"),
                    "prompt " + i,
                    "",
                    "",
                    RECORDED.plusSeconds(i)))
        .toList();
  }

  private static List<LicenceEvidence> stored(List<LicenceEvidence> evidence) {
    return evidence.stream().map(EvidenceStoreContract::stored).toList();
  }

  /** {@code evidence} as a store gives it back: PostgreSQL keeps microseconds, rounding half up. */
  private static LicenceEvidence stored(LicenceEvidence evidence) {
    return new LicenceEvidence(
        evidence.item(),
        evidence.kind(),
        evidence.licence(),
        evidence.prompt(),
        evidence.providerResponse(),
        evidence.receipt(),
        evidence.recordedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS));
  }
}
