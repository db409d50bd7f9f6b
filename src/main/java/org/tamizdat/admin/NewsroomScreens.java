package org.tamizdat.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.admin.settings.DayCounterSettings;
import org.tamizdat.admin.settings.TickerStatus;
import org.tamizdat.article.Language;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/** The ticker's status and the day counters' settings. */
public final class NewsroomScreens {
  private final TickerStatus ticker;
  private final DayCounterSettings dayCounters;
  private final AdminDates dates;
  private final Runnable changed;

  public NewsroomScreens(
      TickerStatus ticker, DayCounterSettings dayCounters, AdminDates dates, Runnable changed) {
    this.ticker = ticker;
    this.dayCounters = dayCounters;
    this.dates = dates;
    this.changed = changed;
  }

  public void register(Router router, AdminGuard guard, AdminNav nav) {
    nav.add("Ticker", "/admin/ticker", Action.VIEW_TICKER_STATUS);
    nav.add("Day counter", "/admin/day-counter", Action.EDIT_SETTINGS);
    router.get("/admin/ticker", guard.protect(Action.VIEW_TICKER_STATUS, this::ticker));
    router.get(
        "/admin/day-counter",
        guard.protect(Action.EDIT_SETTINGS, (r, c) -> counters(c, null, 200)));
    router.post("/admin/day-counter", guard.protect(Action.EDIT_SETTINGS, this::saveCounter));
  }

  private Response ticker(Request request, AdminContext context) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", ticker.snapshot());
    params.put("dates", dates);
    return context.page("admin/ticker.jte", "Ticker status", params);
  }

  /** One edition's counter as the form shows it. */
  public record CounterRow(
      String lang, String start, String label, boolean overridden, String configured) {}

  private Response counters(AdminContext context, String error, int status) {
    var rows =
        java.util.Arrays.stream(Language.values())
            .map(lang -> {
              var now = dayCounters.edition(lang);
              var conf = dayCounters.configured(lang);
              return new CounterRow(
                  lang.code(),
                  now.start().map(Object::toString).orElse(""),
                  now.label().orElse(""),
                  dayCounters.isOverridden(lang),
                  conf.start().map(Object::toString).orElse("hidden")
                      + conf.label().map(l -> ", “" + l + "”").orElse(""));
            })
            .toList();
    Map<String, Object> params = new HashMap<>();
    params.put("rows", rows);
    params.put("error", error);
    return context.page(status, "admin/day-counter.jte", "Day counter", params);
  }

  private Response saveCounter(Request request, AdminContext context) {
    Optional<Language> lang = request.form("lang").flatMap(Language::fromCode);
    if (lang.isEmpty()) {
      return counters(context, "choose an edition", 422);
    }
    boolean reset = request.form("reset").isPresent();
    try {
      Optional<DayCounterSettings.Choice> choice =
          reset
              ? Optional.empty()
              : Optional.of(
                  new DayCounterSettings.Choice(
                      DayCounterSettings.parseStart(request.form("start").orElse("")),
                      request.form("label").map(String::strip).filter(s -> !s.isEmpty())));
      dayCounters.save(lang.get(), choice, context.staff().id());
    } catch (IllegalArgumentException e) {
      return counters(context, e.getMessage(), 422);
    }
    changed.run();
    context.audit(
        "settings.day-counter",
        "setting",
        "day_counter." + lang.get().code(),
        reset ? "reset" : null);
    return context.redirect("/admin/day-counter");
  }
}
