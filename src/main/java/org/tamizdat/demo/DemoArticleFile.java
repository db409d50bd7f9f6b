package org.tamizdat.demo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;

/**
 * Parses one demo article: {@code name: value} lines between {@code ---} fences, then Markdown. The
 * file name gives the translation group and language ({@code key.en.md}).
 */
final class DemoArticleFile {
  private static final Set<String> FIELDS =
      Set.of(
          "slug",
          "section",
          "kicker",
          "title",
          "dek",
          "authors",
          "tags",
          "published",
          "updated",
          "image",
          "caption",
          "status");
  private static final Set<String> REQUIRED =
      Set.of("slug", "section", "title", "authors", "published");

  private DemoArticleFile() {}

  /** The lead image's file name in the media directory. */
  static String imageFile(String seed) {
    return "demo-" + seed + ".svg";
  }

  static ArticleInput parse(String fileName, String text) {
    String[] nameParts = fileName.split("\\.");
    if (nameParts.length != 3 || !nameParts[2].equals("md")) {
      throw new IllegalArgumentException(fileName + ": expected a name like key.en.md");
    }
    Language lang =
        Language.fromCode(nameParts[1])
            .orElseThrow(() -> new IllegalArgumentException(fileName + ": unknown language"));
    String normalized = text.replace("\r\n", "\n");
    if (!normalized.startsWith("---\n")) {
      throw new IllegalArgumentException(fileName + ": missing front matter");
    }
    int end = normalized.indexOf("\n---\n", 3);
    if (end < 0) {
      throw new IllegalArgumentException(fileName + ": front matter is not closed with ---");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : normalized.substring(4, end).split("\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(fileName + ": unknown front matter line '" + line + "'");
      }
      fields.put(name, line.substring(colon + 1).strip());
    }
    for (String required : REQUIRED) {
      if (fields.getOrDefault(required, "").isEmpty()) {
        throw new IllegalArgumentException(fileName + ": missing '" + required + "'");
      }
    }
    String image = fields.get("image");
    return new ArticleInput(
        lang,
        fields.get("slug"),
        nameParts[0],
        fields.get("kicker"),
        fields.get("title"),
        fields.get("dek"),
        normalized.substring(end + 5).strip() + "\n",
        fields.get("section"),
        list(fields.get("authors")),
        list(fields.getOrDefault("tags", "")),
        fields.getOrDefault("status", "published").equals("draft")
            ? Status.DRAFT
            : Status.PUBLISHED,
        instant(fileName, fields.get("published")),
        // Not updated since publication unless the file says so.
        instant(fileName, fields.getOrDefault("updated", fields.get("published"))),
        image == null || image.isEmpty() ? null : imageFile(image),
        fields.get("caption"));
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Instant instant(String fileName, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(fileName + ": bad instant '" + value + "'");
    }
  }
}
