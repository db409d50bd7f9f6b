package org.tamizdat.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.tamizdat.article.TextFinding;

/**
 * Finds every place where an article's public text names a linked source or gives one of its
 * contacts, matching as {@link Needles} describes. Pure: it is given the text, field by field, and
 * the decrypted secrets, and returns where it found what, for the editor to fix.
 */
public final class PublishGuard {

  /**
   * Scans {@code fields} (name to text, in the order the editor should see them) for every source's
   * name and contacts.
   */
  List<TextFinding> scan(Map<String, String> fields, List<ProtectedSource> sources) {
    List<Needles> needles = sources.stream().map(Needles::of).toList();
    List<TextFinding> findings = new ArrayList<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getValue() == null || field.getValue().isEmpty()) {
        continue;
      }
      GuardText text = GuardText.of(field.getValue());
      List<Word> words = words(text.text);
      List<TextFinding> inField = new ArrayList<>();
      for (Needles n : needles) {
        scanNames(field.getKey(), text, words, n, inField);
        scanContacts(field.getKey(), text, n, inField);
      }
      inField.sort(Comparator.comparingInt(TextFinding::position));
      findings.addAll(inField);
    }
    return findings;
  }

  /** A word of the text and its skeleton, worked out once for all sources. */
  private record Word(int start, int end, String skeleton) {}

  private static List<Word> words(String s) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (!isWordChar(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && isWordChar(s.charAt(i))) {
        i++;
      }
      words.add(new Word(start, i, NameSkeleton.of(s.substring(start, i))));
    }
    return words;
  }

  private static void scanNames(
      String field, GuardText text, List<Word> words, Needles n, List<TextFinding> out) {
    if (n.names.isEmpty()) {
      return;
    }
    for (Word w : words) {
      if (n.matchesName(w.skeleton())) {
        out.add(finding(field, text, w.start(), w.end(), "real name of source", n));
      }
    }
  }

  private static void scanContacts(String field, GuardText text, Needles n, List<TextFinding> out) {
    String lower = lowerKeepingLength(text.text);
    for (String literal : n.literals) {
      for (int at = lower.indexOf(literal); at >= 0; at = lower.indexOf(literal, at + 1)) {
        out.add(finding(field, text, at, at + literal.length(), "contact of source", n));
      }
    }
    for (String word : n.words) {
      for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
        int end = at + word.length();
        boolean alone =
            (at == 0 || !isHandleChar(lower.charAt(at - 1)))
                && (end == lower.length() || !isHandleChar(lower.charAt(end)));
        if (alone) {
          out.add(finding(field, text, at, end, "contact of source", n));
        }
      }
    }
    if (!n.phones.isEmpty()) {
      Matcher m = Needles.PHONE.matcher(text.text);
      while (m.find()) {
        String digits = Needles.phoneDigits(m.group());
        if (digits.length() >= 7 && n.phones.stream().anyMatch(p -> Needles.samePhone(p, digits))) {
          out.add(finding(field, text, m.start(), m.end(), "contact of source", n));
        }
      }
    }
  }

  private static TextFinding finding(
      String field, GuardText text, int start, int end, String what, Needles n) {
    return new TextFinding(
        field,
        text.originOf(start),
        text.snippet(start, end),
        what + " “" + n.source.pseudonym() + "”");
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean isHandleChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Lower case, one char for one char, so positions stay valid. */
  private static String lowerKeepingLength(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
