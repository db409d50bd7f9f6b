package org.tamizdat.site;

import org.tamizdat.db.Database;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/** The public site's URL space. */
public final class SiteRoutes {
  private SiteRoutes() {}

  public static void register(
      Router router, ListingPages listings, ArticlePages articles, Database database) {
    router
        .get("/", SiteRoutes::chooseEdition)
        .get(
            "/healthz",
            request ->
                database.isHealthy()
                    ? Response.text(200, "ok")
                    : Response.text(503, "database unavailable"))
        .get(
            "/{lang}",
            request -> Response.redirect(301, "/" + Editions.fromPath(request).code() + "/"))
        .get("/{lang}/", listings::home)
        // Paged listings have five segments like an article address: registered before it, as
        // the first match wins.
        .get("/{lang}/page/{page}", listings::home)
        .get("/{lang}/section/{slug}", listings::section)
        .get("/{lang}/section/{slug}/page/{page}", listings::section)
        .get("/{lang}/tag/{slug}", listings::tag)
        .get("/{lang}/tag/{slug}/page/{page}", listings::tag)
        .get("/{lang}/author/{slug}", listings::author)
        .get("/{lang}/author/{slug}/page/{page}", listings::author)
        .get("/{lang}/{year}/{month}/{day}/{slug}", articles::article);
  }

  /** {@code /}: to the edition the reader's browser prefers. */
  public static Response chooseEdition(Request request) {
    return Response.redirect(
            302,
            "/" + Editions.preferred(request.header("Accept-Language").orElse("")).code() + "/")
        .header("Vary", "Accept-Language");
  }
}
