package org.tamizdat.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One edition's Lucene index in one directory. A single thread writes; any number search, each on a
 * point-in-time searcher that stays valid while it is held, even across a refresh or a close.
 */
final class EditionIndex implements Closeable {
  private final Path path;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private EditionIndex(Path path, FSDirectory directory, IndexWriter writer) throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index at {@code path}, creating it when {@code create} (a rebuild). */
  static EditionIndex open(Path path, boolean create, double ramBufferMb) {
    FSDirectory directory = null;
    try {
      Files.createDirectories(path);
      directory = FSDirectory.open(path);
      IndexWriterConfig config =
          new IndexWriterConfig(new SearchAnalyzer())
              .setOpenMode(
                  create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
              .setRAMBufferSizeMB(ramBufferMb)
              .setCommitOnClose(false);
      return new EditionIndex(path, directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw new UncheckedIOException("cannot open search index " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** Adds without looking for an older version: for a rebuild into an empty index. */
  void add(IndexedArticle article) throws IOException {
    writer.addDocument(SearchFields.document(article));
  }

  void put(IndexedArticle article) throws IOException {
    writer.updateDocument(SearchFields.idTerm(article.id()), SearchFields.document(article));
  }

  void remove(long id) throws IOException {
    writer.deleteDocuments(SearchFields.idTerm(id));
  }

  /** Makes the changes durable together with {@code cursor}, then visible to new searches. */
  void commit(ChangeCursor cursor) throws IOException {
    writer.setLiveCommitData(cursor.toCommitData().entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** The cursor saved with the last commit, or null for an index that has none. */
  ChangeCursor cursor() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return ChangeCursor.fromCommitData(data);
  }

  /** A searcher to use and {@link #release}; throws {@link AlreadyClosedException} when closed. */
  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  @Override
  public void close() throws IOException {
    // Searchers first: held ones stay valid, since each holds its own reader reference.
    IOUtils.close(searchers, writer, directory);
  }
}
