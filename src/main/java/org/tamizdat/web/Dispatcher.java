package org.tamizdat.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request from the routes, with the site's error pages for whatever fails. The HTTP front
 * and the static export both come through here, so exported files are the live pages.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Router router;
  private final ErrorPages errors;

  public Dispatcher(Router router, ErrorPages errors) {
    this.router = router;
    this.errors = errors;
  }

  public Response answer(Request request) {
    Optional<Router.Match> match = router.match(request.method(), request.path());
    if (match.isEmpty()) {
      Set<String> allowed = router.allowedMethods(request.path());
      Response error = errorPage(request, allowed.isEmpty() ? 404 : 405);
      return allowed.isEmpty() ? error : error.header("Allow", String.join(", ", allowed));
    }
    request.pathParams(match.get().params());
    try {
      return match.get().route().handle(request);
    } catch (HttpError e) {
      return errorPage(request, e.status());
    } catch (Exception e) {
      log.error("failed to render {} {}", request.method(), request.path(), e);
      return errorPage(request, 500);
    }
  }

  /** The largest request body a POST to {@code path} may carry. */
  java.util.OptionalLong declaredMaxBody(String path) {
    return router.declaredMaxBody(path);
  }

  /** A plain GET of a path, with no query and no headers: what the static export asks for. */
  public Response get(String path) {
    return answer(new Request("GET", path, Map.of(), name -> null));
  }

  Response errorPage(Request request, int status) {
    try {
      return errors.render(request, status);
    } catch (RuntimeException e) {
      log.error("error page {} failed for {}", status, request.path(), e);
      return Response.text(status, status >= 500 ? "Internal error" : "Error " + status);
    }
  }
}
