package dev.reelforge.core.music;

import dev.reelforge.core.licence.MediaLicence;
import java.nio.file.Path;

/**
 * Music ready to mix.
 *
 * @param audio the WAV file
 * @param durationMillis its length
 * @param mood the feel it was made or chosen for
 * @param bpm its tempo
 * @param licence where it comes from and on what terms, for the run manifest
 */
public record Music(Path audio, long durationMillis, Mood mood, int bpm, MediaLicence licence) {}
