package dev.reelforge.media.library;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Mood;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One indexed file of the music folder.
 *
 * @param mood from its folder, file name or sidecar tags; empty when none names one (such tracks
 *     serve any mood that has no tagged track)
 * @param bpm from the sidecar ({@code bpm: 96}) or the file name ({@code 96bpm}); 0 when unknown
 */
record MusicTrack(
    Path file,
    Optional<Mood> mood,
    int bpm,
    long durationMillis,
    Set<String> tags,
    MediaLicence licence) {}
