package org.tamizdat.search.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tamizdat.article.Language;

/**
 * A deterministic archive of plausible-looking articles in both editions, from {@link WordLists}.
 * Word choice is skewed (a few words are everywhere, most are rare), as in real text, so posting
 * lists have realistic lengths; each edition borrows a little of the other's script.
 */
final class ArchiveGenerator {
  static final List<String> SECTIONS =
      List.of("investigations", "politics", "society", "economy", "culture");

  /** One generated article; the body is plain paragraphs. */
  record Generated(
      Language lang,
      String slug,
      String title,
      String dek,
      List<String> paragraphs,
      String section,
      long publishedMillis) {}

  /** How many distinct names each edition's long tail has. */
  static final int NAMES = 20_000;

  private final SplittableRandom random;
  private final long newest;
  private final List<String> enNames;
  private final List<String> ruNames;
  private List<String> cast = List.of();

  ArchiveGenerator(long seed, long newestMillis) {
    this.random = new SplittableRandom(seed);
    this.newest = newestMillis;
    this.enNames = names(WordLists.EN_SYLLABLES, WordLists.EN_NAME_ENDINGS);
    this.ruNames = names(WordLists.RU_SYLLABLES, WordLists.RU_NAME_ENDINGS);
  }

  /** The same names for every generator, so queries can ask for names the archive has. */
  private static List<String> names(List<String> syllables, List<String> endings) {
    SplittableRandom names = new SplittableRandom(1);
    List<String> out = new ArrayList<>(NAMES);
    for (int i = 0; i < NAMES; i++) {
      StringBuilder name = new StringBuilder();
      int parts = 2 + names.nextInt(2);
      for (int p = 0; p < parts; p++) {
        name.append(syllables.get(names.nextInt(syllables.size())));
      }
      name.append(endings.get(names.nextInt(endings.size())));
      out.add(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    }
    return out;
  }

  /** A name from the long tail, uniformly: each is in a few dozen articles of 100,000. */
  String name(Language lang) {
    List<String> pool = lang == Language.RU ? ruNames : enNames;
    return pool.get(random.nextInt(pool.size()));
  }

  Generated article(int n) {
    Language lang = n % 2 == 0 ? Language.EN : Language.RU;
    cast = List.of(name(lang), name(lang), name(lang), name(lang));
    List<String> paragraphs = new ArrayList<>();
    int count = 3 + random.nextInt(6);
    for (int p = 0; p < count; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        paragraph.append(s == 0 ? "" : " ").append(sentence(lang, 8 + random.nextInt(9)));
      }
      paragraphs.add(paragraph.toString());
    }
    String title = stripDot(sentence(lang, 5 + random.nextInt(5)));
    String dek = sentence(lang, 14 + random.nextInt(10));
    long tenYears = 10L * 365 * 24 * 3600 * 1000;
    return new Generated(
        lang,
        "bench-" + n,
        title,
        dek,
        paragraphs,
        SECTIONS.get(random.nextInt(SECTIONS.size())),
        newest - (long) (random.nextDouble() * tenYears));
  }

  /** Mostly [adjective] noun verb … patterns, glued with function words and place names. */
  String sentence(Language lang, int words) {
    boolean ru = lang == Language.RU;
    List<String> out = new ArrayList<>();
    while (out.size() < words) {
      int kind = random.nextInt(10);
      if (kind < 2) {
        out.add(form(ru ? WordLists.RU_ADJECTIVES : WordLists.EN_ADJECTIVES));
        out.add(form(ru ? WordLists.RU_NOUNS : WordLists.EN_NOUNS));
      } else if (kind < 5) {
        out.add(form(ru ? WordLists.RU_NOUNS : WordLists.EN_NOUNS));
      } else if (kind < 6) {
        out.add(form(ru ? WordLists.RU_VERBS : WordLists.EN_VERBS));
      } else if (kind < 7) {
        out.add(
            random.nextBoolean() && !cast.isEmpty()
                ? cast.get(random.nextInt(cast.size()))
                : pick(ru ? WordLists.RU_PLACES : WordLists.EN_PLACES));
      } else if (kind < 8 && random.nextInt(6) == 0) {
        // The other script: a Latin term in Russian, a Russian place name in English.
        out.add(pick(ru ? WordLists.RU_LATIN : WordLists.RU_PLACES));
      } else {
        out.add(pick(ru ? WordLists.RU_GLUE : WordLists.EN_GLUE));
      }
    }
    String text = String.join(" ", out);
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1) + ".";
  }

  /** A random form of a word chosen with a skew towards the front of the list. */
  String form(List<List<String>> words) {
    List<String> forms = words.get(skewed(words.size()));
    return forms.get(random.nextInt(forms.size()));
  }

  String pick(List<String> words) {
    return words.get(skewed(words.size()));
  }

  int skewed(int size) {
    return Math.min(size - 1, (int) (size * Math.pow(random.nextDouble(), 2.2)));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private static String stripDot(String sentence) {
    return sentence.substring(0, sentence.length() - 1);
  }
}
