package org.tamizdat.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamizdat.article.TextFinding;

/** What the publish guard finds, and what it must leave alone. */
class PublishGuardTest {
  private static final ProtectedSource SERGEI =
      new ProtectedSource(
          7,
          "Sergei, name changed",
          new SourceSecrets(
              "Сергей Иванов",
              "+7 (916) 123-45-67\nsergey.ivanov@proton.me; @ivanov_s, @lathe_master\nhttps://t.me/sivanov_news",
              "met at the plant gate; fears for his family"));
  private static final ProtectedSource PYOTR =
      new ProtectedSource(8, "a nurse", new SourceSecrets("Пётр Ёлкин", "", ""));
  private static final ProtectedSource ANNA =
      new ProtectedSource(9, "an engineer", new SourceSecrets("Anna Khabibullina", "", ""));

  private final PublishGuard guard = new PublishGuard();

  private List<TextFinding> scan(String text, ProtectedSource... sources) {
    return guard.scan(Map.of("body", text), List.of(sources));
  }

  @ParameterizedTest(name = "finds: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The source's name ("Sergei" is the pseudonym's, so only the surname counts).
        "Our source Ivanov said so.",
        "Источник Иванов сказал.",
        "Мы говорили с Ивановым вчера.",
        "Сергея Иванова знают все.",
        "IVANOV said so.",
        "ivanov said so.",
        "Ivanov-Petrov family.",
        "Ива\u00adнов сказал.",
        "Иvанов typed with a Latin v.",
        // Contacts, whatever the formatting.
        "Call +7 916 123 45 67 now.",
        "Call 8-916-1234567 now.",
        "Call (916) 123-4567 now.",
        "Call 79161234567.",
        "Write to Sergey.Ivanov@Proton.me today.",
        "Telegram: @ivanov_s.",
        "Telegram ivanov_s says.",
        "Ask @Lathe_Master.",
        "See t.me/sivanov_news for more.",
      })
  void findsTheSourceInAnyScriptCaseOrFormat(String text) {
    assertTrue(!scan(text, SERGEI).isEmpty(), text);
  }

  @ParameterizedTest(name = "finds: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Pyotr Yolkin spoke.",
        "Petr Elkin spoke.",
        "Пётр Ёлкин.",
        "Петр Елкин.",
        "ПЁТР.",
        "Анна Хабибуллина рассказала.",
        "Анны Хабибуллиной не было.",
        "Annoi.",
        "Khabibullinoi.",
        "Habibullina wrote.",
      })
  void foldsYoAndTransliterationVariants(String text) {
    assertTrue(!scan(text, PYOTR, ANNA).isEmpty(), text);
  }

  @ParameterizedTest(name = "leaves alone: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The pseudonym's first name is public.
        "Sergei, name changed, told us.",
        "Сергей рассказал.",
        // Names inside other words are not names.
        "The Ivanovo region.",
        "Ivanovka village.",
        "Ivanovich's shop.",
        "A petroleum plant.",
        "Elkinson wrote.",
        "Hannah.",
        // Numbers that only share digits, an address only sharing its domain.
        "Call +7 916 123 45 60 instead.",
        "In 2024, 916 people came.",
        "Write to press@proton.me.",
        "@lathe_master2 is someone else.",
        "the lathe master",
        // Notes are secret but are not looked for.
        "He met us at the plant gate.",
      })
  void noFalsePositives(String text) {
    assertEquals(List.of(), scan(text, SERGEI, PYOTR, ANNA), text);
  }

  @Test
  void findingsSayFieldPositionAndSnippetButNotTheSecret() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "A quiet plant");
    fields.put("body", "Workers are afraid. «Нам не платят», — говорит Иванов, токарь.");
    fields.put("tags", "plant, sergei-ivanov (sergei-ivanov)");
    List<TextFinding> findings = guard.scan(fields, List.of(SERGEI));
    assertEquals(3, findings.size(), findings.toString());
    TextFinding body = findings.get(0);
    assertEquals("body", body.field());
    assertEquals(fields.get("body").indexOf("Иванов"), body.position());
    assertTrue(body.snippet().contains("говорит Иванов, токарь"), body.snippet());
    assertEquals("real name of source “Sergei, name changed”", body.what());
    assertEquals("tags", findings.get(1).field());
    assertTrue(!body.toString().contains("Иванов"), "toString must not quote the text");
  }

  @Test
  void positionsCountInTheOriginalTextDespiteInvisibleCharacters() {
    String text = "a\u200b\u200bb Иванов";
    TextFinding f = scan(text, SERGEI).get(0);
    assertEquals(text.indexOf("Иванов"), f.position());
  }

  @Test
  void sourceWithoutSecretsFindsNothing() {
    ProtectedSource empty = new ProtectedSource(1, "x", new SourceSecrets("", "", ""));
    assertEquals(List.of(), scan("Anything at all, 79161234567.", empty));
  }
}
