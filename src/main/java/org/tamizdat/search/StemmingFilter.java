package org.tamizdat.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.PorterStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Stems each word with the stemmer of its script: Snowball's Russian stemmer for Cyrillic words,
 * Porter's for Latin ones, none for anything else (numbers, other scripts). Choosing per word lets
 * both editions quote the other language, and halves the stemming work of a rebuild compared with
 * running both stemmers over every word.
 */
final class StemmingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new PorterStemmer();

  StemmingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    SnowballStemmer stemmer = length == 0 ? null : stemmerFor(buffer[0]);
    if (stemmer != null) {
      stemmer.setCurrent(buffer, length);
      stemmer.stem();
      char[] stemmed = stemmer.getCurrentBuffer();
      int stemmedLength = stemmer.getCurrentBufferLength();
      if (stemmed != buffer) {
        term.copyBuffer(stemmed, 0, stemmedLength);
      } else {
        term.setLength(stemmedLength);
      }
    }
    return true;
  }

  private SnowballStemmer stemmerFor(char first) {
    if (first >= '\u0400' && first <= '\u04FF') {
      return russian;
    }
    return first >= 'a' && first <= 'z' ? english : null;
  }
}
