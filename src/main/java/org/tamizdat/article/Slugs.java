package org.tamizdat.article;

/** Placeholder until the slug class lands from its branch. */
public final class Slugs {
  public static String slugify(String text) {
    return text.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  public static boolean isValid(String slug) {
    return slug.matches("^[a-z0-9]+(-[a-z0-9]+)*$") && slug.length() <= 80;
  }
}
