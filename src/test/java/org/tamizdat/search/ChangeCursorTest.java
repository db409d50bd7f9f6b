package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {
  @Test
  void numbersSkippedByAnOpenTransactionAreAskedForAgainUntilTheyAppear() {
    ChangeCursor cursor = ChangeCursor.at(10, 0).advance(List.of(11L, 13L, 14L), 1_000, 1_000);
    assertEquals(14, cursor.seq());
    assertEquals(Set.of(12L), cursor.gaps().keySet());
    ChangeCursor filled = cursor.advance(List.of(12L, 15L), 2_000, 2_000);
    assertEquals(15, filled.seq());
    assertEquals(Set.of(), filled.gaps().keySet());
  }

  @Test
  void gapsThatNeverFillAreDroppedAfterAMinute() {
    ChangeCursor cursor = ChangeCursor.at(0, 0).advance(List.of(2L), 1_000, 1_000);
    assertEquals(Set.of(1L), cursor.advance(List.of(), 61_000, 0).gaps().keySet());
    assertEquals(Set.of(), cursor.advance(List.of(), 61_001, 0).gaps().keySet());
  }

  @Test
  void survivesACommitAndResumesFromTheEarlierOfTwo() {
    ChangeCursor a = new ChangeCursor(20, Map.of(17L, 5L, 18L, 6L), 900);
    assertEquals(a, ChangeCursor.fromCommitData(a.toCommitData()));
    ChangeCursor b = new ChangeCursor(15, Map.of(12L, 7L), 1_000);
    ChangeCursor earliest = a.earliest(b);
    assertEquals(15, earliest.seq());
    assertEquals(900, earliest.publicUntil());
    assertEquals(Set.of(12L, 17L, 18L), earliest.gaps().keySet());
    assertEquals(null, ChangeCursor.fromCommitData(Map.of()));
  }

  @Test
  void aRebuildStartsWithTheGapsBehindIt() {
    ChangeCursor cursor = ChangeCursor.at(10, 0).withGapsBehind(List.of(6L, 7L, 9L, 10L), 5, 100);
    assertEquals(Set.of(8L), cursor.gaps().keySet());
  }
}
