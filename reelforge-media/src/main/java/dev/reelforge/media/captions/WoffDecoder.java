package dev.reelforge.media.captions;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns a WOFF 1.0 font back into the TrueType/OpenType file it wraps, because Java2D reads only
 * TTF/OTF. WOFF is the sfnt tables, each optionally zlib-compressed, behind a new header (W3C WOFF
 * 1.0, sections 3–5); rebuilding the sfnt directory is all that is needed.
 */
final class WoffDecoder {

  private static final int WOFF_SIGNATURE = 0x774F4646; // "wOFF"
  private static final int WOFF_HEADER = 44;
  private static final int WOFF_ENTRY = 20;
  private static final int SFNT_HEADER = 12;
  private static final int SFNT_ENTRY = 16;

  private WoffDecoder() {}

  static byte[] toSfnt(byte[] woff) {
    ByteBuffer in = ByteBuffer.wrap(woff);
    if (in.getInt(0) != WOFF_SIGNATURE) {
      throw new IllegalArgumentException("not a WOFF 1.0 font");
    }
    int flavor = in.getInt(4);
    int numTables = Short.toUnsignedInt(in.getShort(12));
    int totalSfntSize = in.getInt(16);
    ByteBuffer out = ByteBuffer.allocate(Math.max(totalSfntSize, 0) + numTables * 4 + 64);
    int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
    int searchRange = (1 << entrySelector) * 16;
    out.putInt(flavor)
        .putShort((short) numTables)
        .putShort((short) searchRange)
        .putShort((short) entrySelector)
        .putShort((short) (numTables * 16 - searchRange));
    int dataOffset = SFNT_HEADER + numTables * SFNT_ENTRY;
    for (int i = 0; i < numTables; i++) {
      int entry = WOFF_HEADER + i * WOFF_ENTRY;
      int tag = in.getInt(entry);
      int offset = in.getInt(entry + 4);
      int compLength = in.getInt(entry + 8);
      int origLength = in.getInt(entry + 12);
      int checksum = in.getInt(entry + 16);
      byte[] table = tableData(woff, offset, compLength, origLength);
      out.putInt(SFNT_HEADER + i * SFNT_ENTRY, tag);
      out.putInt(SFNT_HEADER + i * SFNT_ENTRY + 4, checksum);
      out.putInt(SFNT_HEADER + i * SFNT_ENTRY + 8, dataOffset);
      out.putInt(SFNT_HEADER + i * SFNT_ENTRY + 12, origLength);
      out.put(dataOffset, table);
      // Tables start on four-byte boundaries.
      dataOffset += (origLength + 3) & ~3;
    }
    byte[] sfnt = new byte[dataOffset];
    out.get(0, sfnt);
    return sfnt;
  }

  private static byte[] tableData(byte[] woff, int offset, int compLength, int origLength) {
    if (compLength == origLength) {
      byte[] raw = new byte[origLength];
      System.arraycopy(woff, offset, raw, 0, origLength);
      return raw;
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(woff, offset, compLength);
      ByteArrayOutputStream table = new ByteArrayOutputStream(origLength);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated WOFF table");
        }
        table.write(buffer, 0, n);
      }
      if (table.size() != origLength) {
        throw new IllegalArgumentException("WOFF table inflated to the wrong length");
      }
      return table.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("corrupt WOFF table: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
