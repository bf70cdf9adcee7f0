package dev.reelforge.media.library;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.visuals.VisualKind;
import java.nio.file.Path;
import java.util.Set;

/**
 * One indexed file of the library.
 *
 * @param file the media file
 * @param kind still or clip
 * @param width pixels (from the image header or ffprobe)
 * @param height pixels
 * @param durationMillis clips' length, 0 for stills
 * @param tags search words from the file name, its folders and its sidecar, lower case
 * @param licence the sidecar's licence, else the operator's
 */
record LibraryItem(
    Path file,
    VisualKind kind,
    int width,
    int height,
    long durationMillis,
    Set<String> tags,
    MediaLicence licence) {}
