package org.tamizdat.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Finds the best passages of each hit's body with Lucene's unified highlighter, using the offsets
 * stored in the postings. Matches come from the analyzed query, so "refused" marks "refusing" and a
 * phrase is marked only where it occurs as a phrase.
 */
final class Snippets {
  /**
   * About two lines of a result list, cut at full stops: the JDK's sentence iterator found slightly
   * better boundaries but took a third of a search's time.
   */
  private static final int PASSAGE_CHARS = 160;

  private static final int MAX_PASSAGES = 2;
  private static final int MAX_BODY_CHARS = 200_000;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** One snippet per document, in the order of {@code docIds}; a body without a match opens it. */
  List<Snippet> of(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    Highlighter highlighter =
        new Highlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_BODY_CHARS)
                .withHighlightPhrasesStrictly(true)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() ->
                    LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator('.'), PASSAGE_CHARS, 0.5f))
                .withFormatter(new Formatter()));
    int[] passages = {MAX_PASSAGES};
    Object[] found =
        highlighter.highlight(new String[] {SearchFields.BODY}, query, docIds, passages);
    List<Snippet> snippets = new ArrayList<>(docIds.length);
    for (Object snippet : found) {
      snippets.add(snippet instanceof Snippet s ? s : new Snippet(List.of()));
    }
    return snippets;
  }

  /** Exposes the highlighter's per-object result, which lets the formatter return a Snippet. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(Builder builder) {
      super(builder);
    }

    Object[] highlight(String[] fields, Query query, int[] docIds, int[] passages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, passages).get(fields[0]);
    }
  }

  /** Cuts passages into plain and matched parts, with an ellipsis where text was left out. */
  private static final class Formatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Snippet.Part> parts = new ArrayList<>();
      int previousEnd = 0;
      for (Passage passage : passages) {
        if (passage.getStartOffset() > previousEnd) {
          add(parts, parts.isEmpty() ? "… " : " … ", false);
        } else if (!parts.isEmpty()) {
          add(parts, " ", false);
        }
        List<Snippet.Part> own = new ArrayList<>();
        int pos = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int start = passage.getMatchStarts()[i];
          int end = passage.getMatchEnds()[i];
          if (start > pos) {
            add(own, content.substring(pos, start), false);
          }
          if (end > pos) {
            add(own, content.substring(Math.max(pos, start), end), true);
            pos = end;
          }
        }
        add(own, content.substring(pos, Math.max(pos, passage.getEndOffset())), false);
        trim(own).forEach(part -> add(parts, part.text(), part.hit()));
        previousEnd = passage.getEndOffset();
      }
      if (!parts.isEmpty() && previousEnd < content.length()) {
        add(parts, " …", false);
      }
      return new Snippet(parts);
    }

    /** Appends, merging with the previous part of the same kind. */
    private static void add(List<Snippet.Part> parts, String text, boolean hit) {
      if (text.isEmpty()) {
        return;
      }
      int last = parts.size() - 1;
      if (last >= 0 && parts.get(last).hit() == hit) {
        parts.set(last, new Snippet.Part(parts.get(last).text() + text, hit));
      } else {
        parts.add(new Snippet.Part(text, hit));
      }
    }

    /** A passage starts and ends at sentence breaks, which carry the space between sentences. */
    private static List<Snippet.Part> trim(List<Snippet.Part> parts) {
      if (!parts.isEmpty() && !parts.get(0).hit()) {
        parts.set(0, new Snippet.Part(parts.get(0).text().stripLeading(), false));
      }
      int last = parts.size() - 1;
      if (last >= 0 && !parts.get(last).hit()) {
        parts.set(last, new Snippet.Part(parts.get(last).text().stripTrailing(), false));
      }
      parts.removeIf(p -> p.text().isEmpty());
      return parts;
    }
  }
}
