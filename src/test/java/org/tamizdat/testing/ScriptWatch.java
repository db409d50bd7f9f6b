package org.tamizdat.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every sign that hostile input ran in a browser context: dialogs, calls to {@code
 * alert/confirm/prompt/print} (overridden before any page script), the exposed {@code __xss()}, and
 * CSP reports about scripts, plugins, frames, forms and the base URL. {@link #domProblems} finds
 * what would run on interaction: event-handler attributes, script URLs, foreign scripts, frames,
 * plugins, style attributes and elements.
 */
public final class ScriptWatch {
  private static final String HOOKS =
      """
      (() => {
        const hit = (what) => { try { window.__xss(String(what)); } catch (e) {} };
        for (const name of ['alert', 'confirm', 'prompt', 'print']) {
          Object.defineProperty(window, name,
              { value: (m) => hit(name + ' ' + m), writable: false, configurable: false });
        }
        document.addEventListener('securitypolicyviolation', (e) => {
          if (/^(script|object|frame|child|worker|base|form|default)/.test(e.effectiveDirective))
            hit('csp ' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample);
        }, true);
      })();
      """;

  private static final String DOM_CHECK =
      """
      () => {
        const bad = [];
        const scriptUrl = /^(javascript|vbscript|data:text\\/html|data:image\\/svg)/;
        const clean = (v) => v.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        for (const el of document.querySelectorAll('*')) {
          const name = el.localName;
          const where = () => el.outerHTML.slice(0, 160);
          if (name === 'script' && !(el.src && el.src.startsWith(location.origin + '/')))
            bad.push('script: ' + where());
          if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style',
               'animate', 'set', 'handler', 'listener'].includes(name))
            bad.push(name + ': ' + where());
          if (name === 'meta' && el.hasAttribute('http-equiv')
              && el.getAttribute('http-equiv').toLowerCase() === 'refresh')
            bad.push('meta refresh: ' + where());
          for (const attr of el.attributes) {
            const a = attr.name.toLowerCase();
            if (a.startsWith('on')) bad.push('handler ' + a + ': ' + where());
            if (a === 'style') bad.push('style attribute: ' + where());
            if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc',
                 'background', 'poster', 'cite', 'srcset'].includes(a)
                && (a === 'srcdoc' || scriptUrl.test(clean(attr.value))))
              bad.push(a + ': ' + where());
          }
        }
        return bad;
      }
      """;

  private final List<String> hits = Collections.synchronizedList(new ArrayList<>());

  private ScriptWatch() {}

  /** Installs the hooks on every page {@code context} opens from now on. */
  public static ScriptWatch on(BrowserContext context) {
    ScriptWatch watch = new ScriptWatch();
    context.exposeBinding(
        "__xss",
        (source, args) -> {
          watch.hits.add(source.page().url() + " -> __xss(" + List.of(args) + ")");
          return null;
        });
    context.addInitScript(HOOKS);
    return watch;
  }

  /** Also records dialogs and uncaught errors of {@code page} (a dialog is dismissed). */
  public Page watch(Page page) {
    page.onDialog(d -> {
      hits.add(page.url() + " -> dialog " + d.type() + " " + d.message());
      d.dismiss();
    });
    return page;
  }

  public List<String> hits() {
    synchronized (hits) {
      return List.copyOf(hits);
    }
  }

  /** What in the page's current DOM would run script or load a frame, as short descriptions. */
  public static List<String> domProblems(Page page) {
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) page.evaluate(DOM_CHECK);
    return found;
  }
}
