package org.tamizdat.importer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.Language;
import org.tamizdat.db.Database;
import org.tamizdat.web.ErrorPages;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Route;

/**
 * Old WordPress addresses answer 301 with the imported article's address: {@code /?p=123}, {@code
 * /?page_id=7} and the permalink paths recorded at import. They are only consulted where the site
 * would answer 404 (and on {@code /} with such a query), so no route of ours is ever shadowed. The
 * target is built at request time and only for articles readers may see.
 */
public final class LegacyRedirects {
  /** Our address of an article: {@code /en/2026/11/25/slug}. */
  @FunctionalInterface
  public interface ArticleAddress {
    String of(Language lang, Instant publishedAt, String slug);
  }

  private final Database database;
  private final ArticleAddress address;
  private final Clock clock;

  public LegacyRedirects(Database database, ArticleAddress address, Clock clock) {
    this.database = database;
    this.address = address;
    this.clock = clock;
  }

  /** Error pages that first look for an old address behind a GET's 404. */
  public ErrorPages around(ErrorPages pages) {
    return (request, status) -> {
      if (status == 404 && (request.method().equals("GET") || request.method().equals("HEAD"))) {
        Optional<String> target = target(request);
        if (target.isPresent()) {
          return Response.redirect(301, target.get());
        }
      }
      return pages.render(request, status);
    };
  }

  /** {@code /}: an old {@code ?p=} address redirects, anything else goes to {@code fallback}. */
  public Route root(Route fallback) {
    return request -> {
      Optional<String> target = queryTarget(request);
      return target.isPresent() ? Response.redirect(301, target.get()) : fallback.handle(request);
    };
  }

  Optional<String> target(Request request) {
    Optional<String> byQuery = queryTarget(request);
    if (byQuery.isPresent()) {
      return byQuery;
    }
    String path = request.path().replaceAll("/+$", "");
    return path.isEmpty() || path.length() > 1000 ? Optional.empty() : lookup(path);
  }

  private Optional<String> queryTarget(Request request) {
    for (String name : new String[] {"p", "page_id"}) {
      Optional<String> id = request.query(name).filter(v -> v.matches("[0-9]{1,18}"));
      if (id.isPresent()) {
        return lookup("?" + name + "=" + id.get());
      }
    }
    return Optional.empty();
  }

  private Optional<String> lookup(String oldPath) {
    return database.read(h ->
        h.createQuery(
                "SELECT a.lang, a.slug, a.published_at FROM legacy_redirect r"
                    + " JOIN article a ON a.id = r.article_id"
                    + " WHERE r.old_path = :path AND "
                    + ArticleRepository.IS_PUBLIC)
            .bind("path", oldPath)
            .bind("now", clock.millis())
            .map((rs, ctx) -> {
              Optional<Language> lang = Language.fromCode(rs.getString("lang"));
              Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
              String slug = rs.getString("slug");
              return lang.map(l -> address.of(l, published, slug));
            })
            .findFirst()
            .flatMap(found -> found));
  }
}
