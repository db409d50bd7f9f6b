package org.tamizdat.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis for both editions, at index and at query time. Each edition quotes the other
 * language (Russian names in English reports, English terms in Russian ones), so one chain serves
 * both: Cyrillic words get the Russian Snowball stemmer and Latin ones Porter's ({@link
 * StemmingFilter}), and the two stop lists share no word.
 *
 * <p>ё is folded to е ({@link FoldingFilter}), because Russian writers use ё inconsistently;
 * typographic apostrophes become straight ones, because bodies are typeset and queries are typed.
 */
public final class SearchAnalyzer extends Analyzer {
  private static final CharArraySet STOP_WORDS = stopWords();

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new FoldingFilter(source);
    stream = new EnglishPossessiveFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new StopFilter(stream, STOP_WORDS);
    stream = new StemmingFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(new FoldingFilter(in));
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), false);
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(set);
  }
}
