package org.tamizdat.media;

/**
 * Finds the Orientation tag (0x0112) in an EXIF (TIFF) block. Cameras store the sensor's pixels as
 * they were and note the rotation here; since we drop EXIF, the rotation must be applied to the
 * pixels first or photos would turn sideways.
 */
final class ExifOrientation {
  private static final int ORIENTATION_TAG = 0x0112;

  private ExifOrientation() {}

  /**
   * The orientation in the TIFF block at {@code start} (length {@code length}); 1 if unreadable.
   */
  static int of(byte[] bytes, int start, int length) {
    int end = Math.min(bytes.length, start + length);
    if (end - start < 8) {
      return 1;
    }
    boolean little;
    if (bytes[start] == 'I' && bytes[start + 1] == 'I') {
      little = true;
    } else if (bytes[start] == 'M' && bytes[start + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    long ifd = u32(bytes, start + 4, little);
    if (ifd < 8 || start + ifd + 2 > end) {
      return 1;
    }
    int at = (int) (start + ifd);
    int count = u16(bytes, at, little);
    for (int i = 0; i < count; i++) {
      int entry = at + 2 + i * 12;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(bytes, entry, little) == ORIENTATION_TAG) {
        int value = u16(bytes, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  static int u16(byte[] b, int at, boolean little) {
    int first = b[at] & 0xff;
    int second = b[at + 1] & 0xff;
    return little ? first | second << 8 : first << 8 | second;
  }

  static long u32(byte[] b, int at, boolean little) {
    long high = u16(b, little ? at + 2 : at, little);
    long low = u16(b, little ? at : at + 2, little);
    return high << 16 | low;
  }
}
