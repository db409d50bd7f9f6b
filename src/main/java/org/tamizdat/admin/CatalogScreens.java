package org.tamizdat.admin;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.tamizdat.admin.editorial.CatalogEditor;
import org.tamizdat.article.Language;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/** Sections, authors and tags: one page each, every entry editable in place. */
public final class CatalogScreens {
  private final CatalogEditor catalog;
  private final Runnable changed;

  public CatalogScreens(CatalogEditor catalog, Runnable changed) {
    this.catalog = catalog;
    this.changed = changed;
  }

  public void register(Router router, AdminGuard guard, AdminNav nav) {
    Action manage = Action.MANAGE_SECTIONS_AUTHORS_TAGS;
    nav.add("Sections", "/admin/sections", manage);
    nav.add("Authors", "/admin/authors", manage);
    nav.add("Tags", "/admin/tags", manage);
    router.get("/admin/sections", guard.protect(manage, (r, c) -> sections(c, null, 200)));
    router.post("/admin/sections", guard.protect(manage, this::saveSection));
    router.get("/admin/authors", guard.protect(manage, (r, c) -> authors(c, null, 200)));
    router.post("/admin/authors", guard.protect(manage, this::saveAuthor));
    router.get("/admin/tags", guard.protect(manage, (r, c) -> tags(r, c, null, 200)));
    router.post("/admin/tags", guard.protect(manage, this::createTag));
    router.post("/admin/tags/{id}", guard.protect(manage, this::renameTag));
  }

  private Response sections(AdminContext context, String error, int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("sections", catalog.sections());
    params.put("error", error);
    return context.page(status, "admin/sections.jte", "Sections", params);
  }

  private Response saveSection(Request request, AdminContext context) {
    String slug = field(request, "slug");
    try {
      int position = Integer.parseInt(request.form("position").orElse("0").strip());
      catalog.saveSection(slug, position, perLanguage(request, "name_"));
    } catch (NumberFormatException e) {
      return sections(context, "the position must be a whole number", 422);
    } catch (IllegalArgumentException e) {
      return sections(context, e.getMessage(), 422);
    }
    changed.run();
    context.audit("section.save", "section", slug, null);
    return context.redirect("/admin/sections");
  }

  private Response authors(AdminContext context, String error, int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("authors", catalog.authors());
    params.put("error", error);
    return context.page(status, "admin/authors.jte", "Authors", params);
  }

  private Response saveAuthor(Request request, AdminContext context) {
    String slug = field(request, "slug");
    try {
      catalog.saveAuthor(
          slug,
          perLanguage(request, "name_"),
          perLanguage(request, "bio_"),
          request.form("photo").orElse(""));
    } catch (IllegalArgumentException e) {
      return authors(context, e.getMessage(), 422);
    }
    changed.run();
    context.audit("author.save", "author", slug, null);
    return context.redirect("/admin/authors");
  }

  private Response tags(Request request, AdminContext context, String error, int status) {
    Language lang =
        request
            .query("lang")
            .or(() -> request.form("lang"))
            .flatMap(Language::fromCode)
            .orElse(Language.EN);
    Map<String, Object> params = new HashMap<>();
    params.put("lang", lang.code());
    params.put("tags", catalog.tags(lang));
    params.put("error", error);
    return context.page(status, "admin/tags.jte", "Tags", params);
  }

  private Response createTag(Request request, AdminContext context) {
    Language lang =
        request
            .form("lang")
            .flatMap(Language::fromCode)
            .orElseThrow(() -> HttpError.badRequest("edition"));
    long id;
    try {
      id = catalog.createTag(lang, request.form("name").orElse(""));
    } catch (IllegalArgumentException e) {
      return tags(request, context, e.getMessage(), 422);
    }
    changed.run();
    context.audit("tag.create", "tag", id, null);
    return context.redirect("/admin/tags?lang=" + lang.code());
  }

  private Response renameTag(Request request, AdminContext context) {
    long id;
    try {
      id = Long.parseLong(request.param("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("not an id");
    }
    try {
      catalog.renameTag(id, request.form("name").orElse(""));
    } catch (IllegalArgumentException e) {
      return tags(request, context, e.getMessage(), 422);
    }
    changed.run();
    context.audit("tag.rename", "tag", id, null);
    return context.redirect("/admin/tags?lang=" + request.form("lang").orElse("en"));
  }

  private static String field(Request request, String name) {
    return request.form(name).orElse("").strip();
  }

  private static Map<Language, String> perLanguage(Request request, String prefix) {
    Map<Language, String> values = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      values.put(lang, request.form(prefix + lang.code()).orElse(""));
    }
    return values;
  }
}
