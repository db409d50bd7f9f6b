/* Shows the server-rendered #outdated-browser notice if a feature that current
 * Chrome, Firefox and Safari share is missing. Strict ES3 (see tools/es3check)
 * so that the old browsers it warns can parse it. */
(function (w, d) {
  function outdated() {
    return (
      // No IE has these; fetch came in Chrome 42, Firefox 39, Safari 10.1.
      !w.Promise ||
      !w.fetch ||
      // ES2015/16 built-ins that old Safari and Android lack.
      !Array.prototype.includes ||
      !Object.assign ||
      // Safari 10.1 ran modules but ignored nomodule.
      !('noModule' in d.createElement('script')) ||
      // Pages lay out with grid; IE has no CSS.supports.
      !(w.CSS && w.CSS.supports && w.CSS.supports('display', 'grid')) ||
      // Last to reach Safari (12.1); with ES2019 marks the 2019 cut-off.
      !('IntersectionObserver' in w) ||
      !Object.fromEntries
    );
  }

  function show() {
    try {
      var el = d.getElementById('outdated-browser');
      if (!el) return false;
      el.removeAttribute('hidden');
      // Old browsers ignore [hidden] without CSS.
      el.style.display = 'block';
    } catch (e) {}
    return true;
  }

  try {
    // Browsers that ignore defer may run this before <body> exists.
    if (outdated() && !show()) {
      if (w.addEventListener) w.addEventListener('load', show, false);
      else if (w.attachEvent) w.attachEvent('onload', show);
    }
  } catch (e) {}
})(window, document);
