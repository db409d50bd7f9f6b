package org.tamizdat.demo;

/** Accumulates SVG markup; {@link #text} is the only way caller-supplied text gets in. */
final class SvgWriter {
  private final StringBuilder out = new StringBuilder(6144);

  SvgWriter raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends character data, escaped so it can never open a tag or an entity. */
  SvgWriter text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return this;
  }

  /**
   * Keeps at most {@code max} code points that XML 1.0 allows, turning control characters into
   * spaces; one stray control character would otherwise make the whole document unparseable.
   */
  static String cleanText(String text, int max) {
    StringBuilder clean = new StringBuilder();
    text.codePoints()
        .limit(max)
        .forEach(
            cp -> clean.appendCodePoint(isXmlChar(cp) && !Character.isISOControl(cp) ? cp : ' '));
    return clean.toString().strip();
  }

  private static boolean isXmlChar(int cp) {
    return (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
