package org.tamizdat.admin;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.tamizdat.admin.editorial.EditorialArticle;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Slugs;
import org.tamizdat.article.Status;
import org.tamizdat.web.Request;

/**
 * The editor form's fields as typed, so a refused save shows them again unchanged (nothing typed is
 * lost). Bylines and tags are comma-separated; a blank slug is made from the title.
 */
public record ArticleForm(
    String lang,
    String kicker,
    String title,
    String dek,
    String body,
    String slug,
    String section,
    String authors,
    String tags,
    String leadImage,
    String leadCaption,
    int revision) {
  /** Relative, inside the media directory: no leading slash, no "..", no scheme. */
  private static final Pattern MEDIA_PATH =
      Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9_-][A-Za-z0-9._/-]{0,299}");

  public static ArticleForm blank(Language lang) {
    return new ArticleForm(lang.code(), "", "", "", "", "", "", "", "", "", "", 0);
  }

  public static ArticleForm of(EditorialArticle article) {
    ArticleInput in = article.content();
    return new ArticleForm(
        in.lang().code(),
        in.kicker(),
        in.title(),
        in.dek(),
        in.bodyMarkdown(),
        in.slug(),
        in.sectionSlug() == null ? "" : in.sectionSlug(),
        String.join(", ", in.authorSlugs()),
        String.join(", ", in.tagNames()),
        in.leadImage() == null ? "" : in.leadImage(),
        in.leadCaption() == null ? "" : in.leadCaption(),
        article.revision());
  }

  public static ArticleForm of(Request request) {
    int revision;
    try {
      revision = Integer.parseInt(field(request, "revision").strip());
    } catch (NumberFormatException e) {
      revision = -1;
    }
    return new ArticleForm(
        field(request, "lang"),
        field(request, "kicker"),
        field(request, "title"),
        field(request, "dek"),
        field(request, "body").replace("\r\n", "\n"),
        field(request, "slug").strip(),
        field(request, "section").strip(),
        field(request, "authors"),
        field(request, "tags"),
        field(request, "lead_image").strip(),
        field(request, "lead_caption"),
        revision);
  }

  private static String field(Request request, String name) {
    return request.form(name).orElse("");
  }

  /** The content to save; the workflow decides status and time. Bad fields: a clear exception. */
  public ArticleInput toInput(Language edition) {
    String cleanTitle = title.strip();
    if (cleanTitle.isEmpty()) {
      throw new IllegalArgumentException("the title must not be empty");
    }
    String theSlug = slug.isEmpty() ? Slugs.slugify(cleanTitle) : slug;
    if (!Slugs.isValid(theSlug)) {
      throw new IllegalArgumentException(
          "the slug may hold only lowercase letters a–z, digits and single hyphens (at most "
              + Slugs.MAX_LENGTH
              + " characters)");
    }
    if (!leadImage.isEmpty() && !MEDIA_PATH.matcher(leadImage).matches()) {
      throw new IllegalArgumentException(
          "the lead image must be a path inside the media directory, e.g. 2026/ferry.jpg");
    }
    return new ArticleInput(
        edition,
        theSlug,
        null,
        kicker.strip(),
        cleanTitle,
        dek.strip(),
        body,
        section.isEmpty() ? null : section,
        list(authors),
        list(tags),
        Status.DRAFT,
        null,
        null,
        leadImage.isEmpty() ? null : leadImage,
        leadCaption.isBlank() ? null : leadCaption.strip());
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }
}
