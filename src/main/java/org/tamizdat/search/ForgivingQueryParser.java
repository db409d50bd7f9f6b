package org.tamizdat.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a reader's query into a Lucene query without ever failing. Lucene's SimpleQueryParser never
 * throws on bad syntax; only three operators are enabled: "quoted phrases", -exclusions and
 * whitespace. Everything else — AND, OR, +, *, ?, brackets, tildes — is ordinary text, which the
 * analyzer drops or matches literally. Every word must match (in the title, dek or body).
 */
final class ForgivingQueryParser {
  private static final int OPERATORS =
      SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  private final Analyzer analyzer;

  ForgivingQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query parse(UserQuery query) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, SearchFields.WEIGHTS, OPERATORS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query parsed = query.isEmpty() ? null : parser.parse(query.text());
    return parsed == null ? new MatchNoDocsQuery("nothing to search for") : parsed;
  }
}
