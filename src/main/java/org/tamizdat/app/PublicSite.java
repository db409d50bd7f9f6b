package org.tamizdat.app;

import java.util.function.Function;
import org.tamizdat.article.Article;
import org.tamizdat.web.Assets;
import org.tamizdat.web.Dispatcher;
import org.tamizdat.web.ErrorPages;
import org.tamizdat.web.Router;

/**
 * The public site for one set of addresses: routes, assets and error pages. The server runs one for
 * the live addresses; an export builds another for the addresses it is made for. {@code
 * articlePage} renders any article as its public page (the admin's preview).
 */
public record PublicSite(
    Router router, Assets assets, ErrorPages errors, Function<Article, byte[]> articlePage) {
  public Dispatcher dispatcher() {
    return new Dispatcher(router, errors);
  }
}
