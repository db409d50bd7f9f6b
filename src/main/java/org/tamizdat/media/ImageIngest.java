package org.tamizdat.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tamizdat.config.MediaSettings;

/**
 * The one way images get into the library (admin uploads, the WordPress importer): checks the
 * bytes, removes every piece of metadata, stores the original and resized copies and records them.
 *
 * <p>Order matters. The type comes from the content and the size from the header, both before any
 * decoding, so a file that claims to be 100000×100000 pixels is refused without allocating. JPEG
 * and PNG are decoded and re-encoded from the pixels (orientation applied first), which drops EXIF,
 * GPS, XMP, IPTC, ICC profiles, comments, thumbnails and trailing data in one move. A WebP original
 * keeps its compressed pixels in a rebuilt container without metadata chunks (see {@link
 * WebpStructure}); its resized copies are JPEG, or PNG when it has transparency. A WebP whose EXIF
 * says to turn it is stored turned, as JPEG or PNG, since only decoding can apply the rotation.
 */
public final class ImageIngest {
  /** Resized copies for {@code srcset}; never wider than the original. */
  public static final List<Integer> WIDTHS = List.of(480, 960, 1600);

  private final MediaStore store;
  private final MediaRepository repository;
  private final MediaSettings limits;
  private final Clock clock;

  /** Read from the database on first use; the same on every node. */
  private volatile String namingSecret;

  /** Decoding a large image takes hundreds of megabytes: one at a time. */
  private final Semaphore decoding = new Semaphore(1, true);

  public ImageIngest(
      MediaStore store, MediaRepository repository, MediaSettings limits, Clock clock) {
    this.store = store;
    this.repository = repository;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Reads at most the size limit from {@code in} and ingests it. {@code originalName} is only used
   * in error messages; it is never stored.
   */
  public StoredMedia ingest(InputStream in, String originalName, MediaText text, Long uploadedBy)
      throws IOException {
    return ingest(limited(in), originalName, text, uploadedBy);
  }

  /** One byte more than the limit, so that an oversized file is refused without reading it all. */
  private byte[] limited(InputStream in) throws IOException {
    return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
  }

  /**
   * Stores a metadata-free copy of the image in {@code bytes}, or returns the library's existing
   * item when the same picture is already there. Throws {@link MediaRejected} with a message for
   * the uploader when the file is not acceptable; nothing is stored then.
   */
  public StoredMedia ingest(byte[] bytes, String originalName, MediaText text, Long uploadedBy) {
    String label = label(originalName);
    ImageFacts facts = check(bytes, label);
    decoding.acquireUninterruptibly();
    try {
      return store(clean(bytes, facts), text, uploadedBy);
    } catch (MediaRejected e) {
      throw new MediaRejected(label + ": " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new MediaRejected(label + " is too large to process on this server");
    } finally {
      decoding.release();
    }
  }

  /**
   * Runs every check {@link #ingest} makes before decoding (size, type by content, pixel count,
   * animation) and stores nothing: for dry runs. Returns the image's type, or throws {@link
   * MediaRejected}. A file whose pixel data turns out to be broken is only caught by ingesting.
   */
  public ImageType check(InputStream in, String originalName) throws IOException {
    return check(limited(in), label(originalName)).type();
  }

  private ImageFacts check(byte[] bytes, String label) {
    if (bytes.length > limits.maxBytes()) {
      throw new MediaRejected(
          label + " is larger than the limit of " + megabytes(limits.maxBytes()) + " MB");
    }
    ImageType type =
        ImageType.sniff(bytes)
            .orElseThrow(() ->
                new MediaRejected(label + " is not a JPEG, PNG or WebP image (whatever its name)"));
    ImageFacts facts;
    try {
      facts = ImageFacts.read(type, bytes);
    } catch (MediaRejected e) {
      throw new MediaRejected(label + ": " + e.getMessage());
    }
    if (facts.pixels() > limits.maxPixels()) {
      throw new MediaRejected(
          label
              + " is "
              + facts.width()
              + "×"
              + facts.height()
              + " pixels, more than the limit of "
              + limits.maxPixels() / 1_000_000
              + " megapixels");
    }
    if (facts.animated()) {
      throw new MediaRejected(label + " is an animated WebP; only still images are accepted");
    }
    return facts;
  }

  private static String label(String originalName) {
    return originalName == null || originalName.isBlank() ? "the file" : "'" + originalName + "'";
  }

  /** The cleaned original and resized copies, all encoded, nothing stored yet. */
  private List<Encoded> clean(byte[] bytes, ImageFacts facts) {
    BufferedImage pixels = Pixels.orient(Pixels.decode(bytes, facts), facts.orientation());
    boolean alpha = Pixels.hasAlpha(pixels);
    ImageType copies = facts.type() == ImageType.PNG || alpha ? ImageType.PNG : ImageType.JPEG;
    List<Encoded> files = new ArrayList<>();
    if (facts.type() == ImageType.WEBP && facts.orientation() == 1) {
      files.add(
          new Encoded(
              ImageType.WEBP,
              pixels.getWidth(),
              pixels.getHeight(),
              WebpStructure.withoutMetadata(bytes),
              true));
    } else {
      ImageType type = facts.type() == ImageType.WEBP ? copies : facts.type();
      files.add(
          new Encoded(
              type, pixels.getWidth(), pixels.getHeight(), Pixels.encode(pixels, type), true));
    }
    for (int width : WIDTHS) {
      if (width < pixels.getWidth()) {
        BufferedImage scaled = Pixels.scaleToWidth(pixels, width);
        files.add(
            new Encoded(copies, width, scaled.getHeight(), Pixels.encode(scaled, copies), false));
      }
    }
    return files;
  }

  private StoredMedia store(List<Encoded> files, MediaText text, Long uploadedBy) {
    Encoded original = files.getFirst();
    String key = key(original.bytes);
    Optional<StoredMedia> existing = repository.findByKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<MediaFile> rows = new ArrayList<>();
    try {
      for (Encoded f : files) {
        String name =
            f.original
                ? MediaNames.original(key, f.type)
                : MediaNames.resized(key, f.width, f.type);
        store.put(name, f.bytes);
        rows.add(new MediaFile(name, f.width, f.height, f.type.mime(), f.bytes.length, f.original));
      }
      return repository.insert(
          key,
          original.type.mime(),
          original.width,
          original.height,
          text,
          uploadedBy,
          clock.instant(),
          rows);
    } catch (IOException | RuntimeException e) {
      // Another upload of the same picture may have won the race: its row names these files.
      Optional<StoredMedia> winner = repository.findByKey(key);
      if (winner.isPresent()) {
        return winner.get();
      }
      for (MediaFile row : rows) {
        try {
          store.delete(row.name());
        } catch (IOException ignored) {
          // an unreferenced file under an unguessable name; the error below is what matters
        }
      }
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot store media files", io)
          : (RuntimeException) e;
    }
  }

  /**
   * 96 bits of an HMAC-SHA256 of the cleaned original under the installation's secret: the same
   * picture gets the same name here, names say nothing about the picture, and nobody outside can
   * compute the name of a photo they hold to ask whether we have it.
   */
  private String key(byte[] cleaned) {
    String secret = namingSecret;
    if (secret == null) {
      secret = repository.namingSecret();
      namingSecret = secret;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(cleaned), 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }

  private record Encoded(ImageType type, int width, int height, byte[] bytes, boolean original) {}
}
