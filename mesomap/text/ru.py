"""Русский: код -> шаблон. Параметры подставляет str.format; числа пишутся с десятичной запятой
(см. :func:`mesomap.text.number`). У сообщения с ``count`` три формы: "one", "few", "many" (CLDR)."""


def plural(count: int) -> str:
    """Форма множественного числа для ``count`` (CLDR): 1, 21 инъекция — one; 2, 3, 4, 22 инъекции — few;
    0, 5, 11–14, 25 инъекций — many."""
    n = abs(int(count))
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


MESSAGES = {
    # placement (mesomap.model.placement, mesomap.io.plan_check)
    "injection_off_zone": "зона «{zone}», инъекция {order}: лежит в {distance_mm:.1f} мм за пределами зоны "
                          "(допуск {tolerance_mm:g} мм)",
    "stored_value_differs": "{field} равно {stored}, но грань и барицентрические координаты дают {derived} "
                            "(расхождение {difference:.3g}{unit})",
    "stored_value_malformed": "{field} — не значение, записанное mesomap; должно быть {derived}",
    # grid size (mesomap.model.grid)
    "grid_too_large": "зона «{zone}» получила бы около {estimate:,} инъекций при таком шаге — больше предела "
                      "{limit:,} на зону; увеличьте шаг или разделите зону",
    "grid_too_large_for_device": "зона «{zone}» получила бы около {estimate:,} инъекций при таком шаге — больше "
                                 "{limit:,} уколов, которые вмещает одна программа {device}; увеличьте шаг или "
                                 "разделите зону",
    # treatment values (mesomap.model.techniques, mesomap.model.plan)
    "quantity_depth": "глубина",
    "quantity_spacing": "шаг",
    "quantity_margin": "отступ",
    "quantity_volume_per_point": "объём на точку",
    "quantity_needle_length": "длина иглы",
    "quantity_needle_gauge": "калибр иглы",
    "quantity_row_spacing": "шаг рядов",
    "quantity_row_angle": "угол рядов",
    "quantity_volume": "объём",
    "quantity_needle_angle": "угол иглы",
    "quantity_technique": "техника",
    "quantity_pattern": "схема",
    "quantity_side": "сторона",
    "value_out_of_range": "{quantity} {value:g} {unit} вне допустимого диапазона: не меньше {low:g} и не больше "
                          "{high:g} {unit}",
    "value_not_above": "{quantity} {value:g} {unit} вне допустимого диапазона: больше {low:g} и не больше "
                       "{high:g} {unit}",
    "choice_unknown": "{quantity} «{value}» неизвестно; выберите одно из: {choices}",
    "depth_exceeds_needle": "глубина {depth_mm:g} мм больше длины иглы {needle_mm:g} мм",
    "too_many_products": {"one": "в коктейле 2–4 препарата, а в этом {count}",
                          "few": "в коктейле 2–4 препарата, а в этом {count}",
                          "many": "в коктейле 2–4 препарата, а в этом {count}"},
    "depth_outside_nominal": "глубина {depth_mm:g} мм вне обычного диапазона {low_mm:g}–{high_mm:g} мм для "
                             "{technique} ({technique_name})",
    "barycentric_invalid": "барицентрические координаты {barycentric} должны быть тремя неотрицательными весами "
                           "с суммой 1",
    "colour_malformed": "цвет «{colour}» должен иметь вид #rrggbb",
    "zone_problems": "зона «{zone}»: {problems}",
    "zone_labelled": "{zone}: {problems}",
    "point_problems": "точка {point}: {problems}",
    "reflex_point_problems": "рефлекторная точка {point}: {problems}",
    # plan summary (mesomap.model.summary)
    "zone_empty": "зона пуста; закрасьте её или удалите",
    "zone_changed_since_grid": "зона изменилась после расчёта сетки; число приблизительное, пока сетку не "
                               "рассчитают снова",
    "one_product_cocktail": "в коктейле обычно 2–4 препарата, а в этом 1",
    "session_few_injections": {
        "one": "{count} инъекция — меньше обычных {low}–{high} за сеанс",
        "few": "{count} инъекции — меньше обычных {low}–{high} за сеанс",
        "many": "{count} инъекций — меньше обычных {low}–{high} за сеанс"},
    "session_many_injections": {
        "one": "{count} инъекция — больше обычных {low}–{high} за сеанс; подумайте о разделении плана на два сеанса",
        "few": "{count} инъекции — больше обычных {low}–{high} за сеанс; подумайте о разделении плана на два сеанса",
        "many": "{count} инъекций — больше обычных {low}–{high} за сеанс; подумайте о разделении плана на два "
                "сеанса"},
    "session_short": "около {minutes:.0f} мин — короче обычного сеанса {low_min:.0f}–{high_min:.0f} мин",
    "session_long": "около {minutes:.0f} мин — дольше обычного сеанса {low_min:.0f}–{high_min:.0f} мин",
    # edits (mesomap.model.edits)
    "zone_exists": "зона «{zone_id}» уже существует",
    "point_exists": "рефлекторная точка «{point_id}» уже существует",
    # reflex points from a file (mesomap.model.import_points)
    "max_distance_negative": "наибольшее расстояние от кожи должно быть 0 мм или больше, а не {max_distance_mm}",
    "imported_point_invalid": "{label}: {problem}; ничего не импортировано",
    "imported_point_invalid_at": "{label} ({where}): {problem}; ничего не импортировано",
    "far_point": "{label} ({distance_mm:.1f} мм)",
    "points_too_far": {"one": "{count} точка дальше {max_distance_mm:g} мм от кожи: {items}",
                       "few": "{count} точки дальше {max_distance_mm:g} мм от кожи: {items}",
                       "many": "{count} точек дальше {max_distance_mm:g} мм от кожи: {items}"},
    "points_too_far_and_more": {
        "one": "{count} точка дальше {max_distance_mm:g} мм от кожи: {items} и ещё {more}",
        "few": "{count} точки дальше {max_distance_mm:g} мм от кожи: {items} и ещё {more}",
        "many": "{count} точек дальше {max_distance_mm:g} мм от кожи: {items} и ещё {more}"},
    "point_updated": "{point}: {changes}",
    "point_moved": "сдвинута на {distance_mm:.1f} мм",
    "name_changed": "название «{before}» → «{after}»",
    "depth_changed": "глубина {before_mm:g} → {after_mm:g} мм",
    "volume_changed": "объём {before_ml:g} → {after_ml:g} мл",
    "notes_changed": "заметки изменены",
    "import_summary": "{items}",
    # the command line (mesomap.cli)
    # отчёты командной строки (mesomap.cli_words)
    "cli_imported": {"one": "{file}: импортирована {count} рефлекторная точка из {source}",
                     "few": "{file}: импортированы {count} рефлекторные точки из {source}",
                     "many": "{file}: импортировано {count} рефлекторных точек из {source}"},
    "cli_points_updated": {"one": "{count} обновлена", "few": "{count} обновлены", "many": "{count} обновлено"},
    "cli_points_unchanged": {"one": "{count} без изменений", "few": "{count} без изменений",
                             "many": "{count} без изменений"},
    "cli_step_pictures": {"one": "{file}: {count} изображение шага ({first} … {last})",
                          "few": "{file}: {count} изображения шагов ({first} … {last})",
                          "many": "{file}: {count} изображений шагов ({first} … {last})"},
    "cli_handout": {"one": "{file}: раздаточный материал на {count} странице",
                    "few": "{file}: раздаточный материал на {count} страницах",
                    "many": "{file}: раздаточный материал на {count} страницах"},
    "cli_class_scored": {"one": "{file}: {count} ответ, сдали: {passed}", "few": "{file}: {count} ответа, сдали: {passed}",
                         "many": "{file}: {count} ответов, сдали: {passed}"},
    "cli_class_unscored": {"one": "{count} не удалось оценить", "few": "{count} не удалось оценить",
                           "many": "{count} не удалось оценить"},
    "cli_transferred": {"one": "{file}: зон: {zones}, точек: {points}, {count} инъекция заново размещена на {scan}",
                        "few": "{file}: зон: {zones}, точек: {points}, {count} инъекции заново размещены на {scan}",
                        "many": "{file}: зон: {zones}, точек: {points}, {count} инъекций заново размещено на {scan}"},
    "cli_recall_patients": {"one": "серия {lot}: {count} пациент", "few": "серия {lot}: {count} пациента",
                            "many": "серия {lot}: {count} пациентов"},
    "cli_recall_sessions": {"one": "{count} сеанс", "few": "{count} сеанса", "many": "{count} сеансов"},
    "problem_count": {"one": "{count} проблема", "few": "{count} проблемы", "many": "{count} проблем"},
    "import_new_points": {"one": "{count} новая рефлекторная точка", "few": "{count} новые рефлекторные точки",
                          "many": "{count} новых рефлекторных точек"},
    "import_updated_points": {"one": "{count} обновлена ({items})", "few": "{count} обновлены ({items})",
                              "many": "{count} обновлено ({items})"},
    "import_updated_points_and_more": {"one": "{count} обновлена ({items} и ещё {more})",
                                       "few": "{count} обновлены ({items} и ещё {more})",
                                       "many": "{count} обновлено ({items} и ещё {more})"},
    "import_unchanged_points": {"one": "{count} без изменений", "few": "{count} без изменений",
                                "many": "{count} без изменений"},
    "undo_import_points": {"one": "Импорт {count} рефлекторной точки", "few": "Импорт {count} рефлекторных точек",
                           "many": "Импорт {count} рефлекторных точек"},
    "undo_update_points": {"one": "Обновление {count} рефлекторной точки",
                           "few": "Обновление {count} рефлекторных точек",
                           "many": "Обновление {count} рефлекторных точек"},
    # plans from templates (mesomap.io.plan_builder)
    "template_zone_problems": "зона {template}: {problems}",
    "no_zone_template": "нет шаблона зоны {templates}; см. `mesomap zones`",
    "no_point_template": "нет рефлекторной точки {key}; см. `mesomap points`",
    # exports (mesomap.io.exports, export_pdf, export_interop)
    "zone_has_no_grid": "у зоны «{zone}» ещё нет сетки инъекций; сначала рассчитайте её",
    "zone_grid_stale": "зона «{zone}» изменилась после расчёта сетки; рассчитайте её снова",
    "injections_off_zone": {
        "one": "{count} инъекция лежит вне своей зоны, первая {first}; переместите, удалите или рассчитайте сетку "
               "снова",
        "few": "{count} инъекции лежат вне своих зон, первая {first} (и ещё {more}); переместите, удалите или "
               "рассчитайте сетки снова",
        "many": "{count} инъекций лежат вне своих зон, первая {first} (и ещё {more}); переместите, удалите или "
                "рассчитайте сетки снова"},
    "nothing_to_export": "в плане нет инъекций для экспорта",
    "sheet_texts_unreadable": "{file}: тексты листа процедуры не читаются ({reason})",
    "sheet_font_unreadable": "{file}: шрифт листа процедуры не читается; переустановите mesomap",
    "mesh_suffix_wrong": "--format mesh записывает .ply или .obj, а не {suffix}",
    "mesh_suffix_missing": "--format mesh записывает .ply или .obj, а не файл без расширения",
    # reading files (mesomap.io.json_reader and every reader built on it)
    "file_kind_plan_file": "файл плана",
    "file_kind_markups_file": "файл меток (markups)",
    "file_kind_device_program": "программа аппарата",
    "file_kind_device_profile": "профиль аппарата",
    "file_kind_sidecar": "сопутствующий файл",
    "file_kind_mesh_file": "файл сетки (mesh)",
    "file_kind_mesomap_device_program": "программа аппарата mesomap",
    "file_kind_mesomap_device_profile": "профиль аппарата mesomap",
    "file_kind_lesson_file": "файл урока",
    "field_problem": "{file}: {field}: {problem}",
    "field_missing": "отсутствует",
    "expected_object": "ожидался объект, найдено {found}",
    "expected_list": "ожидался список, найдено {found}",
    "expected_text": "ожидался текст, найдено {found}",
    "expected_number": "ожидалось число, найдено {found}",
    "expected_whole_number": "ожидалось целое число, найдено {found}",
    "text_too_long": "длиннее {max_chars} символов",
    "lone_surrogate": "символ {position} — одиночный суррогат UTF-16 (экранирование {code_point:#06x}), а не символ; "
                      "исправьте текст там, где он был написан",
    "not_finite": "{value} — не конечное число",
    "absurd_number": "— неправдоподобно большое число",
    "not_one_of": "{value} не входит в {options}",
    "id_used_twice": "{value} использовано дважды",
    "schema_newer": "версия {version} новее, чем понимает этот mesomap",
    "schema_other": "это не {what} (ожидалось {expected}, найдено {found})",
    "file_missing": "{file}: файл не найден",
    "file_unreadable": "{file}: не удаётся прочитать ({reason})",
    "file_is_folder": "{file}: это папка, а не {what}",
    "file_not_regular": "{file}: это устройство, канал или сокет, а не обычный файл; не {what}",
    "file_too_large": "{file}: больше {size}; не {what}",
    "file_not_utf8": "{file}: не текстовый файл (не UTF-8)",
    "file_not_json": "{file}: неверный JSON (строка {line}, столбец {column}: {reason})",
    "file_too_deep": "{file}: слишком глубокая вложенность для {what}",
    # 3D Slicer markups (mesomap.io.import_markups)
    "markups_units_malformed": "ожидалась единица вроде «mm» или тройка кодов [\"mm\", \"UCUM\", \"millimeter\"]",
    "markups_units_not_text": "ожидалась единица вроде «mm», найдено {found}",
    "markups_units_unknown": "{unit} — единица, которой mesomap не знает; используйте {known}",
    "expected_3_numbers": "ожидалось 3 числа",
    "markups_schema_other": "{schema} — не схема меток 3D Slicer",
    "markups_schema_newer": "версия схемы меток {version} новее, чем читает mesomap (версия 1)",
    "markups_missing": "отсутствует (это не файл меток 3D Slicer)",
    "markups_no_points": "ни в одном списке точек нет поставленных точек ({point_type})",
    "markups_no_points_skipped": "ни в одном списке точек нет поставленных точек ({point_type}): {skipped}",
    "skipped_not_point_list": "{where} «{name}» — это {type}, а не список точек",
    "skipped_grid_export": "{where} «{name}» — сетка инъекций зоны, экспортированная mesomap, а не рефлекторные точки",
    "skipped_not_placed": "{label} ({where}) не поставлена ({status})",
    # devices (mesomap.model.devices)
    "quantity_mode": "режим",
    "quantity_volume_per_shot": "объём на укол",
    "quantity_shot_rate": "частота уколов",
    "quantity_flow": "поток",
    "step_range": "{low:g}–{high:g} {unit} с шагом {step:g} {unit}",
    "not_offered": "не поддерживается",
    "where_zone": "зона «{zone}»",
    "where_reflex_point": "рефлекторная точка {point}",
    "where_plan": "план",
    "where_program": "программа {number} ({name})",
    "at": "{where}: {problem}",
    "mode_from_technique": "техника {technique}",
    "mode_chosen": "выбранный режим",
    "mode_from_reflex": "рефлекторные точки («точка за точкой»)",
    "profile_field": "{field}: {problem}",
    "mode_needed": "нужен хотя бы один режим",
    "mode_not_known": "«{mode}» не входит в {modes}",
    "range_malformed": "нужно 0 < min <= max и шаг > 0 (найдено {low:g}, {high:g}, {step:g})",
    "range_max_off_step": "max {high:g} не равен min {low:g} плюс целое число шагов {step:g}",
    "rate_range_needed": "одиночному и серийному режимам нужен диапазон частоты уколов со значением по умолчанию",
    "rate_not_settable": "{rate_hz:g} — недопустимая частота ({range})",
    "flow_range_needed": "непрерывному режиму нужен диапазон потока со значением по умолчанию",
    "flow_not_settable": "{flow_ml_min:g} — недопустимый поток ({range})",
    "needle_needed": "нужна хотя бы одна длина иглы",
    "needle_length_absurd": "{length_mm:g} мм — не длина иглы ({low_mm:g}–{high_mm:g} мм)",
    "at_least_one": "{value} должно быть не меньше 1",
    "outside_device_range": "{quantity} {value:g} {unit} вне диапазона аппарата {range}",
    "off_device_step": "{quantity} {value:g} {unit} не устанавливается: ближайший шаг {nearest:g} {unit}, изменение "
                       "на {change_pct:.0f} % (молча округляется не более {max_change_pct:.0f} %); планируйте значение "
                       "по шагам аппарата ({range})",
    "rounded": "{where}: {quantity} {planned:g} {unit} округлено до {rounded:g} {unit} (шаг аппарата {step:g} {unit}, "
               "изменение на {change_pct:.1f} %)",
    "mode_not_offered_by": "режим {mode} ({mode_from}) не поддерживается {device}; доступно: {offered}",
    "deeper_than_longest_needle": "глубина {depth_mm:g} мм больше самой длинной иглы, которую принимает {device} "
                                  "({needles_mm} мм)",
    "needle_not_offered_by": "игла {needle_mm:g} мм не поддерживается {device}; он принимает {needles_mm} мм",
    "deeper_than_needle_at_most": "глубина {depth_mm:g} мм больше иглы {needle_mm:g} мм: не более {needle_mm:g} мм",
    "too_many_shots": "{shots} уколов, но {device} вмещает не более {max_shots} на программу",
    "too_many_shots_to_split": "{shots} уколов, но {device} вмещает не более {max_shots} на программу (точки "
                               "{first_extra}–{shots} не помещаются); разделите зону или увеличьте шаг",
    "too_many_programs": {"one": "{count} программа, но {device} хранит не более {max_programs}",
                          "few": "{count} программы, но {device} хранит не более {max_programs}",
                          "many": "{count} программ, но {device} хранит не более {max_programs}"},
    "too_many_programs_for_plan": {
        "one": "{count} программа (по одной на зону и на настройку рефлекторных точек), но {device} хранит не более "
               "{max_programs}; экспортируйте меньше зон за раз",
        "few": "{count} программы (по одной на зону и на настройку рефлекторных точек), но {device} хранит не более "
               "{max_programs}; экспортируйте меньше зон за раз",
        "many": "{count} программ (по одной на зону и на настройку рефлекторных точек), но {device} хранит не более "
                "{max_programs}; экспортируйте меньше зон за раз"},
    "mode_not_offered": "режим «{mode}» не поддерживается",
    "value_not_settable": "{field} {value:g} не устанавливается ({range})",
    "needle_not_offered": "игла {needle_mm:g} мм не поддерживается",
    "mode_needs_only": "режиму {mode} нужно только {field}",
    # device programs (mesomap.io.device_program)
    "mode_for_unknown_zone": "режим выбран для зоны «{zone}», которой нет в плане",
    "plan_does_not_fit": {"one": "план не подходит для {device}: {count} проблема, первая: {first}",
                          "few": "план не подходит для {device}: {count} проблемы, первая: {first}",
                          "many": "план не подходит для {device}: {count} проблем, первая: {first}"},
    "example_profile": "{device} — пример профиля, а не спецификация настоящего аппарата",
    "shortest_needle_chosen": "игла {needle_mm:g} мм — самая короткая из принимаемых {device}, которая достаёт "
                              "до {depth_mm:g} мм",
    "device_export_summary": "программ: {programs}, уколов: {shots}, {volume_ml:.2f} мл для {device} "
                             "(профиль {profile})",
    "device_export_note": "примечание: {note}",
    "device_export_rounded": "округлено: {rounding}",
    "nothing_rounded": "округлено: ничего (все значения совпадают с шагами аппарата)",
    "program_not_sealed": "{file}: не запечатанная программа аппарата mesomap (она должна заканчиваться строкой "
                          "content_sha256; файл правили или пересохраняли?)",
    "program_seal_mismatch": "{file}: content_sha256 не совпадает с содержимым (ожидалось {expected}…, найдено "
                             "{found}…): файл изменён или повреждён после экспорта; отклонено",
    "program_number_expected": "ожидалось {number} (программы нумеруются 1, 2, … по порядку)",
    "number_expected": "ожидалось {number}",
    "continuous_needs_flow": "непрерывному режиму нужен flow_ml_per_min и не нужен rate_hz",
    "mode_needs_rate": "режиму {mode} нужен rate_hz и не нужен flow_ml_per_min",
    "shots_differ": "указано {says}, но в программе {listed} точек",
    "not_positive": "{value:g} должно быть больше 0",
    "seal_field_differs": "отличается от строки печати",
    "order_used_twice": "номер порядка инъекции использован дважды",
    "not_a_date_or_empty": "{value} — не дата в виде ГГГГ-ММ-ДД (например, 2026-11-23) и не пусто",
    "totals_differ": "итоги не совпадают с перечисленными программами",
    # device profiles (mesomap.io.device_profiles)
    "profile_problem": "{file}: {problem}",
    "range_malformed_named": "нужно 0 < min <= max и шаг > 0 (найдено min {low:g}, max {high:g}, шаг {step:g})",
    "max_off_step": "{high:g} не равно min {low:g} плюс целое число шагов {step:g}",
    "step_value_not_settable": "{value:g} — недопустимое значение ({range})",
    "profile_id_malformed": "{profile_id} — не идентификатор профиля (строчные латинские буквы, цифры, - и _)",
    "no_such_profile": "нет профиля аппарата {profile_id}; известны: {known} (добавьте свой как {path})",
    # sending a program (mesomap.io.device_link)
    "transfer_progress": "подтверждено блоков: {acked} из {total} ({done_bytes} из {total_bytes} байт)",
    "nothing_sent_yet": "ещё ничего не отправлено",
    "keeps_previous": "{problem}; {progress}; в аппарате остаётся прежняя программа",
    "not_sent": "{problem}; ничего не отправлено",
    "stage_hello": "HELLO (рукопожатие)",
    "stage_chunk": "блок {number} из {total}",
    "no_answer": "нет ответа от {device} на {what} за {timeout_s:g} с (попыток: {tries}); аппарат включён, подключён "
                 "и в режиме передачи?",
    "no_answer_link_cut": "нет ответа от {device} на {what} за {timeout_s:g} с (попыток: {tries}): связь, возможно, "
                          "прервана",
    "not_accepted": "{device} не принял {what} за {tries} попыток (последний ответ: {last_reply})",
    "does_not_speak": "{device} не поддерживает {protocol} (ответ: {reply})",
    "speaks_other": "{device} поддерживает {spoken}, а не {protocol}",
    "refused_program": "{device} отклонил программу: {reason}",
    "dropped_transfer": "{device} прервал передачу (ответ: {reply})",
    "memory_full": "память аппарата заполнена ({detail}); освободите место и отправьте снова",
    "memory_full_no_reason": "память аппарата заполнена (причина не указана); освободите место и отправьте снова",
    "commit_refused": "{device} отказался зафиксировать программу ({reason})",
    "wrong_device": "на {port} аппарат «{device_id}», а программа для «{expected}»; ничего не отправлено",
    "program_too_big": "программа занимает {size} байт, а {device_id} на {port} принимает не более {max_bytes}; "
                       "ничего не отправлено",
    "no_program_to_send": "нет программы для отправки (0 байт)",
    "already_holds": "в аппарате уже эта программа; ничего не отправлено",
    "no_commit_reply": "нет ответа на COMMIT (за {timeout_s:g} с, попыток: {tries})",
    "commit_reply_not_understood": "ответ аппарата на COMMIT не распознан ({reason})",
    "link_lost_after_commit": "связь с {port} потеряна после отправки COMMIT ({reason})",
    "cancel_after_commit": "отмена пришла после отправки COMMIT",
    "holds_new": "{cause}; по запросу STATUS аппарат содержит новую программу",
    "state_unknown": "{cause}, а {device} не отвечает на STATUS: программа в аппарате неизвестна, это может быть "
                     "новая ({new}) или прежняя ({old}); не используйте аппарат до проверки, переподключите его и "
                     "отправьте снова (mesomap сначала спросит аппарат, какая программа в нём)",
    "holds_other": "{cause}; по запросу STATUS {device} содержит {holds}, а не новую программу {new}: она не "
                   "зафиксирована; отправьте снова",
    "holds_no_program": "никакой программы",
    "holds_previous": "свою прежнюю программу {sha256}",
    "holds_another": "другую программу {sha256} (ни прежнюю, ни эту)",
    "transfer_cancelled": "передача на {port} отменена; {progress}; аппарату велено её сбросить, в нём остаётся "
                          "прежняя программа",
    "transfer_cancelled_before_sending": "передача на {port} отменена до отправки; в аппарате остаётся прежняя "
                                         "программа",
    "link_lost": "связь с {port} потеряна ({reason}); {progress}; в аппарате остаётся прежняя программа; "
                 "переподключите и отправьте снова",
    "cannot_open_port": "не удаётся открыть {port}: {reason}",
    # writing files (mesomap.io.atomic)
    "write_target_folder": "{file}: это папка, а не файл; выберите имя файла для записи",
    "write_target_not_regular": "{file}: это устройство, канал или сокет, а не обычный файл; выберите файл для записи",
    "nothing_written": "в {file} ничего не записано",
    # plan files (mesomap.io.plan_file)
    "units_not_mm": "должно быть «mm», найдено {found}",
    "v1_injections_not_empty": "план версии 1 хранит инъекции в зонах; этот список должен быть пуст",
    "not_a_plan": "это не план mesomap (найдено {found})",
    "plan_version_newer": "версия {version} новее, чем понимает этот mesomap; обновите mesomap",
    "plan_version_unknown": "{schema} — неизвестная этому mesomap версия файла плана",
    "not_a_share": "{parts:g} — не доля от 0 до 100",
    "face_run_outside": {"one": "грани {first}… (+{count}) выходят за 0–{last_face}, грани тела для закрашивания",
                         "few": "грани {first}… (+{count}) выходят за 0–{last_face}, грани тела для закрашивания",
                         "many": "грани {first}… (+{count}) выходят за 0–{last_face}, грани тела для закрашивания"},
    "more_faces_than_body": "граней больше, чем у тела",
    "face_outside": "{face} вне 0–{last_face}",
    "weights_invalid": "должно быть три неотрицательных веса с суммой 1",
    "unknown_body": "неизвестное тело {body_id}; в этом mesomap есть {known}",
    "other_body": "план сделан на другом теле {body_id} (хеш геометрии отличается)",
    "not_a_calendar_day": "{date} — не день календаря (в этом месяце такого дня нет)",
    "not_a_session_number": "{session} — не номер сеанса (1–1000)",
    # meshes (mesomap.io.meshes)
    "units_unclear": "{file}: по росту тела {height:g} не понять единицы (ожидалось около 1,7 м, 17 дм, 170 см или "
                     "1700 мм); укажите единицы явно",
    "unknown_bundled_body": "неизвестное тело {body_id}; выберите одно из: {known}",
    "shape_unknown_slider": "форма тела: нет ползунка {slider}; есть ползунки {known}",
    "shape_slider_out_of_range": "форма тела: {slider} равно {value:g}, а должно быть от {low:g} до {high:g}",
    "shape_slider_not_a_number": "форма тела: {slider} — не число",
    "shape_height_out_of_reach": "форма тела: рост {height_mm} мм недостижим ползунком роста ({low_mm}–{high_mm} мм "
                                 "при текущих остальных ползунках)",
    "shape_weight_out_of_reach": "форма тела: вес {weight_kg:g} кг недостижим ползунком веса ({low_kg:g}–{high_kg:g} "
                                 "кг при этом росте и телосложении)",
    "shape_directions_damaged": "данные формы тела {path} отсутствуют или повреждены; переустановите mesomap",
    "shape_needs_bundled_body": "Чтобы изменить форму, откройте встроенное тело: форму своей сетки изменить нельзя.",
    "bundled_body_damaged": "встроенное тело «{body_id}» отсутствует или повреждено в {path}; переустановите mesomap",
    "paint_topology_damaged": "топология закрашивания отсутствует или повреждена в {path}; переустановите mesomap",
    "mesh_empty": "{file}: в файле нет треугольников (пуст или только точки/линии)",
    "mesh_not_triangles": "{file}: после триангуляции грани не треугольные",
    "mesh_too_large": "{file}: {triangles:,} треугольников — больше, чем {max_triangles:,}, с которыми справляется "
                      "mesomap; сначала упростите сетку",
    "mesh_not_finite": {"one": "{file}: у {count} вершины координаты NaN или бесконечны",
                        "few": "{file}: у {count} вершин координаты NaN или бесконечны",
                        "many": "{file}: у {count} вершин координаты NaN или бесконечны"},
    "mesh_bad_indices": "{file}: грани ссылаются на несуществующие вершины",
    "mesh_cut_short": "{file}: файл {format} обрезан ({rows:,} из {announced:,} строк вершин и граней, объявленных "
                      "в заголовке); экспортируйте его снова",
    "mesh_unreadable": "{file}: сетку не прочитать: файл {format} повреждён, обрезан или другого формата",
    "height_implausible": "{file}: в единицах {units} рост тела был бы {height}, это не рост человека "
                          "({low_m:g}–{high_m:g} м); выберите единицы, в которых сделан файл",
    "mesh_suffix_unsupported": "{file}: неподдерживаемый тип файла {suffix}; используйте {known}",
    "mesh_suffix_none": "{file}: неподдерживаемый тип файла (без расширения); используйте {known}",
    "unknown_units": "неизвестные единицы {units}; выберите одну из: {known}",
    "units_note": "единицы: {units} (рост {height:g} в файле)",
    "turned_y_up": "повёрнуто: ось y вверх → ось z вверх",
    "turned_x_up": "повёрнуто: ось x вверх → ось z вверх",
    # scans (mesomap.io.scans)
    "scan_units_unclear": "{file}: его размер {size:g} подходит к нескольким единицам ({choices}); выберите единицы, "
                          "в которых сделан скан",
    "scan_suffix_unsupported": "{file}: неподдерживаемый тип скана {suffix}; используйте {known}",
    "scan_pieces_dropped": "оставлен самый большой кусок скана; меньшие куски ({pieces}, {percent:g} % площади) "
                           "отброшены",
    "scan_holes": {"one": "в скане {count} открытый край (дыра или срез, всего {length_mm:g} мм); метки и подгонка "
                          "используют только участки с кожей",
                   "few": "в скане {count} открытых края (дыры или срезы, всего {length_mm:g} мм); метки и подгонка "
                          "используют только участки с кожей",
                   "many": "в скане {count} открытых краёв (дыры или срезы, всего {length_mm:g} мм); метки и подгонка "
                           "используют только участки с кожей"},
    "scan_non_manifold": {"one": "в скане {count} ребро, общее для трёх и более треугольников; оставлено как есть",
                          "few": "в скане {count} ребра, общих для трёх и более треугольников; оставлены как есть",
                          "many": "в скане {count} рёбер, общих для трёх и более треугольников; оставлены как есть"},
    "scan_simplified": "упрощено с {before:,} до {after:,} треугольников для закрашивания; положения остаются на "
                       "исходной поверхности",
    "scan_size_implausible": "{file}: в единицах {units} скан был бы {size_m:g} м в поперечнике — не тело и не его "
                             "часть ({low_m:g}–{high_m:g} м); выберите единицы, в которых сделан скан",
    "scan_partial": "частичный скан ({size_mm:g} мм в поперечнике): поставьте на нём метки перед подгонкой",
    "scan_texture_unreadable": "его текстура {image} не читается; скан показан цветом кожи",
    "fit_unreadable": "{file}: не файл подгонки mesomap (повреждён или другого типа)",
    "scan_missing": "скана {scan} нет рядом с подгонкой в {folder}; положите его туда",
    "scan_other": "{scan} — не тот скан, к которому подогнан {fit} (содержимое отличается); используйте исходный скан",
    "landmark_label_unknown": "{file}: {label} — не название метки; используйте {known}",
    "landmark_off_scan": "{file}: метка {label} лежит в {distance_mm:g} мм от скана; точки должны быть "
                         "в собственных координатах файла скана",
    "fit_summary": "подгонка: от скана к модели медиана {scan_median:.1f} мм, 95-й процентиль {scan_p95:.1f} мм; "
                   "от модели к скану медиана {fit_median:.1f} мм, 95-й процентиль {fit_p95:.1f} мм",
    "fit_landmark_line": "метка {name}: {residual_mm:.1f} мм",
    "transfer_other_topology": "план на теле {body} использует другую топологию закрашивания, чем подгонка; делайте "
                               "план и подгонку одним и тем же mesomap",
    "fit_data_damaged": "данные подгонки эталонного тела отсутствуют или повреждены в {path}; переустановите mesomap",
    "fit_needs_landmarks": {"one": "для подгонки частичного скана нужно не меньше 3 меток; поставлена только {count}",
                            "few": "для подгонки частичного скана нужно не меньше 3 меток; поставлено только {count}",
                            "many": "для подгонки частичного скана нужно не меньше 3 меток; поставлено только "
                                    "{count}"},
    "fit_landmark_unknown": "неизвестная метка {name}; известны {known}",
    "fit_far": "подгонка отстоит от скана на {distance_mm:g} мм в области {region} (95-й процентиль); проверьте там "
               "метки или переснимите скан",
    "fit_landmark_misplaced": "метка {name} в {residual_mm:g} мм от места, где её предполагает форма тела; проверьте, "
                              "правильно ли она поставлена",
    "fit_landmark_far": "метка {name} в {residual_mm:g} мм от места, где её поставили; проверьте её",
    # file structure (mesomap.io.schema_check)
    "json_type_number": "число",
    "json_type_integer": "целое число",
    "json_type_string": "текст",
    "json_type_array": "список",
    "json_type_object": "объект",
    "json_type_boolean": "true или false",
    "json_type_null": "null",
    "expected_types": "ожидалось {alternatives}, найдено {found}",
    "schema_says": "{text}",
    "schema_says_of": "{value} {text}",
    "must_be": "должно быть {expected}, найдено {found}",
    "text_empty": "пусто",
    "below": "{value} меньше {limit}",
    "above": "{value} больше {limit}",
    "too_few_entries": {"one": "ожидалась хотя бы {count} запись", "few": "ожидалось хотя бы {count} записи",
                        "many": "ожидалось хотя бы {count} записей"},
    "too_many_entries": {"one": "ожидалось не больше {count} записи", "few": "ожидалось не больше {count} записей",
                         "many": "ожидалось не больше {count} записей"},
    "entry_twice": "запись указана дважды",
    "not_valid_here": "здесь недопустимо",
    # zone and reflex-point templates (mesomap.io.templates)
    "template_zone_at": "зона № {index}",
    "template_zone": "зона «{zone_id}»",
    "template_point_at": "рефлекторная точка № {index}",
    "template_point": "рефлекторная точка «{point_id}»",
    "template_problem": "{file}: {where}: {problem}",
    "template_field_missing": "нет поля «{field}»",
    "template_not_text": "поле «{field}» должно быть непустой строкой, найдено {got}",
    "template_not_number": "поле «{field}» должно быть числом, найдено {got}",
    "template_negative": "поле «{field}» должно быть >= 0, найдено {got}",
    "template_not_positive": "поле «{field}» должно быть положительным, найдено {got}",
    "template_not_strings": "поле «{field}» должно быть списком строк",
    "template_not_id": "поле «{field}» — недопустимый идентификатор: {got}",
    "template_not_one_of": "поле «{field}» должно быть одним из {options}, найдено {got}",
    "template_must_be_object": "должно быть объектом",
    "template_faces_empty": "поле «faces» должно быть непустым списком номеров граней",
    "template_faces_not_integers": "поле «faces» должно содержать только целые числа",
    "template_face_out_of_range": "поле «{field}»: номер грани {face} вне диапазона 0..{last_face}",
    "template_face_twice": "в поле «faces» номер грани указан дважды",
    "template_deeper_than_needle": "depth_mm {depth_mm:g} больше needle_length_mm {needle_mm:g}",
    "template_not_positive_integer": "поле «{field}» должно быть положительным целым, найдено {got}",
    "template_barycentric_not_3": "поле «barycentric» должно содержать 3 числа, найдено {got}",
    "template_barycentric_negative": "в поле «barycentric» отрицательный вес: {got}",
    "template_barycentric_sum": "сумма поля «barycentric» должна быть 1, а равна {total:.6g}",
    "template_angle": "поле «angle_deg» должно быть в (0, 90], найдено {got}",
    "template_not_object": "{file}: верхний уровень должен быть объектом JSON",
    "template_schema_malformed": "{file}: «@schema» отсутствует или неверно (ожидалось {expected}), найдено {got}",
    "template_schema_unknown": "{file}: неизвестная схема {schema} (ожидалась {expected})",
    "template_schema_major": "{file}: старшая версия {major} в {schema} не поддерживается; этот mesomap читает {reads}",
    "template_units": "{file}: «units» должно быть «mm», найдено {got}",
    "template_not_list": "{file}: «{key}» должно быть списком",
    "template_topology": "{file}: «topology» должно быть строкой",
    "template_duplicate_zone": "{file}: повторный идентификатор зоны «{item_id}»",
    "template_duplicate_point": "{file}: повторный идентификатор рефлекторной точки «{item_id}»",
    "template_unreadable": "{file}: не удаётся прочитать файл зон: {reason}",
    "template_not_utf8": "{file}: не текст UTF-8: {reason}",
    "template_faces_do_not_fit": "{what}: номера граней не подходят к сетке из {n_faces} граней",
    # the planning session (mesomap.session.messages)
    "needs_bundled_body": "Планы строятся на встроенных телах или на подогнанном скане: "
                          "переключитесь на «Женщина» или «Мужчина» либо подгоните скан и нажмите «План на этом скане».",
    "session_done_read_only": "Сеанс {number} проведён: его план только для чтения (Файл › Сохранить как… сохранит "
                              "копию, которую можно менять).",
    "grids_need_bundled_body": "Сетки рассчитываются на встроенных телах: переключитесь на «Женщина» или «Мужчина».",
    "select_zone_to_erase": "Выберите зону, в которой стирать.",
    "hidden_zone_shown": "{zone} была скрыта: пока вы её закрашиваете, она снова показана.",
    "zone_already_in_plan": "{zone} уже в плане: она выбрана.",
    "point_already_in_plan": "{code} ({side}) уже в плане: точка выбрана.",
    "zone_not_painted": "У зоны {zone} ещё нет закрашенной кожи: сначала закрасьте её (B).",
    "nothing_to_lay_out": "Нет закрашенных зон для расчёта сетки.",
    "skipped_unpainted": "Пропущено: {zones} — ещё ничего не закрашено.",
    "layout_cancelled": "Расчёт отменён: сетки остались прежними.",
    "layout_failed": "Не удалось рассчитать {failures}",
    "layout_failed_zone": "{zone}: {why}",
    "changed_while_laid_out": "{zones} изменилась во время расчёта сетки: сетка устарела — рассчитайте её снова "
                              "(Ctrl+G).",
    "laid_out": {"one": "Рассчитана {count} инъекция ({zones})", "few": "Рассчитаны {count} инъекции ({zones})",
                 "many": "Рассчитано {count} инъекций ({zones})"},
    "no_grid_to_edit": "У зоны {zone} ещё нет сетки: сначала рассчитайте её (Ctrl+G), затем правьте точки.",
    "grid_out_of_date_to_edit": "{zone} изменилась после расчёта сетки: рассчитайте её заново (Ctrl+G), прежде чем "
                                "править точки.",
    "injection_outside_zone": "Это вне зоны {zone}: точки инъекций добавляются внутри своей зоны.",
    "click_skin_for_point": "Щёлкните по коже, чтобы поставить точку.",
    "click_skin_for_injection": "Щёлкните по коже внутри зоны, чтобы добавить туда точку инъекции.",
    "click_zone_for_injection": "Щёлкните внутри зоны, чтобы добавить точку инъекции; точки остаются внутри своей "
                                "зоны.",
    "select_zone_to_fill": "Выберите зону с закрашенным контуром, чтобы залить её.",
    "click_inside_outline": "Щёлкните по коже внутри закрашенного контура зоны {zone}, чтобы залить его.",
    "outline_not_closed": "Контур зоны {zone} не замкнут: замкните его и залейте снова (ничего не залито).",
    "select_zone_to_mirror": "Выберите левую или правую зону для зеркального отражения.",
    "no_other_side": "{zone} — зона стороны «{side}»: у неё нет другой стороны для отражения.",
    "no_mirror_map": "У этого тела нет соответствия левой и правой сторон: зоны на нём отразить нельзя.",
    "zone_mirrored": "{zone} отражена на сторону «{side}» как {other}.",
    "undo_switch_body": "Переключиться на тело {body}",
    "undo_body_shape": "Изменить форму тела",
    "undo_plan_on_scan": "Перенести план на {scan}",
    "undo_generate_grid": "Рассчитать сетку зоны {zone}",
    "undo_generate_all": "Рассчитать все сетки",
    "undo_add_injection": "Добавить инъекцию в зону {zone}",
    "undo_move_injection": "Переместить инъекцию {order} зоны {zone}",
    "undo_delete_injection": "Удалить инъекцию {order} зоны {zone}",
    "undo_pin_injection": "Закрепить инъекцию {order} зоны {zone}",
    "undo_unpin_injection": "Открепить инъекцию {order} зоны {zone}",
    "undo_clear_grid": "Очистить сетку зоны {zone}",
    "undo_add_point": "Добавить точку {code}",
    "undo_place_point": "Поставить точку {code}",
    "undo_move_point": "Переместить точку {code}",
    "undo_delete_point": "Удалить точку {code}",
    "undo_set_point_field": "Изменить {field} точки {point}",
    "undo_paint": "Закрасить {zone}",
    "undo_erase": "Стереть {zone}",
    "undo_add_zone": "Добавить {zone}",
    "undo_delete_zone": "Удалить {zone}",
    "undo_clear_zone": "Очистить {zone}",
    "undo_fill": "Залить {zone}",
    "undo_mirror_zone": "Отразить {zone} на другую сторону",
    "undo_set_zone_field": "Изменить {field} зоны {zone}",
    "laying_out": "Расчёт: {zones}…",
    "laying_out_more": "Расчёт: {zones} и ещё {more}…",
    "previewing": "Предпросмотр…",
    "export_needs_profile": "для экспорта {format} нужен профиль аппарата",
    "empty_plan": "Пока ничего не запланировано: добавьте зону из шаблона или закрасьте её (B), рассчитайте сетку "
                  "(Ctrl+G), затем экспортируйте или распечатайте лист процедуры.",
    # quizzes (mesomap.model.quiz)
    "quiz_other_body": "ответ сделан на теле {answer_body}, эталон — на теле {reference_body}; отвечайте на теле "
                       "эталона",
    "quiz_nothing_asked": "в эталонном плане нет ни зон, ни рефлекторных точек для вопроса",
    "quiz_threshold_bad": "порог зачёта {name} «{value}» вне допустимого диапазона",
    "quiz_pass_marks": "Пороги зачёта: зона засчитывается при Dice ≥ {dice_min:g} и среднем расстоянии границ не "
                       "более {border_mean_max_mm:g} мм; точка — в пределах {point_max_mm:g} мм по коже.",
    "quiz_not_asked": "Не спрашивалось (без оценки): {items}",
    # lessons (mesomap.model.lesson)
    "lesson_step_problem": "шаг {step}: {field}: {problem}",
    "lesson_unknown_zone": "в плане нет зоны «{zone}»",
    "lesson_unknown_point": "в плане нет рефлекторной точки «{point}»",
    "lesson_highlight_hidden": "зона «{zone}» выделена, но не показана; покажите и её",
    "lesson_camera_degenerate": "камера стоит в точке, на которую смотрит, или её направление вверх совпадает с "
                                "направлением взгляда",
    "lesson_value_range": "{value} вне допустимого диапазона: не меньше {low:g} и не больше {high:g} {unit}",
    "lesson_no_step": {"one": "шага {step} нет; в уроке {count} шаг",
                       "few": "шага {step} нет; в уроке {count} шага",
                       "many": "шага {step} нет; в уроке {count} шагов"},
    # the records store (mesomap.store)
    "record_conflict": "{what} {row_id} изменили на другом рабочем месте (вы загрузили версию {base_version}, сейчас "
                       "версия {stored_version}); ничего не сохранено: загрузите заново и внесите изменения в {fields} "
                       "ещё раз",
    "record_not_found": "в картотеке нет {what} {row_id}",
    "record_number_taken": "номер карты «{record_number}» принадлежит другому пациенту",
    "lot_expired": "срок годности серии {lot} препарата {product} истёк {expiry}, до сеанса {day}; подтвердите, чтобы "
                   "всё же использовать её",
    "session_frozen": "сеанс {number} проведён: его план зафиксирован и не может меняться",
    "checklist_unknown": "в перечне противопоказаний нет вопроса {keys}; вопросы: {known}",
    "record_value_range": "{field} равно «{value}»: должно быть не меньше {low} и не больше {high}",
    "record_text_empty": "{field} пусто: заполните",
    "record_text_too_long": "{field} длиной {length:,} символов; допускается не более {limit}",
    "record_text_invalid": "{field} содержит символ, который не хранит ни одна база данных (NUL или испорченный "
                           "символ); введите заново",
    "database_needs_upgrade": "база картотеки на ревизии схемы {current}, а этому mesomap нужна {head}: сделайте "
                              "резервную копию (pg_dump) и выполните `mesomap db upgrade`",
    "database_too_new": "база картотеки на ревизии схемы {current}, новее, чем знает этот mesomap: обновите mesomap",
    "database_not_records": "{path} — не база картотеки mesomap",
    "database_network_fs": "база картотеки {path} находится в сетевой файловой системе ({fs}); SQLite может повредить "
                           "так используемую базу: для нескольких рабочих мест используйте PostgreSQL",
    "database_upgraded": "база картотеки обновлена с ревизии схемы {before} до {head}; старая сохранена в {backup}",
    "database_sqlite_only": "`mesomap db {command}` работает с базой SQLite; для PostgreSQL используйте pg_dump и "
                            "pg_restore",
    "password_in_settings": "{path} содержит пароль базы данных; удалите его и укажите пароль в ~/.pgpass или "
                            "PGPASSWORD",
}
