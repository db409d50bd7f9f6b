package org.tamizdat.search;

/**
 * What a reader typed, made fit to parse: control and invisible formatting characters removed,
 * whitespace collapsed, and cut to {@link #MAX_LENGTH} characters (a longer query is a paste
 * accident or an attack, and every word costs a clause).
 */
public record UserQuery(String text, boolean shortened) {
  public static final int MAX_LENGTH = 200;

  public static UserQuery of(String raw) {
    StringBuilder clean = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 1));
    boolean space = true; // drops leading whitespace
    int kept = 0;
    boolean shortened = false;
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED) {
        continue;
      }
      boolean blank =
          Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL;
      if (blank && space) {
        continue;
      }
      if (kept == MAX_LENGTH) {
        shortened = true;
        break;
      }
      clean.appendCodePoint(blank ? ' ' : c);
      space = blank;
      kept++;
    }
    return new UserQuery(clean.toString().strip(), shortened);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
