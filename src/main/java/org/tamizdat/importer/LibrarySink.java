package org.tamizdat.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tamizdat.media.ImageType;
import org.tamizdat.media.MediaLibrary;
import org.tamizdat.media.MediaRejected;
import org.tamizdat.media.MediaText;

/**
 * Imported images go through the media library like uploads: checked by content and size, every
 * piece of metadata stripped, resized copies made, the same picture stored once. Each image is its
 * own committed library item, so a failed import can leave items no article uses; a re-run finds
 * them again by content instead of storing them twice.
 *
 * <p>A dry run only makes the checks that need no decoding and stores nothing; its names are
 * stand-ins in the library's form, never written anywhere.
 */
public final class LibrarySink implements AttachmentSink {
  private final MediaLibrary library;
  private final boolean dryRun;

  public LibrarySink(MediaLibrary library, boolean dryRun) {
    this.library = library;
    this.dryRun = dryRun;
  }

  @Override
  public String store(Path file, String originalName, Description description)
      throws IOException, Refused {
    try (InputStream in = Files.newInputStream(file)) {
      if (dryRun) {
        ImageType type = library.check(in, originalName);
        return standIn(originalName) + "." + type.extension();
      }
      return library.ingest(in, originalName, text(description), null).name();
    } catch (MediaRejected e) {
      throw new Refused(e.getMessage());
    }
  }

  /** WordPress allows longer texts than the library: cut, never refuse the picture for it. */
  private static MediaText text(Description description) {
    return new MediaText(
        cut(description.alt(), MediaText.MAX_ALT),
        cut(description.caption(), MediaText.MAX_CAPTION),
        "");
  }

  private static String cut(String text, int max) {
    String value = text == null ? "" : text.strip();
    return value.codePointCount(0, value.length()) <= max
        ? value
        : value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String standIn(String originalName) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(originalName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
