package org.tamizdat.media;

/** Reads a PNG's IHDR (size) and eXIf chunk (orientation) without inflating any data. */
final class PngStructure {
  private PngStructure() {}

  static ImageFacts facts(byte[] b) {
    if (b.length < 33 || !ImageType.startsWith(b, ImageType.ascii("IHDR"), 12)) {
      throw ImageFacts.damaged(ImageType.PNG);
    }
    long width = ExifOrientation.u32(b, 16, false);
    long height = ExifOrientation.u32(b, 20, false);
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new MediaRejected("the PNG declares an impossible size");
    }
    int orientation = 1;
    int at = 8;
    while (at + 8 <= b.length) {
      long length = ExifOrientation.u32(b, at, false);
      if (length > b.length - at - 12) {
        break;
      }
      if (ImageType.startsWith(b, ImageType.ascii("eXIf"), at + 4)) {
        orientation = ExifOrientation.of(b, at + 8, (int) length);
        break;
      }
      if (ImageType.startsWith(b, ImageType.ascii("IEND"), at + 4)) {
        break;
      }
      at += 12 + (int) length;
    }
    return new ImageFacts(ImageType.PNG, (int) width, (int) height, orientation, false);
  }
}
