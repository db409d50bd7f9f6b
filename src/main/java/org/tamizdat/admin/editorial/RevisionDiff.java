package org.tamizdat.admin.editorial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tamizdat.article.ArticleInput;

/** What changed between two revisions: each changed field word by word, the body line by line. */
public record RevisionDiff(
    Revision before, Revision after, List<FieldChange> fields, List<TextDiff.Line> body) {

  public record FieldChange(String field, List<TextDiff.Segment> segments) {}

  public static RevisionDiff between(Revision before, Revision after) {
    ArticleInput a = before.content();
    ArticleInput b = after.content();
    List<FieldChange> fields = new ArrayList<>();
    field(fields, "kicker", a.kicker(), b.kicker());
    field(fields, "title", a.title(), b.title());
    field(fields, "dek", a.dek(), b.dek());
    field(fields, "slug", a.slug(), b.slug());
    field(fields, "section", a.sectionSlug(), b.sectionSlug());
    field(
        fields, "authors", String.join(", ", a.authorSlugs()), String.join(", ", b.authorSlugs()));
    field(fields, "tags", String.join(", ", a.tagNames()), String.join(", ", b.tagNames()));
    field(fields, "lead image", a.leadImage(), b.leadImage());
    field(fields, "lead caption", a.leadCaption(), b.leadCaption());
    field(fields, "status", a.status().dbValue(), b.status().dbValue());
    field(fields, "published at", text(a.publishedAt()), text(b.publishedAt()));
    List<TextDiff.Line> body =
        a.bodyMarkdown().equals(b.bodyMarkdown())
            ? List.of()
            : TextDiff.lines(a.bodyMarkdown(), b.bodyMarkdown());
    return new RevisionDiff(before, after, List.copyOf(fields), body);
  }

  private static void field(List<FieldChange> fields, String name, String before, String after) {
    String a = Objects.requireNonNullElse(before, "");
    String b = Objects.requireNonNullElse(after, "");
    if (!a.equals(b)) {
      fields.add(new FieldChange(name, TextDiff.words(a, b)));
    }
  }

  private static String text(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
