package org.tamizdat.export;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tamizdat.article.Language;
import org.tamizdat.site.Alternate;
import org.tamizdat.site.Chrome;
import org.tamizdat.site.ChromeBuilder;
import org.tamizdat.site.Editions;
import org.tamizdat.site.Messages;
import org.tamizdat.site.Templates;
import org.tamizdat.site.Urls;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * {@code /{lang}/reach-us}: every address of the newsroom (main site, mirrors, onion service) and
 * its feeds, for readers whose usual way in was blocked; and {@code /mirrors.json}, the same list
 * for apps.
 */
public final class ReachUsPage {
  private final ChromeBuilder chrome;
  private final Templates templates;
  private final Messages messages;
  private final Urls urls;
  private final MirrorList mirrors;

  public ReachUsPage(
      ChromeBuilder chrome, Templates templates, Messages messages, Urls urls, MirrorList mirrors) {
    this.chrome = chrome;
    this.templates = templates;
    this.messages = messages;
    this.urls = urls;
    this.mirrors = mirrors;
  }

  public void register(Router router) {
    router.get(urls.mirrorList(), request -> mirrors.response());
    router.get("/{lang}/reach-us", this::page);
  }

  private Response page(Request request) {
    Language lang = Editions.fromPath(request);
    String path = urls.reachUs(lang);
    String title = messages.get(lang, "reach.title");
    List<Alternate> alternates =
        List.of(Language.values()).stream()
            .map(l -> new Alternate(l.code(), urls.canonical(urls.reachUs(l))))
            .toList();
    Chrome layout =
        chrome.build(
            lang,
            title + " — " + chrome.siteName(lang),
            messages.get(lang, "reach.intro"),
            path,
            alternates,
            urls.reachUs(lang.other()),
            null);
    ReachUsView view =
        new ReachUsView(
            layout,
            title,
            messages.get(lang, "reach.intro"),
            addresses(lang),
            layout.discovery().feeds(),
            urls.mirrorList());
    return Response.html(200, templates.render("reach-us.jte", view)).cacheable();
  }

  private List<ReachUsView.Address> addresses(Language lang) {
    List<ReachUsView.Address> list = new ArrayList<>();
    list.add(address(lang, "reach.primary", mirrors.primary(), null));
    for (URI mirror : mirrors.mirrors()) {
      list.add(address(lang, "reach.mirror", mirror, null));
    }
    Optional<URI> onion = mirrors.onion();
    onion.ifPresent(o -> list.add(address(lang, "reach.onion", o, "reach.onion.note")));
    return list;
  }

  private ReachUsView.Address address(Language lang, String label, URI url, String note) {
    return new ReachUsView.Address(
        messages.get(lang, label), url.toString(), note == null ? null : messages.get(lang, note));
  }
}
