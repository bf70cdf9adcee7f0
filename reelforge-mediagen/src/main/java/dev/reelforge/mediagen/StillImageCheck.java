package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The gate every picture from outside passes before anything else touches it (a video job's start
 * or end frame, by link or by file): its size, its magic bytes (PNG or JPEG only — what every
 * engine takes), then a probe under a time limit that reads the header's dimensions before it
 * decodes, so a decompression bomb is refused unread.
 */
public final class StillImageCheck {

  /** Seed 001's upload limit for pictures. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** The longest side accepted: more than any engine uses (they scale frames to 720-1080p). */
  public static final int MAX_SIDE = 4096;

  /** The shortest side accepted: engines scale frames up to 720-1080p, not from a thumbnail. */
  public static final int MIN_SIDE = 64;

  /** The most pixels decoded (a 4096×4096 picture, 64 MB as ARGB). */
  public static final long MAX_PIXELS = 4096L * 4096;

  /**
   * Probes run here, not on the caller's thread: an image decoder does not heed interrupts, so a
   * probe past its time is left to finish alone while the caller is answered at once.
   */
  private static final ExecutorService PROBES = Executors.newVirtualThreadPerTaskExecutor();

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private final long maxBytes;
  private final Duration probeTimeout;

  public StillImageCheck(long maxBytes, Duration probeTimeout) {
    if (maxBytes < 1 || probeTimeout.isNegative() || probeTimeout.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxBytes = maxBytes;
    this.probeTimeout = probeTimeout;
  }

  /**
   * The picture in {@code bytes}, decoded, or a refusal naming {@code field}.
   *
   * @throws ReelForgeException PAYLOAD_TOO_LARGE past the size limit, UNSUPPORTED_MEDIA_TYPE for
   *     what is not a PNG or a JPEG, INVALID_INPUT for a picture that cannot be read in time or is
   *     too large in pixels
   */
  public BufferedImage check(byte[] bytes, String field) {
    if (bytes.length > maxBytes) {
      throw refusal(
          ErrorCode.PAYLOAD_TOO_LARGE,
          field,
          "is " + bytes.length + " bytes; at most " + maxBytes + " bytes are accepted");
    }
    if (!startsWith(bytes, PNG) && !startsWith(bytes, JPEG)) {
      throw refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, field, "must be a PNG or JPEG picture");
    }
    Future<BufferedImage> decoded = PROBES.submit(() -> decode(bytes, field));
    try {
      return decoded.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      decoded.cancel(true);
      throw refusal(
          ErrorCode.INVALID_INPUT,
          field,
          "could not be read within " + probeTimeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReelForgeException refused) {
        throw refused;
      }
      throw refusal(ErrorCode.INVALID_INPUT, field, "is not a readable picture");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      decoded.cancel(true);
      throw refusal(ErrorCode.INVALID_INPUT, field, "was not read (interrupted)");
    }
  }

  private static BufferedImage decode(byte[] bytes, String field) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw refusal(ErrorCode.INVALID_INPUT, field, "is not a readable picture");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (Math.min(width, height) < MIN_SIDE
            || Math.max(width, height) > MAX_SIDE
            || (long) width * height > MAX_PIXELS) {
          throw refusal(
              ErrorCode.INVALID_INPUT,
              field,
              "is "
                  + width
                  + "×"
                  + height
                  + " pixels; a frame needs "
                  + MIN_SIDE
                  + " to "
                  + MAX_SIDE
                  + " pixels a side");
        }
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw refusal(ErrorCode.INVALID_INPUT, field, "is not a readable picture");
        }
        return image;
      } finally {
        reader.dispose();
      }
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }

  private static ReelForgeException refusal(ErrorCode code, String field, String message) {
    return new ReelForgeException(
        code,
        field + ": " + message,
        false,
        List.of(new dev.reelforge.core.error.FieldViolation(field, message)),
        null);
  }
}
