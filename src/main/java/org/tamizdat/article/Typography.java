package org.tamizdat.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language-correct typography for plain text: quotes, apostrophes, dashes, ellipses and, in
 * Russian, non-breaking spaces that keep short words on the line of the word they belong to.
 *
 * <p>All rules are idempotent and only ever replace straight ASCII forms, so text that is already
 * typeset passes through unchanged. URLs and e-mail addresses are never modified.
 */
public final class Typography {
  private static final char NBSP = '\u00A0';

  /** Stands in for an opaque inline (a code span): a word character no rule may change. */
  private static final char OPAQUE = '\uFFFC';

  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s\\u00A0\"<>«»“”„]+"
              // E-mail: an apostrophe may occur in the local part, but not first.
              + "|[\\p{L}\\p{N}._%+-][\\p{L}\\p{N}._%+'-]*"
              + "@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

  /** Sentence punctuation right after a URL belongs to the sentence, not the address. */
  private static final String URL_TRAILING_PUNCTUATION = ".,;:!?";

  private static final Pattern ELLIPSIS = Pattern.compile("(?<!\\.)\\.\\.\\.(?!\\.)");

  /** A hyphen, double hyphen or em dash standing between spaces, with words on both sides. */
  private static final Pattern SPACED_DASH =
      Pattern.compile(
          "(?<=[^\\s\\u00A0])[ \\u00A0]+(?:-{1,3}|\\u2014)[ \\u00A0]+(?=[^\\s\\u00A0])");

  /** "word--word"; digits are excluded so that ranges keep whatever the author typed. */
  private static final Pattern CLOSED_DASH = Pattern.compile("(?<=\\p{L})--(?=\\p{L})");

  /** Elisions that start with an apostrophe although they follow a space: '90s, 'em, 'n'. */
  private static final Pattern ENGLISH_ELISION =
      Pattern.compile("(?i)'(?:\\d\\d(?!\\d)|em\\b|tis\\b|twas\\b|n')");

  /** Russian words that must not be left alone at the end of a line. */
  private static final Pattern RUSSIAN_SHORT_WORD_SPACE =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\p{N}\\uFFFC'’])"
              + "(а|в|во|и|к|ко|о|об|обо|от|ото|по|с|со|у|на|за|из|изо|до|не|ни|но|да"
              + "|для|без|под|над|при|про|что|как|или) (?=[^\\s])");

  /** Particles that must not start a line: the space before them becomes non-breaking. */
  private static final Pattern RUSSIAN_PARTICLE_SPACE =
      Pattern.compile("(?iu)(?<=[^\\s\\u00A0]) (?=(?:же|ли|бы)(?![\\p{L}\\p{N}\\uFFFC]))");

  private Typography() {}

  /** Typesets a title, dek, kicker or caption: plain text, no HTML. */
  public static String apply(Language lang, String plainText) {
    Objects.requireNonNull(plainText, "plainText");
    return applySegments(lang, List.of(plainText)).get(0);
  }

  /**
   * Typesets consecutive text segments of one block as a single run, so a quote opened in one
   * segment and closed in another pairs correctly. A {@code null} segment marks an opaque inline
   * (such as a code span): it counts as a word character for context and comes back as {@code
   * null}. The result has one entry per input segment.
   */
  public static List<String> applySegments(Language lang, List<String> segments) {
    Objects.requireNonNull(lang, "lang");
    Run run = Run.of(segments);
    // Each pattern runs only on text that holds what it needs: most headlines have no URL, dash
    // or ellipsis, and scanning for them (the address pattern above all) was most of the cost.
    if (run.has("@") || run.has("://") || run.hasIgnoringCase("www.")) {
      run = run.lock(URL);
    }
    if (run.has("...")) {
      run = run.replace(ELLIPSIS, m -> "…");
    }
    if (run.has("-") || run.has("\u2014")) {
      run = run.replace(SPACED_DASH, m -> NBSP + "— ");
    }
    if (run.has("--")) {
      run = run.replace(CLOSED_DASH, m -> "—");
    }
    if (lang == Language.RU) {
      run = russianQuotes(run);
      run = run.replace(RUSSIAN_SHORT_WORD_SPACE, m -> m.group(1) + NBSP);
      run = run.replace(RUSSIAN_PARTICLE_SPACE, m -> String.valueOf(NBSP));
    } else {
      run = englishQuotes(run);
    }
    return run.split(segments);
  }

  private static Run englishQuotes(Run run) {
    char[] chars = run.text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (run.locked[i]) {
        continue;
      }
      boolean opening = opensQuote(chars, i, "“‘");
      if (chars[i] == '"') {
        chars[i] = opening ? '“' : '”';
      } else if (chars[i] == '\'') {
        boolean elision = ENGLISH_ELISION.matcher(run.text).region(i, chars.length).lookingAt();
        // A closing single quote and an apostrophe are the same glyph in English.
        chars[i] = opening && !elision ? '‘' : '’';
      }
    }
    return run.withChars(chars);
  }

  /** «Outer» quotes, „inner“ ones; quotes the author already typeset count towards nesting. */
  private static Run russianQuotes(Run run) {
    char[] chars = run.text.toCharArray();
    int depth = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (run.locked[i]) {
        continue;
      }
      if (c == '«' || c == '„') {
        depth++;
      } else if (c == '»' || c == '“') {
        depth = Math.max(0, depth - 1);
      } else if (c == '"' && opensQuote(chars, i, "«„")) {
        chars[i] = depth == 0 ? '«' : '„';
        depth++;
      } else if (c == '"') {
        depth = Math.max(0, depth - 1);
        chars[i] = depth == 0 ? '»' : '“';
      } else if (c == '\'' && isLetterAt(chars, i - 1) && isLetterAt(chars, i + 1)) {
        chars[i] = '’';
      }
    }
    return run.withChars(chars);
  }

  /** A quote opens when nothing but a space, bracket, dash or another opening quote precedes. */
  private static boolean opensQuote(char[] chars, int i, String openingQuotes) {
    if (i == 0) {
      return true;
    }
    char previous = chars[i - 1];
    return Character.isWhitespace(previous)
        || Character.isSpaceChar(previous)
        || "([{—–-".indexOf(previous) >= 0
        || openingQuotes.indexOf(previous) >= 0;
  }

  private static boolean isLetterAt(char[] chars, int i) {
    return i >= 0 && i < chars.length && Character.isLetter(chars[i]);
  }

  /**
   * The concatenated segments of one block. Every character remembers which segment it came from so
   * the result can be split back; locked characters (URLs, opaque inlines) are never changed.
   */
  private static final class Run {
    final String text;
    final int[] owners;
    final boolean[] locked;

    private Run(String text, int[] owners, boolean[] locked) {
      this.text = text;
      this.owners = owners;
      this.locked = locked;
    }

    static Run of(List<String> segments) {
      Builder run = new Builder();
      for (int s = 0; s < segments.size(); s++) {
        String segment = segments.get(s);
        if (segment == null) {
          run.append(OPAQUE, s, true);
          continue;
        }
        for (int k = 0; k < segment.length(); k++) {
          run.append(segment.charAt(k), s, false);
        }
      }
      return run.build();
    }

    Run lock(Pattern pattern) {
      boolean[] newLocked = locked.clone();
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        int end = m.end();
        while (end > m.start() && URL_TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
        // 'https://example.org' in single quotes: the last quote belongs to the sentence.
        boolean quoted = m.start() > 0 && text.charAt(m.start() - 1) == '\'';
        if (quoted && text.charAt(end - 1) == '\'') {
          end--;
        }
        Arrays.fill(newLocked, m.start(), end, true);
      }
      return new Run(text, owners, newLocked);
    }

    /** Replaces every match that touches no locked character. */
    Run replace(Pattern pattern, Function<MatchResult, String> replacement) {
      Matcher m = pattern.matcher(text);
      if (!m.find()) {
        return this;
      }
      Builder run = new Builder();
      int copied = 0;
      do {
        if (touchesLocked(m.start(), m.end())) {
          continue;
        }
        for (; copied < m.start(); copied++) {
          run.append(text.charAt(copied), owners[copied], locked[copied]);
        }
        String substitute = replacement.apply(m);
        int last = m.end() - 1;
        for (int k = 0; k < substitute.length(); k++) {
          // Align the ends: a shortened " -- " keeps the owner of its trailing space.
          int source = k < substitute.length() - 1 ? Math.min(m.start() + k, last) : last;
          run.append(substitute.charAt(k), owners[source], false);
        }
        copied = m.end();
      } while (m.find());
      for (; copied < text.length(); copied++) {
        run.append(text.charAt(copied), owners[copied], locked[copied]);
      }
      return run.build();
    }

    boolean has(String part) {
      return text.contains(part);
    }

    boolean hasIgnoringCase(String asciiPart) {
      for (int i = 0; i + asciiPart.length() <= text.length(); i++) {
        if (text.regionMatches(true, i, asciiPart, 0, asciiPart.length())) {
          return true;
        }
      }
      return false;
    }

    Run withChars(char[] chars) {
      return new Run(new String(chars), owners, locked);
    }

    List<String> split(List<String> segments) {
      List<StringBuilder> parts = new ArrayList<>();
      for (int s = 0; s < segments.size(); s++) {
        parts.add(new StringBuilder());
      }
      for (int i = 0; i < text.length(); i++) {
        parts.get(owners[i]).append(text.charAt(i));
      }
      List<String> result = new ArrayList<>(segments.size());
      for (int s = 0; s < segments.size(); s++) {
        result.add(segments.get(s) == null ? null : parts.get(s).toString());
      }
      return result;
    }

    private boolean touchesLocked(int start, int end) {
      for (int i = start; i < end; i++) {
        if (locked[i]) {
          return true;
        }
      }
      return false;
    }

    /** Accumulates characters together with their owning segment and lock. */
    private static final class Builder {
      private final StringBuilder text = new StringBuilder();
      private int[] owners = new int[64];
      private boolean[] locked = new boolean[64];

      void append(char c, int owner, boolean isLocked) {
        int i = text.length();
        if (i == owners.length) {
          owners = Arrays.copyOf(owners, i * 2);
          locked = Arrays.copyOf(locked, i * 2);
        }
        text.append(c);
        owners[i] = owner;
        locked[i] = isLocked;
      }

      Run build() {
        int n = text.length();
        return new Run(text.toString(), Arrays.copyOf(owners, n), Arrays.copyOf(locked, n));
      }
    }
  }
}
