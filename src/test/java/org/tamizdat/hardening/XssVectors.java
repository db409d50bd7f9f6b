package org.tamizdat.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The XSS corpus in src/test/resources/xss/vectors.txt (see bench/xss-corpus.py). */
final class XssVectors {
  private XssVectors() {}

  static List<String> all() {
    try (InputStream in = XssVectors.class.getResourceAsStream("/xss/vectors.txt")) {
      List<String> vectors = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("# ")) vectors.add(line.replace("\\n", "\n"));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code vectors} in consecutive groups of at most {@code size}. */
  static List<List<String>> batches(List<String> vectors, int size) {
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i += size) {
      batches.add(vectors.subList(i, Math.min(vectors.size(), i + size)));
    }
    return batches;
  }

  /** Text XML 1.0 can carry: the WXR path gets the vectors without other control characters. */
  static boolean xmlSafe(String vector) {
    return vector.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t');
  }

  static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
