package org.tamizdat.media;

import java.util.Optional;

/** The image formats we accept, recognised by their first bytes, never by a file name. */
public enum ImageType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String mime;
  private final String extension;

  ImageType(String mime, String extension) {
    this.mime = mime;
    this.extension = extension;
  }

  public String mime() {
    return mime;
  }

  public String extension() {
    return extension;
  }

  /** The type these bytes are, by their magic numbers; empty for anything else. */
  public static Optional<ImageType> sniff(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, PNG_SIGNATURE, 0)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, ascii("RIFF"), 0) && startsWith(bytes, ascii("WEBP"), 8)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The type of a stored file by its extension (our own names only). */
  public static Optional<ImageType> ofFileName(String name) {
    for (ImageType type : values()) {
      if (name.endsWith("." + type.extension)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
    if (bytes.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
