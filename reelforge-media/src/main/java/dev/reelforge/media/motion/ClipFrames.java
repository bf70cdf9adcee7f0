package dev.reelforge.media.motion;

import dev.reelforge.media.frames.YuvPicture;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Writes a clip's frames as raw YUV 4:2:0: the start shot along its camera path, and with an end
 * shot a dissolve into it while both move along the same path, so that the change reads as one
 * continuous shot rather than a cut. The camera eases in and out; the dissolve holds the start
 * frame for the first {@value #HOLD} of the clip and the end frame for the last.
 */
final class ClipFrames {

  /** The share of the clip at each end that shows one picture only. */
  static final double HOLD = 0.15;

  private final Shot start;
  private final Optional<Shot> end;
  private final int frames;
  private final int frameBytes;

  ClipFrames(Shot start, Optional<Shot> end, int frames) {
    this.start = start;
    this.end = end;
    this.frames = frames;
    this.frameBytes = YuvPicture.frameBytes(start.width, start.height);
  }

  void write(OutputStream out) throws IOException {
    byte[] frame = new byte[frameBytes];
    byte[] other = end.isPresent() ? new byte[frameBytes] : null;
    for (int n = 0; n < frames; n++) {
      double time = frames == 1 ? 0 : (double) n / (frames - 1);
      double camera = smoothstep(time);
      double blend = end.isEmpty() ? 0 : smoothstep((time - HOLD) / (1 - 2 * HOLD));
      if (blend >= 1) {
        end.get().draw(camera, frame);
      } else {
        start.draw(camera, frame);
        if (blend > 0) {
          end.get().draw(camera, other);
          dissolve(frame, other, (int) Math.round(blend * 256));
        }
      }
      out.write(frame);
    }
  }

  private static void dissolve(byte[] into, byte[] other, int weight) {
    int keep = 256 - weight;
    for (int i = 0; i < into.length; i++) {
      into[i] = (byte) (((into[i] & 0xff) * keep + (other[i] & 0xff) * weight + 128) >> 8);
    }
  }

  static double smoothstep(double t) {
    double x = Math.max(0, Math.min(1, t));
    return x * x * (3 - 2 * x);
  }
}
