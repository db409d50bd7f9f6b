package org.tamizdat.admin.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line and word differences between two texts, by longest common subsequence. Plain text parts
 * only: the template escapes them, so a diff of hostile Markdown shows it, never runs it. Inputs
 * whose changed middle is too large for the quadratic table are shown as removed and re-added.
 */
public final class TextDiff {
  private static final long MAX_CELLS = 4_000_000;
  private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|.", Pattern.DOTALL);

  public enum Kind {
    SAME,
    ADDED,
    REMOVED,
    /** A line edited in place: its segments say which words. */
    CHANGED
  }

  public record Segment(Kind kind, String text) {}

  public record Line(Kind kind, List<Segment> segments) {
    public String text() {
      StringBuilder text = new StringBuilder();
      segments.forEach(s -> text.append(s.text()));
      return text.toString();
    }
  }

  private TextDiff() {}

  /** Word by word, whitespace and punctuation kept as their own parts. */
  public static List<Segment> words(String before, String after) {
    List<Segment> merged = new ArrayList<>();
    for (Segment s : diff(tokens(before), tokens(after))) {
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).kind() == s.kind()) {
        merged.set(last, new Segment(s.kind(), merged.get(last).text() + s.text()));
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  /**
   * Line by line; a run of removed lines followed by as many added ones is paired up into lines
   * changed in place, each with its word differences.
   */
  public static List<Line> lines(String before, String after) {
    List<Segment> ops = diff(splitLines(before), splitLines(after));
    List<Line> lines = new ArrayList<>();
    int i = 0;
    while (i < ops.size()) {
      Segment op = ops.get(i);
      if (op.kind() == Kind.SAME) {
        lines.add(new Line(Kind.SAME, List.of(op)));
        i++;
        continue;
      }
      List<String> removed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      while (i < ops.size() && ops.get(i).kind() != Kind.SAME) {
        (ops.get(i).kind() == Kind.REMOVED ? removed : added).add(ops.get(i).text());
        i++;
      }
      int paired = Math.min(removed.size(), added.size());
      for (int k = 0; k < paired; k++) {
        lines.add(new Line(Kind.CHANGED, words(removed.get(k), added.get(k))));
      }
      removed
          .subList(paired, removed.size())
          .forEach(r -> lines.add(new Line(Kind.REMOVED, List.of(new Segment(Kind.REMOVED, r)))));
      added
          .subList(paired, added.size())
          .forEach(a -> lines.add(new Line(Kind.ADDED, List.of(new Segment(Kind.ADDED, a)))));
    }
    return lines;
  }

  private static List<String> splitLines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /** One segment per token: kept, removed from {@code a} or added from {@code b}, in order. */
  private static List<Segment> diff(List<String> a, List<String> b) {
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    List<Segment> out = new ArrayList<>();
    a.subList(0, start).forEach(t -> out.add(new Segment(Kind.SAME, t)));
    List<String> midA = a.subList(start, endA);
    List<String> midB = b.subList(start, endB);
    if ((long) midA.size() * midB.size() > MAX_CELLS) {
      midA.forEach(t -> out.add(new Segment(Kind.REMOVED, t)));
      midB.forEach(t -> out.add(new Segment(Kind.ADDED, t)));
    } else {
      out.addAll(lcs(midA, midB));
    }
    a.subList(endA, a.size()).forEach(t -> out.add(new Segment(Kind.SAME, t)));
    return out;
  }

  private static List<Segment> lcs(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] longest = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        longest[i][j] =
            a.get(i).equals(b.get(j))
                ? longest[i + 1][j + 1] + 1
                : Math.max(longest[i + 1][j], longest[i][j + 1]);
      }
    }
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a.get(i).equals(b.get(j))) {
        out.add(new Segment(Kind.SAME, a.get(i)));
        i++;
        j++;
      } else if (longest[i + 1][j] >= longest[i][j + 1]) {
        out.add(new Segment(Kind.REMOVED, a.get(i++)));
      } else {
        out.add(new Segment(Kind.ADDED, b.get(j++)));
      }
    }
    while (i < n) {
      out.add(new Segment(Kind.REMOVED, a.get(i++)));
    }
    while (j < m) {
      out.add(new Segment(Kind.ADDED, b.get(j++)));
    }
    return out;
  }
}
