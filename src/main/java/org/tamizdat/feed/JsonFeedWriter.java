package org.tamizdat.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tamizdat.site.FeedFormat;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
final class JsonFeedWriter {
  static final String VERSION = "https://jsonfeed.org/version/1.1";

  byte[] write(Feed feed) {
    JsonOutput out = new JsonOutput();
    JsonGenerator json = out.json();
    try {
      json.writeStartObject();
      out.field("version", VERSION)
          .field("title", feed.title())
          .field("description", feed.description())
          .field("home_page_url", feed.homeUrl())
          .field("feed_url", feed.urls().get(FeedFormat.JSON))
          .field("favicon", feed.iconUrl())
          .field("language", feed.lang().code());
      json.writeArrayFieldStart("items");
      for (FeedEntry entry : feed.entries()) {
        item(out, entry);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.finish();
  }

  private static void item(JsonOutput out, FeedEntry e) throws IOException {
    JsonGenerator json = out.json();
    json.writeStartObject();
    out.field("id", e.id())
        .field("url", e.url())
        .field("title", e.title())
        .field("summary", e.summary())
        .field("content_html", e.contentHtml())
        .field("image", e.image() == null ? null : e.image().url())
        .field("date_published", FeedDates.iso(e.published()))
        .field("date_modified", FeedDates.iso(e.updated()));
    if (!e.authors().isEmpty()) {
      json.writeArrayFieldStart("authors");
      for (FeedEntry.Person author : e.authors()) {
        json.writeStartObject();
        out.field("name", author.name()).field("url", author.url());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.strings("tags", e.categories());
    if (e.image() != null) {
      json.writeArrayFieldStart("attachments");
      json.writeStartObject();
      out.field("url", e.image().url()).field("mime_type", e.image().mediaType());
      if (e.image().length() > 0) {
        json.writeNumberField("size_in_bytes", e.image().length());
      }
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
