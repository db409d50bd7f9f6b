package org.tamizdat.site;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An {@code <img>} of the media library as a page shows it: a plain {@code src} for browsers that
 * ignore {@code srcset}, every stored width in {@code srcset}, and the intrinsic size so the page
 * does not jump while it loads.
 */
public record Picture(
    String src, String srcset, String sizes, int width, int height, String alt, String credit) {

  /** An article's column is at most 40rem wide (site.css {@code .story}). */
  public static final String STORY_SIZES = "(min-width: 42rem) 40rem, 100vw";

  /** Listing cards: a grid column (19rem and up), or the featured card's wide image. */
  public static final String CARD_SIZES = "(min-width: 46rem) 24rem, 100vw";

  public static final String FEATURED_CARD_SIZES =
      "(min-width: 72rem) 42rem, (min-width: 46rem) 60vw, 100vw";

  /** An author's photo beside the name on the author's page (site.css {@code .author-photo}). */
  public static final String AUTHOR_SIZES = "7rem";

  /** Width a plain {@code src} should have: sharp on most screens, not the camera's original. */
  static final int FALLBACK_WIDTH = 960;

  static Optional<Picture> of(StoredImages images, Urls urls, String file, String sizes) {
    if (file == null) {
      return Optional.empty();
    }
    return images
        .find(file)
        .map(image -> {
          List<StoredImages.Size> all = image.sizes();
          StoredImages.Size fallback =
              all.stream()
                  .filter(s -> s.width() >= FALLBACK_WIDTH)
                  .findFirst()
                  .orElse(all.getLast());
          String srcset =
              all.stream()
                  .map(s -> urls.media(s.file()) + " " + s.width() + "w")
                  .collect(Collectors.joining(", "));
          return new Picture(
              urls.media(fallback.file()),
              srcset,
              sizes,
              image.width(),
              image.height(),
              image.altText(),
              image.credit());
        });
  }
}
