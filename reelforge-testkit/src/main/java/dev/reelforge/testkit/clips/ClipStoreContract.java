package dev.reelforge.testkit.clips;

import static dev.reelforge.testkit.clips.ClipRecords.candidate;
import static dev.reelforge.testkit.clips.ClipRecords.export;
import static dev.reelforge.testkit.clips.ClipRecords.source;
import static dev.reelforge.testkit.clips.ClipRecords.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.testkit.Race;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ClipStore} honours: a source, its candidates, exports and uploads come
 * back as stored (times to the microsecond, as PostgreSQL keeps them; probe, transcript source,
 * scores and crop centres exactly); lists are newest first, candidates by rank; a change is atomic
 * however many writers race, and a new analysis's candidates replace the old ones in one step; an
 * upload's count only moves forward; an owner's rows go with the owner, and nobody else's. The
 * upload tests and the shared fixture live in {@link ClipUploadsContract}, which this extends: a
 * store's test extends this class alone and runs them all.
 */
public abstract class ClipStoreContract extends ClipUploadsContract {

  // --- sources ---

  @Test
  void aSourceWithoutItsOptionalFieldsComesBackAsStored() {
    ClipSource given = source(owner, now);
    store.createSource(given);

    ClipSource found = store.source(given.id()).orElseThrow();
    assertThat(found).isEqualTo(stored(given));
    assertThat(found.subtitleKey()).isEmpty();
    assertThat(found.analysisRunId()).isEmpty();
    assertThat(found.transcript()).isEmpty();
    assertThat(store.source(UUID.randomUUID())).isEmpty();
    assertConflict(() -> store.createSource(given));
  }

  @Test
  void aSourcesProbeAndTranscriptSourceComeBackExactly() {
    SourceProbe silent = new SourceProbe("matroska,webm", "vp9", "", 10_800_000, 1080, 1920, 59.94);
    ClipSource given =
        new ClipSource(
            UUID.randomUUID(),
            owner,
            "Folge 12 – «Grüße», part 1.mkv",
            "source.mkv",
            Long.MAX_VALUE / 3,
            silent,
            Optional.of("subtitles.vtt"),
            SourceStatus.ANALYSED,
            Optional.of(UUID.randomUUID()),
            Optional.of(new TranscriptSource("provided-vtt", "", true)),
            now);
    store.createSource(given);

    ClipSource found = store.source(given.id()).orElseThrow();
    assertThat(found).isEqualTo(stored(given));
    assertThat(found.probe().fps()).isEqualTo(59.94);
    assertThat(found.probe().hasAudio()).isFalse();
    assertThat(store.source(store.sources(owner, 1).getFirst().id()).orElseThrow())
        .isEqualTo(found);

    ClipSource heard = source(owner, now);
    store.createSource(heard);
    TranscriptSource whisper = new TranscriptSource("openai-whisper", "whisper-1", false);
    ClipSource transcribed = store.updateSource(heard.id(), s -> s.withTranscript(whisper));
    assertThat(transcribed.transcript()).contains(whisper);
    assertThat(transcribed.probe()).isEqualTo(ClipRecords.probe());
    assertThat(store.source(heard.id())).contains(transcribed);
  }

  @Test
  void anOwnersSourcesAreListedNewestFirstUpToTheLimit() {
    List<UUID> newestFirst = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ClipSource source = source(owner, now);
      store.createSource(source);
      newestFirst.addFirst(source.id());
      now = now.plusSeconds(1);
    }
    UUID other = newOwner();
    ClipSource theirs = source(other, now);
    store.createSource(theirs);

    assertThat(store.sources(owner, 10))
        .extracting(ClipSource::id)
        .containsExactlyElementsOf(newestFirst);
    assertThat(store.sources(owner, 2))
        .extracting(ClipSource::id)
        .containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(store.sources(other, 10)).extracting(ClipSource::id).containsExactly(theirs.id());
    assertThat(store.sources(newOwner(), 10)).isEmpty();
  }

  @Test
  void aSourceChangeIsWhatIsStoredAndAChangeMayNotMoveIt() {
    ClipSource given = source(owner, now);
    store.createSource(given);
    UUID run = UUID.randomUUID();

    ClipSource analysing = store.updateSource(given.id(), s -> s.withAnalysisRun(run));
    assertThat(analysing.status()).isEqualTo(SourceStatus.ANALYSING);
    assertThat(analysing.analysisRunId()).contains(run);
    ClipSource analysed = store.updateSource(given.id(), s -> s.withStatus(SourceStatus.ANALYSED));
    assertThat(store.source(given.id())).contains(analysed);
    assertThat(analysed.analysisRunId()).contains(run);

    assertNotFound(() -> store.updateSource(UUID.randomUUID(), s -> s));
    assertThatThrownBy(() -> store.updateSource(given.id(), s -> ownedBy(s, newOwner())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.updateSource(
                    given.id(),
                    s -> {
                      throw new IllegalStateException("the change gave up");
                    }))
        .hasMessageContaining("the change gave up");
    assertThat(store.source(given.id())).contains(analysed);
  }

  @Test
  void sourceChangesRacingAreAppliedOneAfterAnother() throws Exception {
    ClipSource given = source(owner, now);
    store.createSource(given);
    int writers = 8;
    int rounds = 5;
    List<Callable<Void>> calls = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      calls.add(
          () -> {
            for (int r = 0; r < rounds; r++) {
              // A read-modify-write: without the row lock, racing writers lose each other's marks.
              store.updateSource(given.id(), s -> named(s, s.name() + "x"));
            }
            return null;
          });
    }
    Race.run(calls);
    assertThat(store.source(given.id()).orElseThrow().name())
        .isEqualTo(given.name() + "x".repeat(writers * rounds));
  }

  // --- candidates ---

  @Test
  void candidatesComeBackByRankAndANewAnalysisReplacesThemAll() {
    ClipSource source = source(owner, now);
    store.createSource(source);
    ClipCandidate third = candidate(source.id(), 3, 200);
    ClipCandidate first = candidate(source.id(), 1, 40);
    ClipCandidate second = candidate(source.id(), 2, 100);
    store.replaceCandidates(source.id(), List.of(third, first, second));

    assertThat(store.candidates(source.id())).containsExactly(first, second, third);
    assertThat(store.candidates(source.id()).getFirst().reasons())
        .containsExactly("a question and its answer", "loud, \"quoted\"; a, b");

    ClipCandidate again = candidate(source.id(), 1, 300);
    ClipCandidate noReasons =
        new ClipCandidate(
            UUID.randomUUID(),
            source.id(),
            2,
            0,
            15_000,
            "",
            0,
            List.of(),
            CandidateState.PROPOSED,
            Optional.empty());
    store.replaceCandidates(source.id(), List.of(noReasons, again));
    assertThat(store.candidates(source.id())).containsExactly(again, noReasons);
    assertNotFound(() -> store.updateCandidate(first.id(), c -> c));

    store.replaceCandidates(source.id(), List.of());
    assertThat(store.candidates(source.id())).isEmpty();
    assertThat(store.candidates(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aRefusedReplacementChangesNothing() {
    ClipSource source = source(owner, now);
    ClipSource other = source(owner, now);
    store.createSource(source);
    store.createSource(other);
    ClipCandidate kept = candidate(source.id(), 1, 0);
    ClipCandidate others = candidate(other.id(), 1, 0);
    store.replaceCandidates(source.id(), List.of(kept));
    store.replaceCandidates(other.id(), List.of(others));

    UUID unknown = UUID.randomUUID();
    assertNotFound(() -> store.replaceCandidates(unknown, List.of(candidate(unknown, 1, 0))));
    assertThatThrownBy(
            () ->
                store.replaceCandidates(
                    source.id(),
                    List.of(candidate(source.id(), 1, 0), candidate(other.id(), 2, 0))))
        .isInstanceOf(IllegalArgumentException.class);
    // Another source's candidate id: refused, and the first of the new candidates is not kept.
    ClipCandidate taken = withSource(others, source.id());
    assertConflict(
        () -> store.replaceCandidates(source.id(), List.of(candidate(source.id(), 1, 60), taken)));
    assertThat(store.candidates(source.id())).containsExactly(kept);
    assertThat(store.candidates(other.id())).containsExactly(others);
  }

  @Test
  void readersSeeOneAnalysisWholeWhileReplacementsRace() throws Exception {
    ClipSource source = source(owner, now);
    store.createSource(source);
    int size = 5;
    store.replaceCandidates(source.id(), analysis(source.id(), size));
    List<List<ClipCandidate>> analyses = new ArrayList<>();
    List<Callable<List<Integer>>> calls = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      List<ClipCandidate> analysis = analysis(source.id(), size);
      analyses.add(analysis);
      calls.add(
          () -> {
            for (int r = 0; r < 5; r++) {
              store.replaceCandidates(source.id(), analysis);
            }
            return List.of();
          });
      calls.add(
          () -> {
            List<Integer> seen = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
              seen.add(store.candidates(source.id()).size());
            }
            return seen;
          });
    }
    List<List<Integer>> seen = Race.run(calls);

    // Never half of one analysis, never two at once, never none.
    assertThat(seen.stream().flatMap(List::stream)).allMatch(n -> n == size);
    assertThat(analyses).contains(store.candidates(source.id()));
  }

  @Test
  void aCandidatesStateTrimAndFramingChangeAndComeBack() {
    ClipSource source = source(owner, now);
    store.createSource(source);
    ClipCandidate given = candidate(source.id(), 1, 10);
    ClipCandidate other = candidate(source.id(), 2, 90);
    store.replaceCandidates(source.id(), List.of(given, other));

    ClipCandidate kept = store.updateCandidate(given.id(), c -> c.withState(CandidateState.KEPT));
    assertThat(kept.state()).isEqualTo(CandidateState.KEPT);
    ClipCandidate trimmed = store.updateCandidate(given.id(), c -> c.withTrim(9_250, 41_999));
    assertThat(trimmed.startMillis()).isEqualTo(9_250);
    assertThat(trimmed.durationMillis()).isEqualTo(32_749);
    assertThat(trimmed.state()).isEqualTo(CandidateState.KEPT);

    double awkward = 1.0 / 3;
    ClipCandidate cropped =
        store.updateCandidate(
            given.id(), c -> c.withReframe(Optional.of(ReframeOverride.cropAt(awkward))));
    assertThat(store.candidates(source.id())).containsExactly(cropped, other);
    assertThat(store.candidates(source.id()).getFirst().reframe().orElseThrow().centerX())
        .isEqualTo(OptionalDouble.of(awkward));
    ClipCandidate fitted =
        store.updateCandidate(given.id(), c -> c.withReframe(Optional.of(ReframeOverride.fit())));
    assertThat(store.candidates(source.id()).getFirst().reframe()).contains(ReframeOverride.fit());
    assertThat(store.candidates(source.id())).containsExactly(fitted, other);
    ClipCandidate edge =
        store.updateCandidate(
            given.id(), c -> c.withReframe(Optional.of(ReframeOverride.cropAt(0))));
    assertThat(store.candidates(source.id()).getFirst()).isEqualTo(edge);
    ClipCandidate tracked = store.updateCandidate(given.id(), c -> c.withReframe(Optional.empty()));
    assertThat(tracked.reframe()).isEmpty();
    ClipCandidate discarded =
        store.updateCandidate(other.id(), c -> c.withState(CandidateState.DISCARDED));
    assertThat(store.candidates(source.id())).containsExactly(tracked, discarded);
  }

  @Test
  void changingAnUnknownCandidateIsNotFoundAndAChangeMayNotMoveIt() {
    ClipSource source = source(owner, now);
    ClipSource other = source(owner, now);
    store.createSource(source);
    store.createSource(other);
    ClipCandidate given = candidate(source.id(), 1, 10);
    store.replaceCandidates(source.id(), List.of(given));

    assertNotFound(() -> store.updateCandidate(UUID.randomUUID(), c -> c));
    assertThatThrownBy(() -> store.updateCandidate(given.id(), c -> withSource(c, other.id())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.updateCandidate(given.id(), c -> c.withTrim(5_000, 5_000)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.candidates(source.id())).containsExactly(given);
    assertThat(store.candidates(other.id())).isEmpty();
  }

  @Test
  void candidateChangesRacingAreAppliedOneAfterAnother() throws Exception {
    ClipSource source = source(owner, now);
    store.createSource(source);
    ClipCandidate given = candidate(source.id(), 1, 0);
    store.replaceCandidates(source.id(), List.of(given));
    int writers = 8;
    int rounds = 5;
    List<Callable<Void>> calls = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      calls.add(
          () -> {
            for (int r = 0; r < rounds; r++) {
              store.updateCandidate(
                  given.id(), c -> c.withTrim(c.startMillis() + 1, c.endMillis() + 1));
            }
            return null;
          });
    }
    Race.run(calls);
    ClipCandidate found = store.candidates(source.id()).getFirst();
    assertThat(found.startMillis()).isEqualTo(writers * rounds);
    assertThat(found.durationMillis()).isEqualTo(given.durationMillis());
  }

  // --- exports ---

  @Test
  void aSourcesExportsAreListedNewestFirstWithTheirCandidatesInOrder() {
    ClipSource source = source(owner, now);
    ClipSource other = source(owner, now);
    store.createSource(source);
    store.createSource(other);
    List<UUID> asked = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    ClipExport older = export(source, asked.reversed(), now);
    ClipExport newer = export(source, asked, now.plusMillis(1));
    ClipExport theirs = export(other, List.of(asked.getFirst()), now.plusSeconds(1));
    store.createExport(older);
    store.createExport(newer);
    store.createExport(theirs);

    assertThat(store.export(older.id())).contains(stored(older));
    assertThat(store.export(older.id()).orElseThrow().candidateIds())
        .containsExactlyElementsOf(asked.reversed());
    assertThat(store.export(older.id()).orElseThrow().presets())
        .containsExactly("tiktok", "square");
    assertThat(store.exports(source.id())).containsExactly(stored(newer), stored(older));
    assertThat(store.exports(other.id())).containsExactly(stored(theirs));
    assertThat(store.exports(UUID.randomUUID())).isEmpty();
    assertThat(store.export(UUID.randomUUID())).isEmpty();
    assertConflict(() -> store.createExport(older));
    ClipSource unknown = source(owner, now);
    assertNotFound(() -> store.createExport(export(unknown, asked, now)));
  }

  // --- the right to delete ---

  @Test
  void deletingAnOwnerDeletesEverythingItOwnsAndNothingElse() {
    ClipSource one = source(owner, now);
    ClipSource two = source(owner, now);
    UUID other = newOwner();
    ClipSource theirs = source(other, now);
    List.of(one, two, theirs).forEach(store::createSource);
    ClipCandidate mine = candidate(one.id(), 1, 0);
    ClipCandidate theirCandidate = candidate(theirs.id(), 1, 0);
    store.replaceCandidates(one.id(), List.of(mine));
    store.replaceCandidates(theirs.id(), List.of(theirCandidate));
    ClipExport myExport = export(one, List.of(mine.id()), now);
    ClipExport theirExport = export(theirs, List.of(theirCandidate.id()), now);
    store.createExport(myExport);
    store.createExport(theirExport);
    UploadSession myUpload = upload(owner, now, Duration.ofHours(1));
    UploadSession theirUpload = upload(other, now, Duration.ofHours(1));
    store.createUpload(myUpload);
    store.createUpload(theirUpload);

    assertThat(store.deleteOwner(owner)).isEqualTo(3);

    assertThat(store.sources(owner, 10)).isEmpty();
    assertThat(store.source(one.id())).isEmpty();
    assertThat(store.candidates(one.id())).isEmpty();
    assertNotFound(() -> store.updateCandidate(mine.id(), c -> c));
    assertThat(store.export(myExport.id())).isEmpty();
    assertThat(store.exports(one.id())).isEmpty();
    assertThat(store.upload(myUpload.id())).isEmpty();
    assertThat(store.source(theirs.id())).contains(stored(theirs));
    assertThat(store.candidates(theirs.id())).containsExactly(theirCandidate);
    assertThat(store.exports(theirs.id())).containsExactly(stored(theirExport));
    assertThat(store.upload(theirUpload.id())).contains(stored(theirUpload));
    assertThat(store.deleteOwner(owner)).isZero();
  }

  // --- helpers ---

  private static List<ClipCandidate> analysis(UUID source, int size) {
    List<ClipCandidate> candidates = new ArrayList<>();
    for (int rank = 1; rank <= size; rank++) {
      candidates.add(candidate(source, rank, rank * 60L));
    }
    return candidates;
  }

  private static ClipSource named(ClipSource s, String name) {
    return new ClipSource(
        s.id(),
        s.ownerId(),
        name,
        s.fileKey(),
        s.sizeBytes(),
        s.probe(),
        s.subtitleKey(),
        s.status(),
        s.analysisRunId(),
        s.transcript(),
        s.createdAt());
  }

  private static ClipSource ownedBy(ClipSource s, UUID owner) {
    return new ClipSource(
        s.id(),
        owner,
        s.name(),
        s.fileKey(),
        s.sizeBytes(),
        s.probe(),
        s.subtitleKey(),
        s.status(),
        s.analysisRunId(),
        s.transcript(),
        s.createdAt());
  }

  private static ClipCandidate withSource(ClipCandidate c, UUID source) {
    return new ClipCandidate(
        c.id(),
        source,
        c.rank(),
        c.startMillis(),
        c.endMillis(),
        c.title(),
        c.score(),
        c.reasons(),
        c.state(),
        c.reframe());
  }

  /** {@code source} as a store gives it back: its time to the microsecond. */
  protected static ClipSource stored(ClipSource s) {
    return new ClipSource(
        s.id(),
        s.ownerId(),
        s.name(),
        s.fileKey(),
        s.sizeBytes(),
        s.probe(),
        s.subtitleKey(),
        s.status(),
        s.analysisRunId(),
        s.transcript(),
        micros(s.createdAt()));
  }

  protected static ClipExport stored(ClipExport e) {
    return new ClipExport(
        e.id(),
        e.sourceId(),
        e.ownerId(),
        e.runId(),
        e.candidateIds(),
        e.presets(),
        micros(e.createdAt()));
  }
}
