package org.tamizdat.admin;

import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/** An admin route's handler: runs only after {@link AdminGuard} has let the request through. */
@FunctionalInterface
public interface AdminHandler {
  Response handle(Request request, AdminContext context) throws Exception;
}
