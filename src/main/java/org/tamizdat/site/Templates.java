package org.tamizdat.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Renders the precompiled JTE templates (compiled at build time, so no compiler at run time). */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders a template whose single parameter is {@code page}; returns UTF-8 bytes. */
  public byte[] render(String template, Object page) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, page, output);
    return output.toByteArray();
  }

  /** Renders a template with named parameters. */
  public byte[] render(String template, java.util.Map<String, Object> params) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, params, output);
    return output.toByteArray();
  }
}
