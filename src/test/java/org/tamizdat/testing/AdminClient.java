package org.tamizdat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tamizdat.admin.SessionCookie;
import org.tamizdat.admin.Staff;
import org.tamizdat.admin.Totp;

/**
 * A logged-in staff member's browser, for HTTP tests of admin pages: it keeps the session cookie,
 * follows cookie changes, and sends the CSRF token with every POST. Made by {@link AdminLogin}.
 */
public final class AdminClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final TestApp app;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Staff staff;
  private final String password;
  private String totpSecret;
  private List<String> recoveryCodes = List.of();
  private long lastStep;
  private String cookie;
  private String csrf;

  AdminClient(TestApp app, Staff staff, String password) {
    this.app = app;
    this.staff = staff;
    this.password = password;
  }

  public Staff staff() {
    return staff;
  }

  public String email() {
    return staff.email();
  }

  public String password() {
    return password;
  }

  /** The Base32 TOTP secret (null when the role needs none and none was enrolled). */
  public String totpSecret() {
    return totpSecret;
  }

  /** The ten recovery codes shown at enrolment. */
  public List<String> recoveryCodes() {
    return recoveryCodes;
  }

  /** The raw session id in the cookie (null when logged out). */
  public String sessionId() {
    return cookie;
  }

  /** The CSRF token of the current session. */
  public String csrf() {
    return csrf;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** POST of form fields, with the session's CSRF token added. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf);
    return postRaw(path, form(all));
  }

  /** POST of a form-encoded body exactly as given (no CSRF token added). */
  public HttpResponse<String> postRaw(String path, String body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue() == null ? "" : e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
    if (cookie != null) {
      request.header("Cookie", SessionCookie.NAME + "=" + cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      response
          .headers()
          .firstValue("Set-Cookie")
          .filter(c -> c.startsWith(SessionCookie.NAME + "="))
          .ifPresent(c -> {
            String value = c.substring(SessionCookie.NAME.length() + 1, c.indexOf(';'));
            cookie = value.isEmpty() || c.contains("Max-Age=0") ? null : value;
          });
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A TOTP code for the app's current time that has not been used yet (the next step within the ±1
   * window when this step's code was used); fails when the window is used up.
   */
  public String nextCode() {
    long now = Totp.step(app.app().clock().millis());
    long step = Math.max(now - 1, lastStep + 1);
    if (step > now + 1) {
      throw new IllegalStateException("every code of the window is used; advance the clock");
    }
    lastStep = step;
    byte[] key = Totp.decodeBase32(totpSecret);
    return Totp.code(key, step, Totp.DIGITS, "HmacSHA1");
  }

  void enrolled(String secret, List<String> codes, long step) {
    this.totpSecret = secret;
    this.recoveryCodes = List.copyOf(codes);
    this.lastStep = step;
  }

  /** Forgets the session, as a browser whose cookie was cleared. */
  public void dropCookie() {
    cookie = null;
    csrf = null;
  }

  /** Logs in again through the login pages (password, then a fresh code when enrolled). */
  public AdminClient login() {
    dropCookie();
    HttpResponse<String> response =
        postRaw("/admin/login", form(Map.of("email", staff.email(), "password", password)));
    AdminLogin.expectRedirect(response, "login");
    String next = response.headers().firstValue("Location").orElseThrow();
    if (next.equals("/admin/login/code")) {
      get("/admin/login/code");
      AdminLogin.expectRedirect(post("/admin/login/code", Map.of("code", nextCode())), "code");
    }
    get("/admin");
    return this;
  }
}
