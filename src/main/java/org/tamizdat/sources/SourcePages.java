package org.tamizdat.sources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.tamizdat.admin.Action;
import org.tamizdat.admin.AdminContext;
import org.tamizdat.admin.AdminGuard;
import org.tamizdat.article.PublicationRefused;
import org.tamizdat.article.TextFinding;
import org.tamizdat.db.Database;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * The admin's source screens. Anyone who may record a source sees the ones they keep (editors and
 * admins see all), by pseudonym only; the secret fields are write-only in forms and appear on one
 * page only: the answer to a reveal, a POST that editors and admins may make, each one written to
 * the audit log first and listed to the source's owner.
 */
public final class SourcePages {
  static final int MAX_FIELD = 4000;

  private final SourceRepository sources;
  private final SourceKeys keys;
  private final SourceGuard guard;
  private final Database database;
  private final AdminGuard admin;
  private final LongFunction<String> staffName;

  /**
   * @param staffName a staff member's name by account id, for "kept by"
   */
  public SourcePages(
      SourceRepository sources,
      SourceKeys keys,
      SourceGuard guard,
      Database database,
      AdminGuard admin,
      LongFunction<String> staffName) {
    this.sources = sources;
    this.keys = keys;
    this.guard = guard;
    this.database = database;
    this.admin = admin;
    this.staffName = staffName;
  }

  public void register(Router router) {
    router.get("/admin/sources", admin.protect(Action.CREATE_SOURCE, this::list));
    router.get("/admin/sources/new", admin.protect(Action.CREATE_SOURCE, this::newForm));
    router.post("/admin/sources/new", admin.protect(Action.CREATE_SOURCE, this::create));
    router.get("/admin/sources/check/{article}", admin.protect(Action.VIEW_ARTICLES, this::check));
    router.get("/admin/sources/{id}", admin.protect(Action.CREATE_SOURCE, this::show));
    router.post("/admin/sources/{id}", admin.protect(Action.CREATE_SOURCE, this::update));
    router.post("/admin/sources/{id}/reveal", admin.protect(Action.REVEAL_SOURCE, this::reveal));
    router.post("/admin/sources/{id}/link", admin.protect(Action.CREATE_SOURCE, this::link));
    router.post("/admin/sources/{id}/unlink", admin.protect(Action.MANAGE_SOURCES, this::unlink));
  }

  private Response list(Request request, AdminContext c) {
    boolean all = c.may(Action.MANAGE_SOURCES);
    List<Source> visible =
        sources.list().stream().filter(s -> all || s.ownerId() == c.staff().id()).toList();
    List<Long> mine =
        visible.stream().filter(s -> s.ownerId() == c.staff().id()).map(Source::id).toList();
    Map<String, Object> params = new HashMap<>();
    params.put("sources", visible);
    params.put("reveals", sources.reveals(mine, 50));
    params.put("pseudonyms", pseudonyms(visible));
    params.put("keyProblem", keys.problem().orElse(null));
    return c.page("admin/sources.jte", "Sources", params);
  }

  private Response newForm(Request request, AdminContext c) {
    Map<String, Object> params = new HashMap<>();
    params.put("error", null);
    params.put("pseudonym", "");
    params.put("keyProblem", keys.problem().orElse(null));
    return c.page("admin/source-new.jte", "New source", params);
  }

  private Response create(Request request, AdminContext c) {
    String pseudonym = field(request, "pseudonym");
    try {
      long id =
          sources.create(
              pseudonym,
              new SourceSecrets(
                  field(request, "real_name"), field(request, "contacts"), field(request, "notes")),
              c.staff().id());
      c.audit("source.create", "source", id, "pseudonym: " + pseudonym.strip());
      return c.redirect("/admin/sources/" + id);
    } catch (IllegalArgumentException | SourcesUnreadable e) {
      Map<String, Object> params = new HashMap<>();
      params.put("error", e.getMessage());
      params.put("pseudonym", pseudonym);
      params.put("keyProblem", keys.problem().orElse(null));
      return c.page(422, "admin/source-new.jte", "New source", params);
    }
  }

  private Response show(Request request, AdminContext c) {
    Source source = viewable(request, c);
    if (source == null) {
      return notAllowed(c);
    }
    return detail(c, source, 200, null, List.of());
  }

  private Response update(Request request, AdminContext c) {
    Source source = viewable(request, c);
    if (source == null) {
      return notAllowed(c);
    }
    String pseudonym = field(request, "pseudonym");
    try {
      // Blank secret fields keep what is stored: the form never shows the stored values.
      SourceSecrets stored = sources.reveal(source.id());
      SourceSecrets secrets =
          new SourceSecrets(
              keep(field(request, "real_name"), stored.realName()),
              keep(field(request, "contacts"), stored.contacts()),
              keep(field(request, "notes"), stored.notes()));
      sources.update(source.id(), pseudonym, secrets);
      c.audit("source.update", "source", source.id(), "pseudonym: " + pseudonym.strip());
      return c.redirect("/admin/sources/" + source.id());
    } catch (IllegalArgumentException | SourcesUnreadable e) {
      return detail(c, source, 422, e.getMessage(), List.of());
    }
  }

  private Response reveal(Request request, AdminContext c) {
    Source source = find(request);
    // Written before anything is decrypted: a reveal is never without its record.
    c.audit(
        SourceRepository.REVEAL_ACTION, "source", source.id(), "pseudonym: " + source.pseudonym());
    try {
      SourceSecrets secrets = sources.reveal(source.id());
      Map<String, Object> params = new HashMap<>();
      params.put("source", source);
      params.put("secrets", secrets);
      return c.page("admin/source-revealed.jte", "Source revealed", params);
    } catch (SourcesUnreadable e) {
      return detail(c, source, 503, e.getMessage(), List.of());
    }
  }

  private Response link(Request request, AdminContext c) {
    Source source = viewable(request, c);
    if (source == null) {
      return notAllowed(c);
    }
    long article = number(field(request, "article"));
    try {
      sources.link(article, source.id());
      c.audit("source.link", "source", source.id(), "article " + article);
      return c.redirect("/admin/sources/" + source.id());
    } catch (PublicationRefused e) {
      return detail(
          c,
          source,
          409,
          "Not linked: article " + article + " is public and " + e.getMessage(),
          e.findings());
    } catch (RuntimeException e) {
      if (isMissingRow(e)) {
        return detail(c, source, 422, "No article " + article + ".", List.of());
      }
      throw e;
    }
  }

  private Response unlink(Request request, AdminContext c) {
    Source source = find(request);
    long article = number(field(request, "article"));
    sources.unlink(article, source.id());
    c.audit("source.unlink", "source", source.id(), "article " + article);
    return c.redirect("/admin/sources/" + source.id());
  }

  /** Where an article's stored text names one of its linked sources. */
  private Response check(Request request, AdminContext c) {
    long article = number(request.param("article"));
    List<TextFinding> findings;
    String problem = null;
    try {
      findings = database.read(h -> guard.findings(h, article));
    } catch (SourcesUnreadable e) {
      findings = List.of();
      problem = e.getMessage();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("article", article);
    params.put("findings", findings);
    params.put("problem", problem);
    params.put("linked", sources.linkedTo(article));
    return c.page("admin/source-check.jte", "Sources in article " + article, params);
  }

  private Response detail(
      AdminContext c, Source source, int status, String error, List<TextFinding> findings) {
    boolean owner = source.ownerId() == c.staff().id();
    Map<String, Object> params = new HashMap<>();
    params.put("source", source);
    params.put("owner", staffName.apply(source.ownerId()));
    params.put("error", error);
    params.put("findings", findings);
    params.put("keyProblem", keys.problem().orElse(null));
    params.put("mayReveal", c.may(Action.REVEAL_SOURCE));
    params.put("mayUnlink", c.may(Action.MANAGE_SOURCES));
    params.put("linked", sources.articlesLinking(source.id()));
    params.put("articles", sources.recentArticles(200));
    params.put("reveals", owner ? sources.reveals(List.of(source.id()), 50) : List.of());
    params.put("isOwner", owner);
    return c.page(status, "admin/source.jte", source.pseudonym(), params);
  }

  private Source find(Request request) {
    return sources
        .find(number(request.param("id")))
        .orElseThrow(() -> HttpError.notFound("no such source"));
  }

  /** The source if this staff member may see its record, else null. */
  private Source viewable(Request request, AdminContext c) {
    Source source = find(request);
    return c.permissions().mayViewSource(c.staff(), source.ownerId()) ? source : null;
  }

  private static Response notAllowed(AdminContext c) {
    return c.page(
        403,
        "admin/message.jte",
        "Not allowed",
        Map.of(
            "title", "Not allowed", "text", "Only its owner, editors and admins see this source."));
  }

  private static Map<Long, String> pseudonyms(List<Source> list) {
    Map<Long, String> names = new HashMap<>();
    list.forEach(s -> names.put(s.id(), s.pseudonym()));
    return names;
  }

  private static String field(Request request, String name) {
    String value = request.form(name).orElse("");
    if (value.length() > MAX_FIELD) {
      throw HttpError.badRequest(name + " is too long");
    }
    return value;
  }

  private static String keep(String entered, String stored) {
    return entered.isBlank() ? stored : entered;
  }

  private static long number(String text) {
    try {
      return Long.parseLong(Optional.ofNullable(text).orElse("").strip());
    } catch (NumberFormatException e) {
      throw HttpError.notFound("not a number");
    }
  }

  private static boolean isMissingRow(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("foreign key")) {
        return true;
      }
    }
    return false;
  }
}
