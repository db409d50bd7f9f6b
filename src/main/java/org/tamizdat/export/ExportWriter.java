package org.tamizdat.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.tamizdat.web.Dispatcher;
import org.tamizdat.web.NativeCrypto;
import org.tamizdat.web.Response;

/**
 * Produces outputs on a few threads, and writes a file only when its hash differs from the one the
 * last export recorded (or the file has gone missing).
 */
final class ExportWriter {
  private final Dispatcher dispatcher;
  private final OutputTree tree;
  private final Map<String, String> previous;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger rendered = new AtomicInteger();
  private final int threads;

  ExportWriter(Dispatcher dispatcher, OutputTree tree, Map<String, String> previous, int threads) {
    this.dispatcher = dispatcher;
    this.tree = tree;
    this.previous = previous;
    this.threads = threads;
  }

  Map<String, String> hashes() {
    return hashes;
  }

  int written() {
    return written.get();
  }

  int rendered() {
    return rendered.get();
  }

  /**
   * Each thread takes the next output until none is left. Not an executor with a future per output:
   * waking the waiting thread for each of tens of thousands of small tasks cost a tenth of the
   * export's system time. The first failure stops the others and is thrown here.
   */
  void writeAll(List<Output> outputs, ExportProgress progress) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement();
              i < outputs.size() && failure.get() == null;
              i = next.getAndIncrement()) {
            try {
              write(outputs.get(i));
              progress.advance();
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < this.threads; t++) {
      threads.add(Thread.ofPlatform().name("export-", t + 1).daemon().start(worker));
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new IllegalStateException("export interrupted", e));
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  void write(Output output) {
    String path = output.path();
    rendered.incrementAndGet();
    switch (output) {
      case Output.Rendered page -> {
        Response response = dispatcher.get(path);
        if (response.status() != page.status()) {
          throw new IllegalStateException(
              "GET " + path + " answered " + response.status() + ", not " + page.status());
        }
        store(path, response.body());
      }
      case Output.Fixed fixed -> store(path, fixed.bytes());
      case Output.Copied copied -> {
        String tag = statTag(copied.source());
        if (!tag.equals(previous.get(path)) || !tree.exists(path)) {
          tree.copy(path, copied.source());
          written.incrementAndGet();
        }
        hashes.put(path, tag);
      }
    }
  }

  private void store(String path, byte[] bytes) {
    String hash = hash(bytes);
    // Unchanged by hash, but someone may have deleted the file since: then it is written again.
    String before = previous.get(path);
    if (!hash.equals(before) || !tree.exists(path)) {
      tree.write(path, bytes, before != null);
      written.incrementAndGet();
    }
    hashes.put(path, hash);
  }

  static String hash(byte[] bytes) {
    byte[] digest = NativeCrypto.sha256().digest(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
  }

  static String hash(String text) {
    return hash(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String statTag(Path file) {
    try {
      return "stat:" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
