package org.tamizdat.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds ё to е and typographic apostrophes to straight ones inside each token. Done on tokens
 * rather than as a char filter because it is several times cheaper per character and a rebuild
 * reads every character of the archive; the replacements keep the length, so offsets still point at
 * the original text.
 */
final class FoldingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  FoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    for (int i = 0, length = term.length(); i < length; i++) {
      buffer[i] =
          switch (buffer[i]) {
            case 'ё' -> 'е';
            case 'Ё' -> 'Е';
            case '\u2019', '\u02BC' -> '\'';
            default -> buffer[i];
          };
    }
    return true;
  }
}
