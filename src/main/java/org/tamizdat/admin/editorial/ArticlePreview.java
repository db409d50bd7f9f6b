package org.tamizdat.admin.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Author;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Section;
import org.tamizdat.article.Slugs;
import org.tamizdat.article.Tag;

/**
 * Renders unsaved or unpublished content as its public page: the body goes through the same
 * Markdown, typography and sanitizer pipeline as a save, and the page through the public site's own
 * article rendering ({@code publicPage}), so the preview is what readers would get. Nothing is
 * written; the caller serves it uncached, to staff only.
 */
public final class ArticlePreview {
  private final CatalogRepository catalog;
  private final BodyRenderer renderer;
  private final Function<Article, byte[]> publicPage;
  private final Clock clock;

  public ArticlePreview(
      CatalogRepository catalog,
      BodyRenderer renderer,
      Function<Article, byte[]> publicPage,
      Clock clock) {
    this.catalog = catalog;
    this.renderer = renderer;
    this.publicPage = publicPage;
    this.clock = clock;
  }

  /** An unknown section or byline is an {@link IllegalArgumentException}, as a save would be. */
  public byte[] render(long id, ArticleInput in) {
    Instant now = clock.instant();
    Section section =
        in.sectionSlug() == null
            ? null
            : catalog
                .section(in.lang(), in.sectionSlug())
                .orElseThrow(() ->
                    new IllegalArgumentException("unknown section '" + in.sectionSlug() + "'"));
    List<Author> authors =
        in.authorSlugs().stream()
            .map(slug ->
                catalog
                    .author(in.lang(), slug)
                    .orElseThrow(
                        () -> new IllegalArgumentException("unknown author '" + slug + "'")))
            .toList();
    List<Tag> tags =
        in.tagNames().stream()
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .distinct()
            .map(name -> new Tag(0, in.lang(), Slugs.slugify(name), name))
            .toList();
    Instant published = in.publishedAt() == null ? now : in.publishedAt();
    Article article =
        new Article(
            id,
            in.lang(),
            in.slug(),
            in.translationGroup(),
            in.kicker(),
            in.title(),
            in.dek(),
            renderer.render(in.lang(), in.bodyMarkdown()),
            section,
            authors,
            tags,
            in.status(),
            published,
            published.isAfter(now) ? published : now,
            in.leadImage(),
            in.leadCaption());
    return publicPage.apply(article);
  }
}
