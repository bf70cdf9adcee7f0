package dev.reelforge.core.clips.uploads;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;

/**
 * A chunk that does not continue the bytes already received (it would leave a gap), answered with
 * how many bytes did arrive so that the client resends from there: a {@code 409} whose route adds
 * the offset as {@code Upload-Offset} and {@code Range} headers.
 */
public final class UploadOffsetException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public UploadOffsetException(ContentRange range, long offset) {
    super(
        ErrorCode.CONFLICT,
        "the chunk starts at byte "
            + range.first()
            + " but only "
            + offset
            + " bytes have arrived: send the file from byte "
            + offset,
        false,
        List.of(),
        null);
    this.offset = offset;
  }

  /** How many bytes arrived, from the start and without a gap: where the next chunk must begin. */
  public long offset() {
    return offset;
  }
}
