package org.tamizdat.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.tamizdat.article.PageOf;

/** Answers searches from an edition's index: one page of hits with snippets, and the total. */
public final class Searcher {
  private static final Sort NEWEST_FIRST =
      new Sort(
          LongField.newSortField(SearchFields.PUBLISHED, true, SortedNumericSelector.Type.MAX),
          SortField.FIELD_SCORE);

  private final SearchIndex index;
  private final ZoneId zone;
  private final ForgivingQueryParser parser;
  private final Snippets snippets;

  public Searcher(SearchIndex index, ZoneId zone) {
    this.index = index;
    this.zone = zone;
    Analyzer analyzer = new SearchAnalyzer();
    this.parser = new ForgivingQueryParser(analyzer);
    this.snippets = new Snippets(analyzer);
  }

  /**
   * Hits are counted exactly up to this many; past it Lucene may skip documents that cannot reach
   * the top of the list, which is what keeps common-word queries fast on a large archive. Readers
   * can page through 100 pages of 10 anyway.
   */
  static final int EXACT_COUNT_UP_TO = 1_000;

  /** One page of hits; the total is exact, or a lower bound when {@code totalIsExact} is false. */
  public record Results(PageOf<SearchHit> page, boolean totalIsExact) {}

  public Results search(SearchRequest request) throws IOException {
    Query text = parser.parse(request.query());
    Query query = filtered(text, request);
    int wanted = request.page() * request.pageSize();
    int exactUpTo = Math.max(EXACT_COUNT_UP_TO, wanted);
    return index.withSearcher(
        request.lang(),
        searcher -> {
          TopDocs top =
              request.order() == SearchRequest.Order.NEWEST
                  ? searcher.search(
                      query, new TopFieldCollectorManager(NEWEST_FIRST, wanted, exactUpTo))
                  : searcher.search(query, new TopScoreDocCollectorManager(wanted, exactUpTo));
          ScoreDoc[] page =
              Arrays.copyOfRange(
                  top.scoreDocs,
                  Math.min(top.scoreDocs.length, wanted - request.pageSize()),
                  top.scoreDocs.length);
          PageOf<SearchHit> hits =
              new PageOf<>(
                  hits(searcher, text, page, request),
                  request.page(),
                  request.pageSize(),
                  top.totalHits.value());
          return new Results(hits, top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
        });
  }

  private List<SearchHit> hits(
      IndexSearcher searcher, Query text, ScoreDoc[] page, SearchRequest request)
      throws IOException {
    int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
    List<Snippet> found = snippets.of(searcher, text, docIds);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      String id = searcher.storedFields().document(docIds[i], Set.of(SearchFields.ID)).get("id");
      hits.add(new SearchHit(Long.parseLong(id), found.get(i)));
    }
    return hits;
  }

  private Query filtered(Query text, SearchRequest request) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
    if (request.section() != null) {
      query.add(KeywordField.newExactQuery(SearchFields.SECTION, request.section()), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : startOf(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : startOf(request.to().plusDays(1)) - 1;
      query.add(LongField.newRangeQuery(SearchFields.PUBLISHED, from, to), Occur.FILTER);
    }
    return query.build();
  }

  private long startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
