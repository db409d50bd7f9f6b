package org.tamizdat.feed;

import org.tamizdat.site.Urls;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/** {@code /robots.txt}: everything may be crawled; the sitemap is where this copy is served. */
public final class RobotsTxt {
  private final Urls urls;

  public RobotsTxt(Urls urls) {
    this.urls = urls;
  }

  public void register(Router router) {
    router.get(urls.robots(), request -> robots());
  }

  private Response robots() {
    String text =
        "User-agent: *\nDisallow: /healthz\n\nSitemap: "
            + urls.absolute(urls.sitemapIndex())
            + "\n";
    return Response.text(200, text).cacheable();
  }
}
