package org.tamizdat.importer;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export, as written: nothing is interpreted here. Text fields
 * are never null (an absent element is the empty string).
 *
 * @param fields the item's simple child elements by qualified name, e.g. {@code wp:post_id}, {@code
 *     content:encoded}, {@code title}
 * @param terms its {@code <category domain nicename>} elements
 * @param meta its {@code wp:postmeta} pairs (the first value of each key)
 * @param comments how many {@code wp:comment} elements it had
 */
public record WxrItem(
    Map<String, String> fields, List<Term> terms, Map<String, String> meta, int comments) {

  /** A {@code <category>} of an item: a category, a tag or another taxonomy's term. */
  public record Term(String domain, String nicename, String name) {}

  public String field(String name) {
    return fields.getOrDefault(name, "");
  }

  public long postId() {
    try {
      return Long.parseLong(field("wp:post_id").strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public String postType() {
    return field("wp:post_type").strip();
  }

  public List<Term> terms(String domain) {
    return terms.stream().filter(t -> t.domain().equals(domain)).toList();
  }

  /** How the item is named in warnings: its type, id and title. */
  public String describe() {
    String title = field("title").strip();
    String type = postType().isEmpty() ? "item" : postType();
    return type + " " + postId() + (title.isEmpty() ? "" : " \"" + shorten(title) + "\"");
  }

  private static String shorten(String title) {
    return title.length() <= 60 ? title : title.substring(0, 57) + "...";
  }
}
