package org.tamizdat.feed;

import org.jsoup.nodes.Entities;
import org.tamizdat.site.FeedFormat;

/**
 * RSS 2.0 with the usual extensions: {@code content:encoded} for the full body, {@code dc:creator}
 * for bylines (RSS's own author field wants an e-mail address) and an Atom self link.
 */
final class RssWriter {
  private static final String[] NAMESPACES = {
    "atom", AtomWriter.NS,
    "content", "http://purl.org/rss/1.0/modules/content/",
    "dc", "http://purl.org/dc/elements/1.1/"
  };

  byte[] write(Feed feed) {
    XmlOutput x = new XmlOutput().root("rss", "", NAMESPACES).attr("version", "2.0");
    x.start("channel")
        .element("title", feed.title())
        .element("link", feed.homeUrl())
        .element("description", feed.description())
        .element("language", feed.lang().code())
        .element("lastBuildDate", FeedDates.rfc822(feed.updated()))
        .element("generator", "Tamizdat")
        .empty(
            "atom:link",
            "rel",
            "self",
            "type",
            FeedFormat.RSS.mediaType(),
            "href",
            feed.urls().get(FeedFormat.RSS));
    for (FeedEntry entry : feed.entries()) {
      item(x, entry);
    }
    return x.end().end().finish();
  }

  private static void item(XmlOutput x, FeedEntry e) {
    x.start("item")
        .element("title", e.title())
        .element("link", e.url())
        .start("guid")
        .attr("isPermaLink", "true")
        .text(e.id())
        .end()
        .element("pubDate", FeedDates.rfc822(e.published()))
        .element("atom:updated", FeedDates.iso(e.updated()));
    for (FeedEntry.Person author : e.authors()) {
      x.element("dc:creator", author.name());
    }
    for (String category : e.categories()) {
      x.element("category", category);
    }
    // Readers take an RSS description as HTML, so the plain-text summary (the dek) is escaped:
    // a dek that reads "<img onerror=...>" must stay text there too.
    x.element(
        "description", e.summary().isEmpty() ? e.contentHtml() : Entities.escape(e.summary()));
    x.element("content:encoded", e.contentHtml());
    if (e.image() != null) {
      x.empty(
          "enclosure",
          "url",
          e.image().url(),
          "length",
          String.valueOf(e.image().length()),
          "type",
          e.image().mediaType());
    }
    x.end();
  }
}
