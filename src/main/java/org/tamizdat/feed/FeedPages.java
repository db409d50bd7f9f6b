package org.tamizdat.feed;

import java.util.function.Function;
import org.tamizdat.article.Language;
import org.tamizdat.site.Editions;
import org.tamizdat.site.FeedFormat;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * Feeds at {@code /{lang}/feed.{atom,rss,json}} and {@code /{lang}/section/{slug}/feed.*}. They are
 * cacheable responses, so the page cache gives them ETags, 304s and gzip like any page.
 */
public final class FeedPages {
  private final FeedSource source;

  public FeedPages(FeedSource source) {
    this.source = source;
  }

  public void register(Router router) {
    for (FeedFormat format : FeedFormat.values()) {
      String file = "/feed." + format.extension();
      router.get("/{lang}" + file, request -> edition(request, format));
      router.get("/{lang}/section/{slug}" + file, request -> section(request, format));
    }
  }

  private Response edition(Request request, FeedFormat format) {
    return respond(format, source.edition(Editions.fromPath(request)));
  }

  private Response section(Request request, FeedFormat format) {
    Language lang = Editions.fromPath(request);
    Feed feed =
        source
            .section(lang, request.param("slug"))
            .orElseThrow(() -> HttpError.notFound("no such section"));
    return respond(format, feed);
  }

  private static Response respond(FeedFormat format, Feed feed) {
    Function<Feed, byte[]> writer =
        switch (format) {
          case ATOM -> new AtomWriter()::write;
          case RSS -> new RssWriter()::write;
          case JSON -> new JsonFeedWriter()::write;
        };
    return Response.of(200, format.mediaType() + "; charset=utf-8", writer.apply(feed)).cacheable();
  }
}
