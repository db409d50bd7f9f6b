package org.tamizdat.config;

/**
 * Limits for uploaded images, checked before anything is decoded.
 *
 * @param maxBytes the largest file accepted
 * @param maxPixels the most pixels (width × height) an image may declare; decoding needs about 8
 *     bytes of memory per pixel, so this bounds what one upload can take
 */
public record MediaSettings(long maxBytes, long maxPixels) {
  public static final int DEFAULT_MAX_MB = 20;
  public static final int DEFAULT_MAX_MEGAPIXELS = 50;

  public static MediaSettings defaults() {
    return new MediaSettings(DEFAULT_MAX_MB * 1024L * 1024, DEFAULT_MAX_MEGAPIXELS * 1_000_000L);
  }
}
