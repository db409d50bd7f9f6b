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

  /** Counts exactly (threshold MAX_VALUE): fast enough at archive scale, and pages need a total. */
  public PageOf<SearchHit> search(SearchRequest request) throws IOException {
    Query text = parser.parse(request.query());
    Query query = filtered(text, request);
    int wanted = request.page() * request.pageSize();
    return index.withSearcher(
        request.lang(),
        searcher -> {
          TopDocs top =
              request.order() == SearchRequest.Order.NEWEST
                  ? searcher.search(
                      query, new TopFieldCollectorManager(NEWEST_FIRST, wanted, Integer.MAX_VALUE))
                  : searcher.search(
                      query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
          ScoreDoc[] page =
              Arrays.copyOfRange(
                  top.scoreDocs,
                  Math.min(top.scoreDocs.length, wanted - request.pageSize()),
                  top.scoreDocs.length);
          return new PageOf<>(
              hits(searcher, text, page, request),
              request.page(),
              request.pageSize(),
              top.totalHits.value());
        });
  }

  private List<SearchHit> hits(
      IndexSearcher searcher, Query text, ScoreDoc[] page, SearchRequest request)
      throws IOException {
    int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
    List<Snippet> found = snippets.of(searcher, text, docIds, request.lang());
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
