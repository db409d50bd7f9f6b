package org.tamizdat.sources;

/**
 * A field's text with invisible characters taken out (soft hyphens, zero-width spaces and joiners,
 * word joiners, byte-order marks), which could otherwise split a name so that no word matches,
 * together with where each remaining character was in the original, for positions and snippets.
 */
final class GuardText {
  final String original;
  final String text;
  private final int[] origin;

  private GuardText(String original, String text, int[] origin) {
    this.original = original;
    this.text = text;
    this.origin = origin;
  }

  static GuardText of(String original) {
    StringBuilder text = new StringBuilder(original.length());
    int[] origin = new int[original.length() + 1];
    int n = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      // Non-breaking and other odd spaces count as spaces; typography puts them between words.
      text.append(Character.isSpaceChar(c) ? ' ' : c);
      origin[n++] = i;
    }
    origin[n] = original.length();
    return new GuardText(original, text.toString(), origin);
  }

  private static boolean isInvisible(char c) {
    return c == '\u00AD'
        || (c >= '\u200B' && c <= '\u200F')
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u034F';
  }

  /** Position in the original text of position {@code i} of {@link #text}. */
  int originOf(int i) {
    return origin[i];
  }

  /** Some of the original text around [start, end), on one line, for the editor. */
  String snippet(int start, int end) {
    int from = Math.max(0, originOf(start) - 30);
    int to = Math.min(original.length(), originOf(end - 1) + 31);
    String middle = original.substring(from, to).replaceAll("\\s+", " ").strip();
    return (from > 0 ? "…" : "") + middle + (to < original.length() ? "…" : "");
  }
}
