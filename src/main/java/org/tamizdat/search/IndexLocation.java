package org.tamizdat.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.Language;

/**
 * Where the indexes live: {@code <data>/search/<lang>/<generation>/}, one generation per full
 * build, and {@code <data>/search/current} naming the one in use. A rebuild writes a new generation
 * beside the old and then replaces {@code current} atomically, so searchers never see a half-built
 * index; a generation is deleted only once no process holds its write lock.
 */
final class IndexLocation {
  private static final Logger log = LoggerFactory.getLogger(IndexLocation.class);
  private static final String POINTER = "current";

  private final Path root;

  IndexLocation(Path root) {
    this.root = root;
  }

  Path dir(Language lang, String generation) {
    return root.resolve(lang.code()).resolve(generation);
  }

  /** A fresh name that sorts after older ones. */
  String newGeneration(long nowMillis) {
    return "g" + nowMillis + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The generation in use, if one was ever completed. */
  Optional<String> current() {
    try {
      String name = Files.readString(root.resolve(POINTER), StandardCharsets.UTF_8).strip();
      return name.matches("g[0-9]+-[0-9a-f]{8}") ? Optional.of(name) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(POINTER), e);
    }
  }

  /** Points every reader of this location at {@code generation}, in one atomic rename. */
  void makeCurrent(String generation) throws IOException {
    Files.createDirectories(root);
    Path temp = root.resolve(POINTER + "." + UUID.randomUUID() + ".tmp");
    Files.writeString(temp, generation + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(temp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Deletes every generation but {@code keep} that no process is writing: the old one after a
   * switch, and leftovers of a build that died. A generation another process still holds is left
   * for that process, which deletes it when it switches.
   */
  void deleteAllBut(String keep) {
    for (Language lang : Language.values()) {
      for (Path generation : list(root.resolve(lang.code()))) {
        if (!generation.getFileName().toString().equals(keep)) {
          deleteIfUnused(generation);
        }
      }
    }
  }

  /** Deletes the files while holding the write lock, so no writer can start there meanwhile. */
  private static void deleteIfUnused(Path generation) {
    try (FSDirectory directory = FSDirectory.open(generation);
        Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
      for (String file : directory.listAll()) {
        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(file);
        }
      }
    } catch (LockObtainFailedException e) {
      return;
    } catch (IOException e) {
      log.warn("cannot delete old search index {}: {}", generation, e.getMessage());
      return;
    }
    deleteTree(generation);
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      log.warn("cannot list {}: {}", dir, e.getMessage());
      return List.of();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("cannot delete old search index {}: {}", dir, e.getMessage());
    }
  }
}
