package org.tamizdat.search.bench;

import java.util.ArrayList;
import java.util.List;
import org.tamizdat.article.Language;

/**
 * The fixed benchmark queries, half per edition: names from the long tail (alone or with a word),
 * single words (in any form), two and three words, quoted adjective–noun phrases and exclusions.
 * Both engines get the same strings; PostgreSQL's websearch_to_tsquery reads quotes and minus the
 * same way.
 */
final class QuerySet {
  record BenchQuery(Language lang, String text) {}

  private QuerySet() {}

  static List<BenchQuery> generate(int count, long seed) {
    ArchiveGenerator words = new ArchiveGenerator(seed, 0);
    List<BenchQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Language lang = i % 2 == 0 ? Language.EN : Language.RU;
      boolean ru = lang == Language.RU;
      var nouns = ru ? WordLists.RU_NOUNS : WordLists.EN_NOUNS;
      var verbs = ru ? WordLists.RU_VERBS : WordLists.EN_VERBS;
      var adjectives = ru ? WordLists.RU_ADJECTIVES : WordLists.EN_ADJECTIVES;
      int kind = words.nextInt(20);
      String text;
      if (kind < 3) {
        text = words.name(lang);
      } else if (kind < 5) {
        text = words.name(lang) + " " + words.form(nouns);
      } else if (kind < 8) {
        text = words.form(kind < 6 ? nouns : verbs);
      } else if (kind < 14) {
        text = words.form(nouns) + " " + words.form(kind < 11 ? verbs : nouns);
      } else if (kind < 17) {
        text = words.form(adjectives) + " " + words.form(nouns) + " " + words.form(verbs);
      } else if (kind < 19) {
        text = "\"" + words.form(adjectives) + " " + words.form(nouns) + "\"";
      } else {
        text = words.form(nouns) + " -" + words.form(nouns);
      }
      queries.add(new BenchQuery(lang, text));
    }
    return queries;
  }
}
