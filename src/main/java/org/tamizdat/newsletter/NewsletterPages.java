package org.tamizdat.newsletter;

import java.util.Optional;
import org.tamizdat.article.Language;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;
import org.tamizdat.web.SameOrigin;
import org.tamizdat.web.SecretTokens;

/**
 * The newsletter's public pages. None is cached: they answer form posts and carry tokens. All work
 * without JavaScript: every action is a plain form POST.
 */
public final class NewsletterPages {
  /** Bots fill every field; people never see this one (hidden by the stylesheet). */
  public static final String HONEYPOT = "website";

  private final Subscriptions subscriptions;
  private final RateLimiter limiter;
  private final SameOrigin sameOrigin;
  private final NewsletterUrls urls;
  private final PageFrame frame;
  private final Texts texts;

  public NewsletterPages(
      Subscriptions subscriptions,
      RateLimiter limiter,
      SameOrigin sameOrigin,
      NewsletterUrls urls,
      PageFrame frame,
      Texts texts) {
    this.subscriptions = subscriptions;
    this.limiter = limiter;
    this.sameOrigin = sameOrigin;
    this.urls = urls;
    this.frame = frame;
    this.texts = texts;
  }

  public void register(Router router) {
    router
        .get("/{lang}/subscribe", this::form)
        .post("/{lang}/subscribe", this::subscribe)
        .get("/{lang}/subscribe/confirm", this::confirmPage)
        .post("/{lang}/subscribe/confirm", this::confirm)
        .get("/{lang}/unsubscribe", this::unsubscribePage)
        .post("/{lang}/unsubscribe", this::unsubscribe);
  }

  Response form(Request request) {
    Language lang = lang(request);
    return page(lang, 200, urls.subscribe(lang), formView(lang, "", null));
  }

  Response subscribe(Request request) {
    Language lang = lang(request);
    String path = urls.subscribe(lang);
    if (sameOrigin.isCrossSite(request)) {
      return page(lang, 403, path, NewsletterView.of("refused"));
    }
    if (!request.form(HONEYPOT).orElse("").isEmpty()) {
      return page(lang, 200, path, NewsletterView.of("sent"));
    }
    if (!limiter.allow(request.clientKey())) {
      return page(lang, 429, path, NewsletterView.of("limited"))
          .header("Retry-After", Long.toString(limiter.refillSeconds()));
    }
    String input = request.form("email").orElse("");
    EmailAddress.Parsed parsed = EmailAddress.parse(input);
    if (parsed.address().isEmpty()) {
      String problem = parsed.problem().orElseThrow().name().toLowerCase(java.util.Locale.ROOT);
      String shown = input.length() > EmailAddress.MAX_LENGTH + 50 ? "" : input.strip();
      return page(lang, 400, path, formView(lang, shown, problem));
    }
    subscriptions.request(parsed.address().get(), lang);
    return page(lang, 200, path, NewsletterView.of("sent"));
  }

  Response confirmPage(Request request) {
    Language lang = lang(request);
    Optional<String> token = request.query("token").filter(SecretTokens::looksValid);
    if (token.isEmpty()) {
      return page(lang, 404, urls.confirm(lang), NewsletterView.of("invalid"));
    }
    return page(
        lang,
        200,
        urls.confirm(lang),
        new NewsletterView("confirm", urls.confirm(lang), "", null, token.get()));
  }

  Response confirm(Request request) {
    Language lang = lang(request);
    if (sameOrigin.isCrossSite(request)) {
      return page(lang, 403, urls.confirm(lang), NewsletterView.of("refused"));
    }
    Subscriptions.Confirmation result = subscriptions.confirm(request.form("token").orElse(""));
    return result == Subscriptions.Confirmation.CONFIRMED
        ? page(lang, 200, urls.confirm(lang), NewsletterView.of("confirmed"))
        : page(lang, 404, urls.confirm(lang), NewsletterView.of("invalid"));
  }

  Response unsubscribePage(Request request) {
    Language lang = lang(request);
    String token = request.query("token").orElse("");
    if (subscriptions.byUnsubscribeToken(token).isEmpty()) {
      return page(lang, 404, urls.unsubscribe(lang), NewsletterView.of("invalid"));
    }
    String action = urls.unsubscribe(lang) + "?token=" + token;
    return page(
        lang,
        200,
        urls.unsubscribe(lang),
        new NewsletterView("unsubscribe", action, "", null, null));
  }

  /**
   * RFC 8058 one-click: mail providers POST {@code List-Unsubscribe=One-Click} to the link from
   * their own servers, so no same-origin check here — the token in the link is the authority, and
   * unsubscribing is the safe direction. Idempotent.
   */
  Response unsubscribe(Request request) {
    Language lang = lang(request);
    String token = request.query("token").or(() -> request.form("token")).orElse("");
    return subscriptions.unsubscribe(token, "unsubscribe-link").isPresent()
        ? page(lang, 200, urls.unsubscribe(lang), NewsletterView.of("unsubscribed"))
        : page(lang, 404, urls.unsubscribe(lang), NewsletterView.of("invalid"));
  }

  private NewsletterView formView(Language lang, String email, String problem) {
    return new NewsletterView("form", urls.subscribe(lang), email, problem, null);
  }

  private Response page(Language lang, int status, String path, NewsletterView view) {
    String title = texts.format(lang, "newsletter." + view.kind() + ".title");
    String other = urls.subscribe(lang.other());
    return Response.html(status, frame.render(lang, title, path, other, "newsletter.jte", view));
  }

  private static Language lang(Request request) {
    return Language.fromCode(request.param("lang"))
        .orElseThrow(() -> HttpError.notFound("no such edition"));
  }
}
