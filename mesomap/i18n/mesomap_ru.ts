<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <source>mesomap — audience</source>
        <translation>mesomap — аудитория</translation>
    </message>
    <message>
        <source>Cannot show body</source>
        <translation>Не удаётся показать тело</translation>
    </message>
    <message>
        <source>unknown body {body_id!r}</source>
        <translation>неизвестное тело {body_id!r}</translation>
    </message>
    <message>
        <source>Open mesh</source>
        <translation>Открыть сетку тела</translation>
    </message>
    <message>
        <source>Meshes ({patterns});;All files (*)</source>
        <translation>Сетки ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot open mesh</source>
        <translation>Не удаётся открыть сетку тела</translation>
    </message>
    <message>
        <source>{notes}. Plan tools are off on your own mesh: zones and points are made on the bundled bodies — switch to Female or Male to edit the plan.</source>
        <translation>{notes}. На собственной сетке инструменты плана отключены: зоны и точки создаются на встроенных телах — переключитесь на «Женщина» или «Мужчина», чтобы править план.</translation>
    </message>
    <message>
        <source>{name}: its tallest extent {height:g} is no body&apos;s height ({value:g}–{value2:g} m) in any units mesomap knows</source>
        <translation>{name}: наибольший размер {height:g} не соответствует росту человека ({value:g}–{value2:g} м) ни в одной единице, известной mesomap</translation>
    </message>
    <message>
        <source>{value} → {value2:.2f} m tall</source>
        <translation>{value} → рост {value2:.2f} м</translation>
    </message>
    <message>
        <source>Which units?</source>
        <translation>Какие единицы?</translation>
    </message>
    <message>
        <source>{err}.
The file&apos;s tallest extent is {height:g}. Its units are:</source>
        <translation>{err}.
Наибольший размер файла — {height:g}. Его единицы:</translation>
    </message>
    <message>
        <source>Height</source>
        <extracomment>Slider steps per unit of a shape value (0.01 resolution).</extracomment>
        <translation>Рост</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Мускулатура</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Proportions</source>
        <translation>Пропорции</translation>
    </message>
    <message>
        <source>Shorter (−1, about 1.22 m) to taller (+1, about 2.31 m); 0 is the body as bundled</source>
        <translation>От ниже (−1, около 1,22 м) до выше (+1, около 2,31 м); 0 — встроенное тело</translation>
    </message>
    <message>
        <source>Slimmer (−1) to heavier (+1 is MakeHuman&apos;s heaviest, +2 extrapolates it)</source>
        <translation>От стройнее (−1) до тяжелее (+1 — самый тяжёлый в MakeHuman, +2 — экстраполяция)</translation>
    </message>
    <message>
        <source>Less (−1) to more (+1) muscular</source>
        <translation>От менее (−1) до более (+1) мускулистого</translation>
    </message>
    <message>
        <source>Young adult (0, 25 years) to old (1, 90 years)</source>
        <translation>От молодого взрослого (0, 25 лет) до пожилого (1, 90 лет)</translation>
    </message>
    <message>
        <source>Uncommon (−1) to idealised (+1) proportions</source>
        <translation>От необычных (−1) до идеализированных (+1) пропорций</translation>
    </message>
    <message>
        <source>Body shape</source>
        <extracomment>Wide enough for a zone name and both columns of the effect table (px).</extracomment>
        <translation>Форма тела</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Задать</translation>
    </message>
    <message>
        <source>Set the height and weight sliders so the body has this height and weight</source>
        <translation>Выставить ползунки роста и веса так, чтобы тело имело этот рост и вес</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Every slider back to 0: the body as bundled</source>
        <translation>Все ползунки на 0: тело как встроено</translation>
    </message>
    <message>
        <source>Effect since the panel was opened</source>
        <translation>Изменения с открытия панели</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Зона</translation>
    </message>
    <message>
        <source>Area cm² before → now</source>
        <translation>Площадь, см² до → после</translation>
    </message>
    <message>
        <source>Injections</source>
        <translation>Инъекции</translation>
    </message>
    <message>
        <source>~: estimated from the zone&apos;s area and border until its grid is laid out again</source>
        <translation>~: оценка по площади и границе зоны, пока её сетка не будет построена заново</translation>
    </message>
    <message>
        <source>Show a bundled body to shape it.</source>
        <translation>Покажите встроенное тело, чтобы изменить его форму.</translation>
    </message>
    <message>
        <source>Height {height_mm:.0f} mm · weight about {weight_kg:.1f} kg · BMI {bmi:.1f}</source>
        <translation>Рост {height_mm:.0f} мм · вес около {weight_kg:.1f} кг · ИМТ {bmi:.1f}</translation>
    </message>
    <message>
        <source>Select a zone to see its technique depth</source>
        <extracomment>The form&apos;s fields: (layer, SkinLayers field, max mm).</extracomment>
        <translation>Выберите зону, чтобы увидеть глубину её техники</translation>
    </message>
    <message>
        <source>Technique depth</source>
        <translation>Глубина техники</translation>
    </message>
    <message>
        <source>Thickness of the {layer} drawn for this body region (a teaching default you can change)</source>
        <translation>Толщина слоя «{layer}» для этой области тела (учебное значение, его можно изменить)</translation>
    </message>
    <message>
        <source>Region defaults</source>
        <translation>Значения области</translation>
    </message>
    <message>
        <source>Back to the default thicknesses of this body region</source>
        <translation>Вернуть толщины по умолчанию для этой области тела</translation>
    </message>
    <message>
        <source>{name}: the tip is in the {tip_layer}</source>
        <translation>{name}: кончик иглы в слое «{tip_layer}»</translation>
    </message>
    <message>
        <source>{where} — the needle is too short to reach this depth at {technique}&apos;s angle.</source>
        <translation>{where} — игла слишком коротка, чтобы достичь этой глубины под углом {technique}.</translation>
    </message>
    <message>
        <source>{where} (on target).</source>
        <translation>{where} (в цели).</translation>
    </message>
    <message>
        <source>{where} (not where {technique} aims).</source>
        <translation>{where} (не там, куда целится {technique}).</translation>
    </message>
    <message>
        <source>USB serial</source>
        <extracomment>How often the dialog shows the transfer&apos;s progress (ms).</extracomment>
        <translation>USB-последовательный</translation>
    </message>
    <message>
        <source>serial port</source>
        <translation>последовательный порт</translation>
    </message>
    <message>
        <source>pseudo-terminal — mesomap device simulator ({device})</source>
        <translation>псевдотерминал — симулятор устройства mesomap ({device})</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>любое устройство</translation>
    </message>
    <message>
        <source>pseudo-terminal (a terminal or a simulator)</source>
        <translation>псевдотерминал (терминал или симулятор)</translation>
    </message>
    <message>
        <source>Send to device</source>
        <translation>Отправить на устройство</translation>
    </message>
    <message>
        <source>Bundled device profiles and your own (add them as JSON files in {user_dir})</source>
        <translation>Встроенные профили устройств и ваши (добавляйте их JSON-файлами в {user_dir})</translation>
    </message>
    <message>
        <source>  — example profile</source>
        <translation>  — пример профиля</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Profile not usable: {p}</source>
        <translation>Профиль непригоден: {p}</translation>
    </message>
    <message>
        <source>The serial port the device is on: pick one the system lists or type it (/dev/ttyUSB0, COM3, or the path the simulator prints)</source>
        <translation>Последовательный порт устройства: выберите из списка системы или введите (/dev/ttyUSB0, COM3 или путь, который печатает симулятор)</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0, COM3…</source>
        <translation>/dev/ttyUSB0, COM3…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging the device in)</source>
        <translation>Заново перечислить последовательные порты (после подключения устройства)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>How long to wait for each answer of the device before trying again ({DEFAULT_RETRIES} retries)</source>
        <translation>Сколько ждать каждого ответа устройства перед повтором ({DEFAULT_RETRIES} повторов)</translation>
    </message>
    <message>
        <source>Wait for replies</source>
        <translation>Ожидание ответа</translation>
    </message>
    <message>
        <source>The open plan is not changed by sending it.</source>
        <translation>Отправка не меняет открытый план.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>Прервать передачу</translation>
    </message>
    <message>
        <source>Stop sending: the device is told to drop what it received and keeps its previous program (once the program is sent whole, mesomap asks the device which program it holds and tells you)</source>
        <translation>Остановить отправку: устройство отбросит полученное и сохранит прежнюю программу (если программа уже отправлена целиком, mesomap спросит устройство, какая программа в нём, и сообщит вам)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>No device profile is available.</source>
        <translation>Нет ни одного профиля устройства.</translation>
    </message>
    <message numerus="yes">
        <source>The plan does not fit {name}: %n problem(s). Change the plan (or choose another device); nothing can be sent.</source>
        <translation>
            <numerusform>План не подходит для {name}: %n проблема. Измените план (или выберите другое устройство); отправить нельзя.</numerusform>
            <numerusform>План не подходит для {name}: %n проблемы. Измените план (или выберите другое устройство); отправить нельзя.</numerusform>
            <numerusform>План не подходит для {name}: %n проблем. Измените план (или выберите другое устройство); отправить нельзя.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot send this plan: {export_error_text}.</source>
        <translation>Не удаётся отправить этот план: {export_error_text}.</translation>
    </message>
    <message>
        <source>{programs} programs, {shots} shots, {volume_ml:.2f} ml for {profile_name}; {n:,} bytes, program SHA-256 {content_sha256}</source>
        <translation>Программ: {programs}, выстрелов: {shots}, {volume_ml:.2f} мл для {profile_name}; {n:,} байт, программа SHA-256 {content_sha256}</translation>
    </message>
    <message>
        <source>Note: {n}</source>
        <translation>Примечание: {n}</translation>
    </message>
    <message>
        <source>Rounded to the device&apos;s steps ({n}):</source>
        <translation>Округлено до шагов устройства ({n}):</translation>
    </message>
    <message>
        <source>Nothing rounded: every value is on the device&apos;s steps.</source>
        <translation>Ничего не округлено: все значения на шагах устройства.</translation>
    </message>
    <message>
        <source>Programs:</source>
        <translation>Программы:</translation>
    </message>
    <message>
        <source>{rate_hz:g} shots/s</source>
        <translation>{rate_hz:g} выстр./с</translation>
    </message>
    <message>
        <source>{flow_ml_min:g} ml/min</source>
        <translation>{flow_ml_min:g} мл/мин</translation>
    </message>
    <message>
        <source>  {number}. {name}: {mode}, needle {needle_mm:g} mm, depth {depth_mm:g} mm, {volume_ml:g} ml × {shots} shots, {rate}</source>
        <translation>  {number}. {name}: {mode}, игла {needle_mm:g} мм, глубина {depth_mm:g} мм, {volume_ml:g} мл × {shots} выстр., {rate}</translation>
    </message>
    <message>
        <source>Check the programs below.</source>
        <translation>Проверьте программы ниже.</translation>
    </message>
    <message>
        <source>1 value was rounded to the device&apos;s steps: check it below first.</source>
        <translation>1 значение округлено до шагов устройства: сначала проверьте его ниже.</translation>
    </message>
    <message numerus="yes">
        <source>%n values were rounded to the device&apos;s steps: check them below first.</source>
        <translation>
            <numerusform>%n значение округлено до шагов устройства: сначала проверьте их ниже.</numerusform>
            <numerusform>%n значения округлены до шагов устройства: сначала проверьте их ниже.</numerusform>
            <numerusform>%n значений округлено до шагов устройства: сначала проверьте их ниже.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to send to {name}. {check}</source>
        <translation>Готово к отправке на {name}. {check}</translation>
    </message>
    <message>
        <source>Choose or type the serial port the device is on.</source>
        <translation>Выберите или введите последовательный порт устройства.</translation>
    </message>
    <message>
        <source>Connecting to {port}…</source>
        <translation>Подключение к {port}…</translation>
    </message>
    <message>
        <source>Cancelling: telling the device to drop the transfer…</source>
        <translation>Отмена: устройство отбрасывает передачу…</translation>
    </message>
    <message>
        <source>, {retransmissions} resent</source>
        <translation>, повторно: {retransmissions}</translation>
    </message>
    <message>
        <source>Sending: {bytes_done:,} of {bytes_total:,} bytes{resent}…</source>
        <translation>Отправка: {bytes_done:,} из {bytes_total:,} байт{resent}…</translation>
    </message>
    <message>
        <source>Sent; the device is checking the program (SHA-256) and committing it…</source>
        <translation>Отправлено; устройство проверяет программу (SHA-256) и сохраняет её…</translation>
    </message>
    <message>
        <source>No valid reply to COMMIT, so the device&apos;s program is unknown: asking the device which program it holds…</source>
        <translation>Нет корректного ответа на COMMIT, программа устройства неизвестна: спрашиваем устройство, какая программа в нём…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <source>{device_id} at {port} already holds this program (program SHA-256 {sha256}); nothing was sent.</source>
        <translation>{device_id} на {port} уже содержит эту программу (программа SHA-256 {sha256}); ничего не отправлено.</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source> ({retransmissions} resent)</source>
        <translation> (повторно: {retransmissions})</translation>
    </message>
    <message>
        <source>Sent and committed on {device_id} at {port}: {bytes:,} bytes in {chunks} chunks{resent}, {seconds:.1f} s. Program SHA-256 {sha256}. The device checked it and uses it now.</source>
        <translation>Отправлено и сохранено на {device_id} через {port}: {bytes:,} байт в {chunks} блоках{resent}, {seconds:.1f} с. Программа SHA-256 {sha256}. Устройство проверило её и теперь использует.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <source>Cancelled: {error}</source>
        <translation>Отменено: {error}</translation>
    </message>
    <message>
        <source>Unknown whether the device took the program: {error}</source>
        <translation>Неизвестно, принял ли устройство программу: {error}</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>Не отправлено: {error}</translation>
    </message>
    <message>
        <source>Not sent: {value}</source>
        <translation>Не отправлено: {value}</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <extracomment>The docks&apos; default share of the window height: Zones/Reflex points above, Summary below. The docks never take more than this share of the window&apos;s width by default (the 3D view keeps the rest). The object names of the docks made on first use that were shown when the window closed. Docks made on first use, by object name: the callable makes the dock (once) and returns it.</extracomment>
        <translation>Сбросить &amp;расположение</translation>
    </message>
    <message>
        <source>Show every panel and toolbar again where they start</source>
        <translation>Вернуть все панели и панели инструментов на исходные места</translation>
    </message>
    <message>
        <source>&amp;CSV injection list…</source>
        <extracomment>The window&apos;s words for each export (menu text, tip, dialog title), by format key: the registry (mesomap.io.export_formats) is English data, so its words are repeated here for lupdate; a format missing here shows the registry&apos;s English (tests/ui/test_i18n.py walks the menu and would flag it).</extracomment>
        <translation>Список инъекций &amp;CSV…</translation>
    </message>
    <message>
        <source>One row per injection in treatment order: position, normal, depth, volume</source>
        <translation>Одна строка на инъекцию в порядке процедуры: положение, нормаль, глубина, объём</translation>
    </message>
    <message>
        <source>Export the injections as CSV</source>
        <translation>Экспорт инъекций в CSV</translation>
    </message>
    <message>
        <source>CSV for s&amp;preadsheets (Excel)…</source>
        <translation>CSV для &amp;таблиц (Excel)…</translation>
    </message>
    <message>
        <source>The CSV injection list with a UTF-8 byte order mark, so Excel shows accented and Cyrillic names</source>
        <translation>Список инъекций CSV с меткой порядка байтов UTF-8, чтобы Excel показывал имена с диакритикой и кириллицей</translation>
    </message>
    <message>
        <source>Export the injections as CSV for spreadsheets</source>
        <translation>Экспорт инъекций в CSV для таблиц</translation>
    </message>
    <message>
        <source>3D &amp;Slicer markups…</source>
        <translation>Метки 3D &amp;Slicer…</translation>
    </message>
    <message>
        <source>Injection points as Slicer fiducial lists (one per zone), to open with the body in 3D Slicer</source>
        <translation>Точки инъекций как списки меток Slicer (по одному на зону), чтобы открыть вместе с телом в 3D Slicer</translation>
    </message>
    <message>
        <source>Export 3D Slicer markups</source>
        <translation>Экспорт меток 3D Slicer</translation>
    </message>
    <message>
        <source>Body &amp;mesh…</source>
        <translation>&amp;Сетка тела…</translation>
    </message>
    <message>
        <source>The plan&apos;s body surface (mm), to load beside the markups</source>
        <translation>Поверхность тела плана (мм), чтобы загрузить рядом с метками</translation>
    </message>
    <message>
        <source>Export the body mesh</source>
        <translation>Экспорт сетки тела</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>Zones, parameters and every injection as plain JSON</source>
        <translation>Зоны, параметры и каждая инъекция в простом JSON</translation>
    </message>
    <message>
        <source>Export the plan as JSON</source>
        <translation>Экспорт плана в JSON</translation>
    </message>
    <message>
        <source>Session &amp;sheet (PDF)…</source>
        <translation>&amp;Лист процедуры (PDF)…</translation>
    </message>
    <message>
        <source>The printable session sheet: views of the plan, zone table, totals, checklist, signatures</source>
        <translation>Лист процедуры для печати: виды плана, таблица зон, итоги, чек-лист, подписи</translation>
    </message>
    <message>
        <source>Save the session sheet</source>
        <translation>Сохранить лист процедуры</translation>
    </message>
    <message>
        <source>&amp;Device program…</source>
        <translation>Программа &amp;устройства…</translation>
    </message>
    <message>
        <source>The sealed program file for an injection device, checked against the device&apos;s profile</source>
        <translation>Запечатанный файл программы для инъекционного устройства, проверенный по его профилю</translation>
    </message>
    <message>
        <source>Export a device program</source>
        <translation>Экспорт программы устройства</translation>
    </message>
    <message>
        <source>&amp;Gun settings sheet (CSV)…</source>
        <translation>Лист настроек &amp;пистолета (CSV)…</translation>
    </message>
    <message>
        <source>One row per device program: mode, needle, depth, volume per shot, shots and rate</source>
        <translation>Одна строка на программу устройства: режим, игла, глубина, объём на выстрел, выстрелы и частота</translation>
    </message>
    <message>
        <source>Export the gun settings sheet</source>
        <translation>Экспорт листа настроек пистолета</translation>
    </message>
    <message>
        <source>CSV injection list (*.csv)</source>
        <extracomment>The File › Export entries, in menu order: the export registry&apos;s format keys (tests/ui/test_export_registry.py checks they are the registry&apos;s, in its order), so the menu is made without loading the registry. The file dialog filters of the export formats (io.export_formats), listed here so lupdate finds them; shown through tr() (the filter&apos;s &quot;(*.csv)&quot; part stays as it is in every language).</extracomment>
        <translation>Список инъекций CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets, UTF-8 with BOM (*.csv)</source>
        <translation>CSV для электронных таблиц, UTF-8 с BOM (*.csv)</translation>
    </message>
    <message>
        <source>3D Slicer markups (*.mrk.json)</source>
        <translation>Метки 3D Slicer (*.mrk.json)</translation>
    </message>
    <message>
        <source>PLY mesh (*.ply)</source>
        <translation>Сетка PLY (*.ply)</translation>
    </message>
    <message>
        <source>OBJ mesh (*.obj)</source>
        <translation>Сетка OBJ (*.obj)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>PDF session sheet (*.pdf)</source>
        <translation>Лист сеанса PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Device program (*.device.json)</source>
        <translation>Программа аппарата (*.device.json)</translation>
    </message>
    <message>
        <source>Gun settings sheet (*.csv)</source>
        <translation>Лист настроек пистолета (*.csv)</translation>
    </message>
    <message>
        <source>Grid ▸ Generate grid, Ctrl+G</source>
        <extracomment>Where the window lays a zone&apos;s grid out: added to &quot;no grid&quot; / &quot;stale grid&quot; refusals.</extracomment>
        <translation>Сетка ▸ Построить сетку, Ctrl+G</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Не удаётся экспортировать</translation>
    </message>
    <message>
        <source>Nothing was written: no device profile is available.</source>
        <translation>Ничего не записано: нет ни одного профиля устройства.</translation>
    </message>
    <message>
        <source>Device profile:</source>
        <translation>Профиль устройства:</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Запись {name}…</translation>
    </message>
    <message>
        <source>Still writing {name}; try again in a moment.</source>
        <translation>{name} ещё записывается; попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>Создать папку</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Create it and export there?</source>
        <translation>Папки {folder} нет. Создать её и экспортировать туда?</translation>
    </message>
    <message>
        <source>Nothing exported: the folder was not created.</source>
        <translation>Ничего не экспортировано: папка не создана.</translation>
    </message>
    <message>
        <source>{folder} cannot be created: {value}.</source>
        <translation>Не удаётся создать {folder}: {value}.</translation>
    </message>
    <message>
        <source>Writing the session sheet to {out}…</source>
        <translation>Запись листа процедуры в {out}…</translation>
    </message>
    <message>
        <source>the body mesh</source>
        <translation>сетку тела</translation>
    </message>
    <message>
        <source>the session sheet</source>
        <translation>лист процедуры</translation>
    </message>
    <message>
        <source>the device program</source>
        <translation>программу устройства</translation>
    </message>
    <message>
        <source>the gun settings sheet</source>
        <translation>лист настроек пистолета</translation>
    </message>
    <message>
        <source>Exported {what} to {out}</source>
        <translation>Экспортировано: {what} в {out}</translation>
    </message>
    <message>
        <source>Nothing was written: {reason}.</source>
        <translation>Ничего не записано: {reason}.</translation>
    </message>
    <message>
        <source>Injection {order} · {zone} ({index} of {n}) · depth {depth_mm:g} mm · {volume_ml:g} ml · {technique} · needle {needle_mm:g} mm {gauge} G</source>
        <translation>Инъекция {order} · {zone} ({index} из {n}) · глубина {depth_mm:g} мм · {volume_ml:g} мл · {technique} · игла {needle_mm:g} мм {gauge} G</translation>
    </message>
    <message>
        <source> · pinned</source>
        <translation> · закреплена</translation>
    </message>
    <message>
        <source>Select a zone to lay out its grid (or Generate all).</source>
        <translation>Выберите зону, чтобы построить её сетку (или «Построить все»).</translation>
    </message>
    <message>
        <source>Unpin injection</source>
        <translation>Открепить инъекцию</translation>
    </message>
    <message>
        <source>Pin injection</source>
        <translation>Закрепить инъекцию</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <source>Mouse in the 3D view: left-drag turns the body (paints, erases or places in those tools), the wheel zooms towards the cursor, middle-drag pans, Ctrl+wheel sizes the brush.</source>
        <extracomment>The mouse in the 3D view (ui/body_view.py, ui/tools.py): not actions, so said above the sheet.</extracomment>
        <translation>Мышь в 3D-виде: перетаскивание левой кнопкой вращает тело (рисует, стирает или ставит в этих инструментах), колесо приближает к курсору, средняя кнопка сдвигает, Ctrl+колесо меняет размер кисти.</translation>
    </message>
    <message>
        <source>mesomap user guide</source>
        <extracomment>The setting that remembers the start hint was dismissed.</extracomment>
        <translation>Руководство mesomap</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pick a zone&lt;/b&gt;: &lt;i&gt;From template&lt;/i&gt; in the Zones panel, or paint one ({keys}).</source>
        <translation>&lt;b&gt;Выберите зону&lt;/b&gt;: &lt;i&gt;Из шаблона&lt;/i&gt; на панели «Зоны» или нарисуйте её ({keys}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lay it out&lt;/b&gt;: &lt;i&gt;Generate grid&lt;/i&gt; ({keys}) places the injections on the skin.</source>
        <translation>&lt;b&gt;Постройте сетку&lt;/b&gt;: &lt;i&gt;Построить сетку&lt;/i&gt; ({keys}) размещает инъекции на коже.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Export&lt;/b&gt;: &lt;i&gt;Print / Export PDF&lt;/i&gt; ({keys}), File › Export, or Send to device.</source>
        <translation>&lt;b&gt;Экспортируйте&lt;/b&gt;: &lt;i&gt;Печать / экспорт PDF&lt;/i&gt; ({keys}), Файл › Экспорт или «Отправить на устройство».</translation>
    </message>
    <message>
        <source>&lt;b&gt;Three steps to a plan&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;b&gt;Три шага к плану&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <source>User guide (F1)</source>
        <translation>Руководство (F1)</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Понятно</translation>
    </message>
    <message>
        <source>Hide this hint (Help › Show start hint brings it back)</source>
        <translation>Скрыть подсказку (Справка › Показать подсказку для начала вернёт её)</translation>
    </message>
    <message>
        <source>left</source>
        <extracomment>QSettings key of the language chosen in Preferences (&quot;&quot; or missing: the system&apos;s). Each language named in itself, as the Preferences chooser lists it. Environment override (tests, screenshots): MESOMAP_LANG=fr wins over the settings and the locale. The words the combo boxes show for sides and grid patterns (their data stays the plan&apos;s value).</extracomment>
        <translation>слева</translation>
    </message>
    <message>
        <source>right</source>
        <translation>справа</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>по средней линии</translation>
    </message>
    <message>
        <source>bilateral</source>
        <translation>с двух сторон</translation>
    </message>
    <message>
        <source>hexagonal</source>
        <translation>шестиугольный</translation>
    </message>
    <message>
        <source>square</source>
        <translation>квадратный</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>рядами</translation>
    </message>
    <message>
        <source>blue_noise</source>
        <translation>голубой шум</translation>
    </message>
    <message>
        <source>Female</source>
        <extracomment>Words for the bundled bodies, the camera presets and the skin layers (their ids stay the program&apos;s keys).</extracomment>
        <translation>Женщина</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужчина</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Спереди</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Сзади</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <source>epidermis</source>
        <translation>эпидермис</translation>
    </message>
    <message>
        <source>dermis</source>
        <translation>дерма</translation>
    </message>
    <message>
        <source>hypodermis</source>
        <translation>гиподерма</translation>
    </message>
    <message>
        <source>muscle</source>
        <translation>мышца</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другой</translation>
    </message>
    <message>
        <source>mm</source>
        <extracomment>Units as the window writes them after a number (&quot;мм&quot;, &quot;мл&quot; in Russian; the same letters in English and French).</extracomment>
        <translation>мм</translation>
    </message>
    <message>
        <source>ml</source>
        <translation>мл</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>cm²</source>
        <translation>см²</translation>
    </message>
    <message>
        <source>m</source>
        <translation>м</translation>
    </message>
    <message>
        <source>Import reflex points</source>
        <translation>Импорт рефлекторных точек</translation>
    </message>
    <message>
        <source>3D Slicer markups (*.mrk.json);;JSON (*.json);;All files (*)</source>
        <translation>Метки 3D Slicer (*.mrk.json);;JSON (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;Import reflex points (3D Slicer markups)…</source>
        <translation>&amp;Импорт рефлекторных точек (метки 3D Slicer)…</translation>
    </message>
    <message>
        <source>Add the points of a 3D Slicer point list (.mrk.json) to the plan as reflex points, on the nearest skin</source>
        <translation>Добавить точки из списка 3D Slicer (.mrk.json) в план как рефлекторные точки, на ближайшую кожу</translation>
    </message>
    <message>
        <source>Cannot import reflex points</source>
        <translation>Не удаётся импортировать рефлекторные точки</translation>
    </message>
    <message>
        <source>{source}: {far_message}; nothing was imported.</source>
        <translation>{source}: {far_message}; ничего не импортировано.</translation>
    </message>
    <message>
        <source>Nothing imported from {source}</source>
        <translation>Из {source} ничего не импортировано</translation>
    </message>
    <message>
        <source>Nothing to import from {source}: {summary}</source>
        <translation>В {source} нечего импортировать: {summary}</translation>
    </message>
    <message>
        <source>updated {m}: {changes}</source>
        <translation>обновлено {m}: {changes}</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>без изменений: {n}</translation>
    </message>
    <message>
        <source>{n} farther than {mm:g} mm from the skin left out</source>
        <translation>{n} дальше {mm:g} мм от кожи, пропущены</translation>
    </message>
    <message>
        <source>skipped {n}: {what}</source>
        <translation>пропущено {n}: {what}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n reflex point(s) from {source}</source>
        <translation>
            <numerusform>Импортирована %n рефлекторная точка из {source}</numerusform>
            <numerusform>Импортированы %n рефлекторные точки из {source}</numerusform>
            <numerusform>Импортировано %n рефлекторных точек из {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n reflex point(s) from {source}</source>
        <translation>
            <numerusform>Обновлена %n рефлекторная точка из {source}</numerusform>
            <numerusform>Обновлены %n рефлекторные точки из {source}</numerusform>
            <numerusform>Обновлено %n рефлекторных точек из {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{source}: {far}.

Import the other %n point(s) (each put on the nearest skin)?</source>
        <translation>
            <numerusform>{source}: {far}.

Импортировать остальную %n точку (на ближайшую кожу)?</numerusform>
            <numerusform>{source}: {far}.

Импортировать остальные %n точки (каждую на ближайшую кожу)?</numerusform>
            <numerusform>{source}: {far}.

Импортировать остальные %n точек (каждую на ближайшую кожу)?</numerusform>
        </translation>
    </message>
    <message>
        <source>mesomap lessons (*{suffix});;All files (*)</source>
        <translation>Уроки mesomap (*{suffix});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Урок</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>Записать шаг</translation>
    </message>
    <message>
        <source>Add a step from what is on screen: the camera, the zones and points shown and the selected zone (highlighted)</source>
        <translation>Добавить шаг из того, что на экране: камера, показанные зоны и точки и выбранная зона (с выделением)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Show the reflex points</source>
        <translation>Показать рефлекторные точки</translation>
    </message>
    <message>
        <source>Show or hide every reflex point on the body (a step records which are shown)</source>
        <translation>Показать или скрыть все рефлекторные точки на теле (шаг запоминает, какие показаны)</translation>
    </message>
    <message>
        <source>Caption (for the room and the handout)</source>
        <translation>Подпись (для зала и раздаточного материала)</translation>
    </message>
    <message>
        <source>Notes (for you only)</source>
        <translation>Заметки (только для вас)</translation>
    </message>
    <message>
        <source>Apply caption and notes</source>
        <translation>Применить подпись и заметки</translation>
    </message>
    <message>
        <source>No lesson: Teach › New lesson, or Open lesson…</source>
        <translation>Нет урока: Обучение › Новый урок или Открыть урок…</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ещё не сохранён</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{title}&lt;/b&gt; — %n step(s) ({name})</source>
        <translation>
            <numerusform>&lt;b&gt;{title}&lt;/b&gt; — %n шаг ({name})</numerusform>
            <numerusform>&lt;b&gt;{title}&lt;/b&gt; — %n шага ({name})</numerusform>
            <numerusform>&lt;b&gt;{title}&lt;/b&gt; — %n шагов ({name})</numerusform>
        </translation>
    </message>
    <message>
        <source>, changed</source>
        <translation>, изменён</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(без подписи)</translation>
    </message>
    <message>
        <source>Step {value} of {n}: {caption}</source>
        <translation>Шаг {value} из {n}: {caption}</translation>
    </message>
    <message>
        <source>Cannot change the lesson</source>
        <translation>Не удаётся изменить урок</translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>Урок не сохранён</translation>
    </message>
    <message>
        <source>Save the changes to the lesson?</source>
        <translation>Сохранить изменения урока?</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Открыть урок</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>Не удаётся открыть урок</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>Сохранить урок</translation>
    </message>
    <message>
        <source>Cannot save lesson</source>
        <translation>Не удаётся сохранить урок</translation>
    </message>
    <message>
        <source>Saved {saved}</source>
        <translation>Сохранено: {saved}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>No zone templates: {why}</source>
        <translation>Нет шаблонов зон: {why}</translation>
    </message>
    <message>
        <source>{text} ({done} of {total} zones)</source>
        <translation>{text} ({done} из {total} зон)</translation>
    </message>
    <message>
        <source>&amp;Undo {undo_label}</source>
        <translation>&amp;Отменить: {undo_label}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {redo_label}</source>
        <translation>&amp;Повторить: {redo_label}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>План без названия</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>Не удаётся отправить</translation>
    </message>
    <message>
        <source>About mesomap</source>
        <translation>О программе mesomap</translation>
    </message>
    <message>
        <source>Mirror (M): every stroke also paints its mirror image across the midline.
A midline or bilateral zone gets both halves. A left or right zone sends the mirror half
to its partner zone for the other side (same template, or the same name with left/right
swapped), which the first mirrored stroke creates when it is missing. Erasing mirrors the same way.</source>
        <translation>Зеркало (M): каждый штрих рисует и своё зеркальное отражение относительно средней линии.
Срединная или двусторонняя зона получает обе половины. Левая или правая зона отправляет зеркальную половину
парной зоне другой стороны (тот же шаблон или то же имя с заменой левой/правой),
которую первый зеркальный штрих создаёт, если её нет. Стирание отражается так же.</translation>
    </message>
    <message>
        <source>Navigate</source>
        <extracomment>The tool modes: (mode, text, shortcut keys, tip).</extracomment>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Navigate (N, Esc): left-drag orbits, right-drag zooms, middle-drag pans; click a zone or point to select it</source>
        <translation>Навигация (N, Esc): левая кнопка вращает, правая приближает, средняя сдвигает; щелчок по зоне или точке выбирает её</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Рисовать</translation>
    </message>
    <message>
        <source>Paint (B): left-drag paints the selected zone on the visible skin.
Right/middle-drag and the wheel still move the camera; Ctrl+wheel sizes the brush.</source>
        <translation>Рисовать (B): перетаскивание левой кнопкой закрашивает выбранную зону на видимой коже.
Правая/средняя кнопка и колесо по-прежнему двигают камеру; Ctrl+колесо меняет размер кисти.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <source>Erase (E): left-drag removes skin from the selected zone</source>
        <translation>Стереть (E): перетаскивание левой кнопкой убирает кожу из выбранной зоны</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Заливка</translation>
    </message>
    <message>
        <source>Fill (F): paint a closed outline, then click inside it to add its inside to the selected zone (one undo step)</source>
        <translation>Заливка (F): нарисуйте замкнутый контур, затем щёлкните внутри, чтобы добавить внутреннюю часть к выбранной зоне (один шаг отмены)</translation>
    </message>
    <message>
        <source>Place point</source>
        <translation>Точка</translation>
    </message>
    <message>
        <source>Place point (P): click the skin to place a custom reflex point; drag a point to move it</source>
        <translation>Поставить точку (P): щёлкните по коже, чтобы поставить свою рефлекторную точку; перетащите точку, чтобы переместить её</translation>
    </message>
    <message>
        <source>Edit injections (I): click inside a gridded zone to add a (pinned) injection point, drag a point to move it over the skin;
Del deletes the selected point, Shift+P pins or unpins it</source>
        <translation>Правка инъекций (I): щёлкните внутри зоны с сеткой, чтобы добавить (закреплённую) точку инъекции, перетащите точку, чтобы сдвинуть её по коже;
Del удаляет выбранную точку, Shift+P закрепляет или открепляет её</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New plan</source>
        <translation>&amp;Новый план</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>&amp;Открыть план…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Открыть &amp;недавний</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Open &amp;mesh…</source>
        <translation>Открыть &amp;сетку тела…</translation>
    </message>
    <message>
        <source>Look at your own body scan (plans are made on the bundled bodies)</source>
        <translation>Посмотреть собственный скан тела (планы создаются на встроенных телах)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Print / Export PDF…</source>
        <translation>&amp;Печать / экспорт PDF…</translation>
    </message>
    <message>
        <source>Save the printable session sheet as a PDF (open it to print)</source>
        <translation>Сохранить лист процедуры для печати в PDF (откройте его, чтобы напечатать)</translation>
    </message>
    <message>
        <source>Send to &amp;device…</source>
        <translation>Отправить на &amp;устройство…</translation>
    </message>
    <message>
        <source>Check the plan against an injection device&apos;s profile and send it over a serial port</source>
        <translation>Проверить план по профилю инъекционного устройства и отправить его через последовательный порт</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <extracomment>The keys that walk a lesson: what presentation clickers send, and the arrow keys. The object names of the docks made on first use (the saved layout knows them by these).</extracomment>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>{label} view ({value})</source>
        <translation>Вид: {label} ({value})</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Whole body from the front (0)</source>
        <translation>Всё тело спереди (0)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Презентация</translation>
    </message>
    <message>
        <source>Presentation mode (F5): the body full screen, or on a second screen for the room; Esc leaves</source>
        <translation>Режим презентации (F5): тело на весь экран или на втором экране для зала; Esc — выход</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Презентация</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Панели</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Тело</translation>
    </message>
    <message>
        <source>Show the neutral {body} body (the plan moves with it)</source>
        <translation>Показать нейтральное тело: {body} (план следует за ним)</translation>
    </message>
    <message>
        <source>&amp;Shape…</source>
        <translation>&amp;Форма…</translation>
    </message>
    <message>
        <source>Give the body the patient&apos;s height, weight and build (the plan follows)</source>
        <translation>Придать телу рост, вес и телосложение пациента (план следует за ним)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Инструменты</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Зеркало</translation>
    </message>
    <message>
        <source> Brush </source>
        <translation> Кисть </translation>
    </message>
    <message>
        <source>Brush radius on the skin, 1–100 mm (Ctrl+wheel in the view)</source>
        <translation>Радиус кисти на коже, 1–100 мм (Ctrl+колесо в виде)</translation>
    </message>
    <message>
        <source>Clear zone</source>
        <translation>Очистить зону</translation>
    </message>
    <message>
        <source>Remove every painted face from the selected zone (undoable)</source>
        <translation>Убрать все закрашенные грани из выбранной зоны (можно отменить)</translation>
    </message>
    <message>
        <source>&amp;Zone</source>
        <translation>&amp;Зона</translation>
    </message>
    <message>
        <source>Mirror to other side</source>
        <translation>Отразить на другую сторону</translation>
    </message>
    <message>
        <source>Copy the selected left or right zone to the other side of the body: its faces, parameters and grid (Ctrl+M; one undo step)</source>
        <translation>Скопировать выбранную левую или правую зону на другую сторону тела: её грани, параметры и сетку (Ctrl+M; один шаг отмены)</translation>
    </message>
    <message>
        <source>Grid and output</source>
        <translation>Сетка и вывод</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <source>Generate grid</source>
        <translation>Построить сетку</translation>
    </message>
    <message>
        <source>Lay out the selected zone&apos;s injection points (Ctrl+G); pinned points are kept. One undo step</source>
        <translation>Разместить точки инъекций выбранной зоны (Ctrl+G); закреплённые точки сохраняются. Один шаг отмены</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>Построить все</translation>
    </message>
    <message>
        <source>Lay out every zone&apos;s injection points (Ctrl+Shift+G), as one undo step</source>
        <translation>Разместить точки инъекций всех зон (Ctrl+Shift+G) за один шаг отмены</translation>
    </message>
    <message>
        <source>Clear grid</source>
        <translation>Очистить сетку</translation>
    </message>
    <message>
        <source>Remove the selected zone&apos;s injection points (undoable)</source>
        <translation>Убрать точки инъекций выбранной зоны (можно отменить)</translation>
    </message>
    <message>
        <source>Cancel layout</source>
        <translation>Прервать построение</translation>
    </message>
    <message>
        <source>Stop the layouts still running (Ctrl+.); the grids stay as they were</source>
        <translation>Остановить идущие построения (Ctrl+.); сетки остаются как были</translation>
    </message>
    <message>
        <source>Pin or unpin the selected injection point (Shift+P): pinned points stay where they are when the grid is laid out again</source>
        <translation>Закрепить или открепить выбранную точку инъекции (Shift+P): закреплённые точки остаются на месте при новом построении сетки</translation>
    </message>
    <message>
        <source>Delete the selected injection point (Del; undoable)</source>
        <translation>Удалить выбранную точку инъекции (Del; можно отменить)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Show injection order numbers (O): each zone&apos;s first and last and every tenth, numbered as exported</source>
        <translation>Показать порядковые номера инъекций (O): первая и последняя в каждой зоне и каждая десятая, как при экспорте</translation>
    </message>
    <message>
        <source>Generate all grids</source>
        <translation>Построить все сетки</translation>
    </message>
    <message>
        <source>Edit injection points</source>
        <translation>Править точки инъекций</translation>
    </message>
    <message>
        <source>Delete injection</source>
        <translation>Удалить инъекцию</translation>
    </message>
    <message>
        <source>Show order numbers</source>
        <translation>Показать порядковые номера</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Картотека</translation>
    </message>
    <message>
        <source>&amp;Patients…</source>
        <translation>&amp;Пациенты…</translation>
    </message>
    <message>
        <source>The patient list and each patient&apos;s courses and sessions (Ctrl+Shift+P)</source>
        <translation>Список пациентов с курсами и процедурами каждого (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Recall lot…</source>
        <translation>&amp;Отзыв партии…</translation>
    </message>
    <message>
        <source>Which patients received a product lot, with dates and contact</source>
        <translation>Какие пациенты получили партию препарата, с датами и контактами</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>&amp;База данных…</translation>
    </message>
    <message>
        <source>Which records database this station uses</source>
        <translation>Какую базу данных картотеки использует это рабочее место</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <source>The daily flow, step by step (F1)</source>
        <translation>Ежедневная работа, шаг за шагом (F1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Все сочетания клавиш окна</translation>
    </message>
    <message>
        <source>Show &amp;start hint</source>
        <translation>Показать подсказку для &amp;начала</translation>
    </message>
    <message>
        <source>The three first steps: pick a zone, lay it out, export</source>
        <translation>Три первых шага: выбрать зону, построить сетку, экспортировать</translation>
    </message>
    <message>
        <source>&amp;About mesomap</source>
        <translation>&amp;О программе mesomap</translation>
    </message>
    <message>
        <source>mesomap plans (*{suffix});;All files (*)</source>
        <extracomment>How often the autosave timer looks for changes (ms); it writes at most every AUTOSAVE_INTERVAL_S, so an edit is on disk within AUTOSAVE_INTERVAL_S + this tick (plus the write itself).</extracomment>
        <translation>Планы mesomap (*{suffix});;Все файлы (*)</translation>
    </message>
    <message>
        <source>; and {value} more</source>
        <translation>; и ещё {value}</translation>
    </message>
    <message>
        <source>1 injection of {name} lies outside its zone and is ringed in red: {listed}. Export and Send to device refuse the plan until it is moved back, deleted, or the zone is laid out again.</source>
        <translation>1 инъекция в {name} лежит вне своей зоны и обведена красным: {listed}. Экспорт и отправка на устройство отклоняют план, пока её не вернут, не удалят или не построят сетку зоны заново.</translation>
    </message>
    <message numerus="yes">
        <source>%n injections of {name} lie outside their zones and are ringed in red: {listed}. Export and Send to device refuse the plan until they are moved back, deleted, or the zone is laid out again.</source>
        <translation>
            <numerusform>%n инъекция в {name} лежит вне своих зон и обведена красным: {listed}. Экспорт и отправка на устройство отклоняют план, пока их не вернут, не удалят или не построят сетку зоны заново.</numerusform>
            <numerusform>%n инъекции в {name} лежат вне своих зон и обведены красным: {listed}. Экспорт и отправка на устройство отклоняют план, пока их не вернут, не удалят или не построят сетку зоны заново.</numerusform>
            <numerusform>%n инъекций в {name} лежат вне своих зон и обведены красным: {listed}. Экспорт и отправка на устройство отклоняют план, пока их не вернут, не удалят или не построят сетку зоны заново.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 stored value (a position, normal or area) in {name} did not match the point or zone it describes: {first}. mesomap recomputed it; saving the plan writes the right value.</source>
        <translation>1 сохранённое значение (положение, нормаль или площадь) в {name} не совпало с описываемой точкой или зоной: {first}. mesomap пересчитал его; сохранение плана запишет верное значение.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored values (positions, normals or areas) in {name} did not match the points and zones they describe, first: {first}. mesomap recomputed them; saving the plan writes the right values.</source>
        <translation>
            <numerusform>%n сохранённое значение (положения, нормали или площади) в {name} не совпало с описываемыми точками и зонами, первое: {first}. mesomap пересчитал их; сохранение плана запишет верные значения.</numerusform>
            <numerusform>%n сохранённых значения (положения, нормали или площади) в {name} не совпали с описываемыми точками и зонами, первое: {first}. mesomap пересчитал их; сохранение плана запишет верные значения.</numerusform>
            <numerusform>%n сохранённых значений (положения, нормали или площади) в {name} не совпали с описываемыми точками и зонами, первое: {first}. mesomap пересчитал их; сохранение плана запишет верные значения.</numerusform>
        </translation>
    </message>
    <message>
        <source>a name or note holds a character that cannot be written as text; retype it</source>
        <translation>в имени или заметке есть символ, который нельзя записать как текст; введите его заново</translation>
    </message>
    <message>
        <source>the new plan</source>
        <translation>новый план</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Сохранить изменения в {name}?</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Открыть план</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>Не удаётся открыть план</translation>
    </message>
    <message>
        <source>Opened {name}: {n} zones, {n2} points</source>
        <translation>Открыт {name}: зон — {n}, точек — {n2}</translation>
    </message>
    <message>
        <source>Check {name}</source>
        <translation>Проверьте {name}</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Сохранить план</translation>
    </message>
    <message>
        <source>Cannot save plan</source>
        <translation>Не удаётся сохранить план</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Файл не найден</translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation>{path} больше не существует; он убран из недавних файлов.</translation>
    </message>
    <message>
        <source>Autosave failed: {why}</source>
        <translation>Автосохранение не удалось: {why}</translation>
    </message>
    <message>
        <source>an unsaved plan</source>
        <translation>несохранённый план</translation>
    </message>
    <message>
        <source>Recover plan</source>
        <translation>Восстановить план</translation>
    </message>
    <message>
        <source>mesomap did not close properly. Restore the plan from {when} ({name})?</source>
        <translation>mesomap закрылся некорректно. Восстановить план от {when} ({name})?</translation>
    </message>
    <message>
        <source>Discard deletes this recovered copy for good.</source>
        <translation>«Отбросить» навсегда удалит эту восстановленную копию.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <source>Cannot restore plan</source>
        <translation>Не удаётся восстановить план</translation>
    </message>
    <message>
        <source>{err} (the file stays at {autosave})</source>
        <translation>{err} (файл остаётся в {autosave})</translation>
    </message>
    <message>
        <source>Plan restored into session {number} of the records: File › Save writes it there</source>
        <translation>План восстановлен в процедуру {number} из картотеки: Файл › Сохранить запишет его туда</translation>
    </message>
    <message>
        <source>The restored plan belonged to session {number} of the records, which mesomap cannot find in the records now open. Save the plan as a file to keep it.</source>
        <translation>Восстановленный план относился к процедуре {number} из картотеки, но mesomap не находит её в открытой картотеке. Сохраните план в файл, чтобы не потерять его.</translation>
    </message>
    <message>
        <source>Plan restored: save it to keep it</source>
        <translation>План восстановлен: сохраните его, чтобы не потерять</translation>
    </message>
    <message>
        <source>Reflex points</source>
        <translation>Рефлекторные точки</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>From library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Add a named reflex point</source>
        <translation>Добавить именованную рефлекторную точку</translation>
    </message>
    <message>
        <source>Delete the selected point (undoable)</source>
        <translation>Удалить выбранную точку (можно отменить)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Подписи</translation>
    </message>
    <message>
        <source>Show the points&apos; codes in the 3D view</source>
        <translation>Показывать коды точек в 3D-виде</translation>
    </message>
    <message>
        <source>Notes for this point</source>
        <translation>Заметки к этой точке</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Глубина</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Объём</translation>
    </message>
    <message>
        <source>Needle angle</source>
        <translation>Угол иглы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>No point selected.
Add one from the library, or place your own (P) and click the skin. Drag a point to move it.</source>
        <translation>Точка не выбрана.
Добавьте точку из библиотеки или поставьте свою (P), щёлкнув по коже. Перетащите точку, чтобы переместить её.</translation>
    </message>
    <message>
        <source>Not applied: </source>
        <translation>Не применено: </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System language ({name})</source>
        <translation>Язык системы ({name})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The new language takes effect after you restart mesomap.</source>
        <translation>Новый язык вступит в силу после перезапуска mesomap.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>The language of the window (after a restart)</source>
        <translation>Язык окна (после перезапуска)</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>Выйти из презентации</translation>
    </message>
    <message>
        <source>Labels on the body</source>
        <translation>Подписи на теле</translation>
    </message>
    <message>
        <source>Zone and point names with leader lines</source>
        <translation>Названия зон и точек с выносными линиями</translation>
    </message>
    <message>
        <source>Legend of zones</source>
        <translation>Легенда зон</translation>
    </message>
    <message>
        <source>The visible zones with technique and depth</source>
        <translation>Видимые зоны с техникой и глубиной</translation>
    </message>
    <message>
        <source>Audience follows my camera</source>
        <translation>Зал следует за моей камерой</translation>
    </message>
    <message>
        <source>The projector shows what you see; off: it keeps its own view</source>
        <translation>Проектор показывает то, что видите вы; если выключено — свой вид</translation>
    </message>
    <message>
        <source>Annotation pen</source>
        <translation>Перо для пометок</translation>
    </message>
    <message>
        <source>Left-drag draws on the skin (A); Esc clears the strokes (they are not part of the plan)</source>
        <translation>Перетаскивание левой кнопкой рисует на коже (A); Esc стирает штрихи (они не входят в план)</translation>
    </message>
    <message>
        <source>Technique depth inset</source>
        <translation>Врезка глубины техники</translation>
    </message>
    <message>
        <source>The selected zone&apos;s needle depth drawn in a corner of the view</source>
        <translation>Глубина иглы выбранной зоны в углу вида</translation>
    </message>
    <message>
        <source>Show on</source>
        <translation>Показать на</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Размер текста</translation>
    </message>
    <message>
        <source>Play injection order</source>
        <translation>Показать порядок инъекций</translation>
    </message>
    <message>
        <source>The selected zone&apos;s injections one by one in gun order</source>
        <translation>Инъекции выбранной зоны по одной, в порядке пистолета</translation>
    </message>
    <message>
        <source>Pause / resume order</source>
        <translation>Пауза / продолжение</translation>
    </message>
    <message>
        <source>Pause or resume the animation</source>
        <translation>Приостановить или продолжить анимацию</translation>
    </message>
    <message>
        <source>Step order</source>
        <translation>Следующая инъекция</translation>
    </message>
    <message>
        <source>One injection further</source>
        <translation>Ещё одна инъекция</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Dice {dice:.2f}</source>
        <translation>Dice {dice:.2f}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>border {mm} (p95 {mm2})</source>
        <translation>граница {mm} (p95 {mm2})</translation>
    </message>
    <message>
        <source>point</source>
        <translation>точка</translation>
    </message>
    <message>
        <source>{mm} on the skin</source>
        <translation>{mm} по коже</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Zones to paint</source>
        <translation>Зоны для закраски</translation>
    </message>
    <message>
        <source>Reflex points to place</source>
        <translation>Рефлекторные точки для расстановки</translation>
    </message>
    <message>
        <source>Zone passes with Dice at least</source>
        <translation>Зона засчитана при Dice не ниже</translation>
    </message>
    <message>
        <source>… and mean border distance at most</source>
        <translation>… и средней ошибке границы не больше</translation>
    </message>
    <message>
        <source>Point passes within</source>
        <translation>Точка засчитана в пределах</translation>
    </message>
    <message>
        <source>Start quiz</source>
        <translation>Начать тест</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Показать ответ</translation>
    </message>
    <message>
        <source>Save answer…</source>
        <translation>Сохранить ответ…</translation>
    </message>
    <message>
        <source>End quiz</source>
        <translation>Завершить тест</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{reference}&apos;&gt;■&lt;/span&gt; reference only &amp;nbsp; &lt;span style=&apos;color:{answer}&apos;&gt;■&lt;/span&gt; answer only &amp;nbsp; &lt;span style=&apos;color:{both}&apos;&gt;■&lt;/span&gt; both</source>
        <translation>&lt;span style=&apos;color:{reference}&apos;&gt;■&lt;/span&gt; только эталон &amp;nbsp; &lt;span style=&apos;color:{answer}&apos;&gt;■&lt;/span&gt; только ответ &amp;nbsp; &lt;span style=&apos;color:{both}&apos;&gt;■&lt;/span&gt; оба</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Задание</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>No quiz: Teach › Quiz… asks for zones and points of the open plan.</source>
        <translation>Нет теста: Обучение › Тест… спрашивает зоны и точки открытого плана.</translation>
    </message>
    <message>
        <source>Click a question, then paint the zone or click the skin to place the point. Reveal when done.</source>
        <translation>Щёлкните вопрос, затем закрасьте зону или щёлкните по коже, чтобы поставить точку. Когда закончите, нажмите «Показать ответ».</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>не сдано</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>сдано</translation>
    </message>
    <message>
        <source>&lt;b&gt;{passed_count} of {asked_count} passed — {verdict}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Сдано {passed_count} из {asked_count} — {verdict}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot start the quiz</source>
        <translation>Не удаётся начать тест</translation>
    </message>
    <message>
        <source>Cannot score the answer</source>
        <translation>Не удаётся оценить ответ</translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation>Сохранить ответ</translation>
    </message>
    <message>
        <source>mesomap plans (*{suffix})</source>
        <translation>Планы mesomap (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot save the answer</source>
        <translation>Не удаётся сохранить ответ</translation>
    </message>
    <message>
        <source>Saved the answer to {saved}</source>
        <translation>Ответ сохранён в {saved}</translation>
    </message>
    <message>
        <source>The answer is not scored yet. Reveal the score before ending the quiz?</source>
        <translation>Ответ ещё не оценён. Показать результат перед завершением теста?</translation>
    </message>
    <message>
        <source>End without score</source>
        <translation>Завершить без оценки</translation>
    </message>
    <message>
        <source>Cannot open the records</source>
        <translation>Не удаётся открыть картотеку</translation>
    </message>
    <message>
        <source>The database does not answer: {why}.</source>
        <translation>База данных не отвечает: {why}.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Картотека</translation>
    </message>
    <message>
        <source>{patient}, session {number} of {of}</source>
        <translation>{patient}, процедура {number} из {of}</translation>
    </message>
    <message>
        <source> (done: read-only)</source>
        <translation> (завершена: только чтение)</translation>
    </message>
    <message>
        <source>Cannot open the session&apos;s plan</source>
        <translation>Не удаётся открыть план процедуры</translation>
    </message>
    <message>
        <source>done: its plan is read-only</source>
        <translation>завершена: её план только для чтения</translation>
    </message>
    <message>
        <source>File › Save writes the plan into it</source>
        <translation>Файл › Сохранить записывает в неё план</translation>
    </message>
    <message>
        <source>Session {number} of the records is open ({state}).</source>
        <translation>Открыта процедура {number} из картотеки ({state}).</translation>
    </message>
    <message>
        <source>Cannot save into the session</source>
        <translation>Не удаётся сохранить в процедуру</translation>
    </message>
    <message>
        <source>{err}. Use File › Save as… to keep a copy.</source>
        <translation>{err}. Сохраните копию через Файл › Сохранить как….</translation>
    </message>
    <message>
        <source>{err}. Reopen the session from the patient page.</source>
        <translation>{err}. Откройте процедуру заново со страницы пациента.</translation>
    </message>
    <message>
        <source>Saved the plan into session {number} of the records.</source>
        <translation>План сохранён в процедуру {number} картотеки.</translation>
    </message>
    <message>
        <source>The sheet is printed without the patient: {err}</source>
        <translation>Лист печатается без данных пациента: {err}</translation>
    </message>
    <message>
        <source>name</source>
        <extracomment>The conflict table&apos;s words for a record&apos;s fields and kinds (a field missing here is shown by its name).</extracomment>
        <translation>имя</translation>
    </message>
    <message>
        <source>record number</source>
        <translation>номер карты</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>пол</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>contraindication checklist</source>
        <translation>анкета противопоказаний</translation>
    </message>
    <message>
        <source>checklist answered on</source>
        <translation>анкета заполнена</translation>
    </message>
    <message>
        <source>consent signed on</source>
        <translation>согласие подписано</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>пациента</translation>
    </message>
    <message>
        <source>Changed at another station</source>
        <translation>Изменено на другом рабочем месте</translation>
    </message>
    <message>
        <source>Another station saved this {what} while you were editing it (you started from version {base_version}; it is now version {stored_version}). Nothing was saved. Compare the two versions and choose which to keep.</source>
        <translation>Другое рабочее место сохранило карту {what}, пока вы её редактировали (вы начали с версии {base_version}; сейчас версия {stored_version}). Ничего не сохранено. Сравните две версии и выберите, какую оставить.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>Ваша (не сохранена)</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>Их (сохранена)</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Оставить их версию</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Заменить моей</translation>
    </message>
    <message>
        <source>No password here: give it to the database through the PGPASSWORD environment variable or a ~/.pgpass file (one line host:port:database:user:password, readable by you only).</source>
        <translation>Пароль здесь не вводится: передайте его базе через переменную окружения PGPASSWORD или файл ~/.pgpass (строка host:port:database:user:password, доступная для чтения только вам).</translation>
    </message>
    <message>
        <source>the --database option</source>
        <translation>параметр --database</translation>
    </message>
    <message>
        <source>the MESOMAP_DATABASE_URL environment variable</source>
        <translation>переменная окружения MESOMAP_DATABASE_URL</translation>
    </message>
    <message>
        <source>this station&apos;s settings</source>
        <translation>настройки этого рабочего места</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>значение по умолчанию</translation>
    </message>
    <message>
        <source>PostgreSQL server {host}, database {database} (as {user})</source>
        <translation>Сервер PostgreSQL {host}, база {database} (как {user})</translation>
    </message>
    <message>
        <source>your login</source>
        <translation>ваш логин</translation>
    </message>
    <message>
        <source>The records file is on a network share ({fs}). SQLite is not safe there: two stations can corrupt it. Move it to a local disk, or use a PostgreSQL server for several stations.</source>
        <translation>Файл картотеки лежит на сетевом ресурсе ({fs}). SQLite там небезопасен: два рабочих места могут его повредить. Перенесите его на локальный диск или используйте сервер PostgreSQL для нескольких рабочих мест.</translation>
    </message>
    <message>
        <source>SQLite file {path}</source>
        <translation>Файл SQLite {path}</translation>
    </message>
    <message>
        <source>Records database</source>
        <translation>База данных картотеки</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>открыта сейчас</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Используется</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@server/database  (empty: the SQLite file here)</source>
        <translation>postgresql+psycopg://пользователь@сервер/база  (пусто: локальный файл SQLite)</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>URL базы данных</translation>
    </message>
    <message>
        <source>“{text}” is not a database URL ({name__}); e.g. postgresql+psycopg://mesomap@server/clinic.</source>
        <translation>«{text}» — не URL базы данных ({name__}); например, postgresql+psycopg://mesomap@server/clinic.</translation>
    </message>
    <message>
        <source>Saved; but {ENV_URL} is set and is used instead while it is.</source>
        <translation>Сохранено; но задана {ENV_URL}, и пока она задана, используется она.</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a date; type it as YYYY-MM-DD, e.g. 2026-03-14.</source>
        <translation>{field}: «{text}» — не дата; введите её как ГГГГ-ММ-ДД, например 2026-03-14.</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Изменить пациента</translation>
    </message>
    <message>
        <source>Add patient</source>
        <translation>Добавить пациента</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>phone, e-mail</source>
        <translation>телефон, e-mail</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Номер карты</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Contraindication checklist (tick what the patient has)</source>
        <translation>Противопоказания (отметьте, что есть у пациента)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Дата ответа</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: not signed)</source>
        <translation>ГГГГ-ММ-ДД (пусто: не подписано)</translation>
    </message>
    <message>
        <source>Consent signed</source>
        <translation>Согласие подписано</translation>
    </message>
    <message>
        <source>Name: type the patient&apos;s name.</source>
        <translation>Имя: введите имя пациента.</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Новый курс</translation>
    </message>
    <message>
        <source>e.g. cellulite, hair loss, face rejuvenation</source>
        <translation>например, целлюлит, выпадение волос, омоложение лица</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>Показание</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Процедуры</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Каждые</translation>
    </message>
    <message>
        <source>Then maintenance sessions</source>
        <translation>Затем поддерживающие процедуры</translation>
    </message>
    <message>
        <source>Start: type the day of the first session (YYYY-MM-DD).</source>
        <translation>Начало: введите день первой процедуры (ГГГГ-ММ-ДД).</translation>
    </message>
    <message>
        <source>New session</source>
        <extracomment>Where a new session&apos;s plan comes from.</extracomment>
        <translation>Новая процедура</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>ГГГГ-ММ-ДД ЧЧ:ММ</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation>День и время</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Copy the previous session&apos;s plan</source>
        <translation>Скопировать план предыдущей процедуры</translation>
    </message>
    <message>
        <source>The plan open in the planner</source>
        <translation>План, открытый в планировщике</translation>
    </message>
    <message>
        <source>An empty plan</source>
        <translation>Пустой план</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Day and time: “{text}” is not a moment; type it as YYYY-MM-DD HH:MM.</source>
        <translation>День и время: «{text}» — не момент времени; введите как ГГГГ-ММ-ДД ЧЧ:ММ.</translation>
    </message>
    <message>
        <source>New lot…</source>
        <translation>Новая партия…</translation>
    </message>
    <message>
        <source>Add lot used</source>
        <translation>Добавить использованную партию</translation>
    </message>
    <message>
        <source>, expires {expiry}</source>
        <translation>, годен до {expiry}</translation>
    </message>
    <message>
        <source>  — EXPIRED</source>
        <translation>  — ПРОСРОЧЕНО</translation>
    </message>
    <message>
        <source>{product} lot {lot_number}{expiry}{flag}</source>
        <translation>{product}, партия {lot_number}{expiry}{flag}</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Партия</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Производитель</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Номер партии</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Годен до</translation>
    </message>
    <message>
        <source>Volume used</source>
        <translation>Использованный объём</translation>
    </message>
    <message>
        <source>New lot: type the product and the lot number as printed on the box.</source>
        <translation>Новая партия: введите препарат и номер партии, как напечатано на коробке.</translation>
    </message>
    <message>
        <source>Session {number} done</source>
        <translation>Процедура {number} проведена</translation>
    </message>
    <message>
        <source>Injections given</source>
        <translation>Сделано инъекций</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Нежелательные явления</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>не подписано</translation>
    </message>
    <message>
        <source>Contraindications</source>
        <translation>Противопоказания</translation>
    </message>
    <message>
        <source>checklist not answered</source>
        <translation>анкета не заполнена</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>{found} (answered {day})</source>
        <translation>{found} (ответ от {day})</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Процедура</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Lots used</source>
        <translation>Использованные партии</translation>
    </message>
    <message>
        <source> expired, confirmed</source>
        <translation> просрочена, подтверждено</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} из {total}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>проведена</translation>
    </message>
    <message>
        <source>started</source>
        <translation>начата</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} из {planned}</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>Изменить пациента…</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>Новый курс…</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Новая процедура…</translation>
    </message>
    <message>
        <source>Open in planner</source>
        <translation>Открыть в планировщике</translation>
    </message>
    <message>
        <source>Add lot used…</source>
        <translation>Добавить партию…</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Отметить проведённой…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Процедуры&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a patient in the list, or add one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите пациента в списке или добавьте нового.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{indication} from {day}</source>
        <translation>{indication} с {day}</translation>
    </message>
    <message>
        <source>No course yet: New course… plans the sessions.</source>
        <translation>Курса пока нет: «Новый курс…» планирует процедуры.</translation>
    </message>
    <message>
        <source>{planned_sessions} sessions every {interval_days} days from {isoformat}, then {maintenance_sessions} maintenance sessions every {maintenance_interval_days} days</source>
        <translation>Процедур: {planned_sessions}, каждые {interval_days} дн. с {isoformat}, затем поддерживающих: {maintenance_sessions}, каждые {maintenance_interval_days} дн.</translation>
    </message>
    <message>
        <source>In the planner</source>
        <translation>В планировщике</translation>
    </message>
    <message>
        <source>Cannot add the course</source>
        <translation>Не удаётся добавить курс</translation>
    </message>
    <message>
        <source>Cannot start the session</source>
        <translation>Не удаётся начать процедуру</translation>
    </message>
    <message>
        <source>Expired lot</source>
        <translation>Партия просрочена</translation>
    </message>
    <message>
        <source>{upper}{value}.

Use it anyway? Your confirmation is recorded in the audit log.</source>
        <translation>{upper}{value}.

Всё равно использовать? Ваше подтверждение записывается в журнал аудита.</translation>
    </message>
    <message>
        <source>Cannot record the lot</source>
        <translation>Не удаётся записать партию</translation>
    </message>
    <message>
        <source>Cannot mark the session done</source>
        <translation>Не удаётся отметить процедуру проведённой</translation>
    </message>
    <message>
        <source>Recall a lot — mesomap</source>
        <translation>Отзыв партии — mesomap</translation>
    </message>
    <message>
        <source>Lot number, exactly as printed on the box</source>
        <translation>Номер партии точно как на коробке</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Type a lot number to see who received it.</source>
        <translation>Введите номер партии, чтобы увидеть, кто её получил.</translation>
    </message>
    <message>
        <source>Lot {number}: {patients}, {sessions}</source>
        <translation>Партия {number}: {patients}, {sessions}</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n пациент</numerusform>
            <numerusform>%n пациента</numerusform>
            <numerusform>%n пациентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n процедура</numerusform>
            <numerusform>%n процедуры</numerusform>
            <numerusform>%n процедур</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody received lot {number}.</source>
        <translation>Партию {number} никто не получал.</translation>
    </message>
    <message>
        <source>Export the recall</source>
        <translation>Экспорт отзыва</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was written: {name}: {value}.</source>
        <translation>Ничего не записано: {name}: {value}.</translation>
    </message>
    <message>
        <source>{n} rows exported to {path}</source>
        <translation>Строк экспортировано: {n}, в {path}</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>запланирована</translation>
    </message>
    <message>
        <source>{number} of {of}
{isoformat}
{state}</source>
        <translation>{number} из {of}
{isoformat}
{state}</translation>
    </message>
    <message>
        <source>Session {number} of {of}: planned for {isoformat}</source>
        <translation>Процедура {number} из {of}: запланирована на {isoformat}</translation>
    </message>
    <message>
        <source>Session {number} of {of}, {scheduled_at:%Y-%m-%d %H:%M}</source>
        <translation>Процедура {number} из {of}, {scheduled_at:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>injections {done} of {planned}</source>
        <translation>инъекций {done} из {planned}</translation>
    </message>
    <message>
        <source>lot {lot_number} ({product})</source>
        <translation>партия {lot_number} ({product})</translation>
    </message>
    <message>
        <source> — expired, confirmed</source>
        <translation> — просрочена, подтверждено</translation>
    </message>
    <message>
        <source>adverse events: {what}</source>
        <translation>нежелательные явления: {what}</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>нет плана</translation>
    </message>
    <message>
        <source>cannot draw</source>
        <translation>не удаётся нарисовать</translation>
    </message>
    <message>
        <source>  ·  born {isoformat}</source>
        <translation>  ·  род. {isoformat}</translation>
    </message>
    <message>
        <source>Patients — mesomap</source>
        <translation>Пациенты — mesomap</translation>
    </message>
    <message>
        <source>Search: name or record number</source>
        <translation>Поиск: имя или номер карты</translation>
    </message>
    <message>
        <source>Add patient…</source>
        <translation>Добавить пациента…</translation>
    </message>
    <message>
        <source>The database does not answer: {name__}</source>
        <translation>База данных не отвечает: {name__}</translation>
    </message>
    <message>
        <source> (first shown; type more to narrow)</source>
        <translation> (показаны первые; уточните запрос)</translation>
    </message>
    <message>
        <source>No patient found</source>
        <translation>Пациенты не найдены</translation>
    </message>
    <message>
        <source>Cannot add the patient</source>
        <translation>Не удаётся добавить пациента</translation>
    </message>
    <message>
        <source>Kept the version saved at the other station ({name}).</source>
        <translation>Оставлена версия, сохранённая на другом рабочем месте ({name}).</translation>
    </message>
    <message>
        <source>Cannot save the patient</source>
        <translation>Не удаётся сохранить пациента</translation>
    </message>
    <message>
        <source>Import &amp;scan…</source>
        <translation>Импорт &amp;скана…</translation>
    </message>
    <message>
        <source>Import a patient&apos;s 3D scan (OBJ, PLY, STL, GLB), place landmarks and fit the body onto it</source>
        <translation>Импортировать 3D-скан пациента (OBJ, PLY, STL, GLB), расставить ориентиры и подогнать к нему тело</translation>
    </message>
    <message>
        <source>{get} → {size} across</source>
        <translation>{get} → {size} в поперечнике</translation>
    </message>
    <message>
        <source>Import scan</source>
        <translation>Импорт скана</translation>
    </message>
    <message>
        <source>3D scans ({patterns});;All files (*)</source>
        <translation>3D-сканы ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <source>{err}
The scan&apos;s largest extent is {size:g}. Its units are:</source>
        <translation>{err}
Наибольший размер скана — {size:g}. Его единицы:</translation>
    </message>
    <message>
        <source>Cannot import scan</source>
        <translation>Не удаётся импортировать скан</translation>
    </message>
    <message>
        <source>Cannot carry the plan onto the scan</source>
        <translation>Не удаётся перенести план на скан</translation>
    </message>
    <message>
        <source>The plan is on {name}: {n} zones, {n2} points, {n3} injections laid out again</source>
        <translation>План на {name}: зон — {n}, точек — {n2}, инъекций заново размещено — {n3}</translation>
    </message>
    <message>
        <source>Cannot show the plan&apos;s scan</source>
        <translation>Не удаётся показать скан плана</translation>
    </message>
    <message>
        <source>Nasion</source>
        <extracomment>Enough for about six landmark rows (px). The landmarks&apos; words (assets/landmarks.json names them in English), by id without its side.</extracomment>
        <translation>Назион</translation>
    </message>
    <message>
        <source>Chin (pogonion)</source>
        <translation>Подбородок (погонион)</translation>
    </message>
    <message>
        <source>Tragus</source>
        <translation>Козелок</translation>
    </message>
    <message>
        <source>Outer eye corner</source>
        <translation>Наружный угол глаза</translation>
    </message>
    <message>
        <source>Sternal notch</source>
        <translation>Яремная вырезка</translation>
    </message>
    <message>
        <source>Nipple</source>
        <translation>Сосок</translation>
    </message>
    <message>
        <source>Umbilicus</source>
        <translation>Пупок</translation>
    </message>
    <message>
        <source>Anterior superior iliac spine</source>
        <translation>Передняя верхняя подвздошная ость</translation>
    </message>
    <message>
        <source>Patella</source>
        <translation>Надколенник</translation>
    </message>
    <message>
        <source>C7 spinous process</source>
        <translation>Остистый отросток C7</translation>
    </message>
    <message>
        <source>Acromion</source>
        <translation>Акромион</translation>
    </message>
    <message>
        <source>Scan fit</source>
        <translation>Подгонка к скану</translation>
    </message>
    <message>
        <source>Where the selected landmark goes</source>
        <translation>Где находится выбранный ориентир</translation>
    </message>
    <message>
        <source>Untick a landmark the scan does not show; select one to place it (again)</source>
        <translation>Снимите отметку с ориентира, которого нет на скане; выберите ориентир, чтобы поставить его (заново)</translation>
    </message>
    <message>
        <source>Show all landmarks</source>
        <translation>Показать все ориентиры</translation>
    </message>
    <message>
        <source>List the landmarks this scan does not seem to cover too</source>
        <translation>Показать и ориентиры, которых на этом скане, похоже, нет</translation>
    </message>
    <message>
        <source>Load landmarks…</source>
        <translation>Загрузить ориентиры…</translation>
    </message>
    <message>
        <source>Place the landmarks from a 3D Slicer markups file (.mrk.json) whose point labels are landmark names, in the scan file&apos;s coordinates</source>
        <translation>Поставить ориентиры из файла меток 3D Slicer (.mrk.json), подписи точек которого — названия ориентиров, в координатах файла скана</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Подогнать</translation>
    </message>
    <message>
        <source>Fit the reference body onto the scan with the landmarks placed</source>
        <translation>Подогнать эталонное тело к скану по расставленным ориентирам</translation>
    </message>
    <message>
        <source>Show fit error on the scan</source>
        <translation>Показать ошибку подгонки на скане</translation>
    </message>
    <message>
        <source>Plan on this scan</source>
        <translation>План на этом скане</translation>
    </message>
    <message>
        <source>Carry the open plan (zones, points; grids laid out again at the same spacing) onto the fitted scan</source>
        <translation>Перенести открытый план (зоны, точки; сетки заново с тем же шагом) на подогнанный скан</translation>
    </message>
    <message>
        <source>{name} — skipped</source>
        <translation>{name} — пропущен</translation>
    </message>
    <message>
        <source>{name} — placed</source>
        <translation>{name} — поставлен</translation>
    </message>
    <message>
        <source>Click on the scan to place &lt;b&gt;{name}&lt;/b&gt; ({n} of {total} placed).</source>
        <translation>Щёлкните по скану, чтобы поставить &lt;b&gt;{name}&lt;/b&gt; (поставлено {n} из {total}).</translation>
    </message>
    <message>
        <source>{n} of {total} landmarks placed: press Fit.</source>
        <translation>Поставлено ориентиров: {n} из {total}; нажмите «Подогнать».</translation>
    </message>
    <message>
        <source>Finding the landmarks this scan shows…</source>
        <translation>Поиск ориентиров, видимых на этом скане…</translation>
    </message>
    <message>
        <source>Load landmarks</source>
        <translation>Загрузка ориентиров</translation>
    </message>
    <message>
        <source>Cannot load landmarks: {err}</source>
        <translation>Не удаётся загрузить ориентиры: {err}</translation>
    </message>
    <message>
        <source>{n} landmarks placed from {name}.</source>
        <translation>Поставлено ориентиров из {name}: {n}.</translation>
    </message>
    <message>
        <source>Fitting the body onto the scan…</source>
        <translation>Подгонка тела к скану…</translation>
    </message>
    <message>
        <source>Fit cancelled: nothing was changed.</source>
        <translation>Подгонка отменена: ничего не изменилось.</translation>
    </message>
    <message>
        <source>Cannot fit: {value}</source>
        <translation>Подгонка не удалась: {value}</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s)</source>
        <extracomment>Naming the region under a resting mouse waits this long after the last move (ms): one pick per rest, not per move.</extracomment>
        <translation>
            <numerusform>%n зона</numerusform>
            <numerusform>%n зоны</numerusform>
            <numerusform>%n зон</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n точка</numerusform>
            <numerusform>%n точки</numerusform>
            <numerusform>%n точек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n injection(s)</source>
        <translation>
            <numerusform>%n инъекция</numerusform>
            <numerusform>%n инъекции</numerusform>
            <numerusform>%n инъекций</numerusform>
        </translation>
    </message>
    <message>
        <source>{body} body</source>
        <translation>Тело: {body}</translation>
    </message>
    <message>
        <source>{name} (patient&apos;s scan)</source>
        <translation>{name} (скан пациента)</translation>
    </message>
    <message>
        <source>Patient&apos;s scan {name}: place the landmarks in the Scan fit panel, then press Fit to plan on the patient&apos;s own body.</source>
        <translation>Скан пациента {name}: расставьте ориентиры на панели «Подгонка к скану», затем нажмите «Подогнать», чтобы планировать на теле пациента.</translation>
    </message>
    <message>
        <source>Patient&apos;s scan {name} fitted: fit error {median:.1f} mm median, {p95:.1f} mm 95th percentile. Press Plan on this scan to plan on it.</source>
        <translation>Скан пациента {name} подогнан: ошибка подгонки — медиана {median:.1f} мм, 95-й процентиль {p95:.1f} мм. Нажмите «План на этом скане», чтобы планировать на нём.</translation>
    </message>
    <message>
        <source>Looking at your own mesh: switch to Female or Male to plan.</source>
        <translation>Открыта собственная сетка: переключитесь на «Женщина» или «Мужчина», чтобы планировать.</translation>
    </message>
    <message>
        <source>a new zone</source>
        <translation>новую зону</translation>
    </message>
    <message>
        <source>Paint: drag on the skin to add to {target}; brush {radius_mm:g} mm (Ctrl+wheel resizes); E erases, N navigates.</source>
        <translation>Рисование: ведите по коже, чтобы добавить в {target}; кисть {radius_mm:g} мм (Ctrl+колесо меняет); E — стереть, N — навигация.</translation>
    </message>
    <message>
        <source>the selected zone (select one first)</source>
        <translation>выбранной зоны (сначала выберите её)</translation>
    </message>
    <message>
        <source>Erase: drag on the skin to remove it from {where}; B paints, N navigates.</source>
        <translation>Стирание: ведите по коже, чтобы убрать её из {where}; B — рисовать, N — навигация.</translation>
    </message>
    <message>
        <source>Place point: click the skin to place a reflex point, drag a point to move it; N navigates.</source>
        <translation>Точка: щёлкните по коже, чтобы поставить рефлекторную точку, перетащите точку, чтобы сдвинуть; N — навигация.</translation>
    </message>
    <message>
        <source>a zone with a grid</source>
        <translation>зоны с сеткой</translation>
    </message>
    <message>
        <source>Injections: click inside {where} to add one, drag one to move it; Del deletes, Shift+P pins; N navigates.</source>
        <translation>Инъекции: щёлкните внутри {where}, чтобы добавить, перетащите, чтобы сдвинуть; Del удаляет, Shift+P закрепляет; N — навигация.</translation>
    </message>
    <message>
        <source>Drag to turn the body, wheel to zoom; click a zone or point to select it. B paints, F1 shows the guide.</source>
        <translation>Перетаскивайте, чтобы вращать тело, колесо — масштаб; щёлкните зону или точку, чтобы выбрать. B — рисовать, F1 — руководство.</translation>
    </message>
    <message>
        <source>Zones, reflex points, injections laid out (grid points and reflex points) and their total volume</source>
        <translation>Зоны, рефлекторные точки, размещённые инъекции (точки сеток и рефлекторные точки) и их общий объём</translation>
    </message>
    <message>
        <source>About: estimated from the zone&apos;s area and border until its grid is laid out (Ctrl+G)</source>
        <extracomment>Longest wait between a change and the summary showing it (ms).</extracomment>
        <translation>Около: оценка по площади и границе зоны, пока её сетка не построена (Ctrl+G)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>~ marks an estimate: the zone has no current grid yet</source>
        <translation>~ — оценка: у зоны ещё нет актуальной сетки</translation>
    </message>
    <message>
        <source>{name}: {area_cm2:.1f} cm², {technique}, {pattern} every {spacing_mm:g} mm, depth {depth_mm:g} mm</source>
        <translation>{name}: {area_cm2:.1f} см², {technique}, {pattern} с шагом {spacing_mm:g} мм, глубина {depth_mm:g} мм</translation>
    </message>
    <message>
        <source>Counted from the laid-out grid</source>
        <translation>Подсчитано по построенной сетке</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message numerus="yes">
        <source>, %n reflex point(s)</source>
        <translation>
            <numerusform>, %n рефлекторная точка</numerusform>
            <numerusform>, %n рефлекторные точки</numerusform>
            <numerusform>, %n рефлекторных точек</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} injections&lt;/b&gt; ({in_zones} in zones{reflex})</source>
        <translation>&lt;b&gt;Инъекций: {count}&lt;/b&gt; (в зонах: {in_zones}{reflex})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{volume_ml:.2f} ml&lt;/b&gt; in all</source>
        <translation>&lt;b&gt;{volume_ml:.2f} мл&lt;/b&gt; всего</translation>
    </message>
    <message>
        <source>products: </source>
        <translation>препараты: </translation>
    </message>
    <message>
        <source>session: about {duration_min:.0f} min</source>
        <translation>процедура: около {duration_min:.0f} мин</translation>
    </message>
    <message>
        <source>session: nothing planned yet</source>
        <translation>процедура: пока ничего не запланировано</translation>
    </message>
    <message>
        <source>Blocks export — {esc}.</source>
        <translation>Блокирует экспорт — {esc}.</translation>
    </message>
    <message>
        <source>Technique &amp;depth</source>
        <translation>&amp;Глубина техники</translation>
    </message>
    <message>
        <source>The selected zone&apos;s skin cross-section with the needle at its depth, to scale</source>
        <translation>Срез кожи выбранной зоны с иглой на её глубине, в масштабе</translation>
    </message>
    <message>
        <source>T&amp;each</source>
        <translation>&amp;Обучение</translation>
    </message>
    <message>
        <source>&amp;New lesson</source>
        <translation>&amp;Новый урок</translation>
    </message>
    <message>
        <source>Start a lesson on the open plan: record steps from what is on screen</source>
        <translation>Начать урок на открытом плане: записывать шаги с экрана</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>&amp;Открыть урок…</translation>
    </message>
    <message>
        <source>Open a lesson and the plan it holds, at its first step</source>
        <translation>Открыть урок и его план на первом шаге</translation>
    </message>
    <message>
        <source>&amp;Save lesson</source>
        <translation>&amp;Сохранить урок</translation>
    </message>
    <message>
        <source>Save the lesson with the open plan in it</source>
        <translation>Сохранить урок вместе с открытым планом</translation>
    </message>
    <message>
        <source>Save lesson &amp;as…</source>
        <translation>Сохранить урок &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>&amp;Записать шаг</translation>
    </message>
    <message>
        <source>Add a step: the camera, the zones and points shown, the selected zone highlighted, the caption and notes typed (Ctrl+Shift+R)</source>
        <translation>Добавить шаг: камера, показанные зоны и точки, выделенная выбранная зона, введённые подпись и заметки (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>&amp;Следующий шаг</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s next step (Page Down or →, what clickers send)</source>
        <translation>Показать следующий шаг урока (Page Down или →, как у пультов)</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>&amp;Предыдущий шаг</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s previous step (Page Up or ←)</source>
        <translation>Показать предыдущий шаг урока (Page Up или ←)</translation>
    </message>
    <message>
        <source>&amp;Quiz…</source>
        <translation>&amp;Тест…</translation>
    </message>
    <message>
        <source>Ask a student for zones and points of the open plan, on a clean body, and score them</source>
        <translation>Спросить студента зоны и точки открытого плана на чистом теле и оценить ответы</translation>
    </message>
    <message>
        <source>Lesson panel</source>
        <translation>Панель урока</translation>
    </message>
    <message>
        <source>Quiz panel</source>
        <translation>Панель теста</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Голова</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>Шея</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Туловище</translation>
    </message>
    <message>
        <source>Lymph nodes</source>
        <translation>Лимфоузлы</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Ноги</translation>
    </message>
    <message>
        <source>Arms</source>
        <translation>Руки</translation>
    </message>
    <message>
        <source>Spine</source>
        <translation>Позвоночник</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Зоны</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Площадь</translation>
    </message>
    <message>
        <source>Tick to show or hide a zone (view only). Click a zone to edit it; double-click its swatch to change the colour.</source>
        <translation>Отметьте, чтобы показать или скрыть зону (только вид). Щёлкните зону, чтобы править её; двойной щелчок по образцу цвета меняет цвет.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add an empty zone, then paint it (B)</source>
        <translation>Добавить пустую зону, затем закрасить её (B)</translation>
    </message>
    <message>
        <source>From template</source>
        <translation>Из шаблона</translation>
    </message>
    <message>
        <source>Add an anatomical zone with its faces and clinical defaults</source>
        <translation>Добавить анатомическую зону с её гранями и клиническими значениями по умолчанию</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Remove all painted faces from the selected zone (undoable)</source>
        <translation>Убрать все закрашенные грани из выбранной зоны (можно отменить)</translation>
    </message>
    <message>
        <source>Delete the selected zone (undoable)</source>
        <translation>Удалить выбранную зону (можно отменить)</translation>
    </message>
    <message>
        <source>Distance between neighbouring injections, measured along the skin</source>
        <translation>Расстояние между соседними инъекциями, по коже</translation>
    </message>
    <message>
        <source>same as spacing</source>
        <translation>как шаг</translation>
    </message>
    <message>
        <source>Rows pattern: distance between the rows (0: the same as the spacing)</source>
        <translation>Узор рядами: расстояние между рядами (0: как шаг)</translation>
    </message>
    <message>
        <source>Rows pattern: direction of the rows; 0° runs along the body, 90° across. A ring-shaped zone (around the mouth) has its rows go around it</source>
        <translation>Узор рядами: направление рядов; 0° — вдоль тела, 90° — поперёк. В кольцевой зоне (вокруг рта) ряды идут по кругу</translation>
    </message>
    <message>
        <source>No injection closer than this to the zone&apos;s border</source>
        <translation>Ни одной инъекции ближе этого к границе зоны</translation>
    </message>
    <message>
        <source>The cocktail: 2–4 products, each with its lot number</source>
        <translation>Коктейль: 2–4 препарата, у каждого номер партии</translation>
    </message>
    <message>
        <source>Notes for this zone</source>
        <translation>Заметки к этой зоне</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Техника</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Узор</translation>
    </message>
    <message>
        <source>Row spacing</source>
        <translation>Шаг рядов</translation>
    </message>
    <message>
        <source>Row angle</source>
        <translation>Угол рядов</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Отступ</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Сетка</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Инъекция</translation>
    </message>
    <message>
        <source>Volume / point</source>
        <translation>Объём / точка</translation>
    </message>
    <message>
        <source>Needle</source>
        <translation>Игла</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Препараты</translation>
    </message>
    <message>
        <source>No zone selected.
Add one, pick one from a template, or just paint (B): the first stroke makes a zone.</source>
        <translation>Зона не выбрана.
Добавьте зону, выберите её из шаблона или просто рисуйте (B): первый штрих создаёт зону.</translation>
    </message>
    <message>
        <source>For: </source>
        <translation>Для: </translation>
    </message>
    <message>
        <source>Colour of {name}</source>
        <translation>Цвет зоны {name}</translation>
    </message>
    <message>
        <source>the zone has no painted faces yet: paint it with B</source>
        <translation>в зоне ещё нет закрашенных граней: закрасьте её клавишей B</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>Примечание: </translation>
    </message>
    <message>
        <source>Drag to try spacings: a gridded zone shows a quick preview while you drag and is laid out again when you let go (one undo step)</source>
        <extracomment>The spacing slider moves in steps of this many mm.</extracomment>
        <translation>Перетаскивайте, чтобы подобрать шаг: зона с сеткой показывает быстрый предпросмотр и перестраивается, когда вы отпустите (один шаг отмены)</translation>
    </message>
    <message>
        <source>Lay out this zone&apos;s injection points (Ctrl+G; pinned points are kept)</source>
        <translation>Разместить точки инъекций этой зоны (Ctrl+G; закреплённые точки сохраняются)</translation>
    </message>
    <message>
        <source>Remove this zone&apos;s injection points (undoable)</source>
        <translation>Убрать точки инъекций этой зоны (можно отменить)</translation>
    </message>
    <message>
        <source>Paint the zone first; then lay out its injection points.</source>
        <translation>Сначала закрасьте зону, затем разместите её точки инъекций.</translation>
    </message>
    <message>
        <source>Preview at {spacing_mm:g} mm spacing: let go of the slider to lay it out.</source>
        <translation>Предпросмотр с шагом {spacing_mm:g} мм: отпустите ползунок, чтобы построить.</translation>
    </message>
    <message>
        <source>Laying out the grid…</source>
        <translation>Построение сетки…</translation>
    </message>
    <message>
        <source>No grid yet. Generate lays out the injection points (spacing measured along the skin).</source>
        <translation>Сетки пока нет. «Построить сетку» размещает точки инъекций (шаг измеряется по коже).</translation>
    </message>
    <message>
        <source>⚠ The zone changed since its grid was laid out — regenerate ({n} points, out of date).</source>
        <translation>⚠ Зона изменилась после построения сетки — постройте заново ({n} точек устарели).</translation>
    </message>
    <message>
        <source>{n} injection points</source>
        <translation>Точек инъекций: {n}</translation>
    </message>
    <message>
        <source>, {pinned} pinned (kept when laid out again)</source>
        <translation>, закреплено: {pinned} (сохраняются при перестроении)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Перестроить</translation>
    </message>
    <message>
        <source>No. {n} ({value} of {n2} in the zone)</source>
        <translation>№ {n} ({value} из {n2} в зоне)</translation>
    </message>
</context>
</TS>
