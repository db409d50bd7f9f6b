package org.tamizdat.newsletter;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Author;
import org.tamizdat.article.Language;
import org.tamizdat.article.Typography;

/**
 * Builds one edition's digest for a week: the articles in publication order with headline, dek,
 * byline and a direct link, after an optional editor's intro. The HTML carries its styles inline
 * (mail clients drop style sheets), loads no images and links nowhere but to the articles and the
 * unsubscribe page: no tracking pixels, no click redirects.
 */
public final class DigestBuilder {
  private static final String BODY =
      "margin:0;padding:24px 16px;background:#ffffff;color:#1b1d21;"
          + "font:17px/1.55 Georgia,'Times New Roman',serif";
  private static final String HEADLINE = "margin:0 0 4px;font-size:21px;line-height:1.3";
  private static final String LINK = "color:#1b1d21;text-decoration:underline";
  private static final String MUTED =
      "margin:0;color:#5d6470;font:14px/1.5 system-ui,-apple-system,'Segoe UI',Arial,sans-serif";

  private final DigestArticles articles;
  private final Texts texts;
  private final Map<Language, String> siteNames;
  private final ZoneId zone;
  private final List<URI> mirrors;

  public DigestBuilder(
      DigestArticles articles, Texts texts, Map<Language, String> siteNames, ZoneId zone) {
    this(articles, texts, siteNames, zone, List.of());
  }

  /** {@code mirrors}: other addresses of the site, for readers behind a block (footer). */
  public DigestBuilder(
      DigestArticles articles,
      Texts texts,
      Map<Language, String> siteNames,
      ZoneId zone,
      List<URI> mirrors) {
    this.articles = articles;
    this.texts = texts;
    this.siteNames = Map.copyOf(siteNames);
    this.zone = zone;
    this.mirrors = List.copyOf(mirrors);
  }

  /** The digest of [from, until); empty when nothing was published (no digest that week). */
  public Optional<DigestContent> build(
      Language lang, Instant from, Instant until, Optional<String> intro) {
    List<ArticleSummary> week = articles.publishedBetween(lang, from, until);
    if (week.isEmpty()) {
      return Optional.empty();
    }
    String site = siteNames.get(lang);
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern(lang == Language.EN ? "MMMM d" : "d MMMM", lang.locale())
            .withZone(zone);
    String subject = texts.format(lang, "newsletter.digest.subject", site, day.format(from));
    StringBuilder text = new StringBuilder(subject).append("\n\n");
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"")
        .append(lang.code())
        .append("\"><head>")
        .append("<meta charset=\"utf-8\"><title>")
        .append(escape(subject))
        .append("</title>")
        .append("</head><body style=\"")
        .append(BODY)
        .append("\">")
        .append("<div style=\"max-width:600px;margin:0 auto\">")
        .append("<h1 style=\"margin:0 0 20px;font-size:26px\">")
        .append(escape(subject))
        .append("</h1>");
    intro
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .ifPresent(s -> {
          String typeset = Typography.apply(lang, s);
          text.append(typeset).append("\n\n");
          html.append("<p style=\"margin:0 0 24px;font-style:italic\">")
              .append(escape(typeset))
              .append("</p>");
        });
    for (ArticleSummary a : week) {
      appendArticle(lang, a, text, html);
    }
    String footer = texts.format(lang, "newsletter.digest.footer", site);
    String unsubscribe = texts.format(lang, "newsletter.digest.unsubscribe");
    text.append("-- \n");
    html.append("<hr style=\"border:0;border-top:1px solid #d9dce1;margin:24px 0\">");
    appendMirrors(lang, text, html);
    text.append(footer)
        .append("\n")
        .append(unsubscribe)
        .append(": ")
        .append(DigestContent.UNSUBSCRIBE)
        .append("\n");
    html.append("<p style=\"")
        .append(MUTED)
        .append("\">")
        .append(escape(footer))
        .append(" ")
        .append("<a style=\"color:#5d6470\" href=\"")
        .append(DigestContent.UNSUBSCRIBE)
        .append("\">")
        .append(escape(unsubscribe))
        .append("</a></p></div></body></html>");
    return Optional.of(
        new DigestContent(
            lang,
            from.toEpochMilli(),
            until.toEpochMilli(),
            subject,
            text.toString(),
            html.toString()));
  }

  /** Plain links: a reader whose client shows no HTML can still copy them. */
  private void appendMirrors(Language lang, StringBuilder text, StringBuilder html) {
    if (mirrors.isEmpty()) {
      return;
    }
    String label = texts.format(lang, "newsletter.digest.mirrors");
    text.append(label).append("\n");
    html.append("<p style=\"").append(MUTED).append(";margin-bottom:12px\">").append(escape(label));
    for (URI mirror : mirrors) {
      text.append(mirror).append("\n");
      html.append("<br><a style=\"color:#5d6470\" href=\"")
          .append(escape(mirror.toString()))
          .append("\">")
          .append(escape(mirror.toString()))
          .append("</a>");
    }
    text.append("\n");
    html.append("</p>");
  }

  private void appendArticle(
      Language lang, ArticleSummary a, StringBuilder text, StringBuilder html) {
    String title = Typography.apply(lang, a.title());
    String dek = Typography.apply(lang, a.dek());
    String byline =
        a.authors().isEmpty()
            ? ""
            : texts.format(
                lang,
                "newsletter.digest.by",
                String.join(", ", a.authors().stream().map(Author::name).toList()));
    String link = articles.link(a);
    text.append(title).append("\n");
    if (!dek.isEmpty()) {
      text.append(dek).append("\n");
    }
    if (!byline.isEmpty()) {
      text.append(byline).append("\n");
    }
    text.append(link).append("\n\n");
    html.append("<div style=\"margin:0 0 22px\"><h2 style=\"")
        .append(HEADLINE)
        .append("\">")
        .append("<a style=\"")
        .append(LINK)
        .append("\" href=\"")
        .append(escape(link))
        .append("\">")
        .append(escape(title))
        .append("</a></h2>");
    if (!dek.isEmpty()) {
      html.append("<p style=\"margin:0 0 4px\">").append(escape(dek)).append("</p>");
    }
    if (!byline.isEmpty()) {
      html.append("<p style=\"").append(MUTED).append("\">").append(escape(byline)).append("</p>");
    }
    html.append("</div>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
