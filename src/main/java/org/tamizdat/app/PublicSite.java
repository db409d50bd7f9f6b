package org.tamizdat.app;

import org.tamizdat.web.Assets;
import org.tamizdat.web.Dispatcher;
import org.tamizdat.web.ErrorPages;
import org.tamizdat.web.Router;

/**
 * The public site for one set of addresses: routes, assets and error pages. The server runs one for
 * the live addresses; an export builds another for the addresses it is made for.
 */
public record PublicSite(Router router, Assets assets, ErrorPages errors) {
  public Dispatcher dispatcher() {
    return new Dispatcher(router, errors);
  }
}
