package org.tamizdat.site;

import java.util.List;
import org.tamizdat.article.Language;
import org.tamizdat.web.ErrorPages;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/** Localized error pages with the normal header, so a lost reader can find their way back. */
public final class SiteErrorPages implements ErrorPages {
  private static final List<Integer> KNOWN = List.of(400, 404, 405, 413, 414, 429, 500);

  private final ChromeBuilder chrome;
  private final Templates templates;
  private final Messages messages;
  private final Urls urls;

  public SiteErrorPages(ChromeBuilder chrome, Templates templates, Messages messages, Urls urls) {
    this.chrome = chrome;
    this.templates = templates;
    this.messages = messages;
    this.urls = urls;
  }

  @Override
  public Response render(Request request, int status) {
    Language lang = Editions.guess(request);
    int shown = KNOWN.contains(status) ? status : status >= 500 ? 500 : 400;
    String title = messages.get(lang, "error." + shown + ".title");
    Chrome layout =
        chrome.build(
            lang,
            title + " — " + chrome.siteName(lang),
            null,
            urls.home(lang),
            List.of(),
            urls.home(lang.other()),
            null);
    ErrorView view =
        new ErrorView(layout, status, title, messages.get(lang, "error." + shown + ".text"));
    return Response.html(status, templates.render("error.jte", view));
  }
}
