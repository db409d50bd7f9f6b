package org.tamizdat.site;

import java.util.List;
import java.util.Optional;

/**
 * What pages need from the media library: for a file name under {@code /media/}, the sizes it is
 * stored in and its texts, so an image can be served with {@code srcset}. Files outside the library
 * (the demo's drawings) have none.
 */
public interface StoredImages {
  StoredImages NONE = file -> Optional.empty();

  Optional<StoredImage> find(String file);

  /**
   * @param sizes every stored file of the image, narrowest first (the original among them)
   */
  record StoredImage(int width, int height, String altText, String credit, List<Size> sizes) {}

  record Size(String file, int width) {}
}
