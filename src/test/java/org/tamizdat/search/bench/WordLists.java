package org.tamizdat.search.bench;

import java.util.List;

/**
 * Vocabulary for the benchmark archive, written for it: the fictional Severia of the demo, with
 * Russian words in several case forms (so stemming has work to do) and English ones in several
 * inflections. Each inner list is one word's forms; lists run roughly from common to rare.
 */
final class WordLists {
  private WordLists() {}

  static final List<List<String>> RU_NOUNS =
      List.of(
          List.of("суд", "суда", "суду", "судом", "суде", "суды", "судов"),
          List.of("власти", "властей", "властям", "властями", "власть"),
          List.of("город", "города", "городу", "городе", "городов"),
          List.of("житель", "жители", "жителей", "жителям", "жителями"),
          List.of("война", "войны", "войне", "войну", "войной"),
          List.of("деньги", "денег", "деньгами", "деньгам"),
          List.of("полиция", "полиции", "полицию", "полицией"),
          List.of("чиновник", "чиновника", "чиновники", "чиновников", "чиновникам"),
          List.of("контрактник", "контрактника", "контрактники", "контрактников", "контрактникам"),
          List.of("повестка", "повестки", "повестку", "повесток", "повестками"),
          List.of("военкомат", "военкомата", "военкомате", "военкоматы", "военкоматов"),
          List.of("общежитие", "общежития", "общежитии", "общежитиях", "общежитий"),
          List.of("студент", "студента", "студенты", "студентов", "студентам"),
          List.of("больница", "больницы", "больнице", "больниц", "больницу"),
          List.of("врач", "врача", "врачи", "врачей", "врачам"),
          List.of("завод", "завода", "заводе", "заводы", "заводов"),
          List.of("рабочий", "рабочего", "рабочие", "рабочих", "рабочим"),
          List.of("зарплата", "зарплаты", "зарплату", "зарплат", "зарплатой"),
          List.of("школа", "школы", "школе", "школу", "школ"),
          List.of("учительница", "учительницы", "учительницу", "учительниц"),
          List.of("выборы", "выборов", "выборах", "выборам"),
          List.of("избиратель", "избиратели", "избирателей", "избирателям"),
          List.of("газета", "газеты", "газете", "газету", "газет"),
          List.of("журналист", "журналиста", "журналисты", "журналистов"),
          List.of("блокировка", "блокировки", "блокировку", "блокировок"),
          List.of("вода", "воды", "воде", "воду", "водой"),
          List.of("лес", "леса", "лесу", "лесов", "лесом"),
          List.of("заключённый", "заключённого", "заключённые", "заключённых"),
          List.of("колония", "колонии", "колонию", "колоний"),
          List.of("хлеб", "хлеба", "хлебу", "хлебом"),
          List.of("цена", "цены", "цене", "цену", "цен"),
          List.of("пенсия", "пенсии", "пенсию", "пенсий"),
          List.of("вахтёрша", "вахтёрши", "вахтёршу", "вахтёрше"),
          List.of("санкции", "санкций", "санкциям", "санкциями"),
          List.of("порт", "порта", "порту", "портов"),
          List.of("судно", "судна", "суда", "судов"),
          List.of("станок", "станка", "станки", "станков"),
          List.of("театр", "театра", "театре", "театры", "театров"),
          List.of("спектакль", "спектакля", "спектакли", "спектаклей"),
          List.of("приют", "приюта", "приюте", "приютов"),
          List.of("волонтёр", "волонтёры", "волонтёров", "волонтёрам"),
          List.of("адвокат", "адвоката", "адвокаты", "адвокатов"),
          List.of("приговор", "приговора", "приговору", "приговоры"),
          List.of("протест", "протеста", "протесты", "протестов"),
          List.of("мобилизация", "мобилизации", "мобилизацию"),
          List.of("эмиграция", "эмиграции", "эмиграцию"),
          List.of("перевод", "перевода", "переводы", "переводов"),
          List.of("бюджет", "бюджета", "бюджете", "бюджетов"),
          List.of("дорога", "дороги", "дороге", "дорог"),
          List.of("мост", "моста", "мосту", "мостов"),
          List.of("гепатит", "гепатита", "гепатитом"),
          List.of("диализ", "диализа", "диализе"),
          List.of("переплёт", "переплёта", "переплёте"),
          List.of("бочка", "бочки", "бочке", "бочек"));

  static final List<List<String>> RU_VERBS =
      List.of(
          List.of("заявил", "заявила", "заявили", "заявляет"),
          List.of("рассказал", "рассказала", "рассказали", "рассказывает"),
          List.of("отказался", "отказалась", "отказались", "отказывается"),
          List.of("задержали", "задержал", "задерживают"),
          List.of("закрыли", "закрыл", "закрывают", "закрыта"),
          List.of("подорожал", "подорожали", "дорожает"),
          List.of("вручили", "вручают", "вручил"),
          List.of("осудили", "осудил", "осуждён", "осуждена"),
          List.of("уехали", "уехал", "уезжают"),
          List.of("платят", "платил", "заплатили"),
          List.of("скрыли", "скрывает", "скрывали"),
          List.of("запретили", "запретил", "запрещают"),
          List.of("проверили", "проверяет", "проверка"),
          List.of("вывезли", "вывозят", "вывез"));

  static final List<List<String>> RU_ADJECTIVES =
      List.of(
          List.of("местный", "местные", "местных", "местным", "местной"),
          List.of("городской", "городские", "городских", "городской"),
          List.of("новый", "новые", "новых", "новую", "новой"),
          List.of("военный", "военные", "военных", "военной"),
          List.of("независимый", "независимая", "независимой", "независимых"),
          List.of("ночной", "ночные", "ночных", "ночную"),
          List.of("студенческий", "студенческие", "студенческих"),
          List.of("охраняемый", "охраняемого", "охраняемом"),
          List.of("санкционный", "санкционные", "санкционных"),
          List.of("заброшенный", "заброшенного", "заброшенные"),
          List.of("тайный", "тайные", "тайных", "тайно"),
          List.of("бывший", "бывшие", "бывших", "бывшего"));

  static final List<String> RU_PLACES =
      List.of(
          "Тулвинск",
          "Тулвинске",
          "Каменный Лог",
          "Каменном Логе",
          "Порт-Вильга",
          "Порт-Вильге",
          "Сосновый Яр",
          "Сосновом Яре",
          "Старо-Ильинск",
          "Старо-Ильинске",
          "Верхняя Кержа",
          "Лесной край",
          "Лесном крае",
          "Северия",
          "Северии");

  static final List<String> RU_GLUE =
      List.of(
          "и", "в", "на", "что", "не", "по", "с", "для", "после", "из-за", "как", "а", "но", "уже",
          "ещё", "только", "также", "почти", "около", "более", "без", "под", "над");

  static final List<String> RU_LATIN = List.of("VPN", "IT", "GPS", "Telegram", "QR", "SMS");

  static final List<List<String>> EN_NOUNS =
      List.of(
          List.of("court", "courts", "court's"),
          List.of("official", "officials", "official's"),
          List.of("city", "cities", "city's"),
          List.of("resident", "residents"),
          List.of("war", "wars"),
          List.of("money", "payments", "payment"),
          List.of("police", "policeman", "policemen"),
          List.of("student", "students", "student's"),
          List.of("summons", "summonses"),
          List.of("dormitory", "dormitories"),
          List.of("hospital", "hospitals"),
          List.of("doctor", "doctors"),
          List.of("factory", "factories"),
          List.of("worker", "workers"),
          List.of("wage", "wages"),
          List.of("school", "schools"),
          List.of("teacher", "teachers"),
          List.of("election", "elections"),
          List.of("voter", "voters"),
          List.of("newspaper", "newspapers"),
          List.of("reporter", "reporters"),
          List.of("block", "blocks", "blocking"),
          List.of("water", "waters"),
          List.of("forest", "forests"),
          List.of("prisoner", "prisoners"),
          List.of("colony", "colonies"),
          List.of("bread", "loaves", "loaf"),
          List.of("price", "prices"),
          List.of("pension", "pensions"),
          List.of("sanction", "sanctions"),
          List.of("port", "ports"),
          List.of("ship", "ships"),
          List.of("machine", "machines"),
          List.of("theatre", "theatres"),
          List.of("play", "plays"),
          List.of("shelter", "shelters"),
          List.of("volunteer", "volunteers"),
          List.of("lawyer", "lawyers"),
          List.of("verdict", "verdicts"),
          List.of("protest", "protests"),
          List.of("mobilisation", "mobilisations"),
          List.of("exile", "exiles"),
          List.of("transfer", "transfers"),
          List.of("budget", "budgets"),
          List.of("road", "roads"),
          List.of("bridge", "bridges"),
          List.of("outbreak", "outbreaks"),
          List.of("contractor", "contractors"),
          List.of("barrel", "barrels"));

  static final List<List<String>> EN_VERBS =
      List.of(
          List.of("said", "says", "say"),
          List.of("told", "tells", "telling"),
          List.of("refused", "refusing", "refuses", "refuse"),
          List.of("detained", "detaining", "detains"),
          List.of("closed", "closing", "closes"),
          List.of("raised", "raising", "raises"),
          List.of("handed", "handing", "hands"),
          List.of("sentenced", "sentencing"),
          List.of("left", "leaving", "leaves"),
          List.of("paid", "paying", "pays"),
          List.of("hid", "hiding", "hidden"),
          List.of("banned", "banning", "bans"),
          List.of("inspected", "inspecting", "inspection"),
          List.of("shipped", "shipping"));

  static final List<List<String>> EN_ADJECTIVES =
      List.of(
          List.of("local"),
          List.of("municipal"),
          List.of("new", "newer"),
          List.of("military"),
          List.of("independent"),
          List.of("nightly", "night"),
          List.of("protected"),
          List.of("sanctioned"),
          List.of("abandoned"),
          List.of("secret", "secretly"),
          List.of("former"),
          List.of("regional"));

  static final List<String> EN_PLACES =
      List.of(
          "Tulvinsk",
          "Kamenny Log",
          "Port Vilga",
          "Sosnovy Yar",
          "Staro-Ilinsk",
          "Upper Kerzha",
          "Lesnaya Krai",
          "Severia",
          "Severia's");

  static final List<String> EN_GLUE =
      List.of(
          "the", "a", "of", "in", "to", "and", "for", "on", "after", "with", "by", "at", "but",
          "since", "than", "almost", "about", "more", "without", "under", "over", "as");

  /** Syllables for the long tail of names (people, villages, firms) that real archives have. */
  static final List<String> RU_SYLLABLES =
      List.of(
          "вер", "ан", "дол", "мир", "сла", "ков", "лин", "гор", "ра", "бу", "ше", "ти", "зан",
          "пол", "ев", "кар", "тол", "ми", "ро", "на", "саб", "ур", "жел", "ос", "ва", "лес");

  static final List<String> RU_NAME_ENDINGS = List.of("ов", "ин", "ский", "ева", "ино", "ск");

  static final List<String> EN_SYLLABLES =
      List.of(
          "ver", "an", "dol", "mir", "sla", "kov", "lin", "gor", "ra", "bu", "she", "ti", "zan",
          "pol", "ev", "kar", "tol", "mi", "ro", "na", "sab", "ur", "zhel", "os", "va", "les");

  static final List<String> EN_NAME_ENDINGS = List.of("ov", "in", "sky", "eva", "ino", "sk");
}
