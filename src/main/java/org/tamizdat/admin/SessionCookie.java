package org.tamizdat.admin;

import java.util.Optional;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/**
 * The admin session cookie. The {@code __Host-} prefix makes browsers refuse it unless it is
 * Secure, has Path=/ and no Domain, so no sibling host or plain-HTTP page can plant or read it;
 * browsers treat http://127.0.0.1 and localhost as secure, so it works on a developer's machine
 * too.
 */
public final class SessionCookie {
  public static final String NAME = "__Host-tamizdat-session";
  private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Strict";

  private SessionCookie() {}

  public static Optional<String> read(Request request) {
    return request.header("Cookie").flatMap(SessionCookie::parse);
  }

  static Optional<String> parse(String header) {
    for (String part : header.split(";")) {
      String pair = part.strip();
      if (pair.startsWith(NAME + "=")) {
        String value = pair.substring(NAME.length() + 1);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  public static Response set(Response response, String sessionId) {
    return response.header("Set-Cookie", NAME + "=" + sessionId + ATTRIBUTES);
  }

  public static Response clear(Response response) {
    return response.header("Set-Cookie", NAME + "=" + ATTRIBUTES + "; Max-Age=0");
  }
}
