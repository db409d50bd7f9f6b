package org.tamizdat.admin.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tamizdat.admin.editorial.TextDiff.Kind;
import org.tamizdat.admin.editorial.TextDiff.Line;
import org.tamizdat.admin.editorial.TextDiff.Segment;

class TextDiffTest {
  @Test
  void wordsMarkWhatWasRemovedAndAdded() {
    assertEquals(
        List.of(
            new Segment(Kind.SAME, "The "),
            new Segment(Kind.REMOVED, "old"),
            new Segment(Kind.ADDED, "new"),
            new Segment(Kind.SAME, " mayor resigned.")),
        TextDiff.words("The old mayor resigned.", "The new mayor resigned."));
  }

  @Test
  void russianWordsAreWords() {
    assertEquals(
        List.of(
            new Segment(Kind.SAME, "Мэр "),
            new Segment(Kind.REMOVED, "ушёл"),
            new Segment(Kind.ADDED, "остался")),
        TextDiff.words("Мэр ушёл", "Мэр остался"));
  }

  @Test
  void linesPairEditsAndKeepInsertionsAndDeletionsApart() {
    List<Line> lines = TextDiff.lines("one\ntwo\nthree\nfour", "one\n2 two\nthree\nfive\nsix");
    assertEquals(
        List.of(Kind.SAME, Kind.CHANGED, Kind.SAME, Kind.CHANGED, Kind.ADDED),
        lines.stream().map(Line::kind).toList());
    assertEquals("2 two", lines.get(1).segments().get(0).text() + "two");
    assertEquals("six", lines.get(4).text());
    assertEquals(
        List.of(Kind.REMOVED), TextDiff.lines("gone", "").stream().map(Line::kind).toList());
  }

  @Test
  void equalTextsHaveNoChanges() {
    String text = "a\nb\n\nc";
    assertEquals(
        List.of(Kind.SAME),
        TextDiff.lines(text, text).stream().map(Line::kind).distinct().toList());
  }

  @Test
  void aHugeRewriteIsShownAsRemovedAndAddedWithoutTheQuadraticTable() {
    String before = "x\n".repeat(3000) + "end";
    String after = "y\n".repeat(3000) + "end";
    List<Line> lines = TextDiff.lines(before, after);
    assertEquals(3001, lines.size());
    assertEquals(Kind.SAME, lines.getLast().kind());
  }
}
