package org.tamizdat.search;

import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/** The index's fields, and how an article becomes a Lucene document. */
final class SearchFields {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String DEK = "dek";
  static final String BODY = "body";
  static final String SECTION = "section";
  static final String PUBLISHED = "published";

  /** Query-time weights: a word in the headline says more about an article than one in the body. */
  static final Map<String, Float> WEIGHTS = Map.of(TITLE, 4f, DEK, 2f, BODY, 1f);

  /** Body offsets live in the postings, so snippets are found without analyzing the text again. */
  private static final FieldType BODY_TYPE = bodyType();

  private SearchFields() {}

  static Term idTerm(long id) {
    return new Term(ID, Long.toString(id));
  }

  static Document document(IndexedArticle a) {
    Document doc = new Document();
    doc.add(new KeywordField(ID, Long.toString(a.id()), Field.Store.YES));
    doc.add(new TextField(TITLE, a.title(), Field.Store.NO));
    doc.add(new TextField(DEK, a.dek(), Field.Store.NO));
    doc.add(new Field(BODY, a.body(), BODY_TYPE));
    if (a.sectionSlug() != null) {
      doc.add(new KeywordField(SECTION, a.sectionSlug(), Field.Store.NO));
    }
    doc.add(new LongField(PUBLISHED, a.publishedAt().toEpochMilli(), Field.Store.NO));
    return doc;
  }

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
