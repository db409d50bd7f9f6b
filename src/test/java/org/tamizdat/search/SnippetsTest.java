package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;

/** Snippets: the matching passage as plain text parts, with hits marked by the analyzed query. */
class SnippetsTest {
  static final String LONG_PROLOGUE = "Nothing of note happened on the first day. ".repeat(20);

  final SearchAnalyzer analyzer = new SearchAnalyzer();
  final ForgivingQueryParser parser = new ForgivingQueryParser(analyzer);
  final Snippets snippets = new Snippets(analyzer);
  ByteBuffersDirectory directory;
  DirectoryReader reader;

  @BeforeEach
  void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      add(writer, 1, "Night raids", LONG_PROLOGUE + "The student refused to sign the summons.");
      add(writer, 2, "Code", "Editors wrote <script>alert('x')</script> & <b>bold</b> as text.");
      add(writer, 3, "Вахтёрша", "Ночная вахтёрша открыла дверь. Повестку вручили в 2:30.");
      add(writer, 4, "Velvet", "The body never says the word of the headline.");
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  static void add(IndexWriter writer, long id, String title, String body) throws IOException {
    writer.addDocument(
        SearchFields.document(
            new IndexedArticle(id, Language.EN, title, "", body, null, Instant.EPOCH)));
  }

  Snippet snippet(String query) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Query parsed = parser.parse(UserQuery.of(query));
    ScoreDoc[] hits = searcher.search(parsed, 10).scoreDocs;
    assertEquals(1, hits.length, query);
    return snippets.of(searcher, parsed, new int[] {hits[0].doc}).get(0);
  }

  static List<String> marked(Snippet snippet) {
    return snippet.parts().stream().filter(Snippet.Part::hit).map(Snippet.Part::text).toList();
  }

  @Test
  void marksTheStemmedMatchInThePassageThatHasIt() throws IOException {
    Snippet s = snippet("refusing");
    assertEquals(List.of("refused"), marked(s));
    assertTrue(s.plainText().startsWith("… "), "the passage starts after left-out text");
    assertTrue(s.plainText().contains("The student refused to sign the summons."), s.plainText());
    assertTrue(s.plainText().length() < 400, s.plainText());
  }

  @Test
  void marksMatchesFoundThroughYoFolding() throws IOException {
    assertEquals(List.of("вахтёрша"), marked(snippet("вахтерша")));
  }

  @Test
  void phrasesAreMarkedOnlyAsPhrases() throws IOException {
    assertEquals(List.of("refused to sign"), marked(snippet("\"refused to sign\"")));
  }

  @Test
  void articleTextStaysTextAndNeverBecomesMarkup() throws IOException {
    Snippet s = snippet("alert");
    assertTrue(s.plainText().contains("<script>alert('x')</script> & <b>bold</b>"), s.plainText());
    assertEquals(List.of("alert"), marked(s));
  }

  @Test
  void aBodyWithoutTheWordStillGivesItsOpening() throws IOException {
    Snippet s = snippet("velvet");
    assertFalse(s.parts().isEmpty());
    assertEquals(List.of(), marked(s));
    assertTrue(s.plainText().startsWith("The body never says"), s.plainText());
  }
}
