package org.tamizdat.feed;

import org.tamizdat.site.FeedFormat;

/** Atom 1.0 (RFC 4287) with full content as escaped HTML. */
final class AtomWriter {
  static final String NS = "http://www.w3.org/2005/Atom";

  byte[] write(Feed feed) {
    XmlOutput x = new XmlOutput().root("feed", NS).lang(feed.lang().code());
    x.element("id", feed.id())
        .element("title", feed.title())
        .element("subtitle", feed.description())
        .element("updated", FeedDates.iso(feed.updated()))
        .empty(
            "link",
            "rel",
            "self",
            "type",
            FeedFormat.ATOM.mediaType(),
            "href",
            feed.urls().get(FeedFormat.ATOM))
        .empty("link", "rel", "alternate", "type", "text/html", "href", feed.homeUrl())
        .element("icon", feed.iconUrl())
        .element("generator", "Tamizdat");
    for (FeedEntry entry : feed.entries()) {
      entry(x, entry, feed.lang().code());
    }
    return x.end().finish();
  }

  private static void entry(XmlOutput x, FeedEntry e, String lang) {
    x.start("entry")
        .element("id", e.id())
        .element("title", e.title())
        .empty("link", "rel", "alternate", "type", "text/html", "hreflang", lang, "href", e.url())
        .element("published", FeedDates.iso(e.published()))
        .element("updated", FeedDates.iso(e.updated()));
    for (FeedEntry.Person author : e.authors()) {
      x.start("author").element("name", author.name()).element("uri", author.url()).end();
    }
    // Readers show the term, so it is the name readers know, not the slug.
    for (String category : e.categories()) {
      x.empty("category", "term", category);
    }
    if (e.image() != null) {
      String length = e.image().length() > 0 ? String.valueOf(e.image().length()) : null;
      x.empty(
          "link",
          "rel",
          "enclosure",
          "type",
          e.image().mediaType(),
          "length",
          length,
          "href",
          e.image().url());
    }
    if (!e.summary().isEmpty()) {
      x.start("summary").attr("type", "text").text(e.summary()).end();
    }
    x.start("content").attr("type", "html").text(e.contentHtml()).end();
    x.end();
  }
}
