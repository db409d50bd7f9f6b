package org.tamizdat.sources;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reduces a word in either script to one Latin spelling, so that the usual romanisations of a
 * Russian name meet: Сергей, Sergey, Sergei and Sergej all become {@code sergei}; Пётр, Petr and
 * Pyotr {@code petr}; Михаил and Mikhail {@code mihail}; Юлия, Yulia and Julia {@code iulia}. Lower
 * case, ё folded into е, accents dropped, then a few rewrites applied alike to both sides: kh→h,
 * x→ks, ph→f, w→v, tch→ch, shch→sch, yo→e, a leading ye→e, j and y→i, runs of i→i. Over-merging
 * only makes the guard stricter.
 */
final class NameSkeleton {
  private static final String[] RUSSIAN = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
  };
  private static final Map<Character, String> OTHER_CYRILLIC =
      Map.of('ё', "e", 'і', "i", 'ї', "i", 'є', "ye", 'ґ', "g", 'ў', "u");
  private static final List<String[]> REWRITES =
      List.of(
          new String[] {"tch", "ch"},
          new String[] {"shch", "sch"},
          new String[] {"kh", "h"},
          new String[] {"ph", "f"},
          new String[] {"ck", "k"},
          new String[] {"tz", "ts"},
          new String[] {"x", "ks"},
          new String[] {"w", "v"},
          new String[] {"yo", "e"},
          new String[] {"j", "i"},
          new String[] {"y", "i"});

  private NameSkeleton() {}

  static String of(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder latin = new StringBuilder(lower.length() + 4);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'а' && c <= 'я') {
        latin.append(RUSSIAN[c - 'а']);
      } else if (OTHER_CYRILLIC.containsKey(c)) {
        latin.append(OTHER_CYRILLIC.get(c));
      } else {
        latin.append(c);
      }
    }
    String s =
        isPlain(latin) ? latin.toString() : Normalizer.normalize(latin, Normalizer.Form.NFKD);
    StringBuilder plain = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        plain.append(c);
      }
    }
    s = plain.toString();
    if (s.startsWith("ye")) {
      s = s.substring(1);
    }
    for (String[] rewrite : REWRITES) {
      if (s.contains(rewrite[0])) {
        s = s.replace(rewrite[0], rewrite[1]);
      }
    }
    return s.contains("ii") ? s.replaceAll("i{2,}", "i") : s;
  }

  /** Only ASCII letters and digits: nothing for the decomposition to do. */
  private static boolean isPlain(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 'z' || !Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }
}
