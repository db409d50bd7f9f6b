package org.tamizdat.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An image of the media library.
 *
 * @param files narrowest first; the last is the original
 * @param uploadedBy the staff account that uploaded it, when known
 */
public record StoredMedia(
    long id,
    String key,
    String mime,
    int width,
    int height,
    String altText,
    String caption,
    String credit,
    Long uploadedBy,
    Instant uploadedAt,
    List<MediaFile> files) {

  public StoredMedia {
    files = files.stream().sorted(Comparator.comparingInt(MediaFile::width)).toList();
  }

  /** The metadata-free full-size file: the name articles refer to. */
  public MediaFile original() {
    return files.stream().filter(MediaFile::original).findFirst().orElse(files.getLast());
  }

  public String name() {
    return original().name();
  }

  /** The narrowest copy at least {@code width} wide, or the original: for thumbnails. */
  public MediaFile atLeast(int width) {
    return files.stream().filter(f -> f.width() >= width).findFirst().orElse(original());
  }
}
