package org.tamizdat.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.admin.Action;
import org.tamizdat.admin.AdminContext;
import org.tamizdat.admin.AdminGuard;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;
import org.tamizdat.web.Upload;

/**
 * The media screens under {@code /admin/media}: upload (multipart), the library with thumbnails,
 * and editing an image's alt text, caption and credit. Every route needs {@link
 * Action#UPLOAD_MEDIA} and goes through the guard (session, second factor, CSRF, audit).
 */
public final class MediaAdmin {
  public static final String PATH = "/admin/media";
  static final int PAGE_SIZE = 24;

  /** Room for the form's other fields and the multipart framing around the file. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  private final MediaLibrary library;
  private final AdminGuard guard;
  private final long maxUploadBytes;

  public MediaAdmin(MediaLibrary library, AdminGuard guard, long maxUploadBytes) {
    this.library = library;
    this.guard = guard;
    this.maxUploadBytes = maxUploadBytes;
  }

  public void register(Router router) {
    router.get(PATH, guard.protect(Action.UPLOAD_MEDIA, this::list));
    router.post(
        PATH, guard.protect(Action.UPLOAD_MEDIA, this::upload), maxUploadBytes + FORM_OVERHEAD);
    router.get(PATH + "/{id}", guard.protect(Action.UPLOAD_MEDIA, this::edit));
    router.post(PATH + "/{id}", guard.protect(Action.UPLOAD_MEDIA, this::save));
  }

  private Response list(Request request, AdminContext context) {
    return listPage(request, context, 200, null, null);
  }

  private Response listPage(
      Request request, AdminContext context, int status, String error, MediaText entered) {
    int page =
        request
            .query("page")
            .filter(p -> p.matches("[1-9][0-9]{0,5}"))
            .map(Integer::parseInt)
            .orElse(1);
    MediaRepository repository = library.repository();
    long total = repository.count();
    List<StoredMedia> items = repository.newest(PAGE_SIZE, (page - 1) * PAGE_SIZE);
    Map<String, Object> params = new HashMap<>();
    params.put("items", items);
    params.put("page", page);
    params.put("hasNext", (long) page * PAGE_SIZE < total);
    params.put("maxMegabytes", maxUploadBytes / (1024 * 1024));
    params.put("error", error);
    params.put("entered", entered == null ? MediaText.none() : entered);
    return context.page(status, "admin/media-list.jte", "Media", params);
  }

  private Response upload(Request request, AdminContext context) {
    MediaText text;
    try {
      text = textOf(request);
    } catch (MediaRejected e) {
      return listPage(request, context, 422, e.getMessage(), null);
    }
    Optional<Upload> file = request.upload("file");
    if (file.isEmpty() || file.get().bytes().length == 0) {
      return listPage(request, context, 422, "Choose an image file to upload.", text);
    }
    StoredMedia stored;
    try {
      stored =
          library.ingest(file.get().bytes(), file.get().fileName(), text, context.staff().id());
    } catch (MediaRejected e) {
      return listPage(request, context, 422, e.getMessage(), text);
    }
    // The uploader's file name is left out on purpose: it can say more than the picture.
    context.audit(
        "media.upload",
        "media",
        stored.id(),
        stored.mime() + " " + stored.width() + "x" + stored.height());
    return context.redirect(PATH + "/" + stored.id());
  }

  private Response edit(Request request, AdminContext context) {
    StoredMedia media = find(request);
    return editPage(context, media, 200, null, request.query("saved").isPresent());
  }

  private Response editPage(
      AdminContext context, StoredMedia media, int status, String error, boolean saved) {
    Map<String, Object> params = new HashMap<>();
    params.put("media", media);
    params.put("error", error);
    params.put("saved", saved);
    return context.page(status, "admin/media-edit.jte", "Image " + media.id(), params);
  }

  private Response save(Request request, AdminContext context) {
    StoredMedia media = find(request);
    MediaText text;
    try {
      text = textOf(request);
    } catch (MediaRejected e) {
      return editPage(context, media, 422, e.getMessage(), false);
    }
    library.repository().updateText(media.id(), text);
    context.audit("media.edit", "media", media.id(), "alt text, caption, credit");
    return context.redirect(PATH + "/" + media.id() + "?saved=1");
  }

  private StoredMedia find(Request request) {
    String id = request.param("id");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw HttpError.notFound("no such image");
    }
    return library
        .repository()
        .find(Long.parseLong(id))
        .orElseThrow(() -> HttpError.notFound("no such image"));
  }

  private static MediaText textOf(Request request) {
    return new MediaText(
        request.form("alt").orElse(""),
        request.form("caption").orElse(""),
        request.form("credit").orElse(""));
  }
}
