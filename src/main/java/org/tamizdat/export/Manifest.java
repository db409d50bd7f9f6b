package org.tamizdat.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last export wrote, kept in the output directory as {@code .tamizdat-export}: a hash per
 * file, each article's pages and listings, the change-log position and a fingerprint of everything
 * else pages depend on. It holds nothing that is not public. Tab-separated lines, so a broken one
 * can be read by eye.
 */
final class Manifest {
  static final String FILE = ".tamizdat-export";
  private static final String HEADER = "tamizdat-export 2";
  private static final Logger log = LoggerFactory.getLogger(Manifest.class);

  final String fingerprint;
  final long seq;
  final Map<String, String> files;
  final Map<Long, ExportedArticle> articles;

  Manifest(
      String fingerprint,
      long seq,
      Map<String, String> files,
      Map<Long, ExportedArticle> articles) {
    this.fingerprint = fingerprint;
    this.seq = seq;
    this.files = files;
    this.articles = articles;
  }

  static Manifest empty() {
    return new Manifest("", -1, new TreeMap<>(), new HashMap<>());
  }

  /**
   * Reads the last export's manifest. A non-empty directory without one is refused: an export
   * deletes files it no longer needs, and must never do that to someone else's.
   */
  static Manifest openIn(Path dir) {
    try {
      Files.createDirectories(dir);
      Optional<Manifest> manifest = read(dir);
      if (manifest.isPresent()) {
        return manifest.get();
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(
              dir + " is not empty and holds no earlier export; choose an empty or new directory");
        }
      }
      return Manifest.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + dir, e);
    }
  }

  static Optional<Manifest> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Manifest m = empty();
    String fingerprint = "";
    long seq = -1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(in.readLine())) {
        return Optional.of(m);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "fingerprint" -> fingerprint = f[1];
          case "seq" -> seq = Long.parseLong(f[1]);
          case "file" -> m.files.put(f[2], f[1]);
          case "article" ->
              m.articles.put(
                  Long.parseLong(f[1]),
                  new ExportedArticle(
                      Long.parseLong(f[1]),
                      f[2],
                      Long.parseLong(f[3]),
                      f[4].isEmpty() ? null : URLDecoder.decode(f[4], StandardCharsets.UTF_8),
                      f[5].isEmpty() ? List.of() : Arrays.asList(f[5].split(" "))));
          default -> {
            // A line from a newer version: ignored; its export will simply be redone in full.
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable: treat as a first export over the same files (nothing is lost, only time).
      log.warn("cannot read {} ({}); rendering everything", file, e.toString());
      return Optional.of(empty());
    }
    return Optional.of(new Manifest(fingerprint, seq, m.files, m.articles));
  }

  /** Groups are editors' text; encoded so that no tab or newline in one can break a line. */
  private static String encode(String group) {
    return group == null ? "" : URLEncoder.encode(group, StandardCharsets.UTF_8);
  }

  void write(Path dir) {
    Path temp = dir.resolve(FILE + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      out.write(HEADER + "\nfingerprint\t" + fingerprint + "\nseq\t" + seq + "\n");
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        out.write("file\t" + file.getValue() + "\t" + file.getKey() + "\n");
      }
      for (ExportedArticle a : new TreeMap<>(articles).values()) {
        out.write(
            "article\t"
                + a.id()
                + "\t"
                + a.path()
                + "\t"
                + a.publishedMillis()
                + "\t"
                + encode(a.group())
                + "\t"
                + String.join(" ", a.listings())
                + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export manifest", e);
    }
    try {
      Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export manifest", e);
    }
  }
}
