package org.tamizdat.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The media library as the rest of Tamizdat uses it: uploads and imports go in through {@link
 * #ingest}; pages and the export ask which files an image has. Lookups for pages are cached until
 * {@link #forget()} (called on every change-log entry, so an edited alt text shows on every node).
 */
public final class MediaLibrary {
  private final ImageIngest ingest;
  private final MediaRepository repository;
  private final Cache<String, StoredMedia> byFile =
      Caffeine.newBuilder().maximumSize(10_000).build();

  public MediaLibrary(ImageIngest ingest, MediaRepository repository) {
    this.ingest = ingest;
    this.repository = repository;
  }

  /** See {@link ImageIngest#ingest(byte[], String, MediaText, Long)}. */
  public StoredMedia ingest(byte[] bytes, String originalName, MediaText text, Long uploadedBy) {
    return ingest.ingest(bytes, originalName, text, uploadedBy);
  }

  public StoredMedia ingest(InputStream in, String originalName, MediaText text, Long uploadedBy)
      throws IOException {
    return ingest.ingest(in, originalName, text, uploadedBy);
  }

  /**
   * See {@link ImageIngest#check(InputStream, String)}: what a dry run can know, storing nothing.
   */
  public ImageType check(InputStream in, String originalName) throws IOException {
    return ingest.check(in, originalName);
  }

  public MediaRepository repository() {
    return repository;
  }

  /** The library image a file (original or resized) belongs to, for rendering pages. */
  public Optional<StoredMedia> imageOf(String file) {
    if (!MediaNames.isLibraryFile(file)) {
      return Optional.empty();
    }
    StoredMedia cached = byFile.getIfPresent(file);
    if (cached != null) {
      return Optional.of(cached);
    }
    // Misses are not cached: an article may name a file before its upload is committed.
    Optional<StoredMedia> found = repository.findByFile(file);
    found.ifPresent(m -> byFile.put(file, m));
    return found;
  }

  /** Every stored file a page showing {@code file} may load, {@code file} first. */
  public List<String> filesFor(String file) {
    return imageOf(file)
        .map(m ->
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(file),
                    m.files().stream().map(MediaFile::name).filter(n -> !n.equals(file)))
                .toList())
        .orElse(List.of(file));
  }

  public void forget() {
    byFile.invalidateAll();
  }
}
