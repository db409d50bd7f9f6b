package org.tamizdat.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII words joined by single hyphens, readable for both editions. */
public final class Slugs {
  public static final int MAX_LENGTH = 80;

  private static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ]");
  private static final Pattern NOT_SLUG_CHARACTERS = Pattern.compile("[^a-z0-9]+");

  /**
   * A simple, readable transliteration rather than a reversible standard: readers should be able to
   * guess the headline from the URL. Indexed by a letter's offset from 'а' in the contiguous block
   * а–я.
   */
  private static final String[] RUSSIAN_ALPHABET = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
  };

  /** Letters outside а–я; Ukrainian and Belarusian ones turn up in names in Russian copy. */
  private static final Map<Character, String> OTHER_CYRILLIC =
      Map.of('ё', "yo", 'і', "i", 'ї', "yi", 'є', "ye", 'ґ', "g", 'ў', "u");

  /** Latin letters that Unicode does not decompose into a base letter plus accents. */
  private static final Map<Character, String> LATIN_LIGATURES =
      Map.of('ß', "ss", 'æ', "ae", 'œ', "oe", 'ø', "o", 'đ', "d", 'ł', "l", 'þ', "th", 'ı', "i");

  private Slugs() {}

  /**
   * Builds a slug of at most {@value #MAX_LENGTH} characters from a headline in either language.
   *
   * @throws IllegalArgumentException if the text has no letters or digits that can be written in
   *     ASCII, because an empty or placeholder slug would collide with others
   */
  public static String slugify(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder latin = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      latin.append(transliterate(c));
    }
    String folded = Normalizer.normalize(latin, Normalizer.Form.NFD);
    folded = COMBINING_MARKS.matcher(folded).replaceAll("");
    folded = APOSTROPHES.matcher(folded).replaceAll("");
    String slug = NOT_SLUG_CHARACTERS.matcher(folded).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot build a slug from \""
              + text
              + "\": it has no letters or digits"
              + " that can be written in Latin script");
    }
    return shorten(slug);
  }

  private static String transliterate(char c) {
    if (c >= 'а' && c <= 'я') {
      return RUSSIAN_ALPHABET[c - 'а'];
    }
    String replacement = OTHER_CYRILLIC.getOrDefault(c, LATIN_LIGATURES.get(c));
    return replacement != null ? replacement : String.valueOf(c);
  }

  /** Whether {@code slug} is something {@link #slugify} could have produced. */
  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }

  /** Cuts at a word boundary unless that would throw away more than half of the allowed length. */
  private static String shorten(String slug) {
    if (slug.length() <= MAX_LENGTH) {
      return slug;
    }
    if (slug.charAt(MAX_LENGTH) == '-') {
      return slug.substring(0, MAX_LENGTH);
    }
    String cut = slug.substring(0, MAX_LENGTH);
    int lastHyphen = cut.lastIndexOf('-');
    return lastHyphen >= MAX_LENGTH / 2 ? cut.substring(0, lastHyphen) : cut;
  }

  private static String trimHyphens(String slug) {
    int start = 0;
    int end = slug.length();
    while (start < end && slug.charAt(start) == '-') {
      start++;
    }
    while (end > start && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(start, end);
  }
}
