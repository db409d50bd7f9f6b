package org.tamizdat.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A tiny WXR 1.2 writer for tests: what WordPress with Polylang would export for a site, with the
 * kicker as a custom field. Plain text escaping throughout, so no CDATA edge cases hide here.
 */
final class WxrWriter implements AutoCloseable {
  static final String WP = "http://wordpress.org/export/1.2/";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  record Post(
      long id,
      String lang,
      String slug,
      String group,
      String kicker,
      String title,
      String dek,
      String html,
      String category,
      String categoryName,
      String author,
      List<String> tags,
      boolean published,
      Instant date) {}

  private final OutputStream out;
  private final XMLStreamWriter xml;
  private final String site;

  WxrWriter(Path file, String site) throws IOException, XMLStreamException {
    this.out = Files.newOutputStream(file);
    this.site = site;
    this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("rss");
    xml.writeAttribute("version", "2.0");
    xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
    xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
    xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
    xml.writeNamespace("wp", WP);
    xml.writeStartElement("channel");
    text("title", "Generated site");
    text("link", site);
    text("language", "en-US");
    wp("wxr_version", "1.2");
    wp("base_site_url", site);
    wp("base_blog_url", site);
  }

  void author(String login, String displayName) throws XMLStreamException {
    xml.writeStartElement("wp", "author", WP);
    wp("author_login", login);
    wp("author_display_name", displayName);
    xml.writeEndElement();
  }

  void category(long id, String nicename, String name) throws XMLStreamException {
    xml.writeStartElement("wp", "category", WP);
    wp("term_id", String.valueOf(id));
    wp("category_nicename", nicename);
    wp("cat_name", name);
    xml.writeEndElement();
  }

  void post(Post post) throws XMLStreamException {
    xml.writeStartElement("item");
    text("title", post.title());
    text(
        "link",
        site
            + "/"
            + DATE.format(post.date()).substring(0, 10).replace('-', '/')
            + "/"
            + post.slug()
            + "/");
    xml.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
    xml.writeCharacters(post.author());
    xml.writeEndElement();
    xml.writeStartElement("guid");
    xml.writeAttribute("isPermaLink", "false");
    xml.writeCharacters(site + "/?p=" + post.id());
    xml.writeEndElement();
    xml.writeStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
    xml.writeCharacters(post.html());
    xml.writeEndElement();
    xml.writeStartElement("excerpt", "encoded", "http://wordpress.org/export/1.2/excerpt/");
    xml.writeCharacters(post.dek());
    xml.writeEndElement();
    wp("post_id", String.valueOf(post.id()));
    wp("post_date_gmt", DATE.format(post.date()));
    wp("post_name", post.slug());
    wp("status", post.published() ? "publish" : "draft");
    wp("post_type", "post");
    term("category", post.category(), post.categoryName());
    for (String tag : post.tags()) {
      term("post_tag", tag.toLowerCase(java.util.Locale.ROOT), tag);
    }
    term("language", post.lang(), post.lang());
    if (post.group() != null) {
      term("post_translations", "pll_" + post.group(), "pll_" + post.group());
    }
    xml.writeStartElement("wp", "postmeta", WP);
    wp("meta_key", "kicker");
    wp("meta_value", post.kicker());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void term(String domain, String nicename, String name) throws XMLStreamException {
    xml.writeStartElement("category");
    xml.writeAttribute("domain", domain);
    xml.writeAttribute("nicename", nicename);
    xml.writeCharacters(name);
    xml.writeEndElement();
  }

  private void text(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void wp(String name, String value) throws XMLStreamException {
    xml.writeStartElement("wp", name, WP);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  @Override
  public void close() throws IOException, XMLStreamException {
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    out.close();
  }
}
