package org.tamizdat.media;

import java.nio.charset.StandardCharsets;

/** Walks a JPEG's marker segments up to the image data: the frame size and the EXIF orientation. */
final class JpegStructure {
  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

  private JpegStructure() {}

  static ImageFacts facts(byte[] b) {
    int width = -1;
    int height = -1;
    int orientation = 1;
    int i = 2;
    while (width < 0) {
      if (i + 4 > b.length || (b[i] & 0xff) != 0xff) {
        throw ImageFacts.damaged(ImageType.JPEG);
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xff) {
        i++; // fill byte
        continue;
      }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2; // no length
        continue;
      }
      if (marker == 0xd9 || marker == 0xda) {
        throw ImageFacts.damaged(ImageType.JPEG); // image data before any frame header
      }
      int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
      int payload = i + 4;
      if (length < 2 || payload + length - 2 > b.length) {
        throw ImageFacts.damaged(ImageType.JPEG);
      }
      if (isFrameHeader(marker)) {
        if (length < 7) {
          throw ImageFacts.damaged(ImageType.JPEG);
        }
        height = (b[payload + 1] & 0xff) << 8 | (b[payload + 2] & 0xff);
        width = (b[payload + 3] & 0xff) << 8 | (b[payload + 4] & 0xff);
      } else if (marker == 0xe1
          && orientation == 1
          && ImageType.startsWith(b, EXIF, payload)
          && length - 2 > EXIF.length) {
        orientation = ExifOrientation.of(b, payload + EXIF.length, length - 2 - EXIF.length);
      }
      i = payload + length - 2;
    }
    return new ImageFacts(ImageType.JPEG, width, height, orientation, false);
  }

  /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isFrameHeader(int marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
  }
}
