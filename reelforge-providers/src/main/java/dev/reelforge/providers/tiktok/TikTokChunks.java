package dev.reelforge.providers.tiktok;

/**
 * How a file is cut for TikTok, by its media transfer rules: a file no larger than one chunk goes
 * whole; otherwise {@code total_chunk_count} is the size divided by the chunk size, rounded down,
 * and the last chunk takes the trailing bytes (so it may be up to twice a chunk, within TikTok's
 * 128 MB); a file over 64 MB always goes in several chunks.
 *
 * @param size the file's bytes
 * @param chunkSize every chunk's bytes but the last
 * @param count how many chunks
 */
record TikTokChunks(long size, long chunkSize, int count) {

  static TikTokChunks plan(long size, int preferred) {
    if (size <= preferred) {
      return new TikTokChunks(size, size, 1);
    }
    long chunk = preferred;
    if (size / chunk == 1 && size > TikTokOptions.MAX_CHUNK_BYTES) {
      chunk = size / 2;
    }
    return new TikTokChunks(size, chunk, (int) (size / chunk));
  }

  /** The first byte of chunk {@code index} (0-based). */
  long start(int index) {
    return index * chunkSize;
  }

  /** The bytes of chunk {@code index}: the last takes what is left. */
  int length(int index) {
    return (int) (index == count - 1 ? size - start(index) : chunkSize);
  }
}
