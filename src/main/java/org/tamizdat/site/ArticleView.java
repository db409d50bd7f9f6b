package org.tamizdat.site;

import java.util.List;

/**
 * An article page. {@code bodyHtml} was sanitized when the article was saved. {@code leadPicture}
 * is set when the lead image is in the media library (then {@code imageUrl} is its plain source).
 */
public record ArticleView(
    Chrome chrome,
    Link kicker,
    String title,
    String dek,
    String imageUrl,
    String caption,
    List<Link> authors,
    String published,
    String publishedIso,
    String updated,
    String updatedIso,
    String bodyHtml,
    List<Link> tags,
    ArticleHead head,
    Picture leadPicture) {

  public ArticleView(
      Chrome chrome,
      Link kicker,
      String title,
      String dek,
      String imageUrl,
      String caption,
      List<Link> authors,
      String published,
      String publishedIso,
      String updated,
      String updatedIso,
      String bodyHtml,
      List<Link> tags,
      ArticleHead head) {
    this(
        chrome,
        kicker,
        title,
        dek,
        imageUrl,
        caption,
        authors,
        published,
        publishedIso,
        updated,
        updatedIso,
        bodyHtml,
        tags,
        head,
        null);
  }
}
