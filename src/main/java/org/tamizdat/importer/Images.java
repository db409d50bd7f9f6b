package org.tamizdat.importer;

import java.util.List;
import java.util.Optional;

/** Where the images of a post's body come from: the export's attachments, copied into our media. */
interface Images {
  /** An image ready to show: our own URL and its alt text and caption from WordPress. */
  record Image(String url, String alt, String caption) {}

  /**
   * Our URL for an image the body shows at {@code src}, or empty when it cannot be had here (the
   * reason is already recorded as a warning).
   */
  Optional<String> local(String src);

  /** Whether {@code src} is on another server than the old site: linked, never shown. */
  boolean foreign(String src);

  /** An attachment by its WordPress id, for galleries and featured images. */
  Optional<Image> attachment(long id);

  /** The image attachments whose parent is this post, in menu order: a gallery without ids. */
  List<Long> childrenOf(long postId);
}
