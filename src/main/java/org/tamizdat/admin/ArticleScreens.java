package org.tamizdat.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.admin.editorial.Actor;
import org.tamizdat.admin.editorial.ArticleFilter;
import org.tamizdat.admin.editorial.ArticleRow;
import org.tamizdat.admin.editorial.EditConflictException;
import org.tamizdat.admin.editorial.EditorialArticle;
import org.tamizdat.admin.editorial.EditorialException;
import org.tamizdat.admin.editorial.EditorialServices;
import org.tamizdat.admin.editorial.Revision;
import org.tamizdat.admin.editorial.RevisionDiff;
import org.tamizdat.admin.editorial.Transition;
import org.tamizdat.admin.editorial.WorkflowState;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.PublicationRefused;
import org.tamizdat.article.TextFinding;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * The article screens: list, editor, preview, workflow buttons, revisions and translations. Every
 * route names its {@link Action} for the guard; changing an article's content also asks {@link
 * Permissions#mayEditArticle}, here, so a POST that bypasses the form meets the same rule as the
 * form. A refused save shows the form again with what was typed and why.
 */
public final class ArticleScreens {
  private static final int PAGE_SIZE = 25;

  private final EditorialServices services;
  private final AdminDates dates;
  private final Runnable changed;
  private final Clock clock;
  private final PublishChecks publishChecks;

  /** {@code changed}: tells this node's change watcher at once after a write. */
  public ArticleScreens(
      EditorialServices services, AdminDates dates, Runnable changed, Clock clock) {
    this(services, dates, changed, clock, PublishChecks.NONE);
  }

  /** With {@code publishChecks} asked before every publish or schedule. */
  public ArticleScreens(
      EditorialServices services,
      AdminDates dates,
      Runnable changed,
      Clock clock,
      PublishChecks publishChecks) {
    this.services = services;
    this.dates = dates;
    this.changed = changed;
    this.clock = clock;
    this.publishChecks = publishChecks;
  }

  public void register(Router router, AdminGuard guard, AdminNav nav) {
    nav.add("Articles", "/admin/articles", Action.VIEW_ARTICLES);
    router.get("/admin/articles", guard.protect(Action.VIEW_ARTICLES, this::list));
    router.get("/admin/articles/new", guard.protect(Action.CREATE_ARTICLE, this::newForm));
    router.post("/admin/articles/new", guard.protect(Action.CREATE_ARTICLE, this::create));
    router.post("/admin/articles/preview", guard.protect(Action.VIEW_ARTICLES, this::preview));
    router.get("/admin/articles/{id}", guard.protect(Action.VIEW_ARTICLES, this::edit));
    router.post(
        "/admin/articles/{id}/save",
        guard.protect(Action.VIEW_ARTICLES, (r, c) -> save(r, c, Transition.KEEP)));
    router.post(
        "/admin/articles/{id}/submit",
        guard.protect(Action.SUBMIT_FOR_REVIEW, (r, c) -> save(r, c, Transition.SUBMIT)));
    router.post("/admin/articles/{id}/schedule", guard.protect(Action.SCHEDULE, this::schedule));
    router.post(
        "/admin/articles/{id}/publish",
        guard.protect(Action.PUBLISH, (r, c) -> save(r, c, Transition.PUBLISH)));
    router.post("/admin/articles/{id}/unpublish", guard.protect(Action.UNPUBLISH, this::unpublish));
    router.post(
        "/admin/articles/{id}/translate",
        guard.protect(Action.CREATE_TRANSLATION, this::translate));
    router.get(
        "/admin/articles/{id}/revisions", guard.protect(Action.VIEW_REVISIONS, this::revisions));
    router.get(
        "/admin/articles/{id}/revisions/{number}",
        guard.protect(Action.VIEW_REVISIONS, this::revision));
    router.post(
        "/admin/articles/{id}/revisions/{number}/restore",
        guard.protect(Action.RESTORE_REVISION, this::restore));
  }

  static Actor actor(AdminContext context) {
    return new Actor(context.staff().id(), context.staff().displayName());
  }

  // --- list ---

  /** One line of the list as shown. */
  public record ListRow(
      long id,
      String lang,
      String title,
      String state,
      String section,
      String byline,
      String updated,
      String published) {}

  /** The list's filters as chosen, for the form and the pager links. */
  public record ListFilters(
      String lang, String state, String section, String author, boolean mine) {
    String query(int page) {
      StringBuilder q = new StringBuilder("?page=" + page);
      append(q, "lang", lang);
      append(q, "state", state);
      append(q, "section", section);
      append(q, "author", author);
      if (mine) {
        q.append("&mine=1");
      }
      return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
      if (!value.isEmpty()) {
        q.append('&')
            .append(name)
            .append('=')
            .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }

  private Response list(Request request, AdminContext context) {
    String lang = request.query("lang").orElse("");
    String state = request.query("state").orElse("");
    String section = request.query("section").orElse("").strip();
    String author = request.query("author").orElse("").strip();
    boolean mine = request.query("mine").isPresent();
    int page;
    try {
      page = Math.max(1, Integer.parseInt(request.query("page").orElse("1")));
    } catch (NumberFormatException e) {
      page = 1;
    }
    ArticleFilter filter =
        new ArticleFilter(
            Language.fromCode(lang).orElse(null),
            WorkflowState.fromCode(state).orElse(null),
            section.isEmpty() ? null : section,
            author.isEmpty() ? null : author,
            mine ? context.staff().id() : null);
    PageOf<ArticleRow> rows = services.articles().list(filter, page, PAGE_SIZE);
    List<ListRow> shown =
        rows.items().stream()
            .map(r ->
                new ListRow(
                    r.id(),
                    r.lang().code(),
                    r.title(),
                    r.state().code(),
                    r.sectionSlug() == null ? "" : r.sectionSlug(),
                    r.bylines() == null ? "" : r.bylines(),
                    dates.show(r.updatedAt()),
                    r.state() == WorkflowState.DRAFT || r.state() == WorkflowState.IN_REVIEW
                        ? ""
                        : dates.show(r.publishedAt())))
            .toList();
    ListFilters filters =
        new ListFilters(
            filter.lang() == null ? "" : lang,
            filter.state() == null ? "" : state,
            section,
            author,
            mine);
    Map<String, Object> params = new HashMap<>();
    params.put("rows", shown);
    params.put("filters", filters);
    params.put("sections", services.catalog().sections());
    params.put("authors", services.catalog().authors());
    params.put("total", rows.total());
    params.put("previous", rows.hasPrevious() ? filters.query(page - 1) : null);
    params.put("next", rows.hasNext() ? filters.query(page + 1) : null);
    params.put("pageNumber", page);
    params.put("pageCount", rows.pageCount());
    params.put("mayCreate", context.may(Action.CREATE_ARTICLE));
    return context.page("admin/articles.jte", "Articles", params);
  }

  // --- editor ---

  private Response newForm(Request request, AdminContext context) {
    Language lang = request.query("lang").flatMap(Language::fromCode).orElse(Language.EN);
    return editor(context, null, ArticleForm.blank(lang), null, 200);
  }

  private Response create(Request request, AdminContext context) {
    ArticleForm form = ArticleForm.of(request);
    Optional<Language> lang = Language.fromCode(form.lang());
    if (lang.isEmpty()) {
      return editor(context, null, form, "choose an edition", 422);
    }
    long id;
    try {
      id = services.editorial().create(form.toInput(lang.get()), actor(context));
    } catch (IllegalArgumentException | EditorialException e) {
      return editor(context, null, form, e.getMessage(), 422);
    }
    changed.run();
    context.audit("article.create", "article", id, form.title());
    return context.redirect("/admin/articles/" + id);
  }

  private Response edit(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    return editor(context, article, ArticleForm.of(article), null, 200);
  }

  private Response save(Request request, AdminContext context, Transition transition) {
    EditorialArticle article = article(request);
    if (!mayEdit(context, article)) {
      return denied(context, article, "edit this article");
    }
    ArticleForm form = ArticleForm.of(request);
    boolean goesPublic =
        transition instanceof Transition.Publish || transition instanceof Transition.Schedule;
    String refused =
        transition instanceof Transition.Schedule ? "Not scheduled: " : "Not published: ";
    try {
      ArticleInput content = form.toInput(article.content().lang());
      if (goesPublic) {
        List<String> problems = publishChecks.problems(content);
        if (!problems.isEmpty()) {
          return editor(context, article, form, refused + String.join("; ", problems) + ".", 422);
        }
      }
      services.editorial().save(article.id(), content, form.revision(), transition, actor(context));
    } catch (EditConflictException e) {
      return editor(context, article, form, e.getMessage(), 409);
    } catch (PublicationRefused e) {
      // The findings quote the typed text: shown to this editor only, never logged or audited.
      return editor(context, article, form, refused + e.getMessage(), e.findings(), 422);
    } catch (IllegalArgumentException | EditorialException e) {
      return editor(context, article, form, e.getMessage(), 422);
    }
    changed.run();
    String what =
        switch (transition) {
          case Transition.Keep k -> "article.save";
          case Transition.Submit s -> "article.submit";
          case Transition.Publish p -> "article.publish";
          case Transition.Schedule s -> "article.schedule";
          case Transition.Unpublish u -> "article.unpublish";
        };
    context.audit(what, "article", article.id(), form.title());
    return context.redirect("/admin/articles/" + article.id());
  }

  private Response schedule(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    try {
      var at =
          AdminDates.parse(
              request.form("publish_at").orElse(""),
              request.form("zone").orElse(dates.zone().getId()));
      return save(request, context, new Transition.Schedule(at));
    } catch (IllegalArgumentException e) {
      return editor(context, article, ArticleForm.of(request), e.getMessage(), 422);
    }
  }

  private Response unpublish(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    try {
      services.editorial().unpublish(article.id(), actor(context));
    } catch (EditorialException e) {
      return editor(context, article, ArticleForm.of(article), e.getMessage(), 422);
    }
    changed.run();
    context.audit("article.unpublish", "article", article.id(), article.content().title());
    return context.redirect("/admin/articles/" + article.id());
  }

  private Response translate(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    long id;
    try {
      id = services.editorial().createTranslation(article.id(), actor(context));
    } catch (EditorialException e) {
      return editor(context, article, ArticleForm.of(article), e.getMessage(), 409);
    }
    changed.run();
    context.audit("article.translate", "article", id, "translation of " + article.id());
    return context.redirect("/admin/articles/" + id);
  }

  /**
   * The posted form rendered as its public page, uncached (the guard marks it no-store), for anyone
   * who may open articles. Writes nothing.
   */
  private Response preview(Request request, AdminContext context) {
    ArticleForm form = ArticleForm.of(request);
    long id = parseId(request.form("id").orElse("0"));
    Language lang =
        Language.fromCode(form.lang()).orElseThrow(() -> HttpError.badRequest("choose an edition"));
    byte[] page;
    try {
      ArticleInput content = form.toInput(lang);
      Optional<EditorialArticle> saved = id > 0 ? services.editorial().find(id) : Optional.empty();
      if (saved.isPresent()) {
        ArticleInput was = saved.get().content();
        content =
            new ArticleInput(
                content.lang(),
                content.slug(),
                was.translationGroup(),
                content.kicker(),
                content.title(),
                content.dek(),
                content.bodyMarkdown(),
                content.sectionSlug(),
                content.authorSlugs(),
                content.tagNames(),
                was.status(),
                was.publishedAt(),
                null,
                content.leadImage(),
                content.leadCaption());
      }
      page = services.preview().render(id, content);
    } catch (IllegalArgumentException e) {
      return context.page(
          422,
          "admin/message.jte",
          "Cannot preview",
          Map.of("title", "Cannot preview", "text", e.getMessage()));
    }
    return Response.html(200, page).header("X-Robots-Tag", "noindex, nofollow");
  }

  private Response editor(
      AdminContext context, EditorialArticle article, ArticleForm form, String error, int status) {
    return editor(context, article, form, error, List.of(), status);
  }

  private Response editor(
      AdminContext context,
      EditorialArticle article,
      ArticleForm form,
      String error,
      List<TextFinding> findings,
      int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("findings", findings);
    params.put("maySources", article != null && context.may(Action.VIEW_ARTICLES));
    boolean isNew = article == null;
    boolean mayEdit = isNew || mayEdit(context, article);
    WorkflowState state = isNew ? WorkflowState.DRAFT : article.state();
    params.put("id", isNew ? 0L : article.id());
    params.put("form", form);
    params.put("error", error);
    params.put("state", state.code());
    params.put("isNew", isNew);
    params.put("mayEdit", mayEdit);
    params.put(
        "maySubmit",
        !isNew && mayEdit && context.may(Action.SUBMIT_FOR_REVIEW) && state == WorkflowState.DRAFT);
    params.put("mayPublish", !isNew && mayEdit && context.may(Action.PUBLISH));
    params.put("maySchedule", !isNew && mayEdit && context.may(Action.SCHEDULE));
    params.put(
        "mayUnpublish",
        !isNew
            && context.may(Action.UNPUBLISH)
            && (state == WorkflowState.PUBLISHED || state == WorkflowState.SCHEDULED));
    params.put("mayTranslate", !isNew && context.may(Action.CREATE_TRANSLATION));
    params.put("mayRevisions", !isNew && context.may(Action.VIEW_REVISIONS));
    params.put(
        "publishedAt",
        isNew || article.content().publishedAt() == null
            ? ""
            : dates.show(article.content().publishedAt()));
    params.put(
        "scheduleAt",
        dates.field(
            !isNew && state == WorkflowState.SCHEDULED
                ? article.content().publishedAt()
                : clock.instant().plus(Duration.ofHours(1))));
    params.put("zones", dates.zones());
    params.put(
        "publicPath",
        !isNew && state == WorkflowState.PUBLISHED
            ? dates.articlePath(
                form.lang(), article.content().publishedAt(), article.content().slug())
            : null);
    params.put("sections", services.catalog().sections());
    params.put("authors", services.catalog().authors());
    String title = isNew ? "New article" : "Edit: " + article.content().title();
    return context.page(status, "admin/article-edit.jte", title, params);
  }

  // --- revisions ---

  private Response revisions(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    Map<String, Object> params = new HashMap<>();
    params.put("id", article.id());
    params.put("articleTitle", article.content().title());
    params.put("revisions", services.revisions().list(article.id()));
    params.put("dates", dates);
    params.put("mayRestore", context.may(Action.RESTORE_REVISION));
    return context.page("admin/revisions.jte", "Revisions: " + article.content().title(), params);
  }

  private Response revision(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    int number = (int) parseId(request.param("number"));
    Revision after =
        services
            .revisions()
            .get(article.id(), number)
            .orElseThrow(() -> HttpError.notFound("no such revision"));
    int against =
        (int) parseId(request.query("against").orElse(String.valueOf(Math.max(1, number - 1))));
    Revision before =
        services
            .revisions()
            .get(article.id(), against)
            .orElseThrow(() -> HttpError.notFound("no such revision"));
    Map<String, Object> params = new HashMap<>();
    params.put("id", article.id());
    params.put("articleTitle", article.content().title());
    params.put("diff", RevisionDiff.between(before, after));
    params.put("dates", dates);
    params.put("mayRestore", context.may(Action.RESTORE_REVISION));
    return context.page(
        "admin/revision.jte", "Revision " + number + ": " + article.content().title(), params);
  }

  private Response restore(Request request, AdminContext context) {
    EditorialArticle article = article(request);
    int number = (int) parseId(request.param("number"));
    WorkflowState state = article.state();
    if (state == WorkflowState.PUBLISHED || state == WorkflowState.SCHEDULED) {
      // A restore keeps the article public: the old text must pass what a publish would ask.
      Revision old =
          services
              .revisions()
              .get(article.id(), number)
              .orElseThrow(() -> HttpError.notFound("no such revision"));
      List<String> problems = publishChecks.problems(old.content());
      if (!problems.isEmpty()) {
        return editor(
            context,
            article,
            ArticleForm.of(article),
            "Not restored: " + String.join("; ", problems) + ".",
            422);
      }
    }
    try {
      services.editorial().restore(article.id(), number, actor(context));
    } catch (IllegalArgumentException | EditorialException e) {
      return editor(context, article, ArticleForm.of(article), e.getMessage(), 422);
    }
    changed.run();
    context.audit("article.restore", "article", article.id(), "revision " + number);
    return context.redirect("/admin/articles/" + article.id());
  }

  // --- helpers ---

  private boolean mayEdit(AdminContext context, EditorialArticle article) {
    WorkflowState state = article.state();
    return context
        .permissions()
        .mayEditArticle(
            context.staff(),
            article.ownerId() == null ? 0 : article.ownerId(),
            state == WorkflowState.DRAFT,
            article.translationOf() != null,
            state == WorkflowState.SCHEDULED || state == WorkflowState.PUBLISHED);
  }

  private Response denied(AdminContext context, EditorialArticle article, String what) {
    context.audit("denied", "article", article.id(), what);
    return context.page(
        403,
        "admin/message.jte",
        "Not allowed",
        Map.of(
            "title",
            "Not allowed",
            "text",
            "Your role does not allow you to " + what + " in its current state."));
  }

  private EditorialArticle article(Request request) {
    long id = parseId(request.param("id"));
    return services.editorial().find(id).orElseThrow(() -> HttpError.notFound("no such article"));
  }

  private static long parseId(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("not an id");
    }
  }
}
