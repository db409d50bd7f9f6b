package org.tamizdat.site;

import java.util.List;

/** An article page. {@code bodyHtml} was sanitized when the article was saved. */
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
    ArticleHead head) {}
