package org.tamizdat.article;

import java.util.List;
import java.util.Optional;

/**
 * What the public pages read about sections, authors and tags: from the database on every call when
 * serving ({@link CatalogRepository}), once per name in an export ({@link CatalogSnapshot}).
 */
public interface PublishedCatalog {
  List<Section> sections(Language lang);

  Optional<Section> section(Language lang, String slug);

  Optional<Author> author(Language lang, String slug);

  /** The author's photo, a file under the media directory, if one is set. */
  Optional<String> authorPhoto(String slug);

  Optional<Tag> tag(Language lang, String slug);
}
