package org.tamizdat.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/**
 * Serves stored media at {@code /media/{file}}. Names are checked against a strict pattern before
 * touching the disk, so no request can reach outside the media directory. Files of the media
 * library are named by their content, so browsers may keep them for a year without asking again;
 * they bypass the page cache, which is for pages. Every response carries {@code
 * X-Content-Type-Options: nosniff} (see the web layer), and the type comes from our own extension.
 */
public final class MediaFiles {
  private static final String NAME = "[a-z0-9][a-z0-9-]{0,100}\\.(svg|png|jpg|webp)";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private final Path directory;

  public MediaFiles(Path directory) {
    this.directory = directory;
  }

  public Response serve(Request request) throws IOException {
    String name = request.param("file");
    if (!name.matches(NAME)) {
      throw HttpError.notFound("no such media file");
    }
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw HttpError.notFound("no such media file");
    }
    if (MediaNames.isLibraryFile(name)) {
      return Response.of(200, contentType(name), Files.readAllBytes(file))
          .header("Cache-Control", IMMUTABLE);
    }
    return Response.of(200, contentType(name), Files.readAllBytes(file)).cacheable();
  }

  /** The file's size in bytes, or 0 when there is no such file (feeds must still be written). */
  public long size(String name) {
    try {
      return name.matches(NAME) ? Files.size(directory.resolve(name)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  public static String contentType(String name) {
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (name.endsWith(".png")) {
      return "image/png";
    } else if (name.endsWith(".jpg")) {
      return "image/jpeg";
    }
    return "image/webp";
  }
}
