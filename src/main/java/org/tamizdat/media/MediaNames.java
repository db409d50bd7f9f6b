package org.tamizdat.media;

import java.util.regex.Pattern;

/**
 * The file names media may have: lower-case letters, digits and hyphens and a known extension, so a
 * name can never climb out of the media directory or be mistaken for another kind of file.
 */
public final class MediaNames {
  private static final Pattern ANY =
      Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(svg|png|jpg|webp)");

  /** Library files: a 24-hex-digit content key, then the width for a resized copy. */
  private static final Pattern LIBRARY =
      Pattern.compile("[0-9a-f]{24}(-[0-9]{1,5})?\\.(png|jpg|webp)");

  private MediaNames() {}

  public static boolean isValid(String name) {
    return name != null && ANY.matcher(name).matches();
  }

  /** A file of the media library: its content never changes under this name. */
  public static boolean isLibraryFile(String name) {
    return name != null && LIBRARY.matcher(name).matches();
  }

  static String original(String key, ImageType type) {
    return key + "." + type.extension();
  }

  static String resized(String key, int width, ImageType type) {
    return key + "-" + width + "." + type.extension();
  }
}
