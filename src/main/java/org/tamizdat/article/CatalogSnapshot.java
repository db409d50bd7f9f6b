package org.tamizdat.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog as a static export sees it: each answer read once and kept for the export's run. A
 * tag with fifty pages was read fifty times before; one export shows one moment anyway.
 */
public final class CatalogSnapshot implements PublishedCatalog {
  private record Key(Language lang, String slug) {}

  private final CatalogRepository catalog;
  private final Map<Language, List<Section>> sections = new ConcurrentHashMap<>();
  private final Map<Key, Optional<Author>> authors = new ConcurrentHashMap<>();
  private final Map<Key, Optional<Tag>> tags = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> photos = new ConcurrentHashMap<>();

  public CatalogSnapshot(CatalogRepository catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<Section> sections(Language lang) {
    return sections.computeIfAbsent(lang, catalog::sections);
  }

  @Override
  public Optional<Section> section(Language lang, String slug) {
    return sections(lang).stream().filter(s -> s.slug().equals(slug)).findFirst();
  }

  @Override
  public Optional<Author> author(Language lang, String slug) {
    return authors.computeIfAbsent(new Key(lang, slug), k -> catalog.author(lang, slug));
  }

  @Override
  public Optional<String> authorPhoto(String slug) {
    return photos.computeIfAbsent(slug, catalog::authorPhoto);
  }

  @Override
  public Optional<Tag> tag(Language lang, String slug) {
    return tags.computeIfAbsent(new Key(lang, slug), k -> catalog.tag(lang, slug));
  }
}
