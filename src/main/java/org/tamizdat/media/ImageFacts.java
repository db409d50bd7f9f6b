package org.tamizdat.media;

/**
 * What an image's header says, read without decoding a pixel: enough to refuse a decompression bomb
 * before it can allocate anything.
 *
 * @param orientation the EXIF orientation (1 to 8; 1 when there is none or it is unreadable)
 * @param animated an animated WebP, which we do not accept
 */
record ImageFacts(ImageType type, int width, int height, int orientation, boolean animated) {

  long pixels() {
    return (long) width * height;
  }

  /** Reads the header of an image already known to be {@code type}. */
  static ImageFacts read(ImageType type, byte[] bytes) {
    ImageFacts facts =
        switch (type) {
          case JPEG -> JpegStructure.facts(bytes);
          case PNG -> PngStructure.facts(bytes);
          case WEBP -> WebpStructure.facts(bytes);
        };
    if (facts.width <= 0 || facts.height <= 0) {
      throw new MediaRejected("the image declares no size; the file may be damaged");
    }
    return facts;
  }

  static MediaRejected damaged(ImageType type) {
    return new MediaRejected("the " + type.name() + " file is damaged or truncated");
  }
}
