<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>mesomap — audience</source>
        <translation>mesomap — public</translation>
    </message>
    <message>
        <source>Cannot show body</source>
        <translation>Impossible d’afficher le corps</translation>
    </message>
    <message>
        <source>unknown body {body_id!r}</source>
        <translation>corps inconnu {body_id!r}</translation>
    </message>
    <message>
        <source>Open mesh</source>
        <translation>Ouvrir un maillage</translation>
    </message>
    <message>
        <source>Meshes ({patterns});;All files (*)</source>
        <translation>Maillages ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open mesh</source>
        <translation>Impossible d’ouvrir le maillage</translation>
    </message>
    <message>
        <source>{notes}. Plan tools are off on your own mesh: zones and points are made on the bundled bodies — switch to Female or Male to edit the plan.</source>
        <translation>{notes}. Les outils du plan sont désactivés sur votre propre maillage&#xa0;: zones et points se créent sur les corps fournis — passez à Femme ou Homme pour modifier le plan.</translation>
    </message>
    <message>
        <source>{name}: its tallest extent {height:g} is no body&apos;s height ({value:g}–{value2:g} m) in any units mesomap knows</source>
        <translation>{name}&#xa0;: sa plus grande dimension {height:g} ne correspond à aucune taille humaine ({value:g}–{value2:g} m) dans les unités connues de mesomap</translation>
    </message>
    <message>
        <source>{value} → {value2:.2f} m tall</source>
        <translation>{value} → {value2:.2f} m de haut</translation>
    </message>
    <message>
        <source>Which units?</source>
        <translation>Quelles unités&#x202f;?</translation>
    </message>
    <message>
        <source>{err}.
The file&apos;s tallest extent is {height:g}. Its units are:</source>
        <translation>{err}.
La plus grande dimension du fichier est {height:g}. Ses unités sont&#xa0;:</translation>
    </message>
    <message>
        <source>Height</source>
        <extracomment>Slider steps per unit of a shape value (0.01 resolution).</extracomment>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Musculature</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Proportions</source>
        <translation>Proportions</translation>
    </message>
    <message>
        <source>Shorter (−1, about 1.22 m) to taller (+1, about 2.31 m); 0 is the body as bundled</source>
        <translation>Plus petit (−1, environ 1,22 m) à plus grand (+1, environ 2,31 m)&#x202f;; 0 est le corps fourni</translation>
    </message>
    <message>
        <source>Slimmer (−1) to heavier (+1 is MakeHuman&apos;s heaviest, +2 extrapolates it)</source>
        <translation>Plus mince (−1) à plus lourd (+1 est le plus lourd de MakeHuman, +2 l’extrapole)</translation>
    </message>
    <message>
        <source>Less (−1) to more (+1) muscular</source>
        <translation>Moins (−1) à plus (+1) musclé</translation>
    </message>
    <message>
        <source>Young adult (0, 25 years) to old (1, 90 years)</source>
        <translation>Jeune adulte (0, 25 ans) à âgé (1, 90 ans)</translation>
    </message>
    <message>
        <source>Uncommon (−1) to idealised (+1) proportions</source>
        <translation>Proportions peu courantes (−1) à idéalisées (+1)</translation>
    </message>
    <message>
        <source>Body shape</source>
        <extracomment>Wide enough for a zone name and both columns of the effect table (px).</extracomment>
        <translation>Morphologie</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Set the height and weight sliders so the body has this height and weight</source>
        <translation>Règle les curseurs de taille et de poids pour que le corps ait cette taille et ce poids</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Every slider back to 0: the body as bundled</source>
        <translation>Tous les curseurs à 0&#xa0;: le corps tel que fourni</translation>
    </message>
    <message>
        <source>Effect since the panel was opened</source>
        <translation>Effet depuis l’ouverture du panneau</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Area cm² before → now</source>
        <translation>Surface cm² avant → après</translation>
    </message>
    <message>
        <source>Injections</source>
        <translation>Injections</translation>
    </message>
    <message>
        <source>~: estimated from the zone&apos;s area and border until its grid is laid out again</source>
        <translation>~&#xa0;: estimé d’après la surface et le bord de la zone jusqu’à ce que sa grille soit recalculée</translation>
    </message>
    <message>
        <source>Show a bundled body to shape it.</source>
        <translation>Affichez un corps fourni pour le modeler.</translation>
    </message>
    <message>
        <source>Height {height_mm:.0f} mm · weight about {weight_kg:.1f} kg · BMI {bmi:.1f}</source>
        <translation>Taille {height_mm:.0f} mm · poids environ {weight_kg:.1f} kg · IMC {bmi:.1f}</translation>
    </message>
    <message>
        <source>Select a zone to see its technique depth</source>
        <extracomment>The form&apos;s fields: (layer, SkinLayers field, max mm).</extracomment>
        <translation>Sélectionnez une zone pour voir la profondeur de sa technique</translation>
    </message>
    <message>
        <source>Technique depth</source>
        <translation>Profondeur de la technique</translation>
    </message>
    <message>
        <source>Thickness of the {layer} drawn for this body region (a teaching default you can change)</source>
        <translation>Épaisseur de la couche {layer} dessinée pour cette région (valeur pédagogique modifiable)</translation>
    </message>
    <message>
        <source>Region defaults</source>
        <translation>Valeurs de la région</translation>
    </message>
    <message>
        <source>Back to the default thicknesses of this body region</source>
        <translation>Revenir aux épaisseurs par défaut de cette région du corps</translation>
    </message>
    <message>
        <source>{name}: the tip is in the {tip_layer}</source>
        <translation>{name}&#xa0;: la pointe est dans la couche {tip_layer}</translation>
    </message>
    <message>
        <source>{where} — the needle is too short to reach this depth at {technique}&apos;s angle.</source>
        <translation>{where} — l’aiguille est trop courte pour atteindre cette profondeur à l’angle de {technique}.</translation>
    </message>
    <message>
        <source>{where} (on target).</source>
        <translation>{where} (dans la cible).</translation>
    </message>
    <message>
        <source>{where} (not where {technique} aims).</source>
        <translation>{where} (pas là où vise {technique}).</translation>
    </message>
    <message>
        <source>USB serial</source>
        <extracomment>How often the dialog shows the transfer&apos;s progress (ms).</extracomment>
        <translation>série USB</translation>
    </message>
    <message>
        <source>serial port</source>
        <translation>port série</translation>
    </message>
    <message>
        <source>pseudo-terminal — mesomap device simulator ({device})</source>
        <translation>pseudo-terminal — simulateur d’appareil mesomap ({device})</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>tout appareil</translation>
    </message>
    <message>
        <source>pseudo-terminal (a terminal or a simulator)</source>
        <translation>pseudo-terminal (un terminal ou un simulateur)</translation>
    </message>
    <message>
        <source>Send to device</source>
        <translation>Envoyer à l’appareil</translation>
    </message>
    <message>
        <source>Bundled device profiles and your own (add them as JSON files in {user_dir})</source>
        <translation>Profils d’appareils fournis et les vôtres (ajoutez-les en fichiers JSON dans {user_dir})</translation>
    </message>
    <message>
        <source>  — example profile</source>
        <translation>  — profil d’exemple</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Profile not usable: {p}</source>
        <translation>Profil inutilisable&#xa0;: {p}</translation>
    </message>
    <message>
        <source>The serial port the device is on: pick one the system lists or type it (/dev/ttyUSB0, COM3, or the path the simulator prints)</source>
        <translation>Le port série de l’appareil&#xa0;: choisissez-en un dans la liste du système ou saisissez-le (/dev/ttyUSB0, COM3, ou le chemin affiché par le simulateur)</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0, COM3…</source>
        <translation>/dev/ttyUSB0, COM3…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging the device in)</source>
        <translation>Relister les ports série (après avoir branché l’appareil)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>How long to wait for each answer of the device before trying again ({DEFAULT_RETRIES} retries)</source>
        <translation>Temps d’attente de chaque réponse de l’appareil avant de réessayer ({DEFAULT_RETRIES} essais)</translation>
    </message>
    <message>
        <source>Wait for replies</source>
        <translation>Attente des réponses</translation>
    </message>
    <message>
        <source>The open plan is not changed by sending it.</source>
        <translation>L’envoi ne modifie pas le plan ouvert.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>Annuler le transfert</translation>
    </message>
    <message>
        <source>Stop sending: the device is told to drop what it received and keeps its previous program (once the program is sent whole, mesomap asks the device which program it holds and tells you)</source>
        <translation>Arrêter l’envoi&#xa0;: l’appareil abandonne ce qu’il a reçu et garde son programme précédent (une fois le programme envoyé en entier, mesomap demande à l’appareil quel programme il contient et vous le dit)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No device profile is available.</source>
        <translation>Aucun profil d’appareil n’est disponible.</translation>
    </message>
    <message numerus="yes">
        <source>The plan does not fit {name}: %n problem(s). Change the plan (or choose another device); nothing can be sent.</source>
        <translation>
            <numerusform>Le plan ne convient pas à {name}&#xa0;: %n problème. Modifiez le plan (ou choisissez un autre appareil)&#x202f;; rien ne peut être envoyé.</numerusform>
            <numerusform>Le plan ne convient pas à {name}&#xa0;: %n problèmes. Modifiez le plan (ou choisissez un autre appareil)&#x202f;; rien ne peut être envoyé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot send this plan: {export_error_text}.</source>
        <translation>Impossible d’envoyer ce plan&#xa0;: {export_error_text}.</translation>
    </message>
    <message>
        <source>{programs} programs, {shots} shots, {volume_ml:.2f} ml for {profile_name}; {n:,} bytes, program SHA-256 {content_sha256}</source>
        <translation>{programs} programmes, {shots} tirs, {volume_ml:.2f} ml pour {profile_name}&#x202f;; {n:,} octets, programme SHA-256 {content_sha256}</translation>
    </message>
    <message>
        <source>Note: {n}</source>
        <translation>Remarque&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Rounded to the device&apos;s steps ({n}):</source>
        <translation>Arrondi aux pas de l’appareil ({n})&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing rounded: every value is on the device&apos;s steps.</source>
        <translation>Rien d’arrondi&#xa0;: toutes les valeurs sont sur les pas de l’appareil.</translation>
    </message>
    <message>
        <source>Programs:</source>
        <translation>Programmes&#xa0;:</translation>
    </message>
    <message>
        <source>{rate_hz:g} shots/s</source>
        <translation>{rate_hz:g} tirs/s</translation>
    </message>
    <message>
        <source>{flow_ml_min:g} ml/min</source>
        <translation>{flow_ml_min:g} ml/min</translation>
    </message>
    <message>
        <source>  {number}. {name}: {mode}, needle {needle_mm:g} mm, depth {depth_mm:g} mm, {volume_ml:g} ml × {shots} shots, {rate}</source>
        <translation>  {number}. {name}&#xa0;: {mode}, aiguille {needle_mm:g} mm, profondeur {depth_mm:g} mm, {volume_ml:g} ml × {shots} tirs, {rate}</translation>
    </message>
    <message>
        <source>Check the programs below.</source>
        <translation>Vérifiez les programmes ci-dessous.</translation>
    </message>
    <message>
        <source>1 value was rounded to the device&apos;s steps: check it below first.</source>
        <translation>1 valeur a été arrondie aux pas de l’appareil&#xa0;: vérifiez-la ci-dessous d’abord.</translation>
    </message>
    <message numerus="yes">
        <source>%n values were rounded to the device&apos;s steps: check them below first.</source>
        <translation>
            <numerusform>%n valeur a été arrondie aux pas de l’appareil&#xa0;: vérifiez-la ci-dessous d’abord.</numerusform>
            <numerusform>%n valeurs ont été arrondies aux pas de l’appareil&#xa0;: vérifiez-les ci-dessous d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to send to {name}. {check}</source>
        <translation>Prêt à envoyer à {name}. {check}</translation>
    </message>
    <message>
        <source>Choose or type the serial port the device is on.</source>
        <translation>Choisissez ou saisissez le port série de l’appareil.</translation>
    </message>
    <message>
        <source>Connecting to {port}…</source>
        <translation>Connexion à {port}…</translation>
    </message>
    <message>
        <source>Cancelling: telling the device to drop the transfer…</source>
        <translation>Annulation&#xa0;: l’appareil abandonne le transfert…</translation>
    </message>
    <message>
        <source>, {retransmissions} resent</source>
        <translation>, {retransmissions} renvoyés</translation>
    </message>
    <message>
        <source>Sending: {bytes_done:,} of {bytes_total:,} bytes{resent}…</source>
        <translation>Envoi&#xa0;: {bytes_done:,} sur {bytes_total:,} octets{resent}…</translation>
    </message>
    <message>
        <source>Sent; the device is checking the program (SHA-256) and committing it…</source>
        <translation>Envoyé&#x202f;; l’appareil vérifie le programme (SHA-256) et l’enregistre…</translation>
    </message>
    <message>
        <source>No valid reply to COMMIT, so the device&apos;s program is unknown: asking the device which program it holds…</source>
        <translation>Pas de réponse valide à COMMIT, le programme de l’appareil est donc inconnu&#xa0;: on lui demande quel programme il contient…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>{device_id} at {port} already holds this program (program SHA-256 {sha256}); nothing was sent.</source>
        <translation>{device_id} sur {port} contient déjà ce programme (programme SHA-256 {sha256})&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source> ({retransmissions} resent)</source>
        <translation> ({retransmissions} renvoyés)</translation>
    </message>
    <message>
        <source>Sent and committed on {device_id} at {port}: {bytes:,} bytes in {chunks} chunks{resent}, {seconds:.1f} s. Program SHA-256 {sha256}. The device checked it and uses it now.</source>
        <translation>Envoyé et enregistré sur {device_id} via {port}&#xa0;: {bytes:,} octets en {chunks} blocs{resent}, {seconds:.1f} s. Programme SHA-256 {sha256}. L’appareil l’a vérifié et l’utilise maintenant.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>Cancelled: {error}</source>
        <translation>Annulé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Unknown whether the device took the program: {error}</source>
        <translation>On ne sait pas si l’appareil a pris le programme&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>Non envoyé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Not sent: {value}</source>
        <translation>Non envoyé&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <extracomment>The docks&apos; default share of the window height: Zones/Reflex points above, Summary below. The docks never take more than this share of the window&apos;s width by default (the 3D view keeps the rest). The object names of the docks made on first use that were shown when the window closed. Docks made on first use, by object name: the callable makes the dock (once) and returns it.</extracomment>
        <translation>Réinitialiser la &amp;disposition</translation>
    </message>
    <message>
        <source>Show every panel and toolbar again where they start</source>
        <translation>Réafficher chaque panneau et barre d’outils à sa place de départ</translation>
    </message>
    <message>
        <source>&amp;CSV injection list…</source>
        <extracomment>The window&apos;s words for each export (menu text, tip, dialog title), by format key: the registry (mesomap.io.export_formats) is English data, so its words are repeated here for lupdate; a format missing here shows the registry&apos;s English (tests/ui/test_i18n.py walks the menu and would flag it).</extracomment>
        <translation>Liste des injections &amp;CSV…</translation>
    </message>
    <message>
        <source>One row per injection in treatment order: position, normal, depth, volume</source>
        <translation>Une ligne par injection dans l’ordre du traitement&#xa0;: position, normale, profondeur, volume</translation>
    </message>
    <message>
        <source>Export the injections as CSV</source>
        <translation>Exporter les injections en CSV</translation>
    </message>
    <message>
        <source>CSV for s&amp;preadsheets (Excel)…</source>
        <translation>CSV pour &amp;tableurs (Excel)…</translation>
    </message>
    <message>
        <source>The CSV injection list with a UTF-8 byte order mark, so Excel shows accented and Cyrillic names</source>
        <translation>La liste CSV des injections avec une marque d’ordre UTF-8, pour qu’Excel affiche les noms accentués et cyrilliques</translation>
    </message>
    <message>
        <source>Export the injections as CSV for spreadsheets</source>
        <translation>Exporter les injections en CSV pour tableurs</translation>
    </message>
    <message>
        <source>3D &amp;Slicer markups…</source>
        <translation>Repères 3D &amp;Slicer…</translation>
    </message>
    <message>
        <source>Injection points as Slicer fiducial lists (one per zone), to open with the body in 3D Slicer</source>
        <translation>Les points d’injection en listes de repères Slicer (une par zone), à ouvrir avec le corps dans 3D Slicer</translation>
    </message>
    <message>
        <source>Export 3D Slicer markups</source>
        <translation>Exporter les repères 3D Slicer</translation>
    </message>
    <message>
        <source>Body &amp;mesh…</source>
        <translation>&amp;Maillage du corps…</translation>
    </message>
    <message>
        <source>The plan&apos;s body surface (mm), to load beside the markups</source>
        <translation>La surface du corps du plan (mm), à charger à côté des repères</translation>
    </message>
    <message>
        <source>Export the body mesh</source>
        <translation>Exporter le maillage du corps</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>Zones, parameters and every injection as plain JSON</source>
        <translation>Zones, paramètres et chaque injection en JSON simple</translation>
    </message>
    <message>
        <source>Export the plan as JSON</source>
        <translation>Exporter le plan en JSON</translation>
    </message>
    <message>
        <source>Session &amp;sheet (PDF)…</source>
        <translation>&amp;Fiche de séance (PDF)…</translation>
    </message>
    <message>
        <source>The printable session sheet: views of the plan, zone table, totals, checklist, signatures</source>
        <translation>La fiche de séance imprimable&#xa0;: vues du plan, tableau des zones, totaux, check-list, signatures</translation>
    </message>
    <message>
        <source>Save the session sheet</source>
        <translation>Enregistrer la fiche de séance</translation>
    </message>
    <message>
        <source>&amp;Device program…</source>
        <translation>Programme de l’&amp;appareil…</translation>
    </message>
    <message>
        <source>The sealed program file for an injection device, checked against the device&apos;s profile</source>
        <translation>Le fichier programme scellé pour un appareil d’injection, vérifié selon le profil de l’appareil</translation>
    </message>
    <message>
        <source>Export a device program</source>
        <translation>Exporter un programme d’appareil</translation>
    </message>
    <message>
        <source>&amp;Gun settings sheet (CSV)…</source>
        <translation>Fiche de réglages du &amp;pistolet (CSV)…</translation>
    </message>
    <message>
        <source>One row per device program: mode, needle, depth, volume per shot, shots and rate</source>
        <translation>Une ligne par programme de l’appareil&#xa0;: mode, aiguille, profondeur, volume par tir, tirs et cadence</translation>
    </message>
    <message>
        <source>Export the gun settings sheet</source>
        <translation>Exporter la fiche de réglages du pistolet</translation>
    </message>
    <message>
        <source>CSV injection list (*.csv)</source>
        <extracomment>The File › Export entries, in menu order: the export registry&apos;s format keys (tests/ui/test_export_registry.py checks they are the registry&apos;s, in its order), so the menu is made without loading the registry. The file dialog filters of the export formats (io.export_formats), listed here so lupdate finds them; shown through tr() (the filter&apos;s &quot;(*.csv)&quot; part stays as it is in every language).</extracomment>
        <translation>Liste des injections CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets, UTF-8 with BOM (*.csv)</source>
        <translation>CSV pour tableurs, UTF-8 avec BOM (*.csv)</translation>
    </message>
    <message>
        <source>3D Slicer markups (*.mrk.json)</source>
        <translation>Repères 3D Slicer (*.mrk.json)</translation>
    </message>
    <message>
        <source>PLY mesh (*.ply)</source>
        <translation>Maillage PLY (*.ply)</translation>
    </message>
    <message>
        <source>OBJ mesh (*.obj)</source>
        <translation>Maillage OBJ (*.obj)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>PDF session sheet (*.pdf)</source>
        <translation>Fiche de séance PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Device program (*.device.json)</source>
        <translation>Programme de l&apos;appareil (*.device.json)</translation>
    </message>
    <message>
        <source>Gun settings sheet (*.csv)</source>
        <translation>Fiche des réglages du pistolet (*.csv)</translation>
    </message>
    <message>
        <source>Grid ▸ Generate grid, Ctrl+G</source>
        <extracomment>Where the window lays a zone&apos;s grid out: added to &quot;no grid&quot; / &quot;stale grid&quot; refusals.</extracomment>
        <translation>Grille ▸ Générer la grille, Ctrl+G</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Impossible d’exporter</translation>
    </message>
    <message>
        <source>Nothing was written: no device profile is available.</source>
        <translation>Rien n’a été écrit&#xa0;: aucun profil d’appareil n’est disponible.</translation>
    </message>
    <message>
        <source>Device profile:</source>
        <translation>Profil d’appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <source>Still writing {name}; try again in a moment.</source>
        <translation>Écriture de {name} en cours&#x202f;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>Créer le dossier</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Create it and export there?</source>
        <translation>Le dossier {folder} n’existe pas. Le créer et y exporter&#x202f;?</translation>
    </message>
    <message>
        <source>Nothing exported: the folder was not created.</source>
        <translation>Rien n’a été exporté&#xa0;: le dossier n’a pas été créé.</translation>
    </message>
    <message>
        <source>{folder} cannot be created: {value}.</source>
        <translation>Impossible de créer {folder}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>Writing the session sheet to {out}…</source>
        <translation>Écriture de la fiche de séance dans {out}…</translation>
    </message>
    <message>
        <source>the body mesh</source>
        <translation>le maillage du corps</translation>
    </message>
    <message>
        <source>the session sheet</source>
        <translation>la fiche de séance</translation>
    </message>
    <message>
        <source>the device program</source>
        <translation>le programme de l’appareil</translation>
    </message>
    <message>
        <source>the gun settings sheet</source>
        <translation>la fiche de réglages du pistolet</translation>
    </message>
    <message>
        <source>Exported {what} to {out}</source>
        <translation>{what} exporté vers {out}</translation>
    </message>
    <message>
        <source>Nothing was written: {reason}.</source>
        <translation>Rien n’a été écrit&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Injection {order} · {zone} ({index} of {n}) · depth {depth_mm:g} mm · {volume_ml:g} ml · {technique} · needle {needle_mm:g} mm {gauge} G</source>
        <translation>Injection {order} · {zone} ({index} sur {n}) · profondeur {depth_mm:g} mm · {volume_ml:g} ml · {technique} · aiguille {needle_mm:g} mm {gauge} G</translation>
    </message>
    <message>
        <source> · pinned</source>
        <translation> · épinglée</translation>
    </message>
    <message>
        <source>Select a zone to lay out its grid (or Generate all).</source>
        <translation>Sélectionnez une zone pour calculer sa grille (ou Tout générer).</translation>
    </message>
    <message>
        <source>Unpin injection</source>
        <translation>Désépingler l’injection</translation>
    </message>
    <message>
        <source>Pin injection</source>
        <translation>Épingler l’injection</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Mouse in the 3D view: left-drag turns the body (paints, erases or places in those tools), the wheel zooms towards the cursor, middle-drag pans, Ctrl+wheel sizes the brush.</source>
        <extracomment>The mouse in the 3D view (ui/body_view.py, ui/tools.py): not actions, so said above the sheet.</extracomment>
        <translation>Souris dans la vue 3D&#xa0;: glisser-gauche tourne le corps (peint, efface ou place avec ces outils), la molette zoome vers le curseur, glisser-milieu déplace, Ctrl+molette règle le pinceau.</translation>
    </message>
    <message>
        <source>mesomap user guide</source>
        <extracomment>The setting that remembers the start hint was dismissed.</extracomment>
        <translation>Guide d’utilisation de mesomap</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pick a zone&lt;/b&gt;: &lt;i&gt;From template&lt;/i&gt; in the Zones panel, or paint one ({keys}).</source>
        <translation>&lt;b&gt;Choisir une zone&lt;/b&gt;&#xa0;: &lt;i&gt;Depuis un modèle&lt;/i&gt; dans le panneau Zones, ou peignez-en une ({keys}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lay it out&lt;/b&gt;: &lt;i&gt;Generate grid&lt;/i&gt; ({keys}) places the injections on the skin.</source>
        <translation>&lt;b&gt;La quadriller&lt;/b&gt;&#xa0;: &lt;i&gt;Générer la grille&lt;/i&gt; ({keys}) place les injections sur la peau.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Export&lt;/b&gt;: &lt;i&gt;Print / Export PDF&lt;/i&gt; ({keys}), File › Export, or Send to device.</source>
        <translation>&lt;b&gt;Exporter&lt;/b&gt;&#xa0;: &lt;i&gt;Imprimer / Exporter en PDF&lt;/i&gt; ({keys}), Fichier › Exporter, ou Envoyer à l’appareil.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Three steps to a plan&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;b&gt;Trois étapes vers un plan&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <source>User guide (F1)</source>
        <translation>Guide d’utilisation (F1)</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Compris</translation>
    </message>
    <message>
        <source>Hide this hint (Help › Show start hint brings it back)</source>
        <translation>Masquer cette aide (Aide › Afficher l’aide de démarrage la fait revenir)</translation>
    </message>
    <message>
        <source>left</source>
        <extracomment>QSettings key of the language chosen in Preferences (&quot;&quot; or missing: the system&apos;s). Each language named in itself, as the Preferences chooser lists it. Environment override (tests, screenshots): MESOMAP_LANG=fr wins over the settings and the locale. The words the combo boxes show for sides and grid patterns (their data stays the plan&apos;s value).</extracomment>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>médian</translation>
    </message>
    <message>
        <source>bilateral</source>
        <translation>bilatéral</translation>
    </message>
    <message>
        <source>hexagonal</source>
        <translation>hexagonal</translation>
    </message>
    <message>
        <source>square</source>
        <translation>carré</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>rangées</translation>
    </message>
    <message>
        <source>blue_noise</source>
        <translation>bruit bleu</translation>
    </message>
    <message>
        <source>Female</source>
        <extracomment>Words for the bundled bodies, the camera presets and the skin layers (their ids stay the program&apos;s keys).</extracomment>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Face</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dos</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>epidermis</source>
        <translation>épiderme</translation>
    </message>
    <message>
        <source>dermis</source>
        <translation>derme</translation>
    </message>
    <message>
        <source>hypodermis</source>
        <translation>hypoderme</translation>
    </message>
    <message>
        <source>muscle</source>
        <translation>muscle</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femme</translation>
    </message>
    <message>
        <source>male</source>
        <translation>homme</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>mm</source>
        <extracomment>Units as the window writes them after a number (&quot;мм&quot;, &quot;мл&quot; in Russian; the same letters in English and French).</extracomment>
        <translation>mm</translation>
    </message>
    <message>
        <source>ml</source>
        <translation>ml</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>cm²</source>
        <translation>cm²</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>Import reflex points</source>
        <translation>Importer des points réflexes</translation>
    </message>
    <message>
        <source>3D Slicer markups (*.mrk.json);;JSON (*.json);;All files (*)</source>
        <translation>Repères 3D Slicer (*.mrk.json);;JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Import reflex points (3D Slicer markups)…</source>
        <translation>&amp;Importer des points réflexes (repères 3D Slicer)…</translation>
    </message>
    <message>
        <source>Add the points of a 3D Slicer point list (.mrk.json) to the plan as reflex points, on the nearest skin</source>
        <translation>Ajoute au plan les points d’une liste de points 3D Slicer (.mrk.json) comme points réflexes, sur la peau la plus proche</translation>
    </message>
    <message>
        <source>Cannot import reflex points</source>
        <translation>Impossible d’importer les points réflexes</translation>
    </message>
    <message>
        <source>{source}: {far_message}; nothing was imported.</source>
        <translation>{source}&#xa0;: {far_message}&#x202f;; rien n’a été importé.</translation>
    </message>
    <message>
        <source>Nothing imported from {source}</source>
        <translation>Rien importé depuis {source}</translation>
    </message>
    <message>
        <source>Nothing to import from {source}: {summary}</source>
        <translation>Rien à importer depuis {source}&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>updated {m}: {changes}</source>
        <translation>{m} mis à jour&#xa0;: {changes}</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} inchangés</translation>
    </message>
    <message>
        <source>{n} farther than {mm:g} mm from the skin left out</source>
        <translation>{n} à plus de {mm:g} mm de la peau, laissés de côté</translation>
    </message>
    <message>
        <source>skipped {n}: {what}</source>
        <translation>{n} ignorés&#xa0;: {what}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n reflex point(s) from {source}</source>
        <translation>
            <numerusform>%n point réflexe importé depuis {source}</numerusform>
            <numerusform>%n points réflexes importés depuis {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n reflex point(s) from {source}</source>
        <translation>
            <numerusform>%n point réflexe mis à jour depuis {source}</numerusform>
            <numerusform>%n points réflexes mis à jour depuis {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{source}: {far}.

Import the other %n point(s) (each put on the nearest skin)?</source>
        <translation>
            <numerusform>{source}&#xa0;: {far}.

Importer l’autre point (placé sur la peau la plus proche)&#x202f;?</numerusform>
            <numerusform>{source}&#xa0;: {far}.

Importer les %n autres points (chacun placé sur la peau la plus proche)&#x202f;?</numerusform>
        </translation>
    </message>
    <message>
        <source>mesomap lessons (*{suffix});;All files (*)</source>
        <translation>Leçons mesomap (*{suffix});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>Enregistrer l’étape</translation>
    </message>
    <message>
        <source>Add a step from what is on screen: the camera, the zones and points shown and the selected zone (highlighted)</source>
        <translation>Ajoute une étape à partir de l’écran&#xa0;: la caméra, les zones et points affichés et la zone sélectionnée (mise en évidence)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Show the reflex points</source>
        <translation>Afficher les points réflexes</translation>
    </message>
    <message>
        <source>Show or hide every reflex point on the body (a step records which are shown)</source>
        <translation>Affiche ou masque tous les points réflexes du corps (une étape enregistre ceux qui sont affichés)</translation>
    </message>
    <message>
        <source>Caption (for the room and the handout)</source>
        <translation>Légende (pour la salle et le support)</translation>
    </message>
    <message>
        <source>Notes (for you only)</source>
        <translation>Notes (pour vous seulement)</translation>
    </message>
    <message>
        <source>Apply caption and notes</source>
        <translation>Appliquer légende et notes</translation>
    </message>
    <message>
        <source>No lesson: Teach › New lesson, or Open lesson…</source>
        <translation>Aucune leçon&#xa0;: Enseigner › Nouvelle leçon, ou Ouvrir une leçon…</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{title}&lt;/b&gt; — %n step(s) ({name})</source>
        <translation>
            <numerusform>&lt;b&gt;{title}&lt;/b&gt; — %n étape ({name})</numerusform>
            <numerusform>&lt;b&gt;{title}&lt;/b&gt; — %n étapes ({name})</numerusform>
        </translation>
    </message>
    <message>
        <source>, changed</source>
        <translation>, modifiée</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(sans légende)</translation>
    </message>
    <message>
        <source>Step {value} of {n}: {caption}</source>
        <translation>Étape {value} sur {n}&#xa0;: {caption}</translation>
    </message>
    <message>
        <source>Cannot change the lesson</source>
        <translation>Impossible de modifier la leçon</translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>Leçon non enregistrée</translation>
    </message>
    <message>
        <source>Save the changes to the lesson?</source>
        <translation>Enregistrer les modifications de la leçon&#x202f;?</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Ouvrir une leçon</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>Impossible d’ouvrir la leçon</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>Enregistrer la leçon</translation>
    </message>
    <message>
        <source>Cannot save lesson</source>
        <translation>Impossible d’enregistrer la leçon</translation>
    </message>
    <message>
        <source>Saved {saved}</source>
        <translation>{saved} enregistré</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No zone templates: {why}</source>
        <translation>Aucun modèle de zone&#xa0;: {why}</translation>
    </message>
    <message>
        <source>{text} ({done} of {total} zones)</source>
        <translation>{text} ({done} sur {total} zones)</translation>
    </message>
    <message>
        <source>&amp;Undo {undo_label}</source>
        <translation>&amp;Annuler {undo_label}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo {redo_label}</source>
        <translation>&amp;Rétablir {redo_label}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>Plan sans titre</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>Impossible d’envoyer</translation>
    </message>
    <message>
        <source>About mesomap</source>
        <translation>À propos de mesomap</translation>
    </message>
    <message>
        <source>Mirror (M): every stroke also paints its mirror image across the midline.
A midline or bilateral zone gets both halves. A left or right zone sends the mirror half
to its partner zone for the other side (same template, or the same name with left/right
swapped), which the first mirrored stroke creates when it is missing. Erasing mirrors the same way.</source>
        <translation>Miroir (M)&#xa0;: chaque trait peint aussi son image miroir de l’autre côté de la ligne médiane.
Une zone médiane ou bilatérale reçoit les deux moitiés. Une zone gauche ou droite envoie la moitié miroir
à sa zone partenaire de l’autre côté (même modèle, ou même nom avec gauche/droite
inversé), que le premier trait en miroir crée si elle manque. L’effacement suit le même miroir.</translation>
    </message>
    <message>
        <source>Navigate</source>
        <extracomment>The tool modes: (mode, text, shortcut keys, tip).</extracomment>
        <translation>Naviguer</translation>
    </message>
    <message>
        <source>Navigate (N, Esc): left-drag orbits, right-drag zooms, middle-drag pans; click a zone or point to select it</source>
        <translation>Naviguer (N, Échap)&#xa0;: glisser-gauche fait tourner, glisser-droit zoome, glisser-milieu déplace&#x202f;; cliquez sur une zone ou un point pour le sélectionner</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <source>Paint (B): left-drag paints the selected zone on the visible skin.
Right/middle-drag and the wheel still move the camera; Ctrl+wheel sizes the brush.</source>
        <translation>Peindre (B)&#xa0;: glisser-gauche peint la zone sélectionnée sur la peau visible.
Glisser-droit/milieu et la molette bougent toujours la caméra&#x202f;; Ctrl+molette règle le pinceau.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Erase (E): left-drag removes skin from the selected zone</source>
        <translation>Effacer (E)&#xa0;: glisser-gauche retire de la peau à la zone sélectionnée</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplir</translation>
    </message>
    <message>
        <source>Fill (F): paint a closed outline, then click inside it to add its inside to the selected zone (one undo step)</source>
        <translation>Remplir (F)&#xa0;: peignez un contour fermé, puis cliquez à l’intérieur pour ajouter son intérieur à la zone sélectionnée (une seule annulation)</translation>
    </message>
    <message>
        <source>Place point</source>
        <translation>Placer un point</translation>
    </message>
    <message>
        <source>Place point (P): click the skin to place a custom reflex point; drag a point to move it</source>
        <translation>Placer un point (P)&#xa0;: cliquez sur la peau pour placer un point réflexe personnel&#x202f;; glissez un point pour le déplacer</translation>
    </message>
    <message>
        <source>Edit injections (I): click inside a gridded zone to add a (pinned) injection point, drag a point to move it over the skin;
Del deletes the selected point, Shift+P pins or unpins it</source>
        <translation>Modifier les injections (I)&#xa0;: cliquez dans une zone quadrillée pour ajouter un point d’injection (épinglé), glissez un point pour le déplacer sur la peau&#x202f;;
Suppr supprime le point sélectionné, Maj+P l’épingle ou le désépingle</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New plan</source>
        <translation>&amp;Nouveau plan</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>&amp;Ouvrir un plan…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Open &amp;mesh…</source>
        <translation>Ouvrir un &amp;maillage…</translation>
    </message>
    <message>
        <source>Look at your own body scan (plans are made on the bundled bodies)</source>
        <translation>Voir votre propre scan du corps (les plans se font sur les corps fournis)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Print / Export PDF…</source>
        <translation>&amp;Imprimer / Exporter en PDF…</translation>
    </message>
    <message>
        <source>Save the printable session sheet as a PDF (open it to print)</source>
        <translation>Enregistrer la fiche de séance imprimable en PDF (ouvrez-la pour l’imprimer)</translation>
    </message>
    <message>
        <source>Send to &amp;device…</source>
        <translation>Envoyer à l’&amp;appareil…</translation>
    </message>
    <message>
        <source>Check the plan against an injection device&apos;s profile and send it over a serial port</source>
        <translation>Vérifier le plan selon le profil d’un appareil d’injection et l’envoyer par un port série</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <extracomment>The keys that walk a lesson: what presentation clickers send, and the arrow keys. The object names of the docks made on first use (the saved layout knows them by these).</extracomment>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>{label} view ({value})</source>
        <translation>Vue {label} ({value})</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Vue initiale</translation>
    </message>
    <message>
        <source>Whole body from the front (0)</source>
        <translation>Tout le corps de face (0)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Présenter</translation>
    </message>
    <message>
        <source>Presentation mode (F5): the body full screen, or on a second screen for the room; Esc leaves</source>
        <translation>Mode présentation (F5)&#xa0;: le corps en plein écran, ou sur un second écran pour la salle&#x202f;; Échap pour quitter</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Corps</translation>
    </message>
    <message>
        <source>Show the neutral {body} body (the plan moves with it)</source>
        <translation>Afficher le corps neutre&#xa0;: {body} (le plan le suit)</translation>
    </message>
    <message>
        <source>&amp;Shape…</source>
        <translation>&amp;Morphologie…</translation>
    </message>
    <message>
        <source>Give the body the patient&apos;s height, weight and build (the plan follows)</source>
        <translation>Donner au corps la taille, le poids et la carrure du patient (le plan suit)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Miroir</translation>
    </message>
    <message>
        <source> Brush </source>
        <translation> Pinceau </translation>
    </message>
    <message>
        <source>Brush radius on the skin, 1–100 mm (Ctrl+wheel in the view)</source>
        <translation>Rayon du pinceau sur la peau, 1–100 mm (Ctrl+molette dans la vue)</translation>
    </message>
    <message>
        <source>Clear zone</source>
        <translation>Vider la zone</translation>
    </message>
    <message>
        <source>Remove every painted face from the selected zone (undoable)</source>
        <translation>Retirer toutes les faces peintes de la zone sélectionnée (annulable)</translation>
    </message>
    <message>
        <source>&amp;Zone</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <source>Mirror to other side</source>
        <translation>Copier de l’autre côté</translation>
    </message>
    <message>
        <source>Copy the selected left or right zone to the other side of the body: its faces, parameters and grid (Ctrl+M; one undo step)</source>
        <translation>Copier la zone gauche ou droite sélectionnée de l’autre côté du corps&#xa0;: ses faces, paramètres et grille (Ctrl+M&#x202f;; une seule annulation)</translation>
    </message>
    <message>
        <source>Grid and output</source>
        <translation>Grille et sortie</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Grille</translation>
    </message>
    <message>
        <source>Generate grid</source>
        <translation>Générer la grille</translation>
    </message>
    <message>
        <source>Lay out the selected zone&apos;s injection points (Ctrl+G); pinned points are kept. One undo step</source>
        <translation>Calculer les points d’injection de la zone sélectionnée (Ctrl+G)&#x202f;; les points épinglés sont gardés. Une seule annulation</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>Tout générer</translation>
    </message>
    <message>
        <source>Lay out every zone&apos;s injection points (Ctrl+Shift+G), as one undo step</source>
        <translation>Calculer les points d’injection de toutes les zones (Ctrl+Maj+G), en une seule annulation</translation>
    </message>
    <message>
        <source>Clear grid</source>
        <translation>Effacer la grille</translation>
    </message>
    <message>
        <source>Remove the selected zone&apos;s injection points (undoable)</source>
        <translation>Retirer les points d’injection de la zone sélectionnée (annulable)</translation>
    </message>
    <message>
        <source>Cancel layout</source>
        <translation>Arrêter le calcul</translation>
    </message>
    <message>
        <source>Stop the layouts still running (Ctrl+.); the grids stay as they were</source>
        <translation>Arrêter les calculs de grille en cours (Ctrl+.)&#x202f;; les grilles restent telles quelles</translation>
    </message>
    <message>
        <source>Pin or unpin the selected injection point (Shift+P): pinned points stay where they are when the grid is laid out again</source>
        <translation>Épingler ou désépingler le point d’injection sélectionné (Maj+P)&#xa0;: les points épinglés restent en place quand la grille est recalculée</translation>
    </message>
    <message>
        <source>Delete the selected injection point (Del; undoable)</source>
        <translation>Supprimer le point d’injection sélectionné (Suppr&#x202f;; annulable)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Show injection order numbers (O): each zone&apos;s first and last and every tenth, numbered as exported</source>
        <translation>Afficher les numéros d’ordre des injections (O)&#xa0;: la première et la dernière de chaque zone et toutes les dix, numérotées comme à l’export</translation>
    </message>
    <message>
        <source>Generate all grids</source>
        <translation>Générer toutes les grilles</translation>
    </message>
    <message>
        <source>Edit injection points</source>
        <translation>Modifier les points d’injection</translation>
    </message>
    <message>
        <source>Delete injection</source>
        <translation>Supprimer l’injection</translation>
    </message>
    <message>
        <source>Show order numbers</source>
        <translation>Afficher les numéros d’ordre</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Patients…</source>
        <translation>&amp;Patients…</translation>
    </message>
    <message>
        <source>The patient list and each patient&apos;s courses and sessions (Ctrl+Shift+P)</source>
        <translation>La liste des patients, avec les cures et séances de chacun (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>&amp;Recall lot…</source>
        <translation>&amp;Rappel de lot…</translation>
    </message>
    <message>
        <source>Which patients received a product lot, with dates and contact</source>
        <translation>Quels patients ont reçu un lot de produit, avec dates et coordonnées</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>&amp;Base de données…</translation>
    </message>
    <message>
        <source>Which records database this station uses</source>
        <translation>Quelle base de dossiers ce poste utilise</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>The daily flow, step by step (F1)</source>
        <translation>Le déroulé quotidien, pas à pas (F1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Tous les raccourcis clavier de la fenêtre</translation>
    </message>
    <message>
        <source>Show &amp;start hint</source>
        <translation>Afficher l’aide de &amp;démarrage</translation>
    </message>
    <message>
        <source>The three first steps: pick a zone, lay it out, export</source>
        <translation>Les trois premières étapes&#xa0;: choisir une zone, la quadriller, exporter</translation>
    </message>
    <message>
        <source>&amp;About mesomap</source>
        <translation>À &amp;propos de mesomap</translation>
    </message>
    <message>
        <source>mesomap plans (*{suffix});;All files (*)</source>
        <extracomment>How often the autosave timer looks for changes (ms); it writes at most every AUTOSAVE_INTERVAL_S, so an edit is on disk within AUTOSAVE_INTERVAL_S + this tick (plus the write itself).</extracomment>
        <translation>Plans mesomap (*{suffix});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>; and {value} more</source>
        <translation>; et {value} autres</translation>
    </message>
    <message>
        <source>1 injection of {name} lies outside its zone and is ringed in red: {listed}. Export and Send to device refuse the plan until it is moved back, deleted, or the zone is laid out again.</source>
        <translation>1 injection de {name} est hors de sa zone et entourée de rouge&#xa0;: {listed}. Exporter et Envoyer à l’appareil refusent le plan tant qu’elle n’est pas replacée, supprimée, ou la zone recalculée.</translation>
    </message>
    <message numerus="yes">
        <source>%n injections of {name} lie outside their zones and are ringed in red: {listed}. Export and Send to device refuse the plan until they are moved back, deleted, or the zone is laid out again.</source>
        <translation>
            <numerusform>%n injection de {name} est hors de sa zone et entourée de rouge&#xa0;: {listed}. Exporter et Envoyer à l’appareil refusent le plan tant qu’elle n’est pas replacée, supprimée, ou la zone recalculée.</numerusform>
            <numerusform>%n injections de {name} sont hors de leurs zones et entourées de rouge&#xa0;: {listed}. Exporter et Envoyer à l’appareil refusent le plan tant qu’elles ne sont pas replacées, supprimées, ou la zone recalculée.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 stored value (a position, normal or area) in {name} did not match the point or zone it describes: {first}. mesomap recomputed it; saving the plan writes the right value.</source>
        <translation>1 valeur enregistrée (une position, normale ou surface) dans {name} ne correspondait pas au point ou à la zone décrits&#xa0;: {first}. mesomap l’a recalculée&#x202f;; enregistrer le plan écrit la bonne valeur.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored values (positions, normals or areas) in {name} did not match the points and zones they describe, first: {first}. mesomap recomputed them; saving the plan writes the right values.</source>
        <translation>
            <numerusform>%n valeur enregistrée (positions, normales ou surfaces) dans {name} ne correspondait pas aux points et zones décrits, d’abord&#xa0;: {first}. mesomap l’a recalculée&#x202f;; enregistrer le plan écrit les bonnes valeurs.</numerusform>
            <numerusform>%n valeurs enregistrées (positions, normales ou surfaces) dans {name} ne correspondaient pas aux points et zones décrits, d’abord&#xa0;: {first}. mesomap les a recalculées&#x202f;; enregistrer le plan écrit les bonnes valeurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>a name or note holds a character that cannot be written as text; retype it</source>
        <translation>un nom ou une note contient un caractère impossible à écrire en texte&#x202f;; ressaisissez-le</translation>
    </message>
    <message>
        <source>the new plan</source>
        <translation>le nouveau plan</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Enregistrer les modifications de {name}&#x202f;?</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Ouvrir un plan</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>Impossible d’ouvrir le plan</translation>
    </message>
    <message>
        <source>Opened {name}: {n} zones, {n2} points</source>
        <translation>{name} ouvert&#xa0;: {n} zones, {n2} points</translation>
    </message>
    <message>
        <source>Check {name}</source>
        <translation>Vérifiez {name}</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Enregistrer le plan</translation>
    </message>
    <message>
        <source>Cannot save plan</source>
        <translation>Impossible d’enregistrer le plan</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} enregistré</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Fichier introuvable</translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation>{path} n’existe plus&#x202f;; il a été retiré des fichiers récents.</translation>
    </message>
    <message>
        <source>Autosave failed: {why}</source>
        <translation>Échec de l’enregistrement automatique&#xa0;: {why}</translation>
    </message>
    <message>
        <source>an unsaved plan</source>
        <translation>un plan non enregistré</translation>
    </message>
    <message>
        <source>Recover plan</source>
        <translation>Récupérer le plan</translation>
    </message>
    <message>
        <source>mesomap did not close properly. Restore the plan from {when} ({name})?</source>
        <translation>mesomap ne s’est pas fermé correctement. Restaurer le plan du {when} ({name})&#x202f;?</translation>
    </message>
    <message>
        <source>Discard deletes this recovered copy for good.</source>
        <translation>Abandonner supprime définitivement cette copie récupérée.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Cannot restore plan</source>
        <translation>Impossible de restaurer le plan</translation>
    </message>
    <message>
        <source>{err} (the file stays at {autosave})</source>
        <translation>{err} (le fichier reste dans {autosave})</translation>
    </message>
    <message>
        <source>Plan restored into session {number} of the records: File › Save writes it there</source>
        <translation>Plan restauré dans la séance {number} des dossiers&#xa0;: Fichier › Enregistrer l’y écrit</translation>
    </message>
    <message>
        <source>The restored plan belonged to session {number} of the records, which mesomap cannot find in the records now open. Save the plan as a file to keep it.</source>
        <translation>Le plan restauré appartenait à la séance {number} des dossiers, que mesomap ne trouve pas dans les dossiers ouverts. Enregistrez le plan dans un fichier pour le garder.</translation>
    </message>
    <message>
        <source>Plan restored: save it to keep it</source>
        <translation>Plan restauré&#xa0;: enregistrez-le pour le garder</translation>
    </message>
    <message>
        <source>Reflex points</source>
        <translation>Points réflexes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>From library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Add a named reflex point</source>
        <translation>Ajouter un point réflexe nommé</translation>
    </message>
    <message>
        <source>Delete the selected point (undoable)</source>
        <translation>Supprimer le point sélectionné (annulable)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Show the points&apos; codes in the 3D view</source>
        <translation>Afficher les codes des points dans la vue 3D</translation>
    </message>
    <message>
        <source>Notes for this point</source>
        <translation>Notes sur ce point</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Needle angle</source>
        <translation>Angle de l’aiguille</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No point selected.
Add one from the library, or place your own (P) and click the skin. Drag a point to move it.</source>
        <translation>Aucun point sélectionné.
Ajoutez-en un depuis la bibliothèque, ou placez le vôtre (P) en cliquant sur la peau. Glissez un point pour le déplacer.</translation>
    </message>
    <message>
        <source>Not applied: </source>
        <translation>Non appliqué&#xa0;: </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language ({name})</source>
        <translation>Langue du système ({name})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language takes effect after you restart mesomap.</source>
        <translation>La nouvelle langue s’applique après le redémarrage de mesomap.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>The language of the window (after a restart)</source>
        <translation>La langue de la fenêtre (après un redémarrage)</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>Quitter la présentation</translation>
    </message>
    <message>
        <source>Labels on the body</source>
        <translation>Étiquettes sur le corps</translation>
    </message>
    <message>
        <source>Zone and point names with leader lines</source>
        <translation>Noms des zones et des points avec lignes de rappel</translation>
    </message>
    <message>
        <source>Legend of zones</source>
        <translation>Légende des zones</translation>
    </message>
    <message>
        <source>The visible zones with technique and depth</source>
        <translation>Les zones visibles avec technique et profondeur</translation>
    </message>
    <message>
        <source>Audience follows my camera</source>
        <translation>Le public suit ma caméra</translation>
    </message>
    <message>
        <source>The projector shows what you see; off: it keeps its own view</source>
        <translation>Le projecteur montre ce que vous voyez&#x202f;; désactivé&#xa0;: il garde sa propre vue</translation>
    </message>
    <message>
        <source>Annotation pen</source>
        <translation>Stylo d’annotation</translation>
    </message>
    <message>
        <source>Left-drag draws on the skin (A); Esc clears the strokes (they are not part of the plan)</source>
        <translation>Glisser-gauche dessine sur la peau (A)&#x202f;; Échap efface les traits (ils ne font pas partie du plan)</translation>
    </message>
    <message>
        <source>Technique depth inset</source>
        <translation>Encart de profondeur de la technique</translation>
    </message>
    <message>
        <source>The selected zone&apos;s needle depth drawn in a corner of the view</source>
        <translation>La profondeur d’aiguille de la zone sélectionnée dessinée dans un coin de la vue</translation>
    </message>
    <message>
        <source>Show on</source>
        <translation>Afficher sur</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Play injection order</source>
        <translation>Lire l’ordre des injections</translation>
    </message>
    <message>
        <source>The selected zone&apos;s injections one by one in gun order</source>
        <translation>Les injections de la zone sélectionnée une par une, dans l’ordre du pistolet</translation>
    </message>
    <message>
        <source>Pause / resume order</source>
        <translation>Pause / reprise de l’ordre</translation>
    </message>
    <message>
        <source>Pause or resume the animation</source>
        <translation>Mettre en pause ou reprendre l’animation</translation>
    </message>
    <message>
        <source>Step order</source>
        <translation>Pas suivant</translation>
    </message>
    <message>
        <source>One injection further</source>
        <translation>Une injection de plus</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Dice {dice:.2f}</source>
        <translation>Dice {dice:.2f}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>border {mm} (p95 {mm2})</source>
        <translation>bord {mm} (p95 {mm2})</translation>
    </message>
    <message>
        <source>point</source>
        <translation>point</translation>
    </message>
    <message>
        <source>{mm} on the skin</source>
        <translation>{mm} sur la peau</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Zones to paint</source>
        <translation>Zones à peindre</translation>
    </message>
    <message>
        <source>Reflex points to place</source>
        <translation>Points réflexes à placer</translation>
    </message>
    <message>
        <source>Zone passes with Dice at least</source>
        <translation>Zone réussie avec un Dice d’au moins</translation>
    </message>
    <message>
        <source>… and mean border distance at most</source>
        <translation>… et une distance moyenne au bord d’au plus</translation>
    </message>
    <message>
        <source>Point passes within</source>
        <translation>Point réussi à moins de</translation>
    </message>
    <message>
        <source>Start quiz</source>
        <translation>Commencer le quiz</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Révéler</translation>
    </message>
    <message>
        <source>Save answer…</source>
        <translation>Enregistrer la réponse…</translation>
    </message>
    <message>
        <source>End quiz</source>
        <translation>Terminer le quiz</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{reference}&apos;&gt;■&lt;/span&gt; reference only &amp;nbsp; &lt;span style=&apos;color:{answer}&apos;&gt;■&lt;/span&gt; answer only &amp;nbsp; &lt;span style=&apos;color:{both}&apos;&gt;■&lt;/span&gt; both</source>
        <translation>&lt;span style=&apos;color:{reference}&apos;&gt;■&lt;/span&gt; référence seule &amp;nbsp; &lt;span style=&apos;color:{answer}&apos;&gt;■&lt;/span&gt; réponse seule &amp;nbsp; &lt;span style=&apos;color:{both}&apos;&gt;■&lt;/span&gt; les deux</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>No quiz: Teach › Quiz… asks for zones and points of the open plan.</source>
        <translation>Aucun quiz&#xa0;: Enseigner › Quiz… demande des zones et des points du plan ouvert.</translation>
    </message>
    <message>
        <source>Click a question, then paint the zone or click the skin to place the point. Reveal when done.</source>
        <translation>Cliquez sur une question, puis peignez la zone ou cliquez sur la peau pour placer le point. Révélez quand c’est fait.</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>non réussi</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>&lt;b&gt;{passed_count} of {asked_count} passed — {verdict}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{passed_count} sur {asked_count} réussis — {verdict}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot start the quiz</source>
        <translation>Impossible de commencer le quiz</translation>
    </message>
    <message>
        <source>Cannot score the answer</source>
        <translation>Impossible de noter la réponse</translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation>Enregistrer la réponse</translation>
    </message>
    <message>
        <source>mesomap plans (*{suffix})</source>
        <translation>Plans mesomap (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot save the answer</source>
        <translation>Impossible d’enregistrer la réponse</translation>
    </message>
    <message>
        <source>Saved the answer to {saved}</source>
        <translation>Réponse enregistrée dans {saved}</translation>
    </message>
    <message>
        <source>The answer is not scored yet. Reveal the score before ending the quiz?</source>
        <translation>La réponse n’est pas encore notée. Révéler le score avant de terminer le quiz&#x202f;?</translation>
    </message>
    <message>
        <source>End without score</source>
        <translation>Terminer sans score</translation>
    </message>
    <message>
        <source>Cannot open the records</source>
        <translation>Impossible d’ouvrir les dossiers</translation>
    </message>
    <message>
        <source>The database does not answer: {why}.</source>
        <translation>La base de données ne répond pas&#xa0;: {why}.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>{patient}, session {number} of {of}</source>
        <translation>{patient}, séance {number} sur {of}</translation>
    </message>
    <message>
        <source> (done: read-only)</source>
        <translation> (terminée&#xa0;: lecture seule)</translation>
    </message>
    <message>
        <source>Cannot open the session&apos;s plan</source>
        <translation>Impossible d’ouvrir le plan de la séance</translation>
    </message>
    <message>
        <source>done: its plan is read-only</source>
        <translation>terminée&#xa0;: son plan est en lecture seule</translation>
    </message>
    <message>
        <source>File › Save writes the plan into it</source>
        <translation>Fichier › Enregistrer y écrit le plan</translation>
    </message>
    <message>
        <source>Session {number} of the records is open ({state}).</source>
        <translation>La séance {number} des dossiers est ouverte ({state}).</translation>
    </message>
    <message>
        <source>Cannot save into the session</source>
        <translation>Impossible d’enregistrer dans la séance</translation>
    </message>
    <message>
        <source>{err}. Use File › Save as… to keep a copy.</source>
        <translation>{err}. Utilisez Fichier › Enregistrer sous… pour en garder une copie.</translation>
    </message>
    <message>
        <source>{err}. Reopen the session from the patient page.</source>
        <translation>{err}. Rouvrez la séance depuis la page du patient.</translation>
    </message>
    <message>
        <source>Saved the plan into session {number} of the records.</source>
        <translation>Plan enregistré dans la séance {number} des dossiers.</translation>
    </message>
    <message>
        <source>The sheet is printed without the patient: {err}</source>
        <translation>La fiche est imprimée sans le patient&#xa0;: {err}</translation>
    </message>
    <message>
        <source>name</source>
        <extracomment>The conflict table&apos;s words for a record&apos;s fields and kinds (a field missing here is shown by its name).</extracomment>
        <translation>nom</translation>
    </message>
    <message>
        <source>record number</source>
        <translation>n° de dossier</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>contraindication checklist</source>
        <translation>questionnaire de contre-indications</translation>
    </message>
    <message>
        <source>checklist answered on</source>
        <translation>questionnaire rempli le</translation>
    </message>
    <message>
        <source>consent signed on</source>
        <translation>consentement signé le</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>Changed at another station</source>
        <translation>Modifié sur un autre poste</translation>
    </message>
    <message>
        <source>Another station saved this {what} while you were editing it (you started from version {base_version}; it is now version {stored_version}). Nothing was saved. Compare the two versions and choose which to keep.</source>
        <translation>Un autre poste a enregistré ce {what} pendant que vous le modifiiez (vous êtes parti de la version {base_version}&#x202f;; c’est maintenant la version {stored_version}). Rien n’a été enregistré. Comparez les deux versions et choisissez celle à garder.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>La vôtre (non enregistrée)</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>La leur (enregistrée)</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Écraser avec la mienne</translation>
    </message>
    <message>
        <source>No password here: give it to the database through the PGPASSWORD environment variable or a ~/.pgpass file (one line host:port:database:user:password, readable by you only).</source>
        <translation>Pas de mot de passe ici&#xa0;: donnez-le à la base via la variable d’environnement PGPASSWORD ou un fichier ~/.pgpass (une ligne host:port:database:user:password, lisible par vous seul).</translation>
    </message>
    <message>
        <source>the --database option</source>
        <translation>l’option --database</translation>
    </message>
    <message>
        <source>the MESOMAP_DATABASE_URL environment variable</source>
        <translation>la variable d’environnement MESOMAP_DATABASE_URL</translation>
    </message>
    <message>
        <source>this station&apos;s settings</source>
        <translation>les réglages de ce poste</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>la valeur par défaut</translation>
    </message>
    <message>
        <source>PostgreSQL server {host}, database {database} (as {user})</source>
        <translation>Serveur PostgreSQL {host}, base {database} (en tant que {user})</translation>
    </message>
    <message>
        <source>your login</source>
        <translation>votre identifiant</translation>
    </message>
    <message>
        <source>The records file is on a network share ({fs}). SQLite is not safe there: two stations can corrupt it. Move it to a local disk, or use a PostgreSQL server for several stations.</source>
        <translation>Le fichier des dossiers est sur un partage réseau ({fs}). SQLite n’y est pas sûr&#xa0;: deux postes peuvent le corrompre. Déplacez-le sur un disque local, ou utilisez un serveur PostgreSQL pour plusieurs postes.</translation>
    </message>
    <message>
        <source>SQLite file {path}</source>
        <translation>Fichier SQLite {path}</translation>
    </message>
    <message>
        <source>Records database</source>
        <translation>Base des dossiers</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>ouverte maintenant</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisée</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@server/database  (empty: the SQLite file here)</source>
        <translation>postgresql+psycopg://utilisateur@serveur/base  (vide&#xa0;: le fichier SQLite local)</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>URL de la base</translation>
    </message>
    <message>
        <source>“{text}” is not a database URL ({name__}); e.g. postgresql+psycopg://mesomap@server/clinic.</source>
        <translation>« {text} » n’est pas une URL de base de données ({name__})&#x202f;; par ex. postgresql+psycopg://mesomap@serveur/clinique.</translation>
    </message>
    <message>
        <source>Saved; but {ENV_URL} is set and is used instead while it is.</source>
        <translation>Enregistré&#x202f;; mais {ENV_URL} est défini et utilisé à la place tant qu’il l’est.</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a date; type it as YYYY-MM-DD, e.g. 2026-03-14.</source>
        <translation>{field}&#xa0;: « {text} » n’est pas une date&#x202f;; saisissez-la au format AAAA-MM-JJ, par ex. 2026-03-14.</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modifier le patient</translation>
    </message>
    <message>
        <source>Add patient</source>
        <translation>Ajouter un patient</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>phone, e-mail</source>
        <translation>téléphone, e-mail</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Contraindication checklist (tick what the patient has)</source>
        <translation>Contre-indications (cochez ce que présente le patient)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Répondu le</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: not signed)</source>
        <translation>AAAA-MM-JJ (vide&#xa0;: non signé)</translation>
    </message>
    <message>
        <source>Consent signed</source>
        <translation>Consentement signé</translation>
    </message>
    <message>
        <source>Name: type the patient&apos;s name.</source>
        <translation>Nom&#xa0;: saisissez le nom du patient.</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Nouvelle cure</translation>
    </message>
    <message>
        <source>e.g. cellulite, hair loss, face rejuvenation</source>
        <translation>par ex. cellulite, chute de cheveux, rajeunissement du visage</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>Indication</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Tous les</translation>
    </message>
    <message>
        <source>Then maintenance sessions</source>
        <translation>Puis séances d’entretien</translation>
    </message>
    <message>
        <source>Start: type the day of the first session (YYYY-MM-DD).</source>
        <translation>Début&#xa0;: saisissez le jour de la première séance (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>New session</source>
        <extracomment>Where a new session&apos;s plan comes from.</extracomment>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cure</translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation>Jour et heure</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Copy the previous session&apos;s plan</source>
        <translation>Copier le plan de la séance précédente</translation>
    </message>
    <message>
        <source>The plan open in the planner</source>
        <translation>Le plan ouvert dans le planificateur</translation>
    </message>
    <message>
        <source>An empty plan</source>
        <translation>Un plan vide</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Day and time: “{text}” is not a moment; type it as YYYY-MM-DD HH:MM.</source>
        <translation>Jour et heure&#xa0;: « {text} » n’est pas un moment&#x202f;; saisissez-le au format AAAA-MM-JJ HH:MM.</translation>
    </message>
    <message>
        <source>New lot…</source>
        <translation>Nouveau lot…</translation>
    </message>
    <message>
        <source>Add lot used</source>
        <translation>Ajouter un lot utilisé</translation>
    </message>
    <message>
        <source>, expires {expiry}</source>
        <translation>, expire le {expiry}</translation>
    </message>
    <message>
        <source>  — EXPIRED</source>
        <translation>  — PÉRIMÉ</translation>
    </message>
    <message>
        <source>{product} lot {lot_number}{expiry}{flag}</source>
        <translation>{product} lot {lot_number}{expiry}{flag}</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>N° de lot</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Péremption</translation>
    </message>
    <message>
        <source>Volume used</source>
        <translation>Volume utilisé</translation>
    </message>
    <message>
        <source>New lot: type the product and the lot number as printed on the box.</source>
        <translation>Nouveau lot&#xa0;: saisissez le produit et le numéro de lot tels qu’imprimés sur la boîte.</translation>
    </message>
    <message>
        <source>Session {number} done</source>
        <translation>Séance {number} terminée</translation>
    </message>
    <message>
        <source>Injections given</source>
        <translation>Injections faites</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévues</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Effets indésirables</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>non signé</translation>
    </message>
    <message>
        <source>Contraindications</source>
        <translation>Contre-indications</translation>
    </message>
    <message>
        <source>checklist not answered</source>
        <translation>questionnaire non rempli</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{found} (answered {day})</source>
        <translation>{found} (répondu le {day})</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Lots used</source>
        <translation>Lots utilisés</translation>
    </message>
    <message>
        <source> expired, confirmed</source>
        <translation> périmé, confirmé</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} sur {total}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>started</source>
        <translation>commencée</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} sur {planned}</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>Modifier le patient…</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>Nouvelle cure…</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Nouvelle séance…</translation>
    </message>
    <message>
        <source>Open in planner</source>
        <translation>Ouvrir dans le planificateur</translation>
    </message>
    <message>
        <source>Add lot used…</source>
        <translation>Ajouter un lot utilisé…</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Marquer terminée…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Séances&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a patient in the list, or add one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisissez un patient dans la liste, ou ajoutez-en un.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{indication} from {day}</source>
        <translation>{indication} depuis le {day}</translation>
    </message>
    <message>
        <source>No course yet: New course… plans the sessions.</source>
        <translation>Pas encore de cure&#xa0;: Nouvelle cure… planifie les séances.</translation>
    </message>
    <message>
        <source>{planned_sessions} sessions every {interval_days} days from {isoformat}, then {maintenance_sessions} maintenance sessions every {maintenance_interval_days} days</source>
        <translation>{planned_sessions} séances tous les {interval_days} jours à partir du {isoformat}, puis {maintenance_sessions} séances d’entretien tous les {maintenance_interval_days} jours</translation>
    </message>
    <message>
        <source>In the planner</source>
        <translation>Dans le planificateur</translation>
    </message>
    <message>
        <source>Cannot add the course</source>
        <translation>Impossible d’ajouter la cure</translation>
    </message>
    <message>
        <source>Cannot start the session</source>
        <translation>Impossible de commencer la séance</translation>
    </message>
    <message>
        <source>Expired lot</source>
        <translation>Lot périmé</translation>
    </message>
    <message>
        <source>{upper}{value}.

Use it anyway? Your confirmation is recorded in the audit log.</source>
        <translation>{upper}{value}.

L’utiliser quand même&#x202f;? Votre confirmation est inscrite au journal d’audit.</translation>
    </message>
    <message>
        <source>Cannot record the lot</source>
        <translation>Impossible d’enregistrer le lot</translation>
    </message>
    <message>
        <source>Cannot mark the session done</source>
        <translation>Impossible de marquer la séance terminée</translation>
    </message>
    <message>
        <source>Recall a lot — mesomap</source>
        <translation>Rappel d’un lot — mesomap</translation>
    </message>
    <message>
        <source>Lot number, exactly as printed on the box</source>
        <translation>N° de lot, exactement comme imprimé sur la boîte</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Type a lot number to see who received it.</source>
        <translation>Saisissez un numéro de lot pour voir qui l’a reçu.</translation>
    </message>
    <message>
        <source>Lot {number}: {patients}, {sessions}</source>
        <translation>Lot {number}&#xa0;: {patients}, {sessions}</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody received lot {number}.</source>
        <translation>Personne n’a reçu le lot {number}.</translation>
    </message>
    <message>
        <source>Export the recall</source>
        <translation>Exporter le rappel</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was written: {name}: {value}.</source>
        <translation>Rien n’a été écrit&#xa0;: {name}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>{n} rows exported to {path}</source>
        <translation>{n} lignes exportées vers {path}</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <source>{number} of {of}
{isoformat}
{state}</source>
        <translation>{number} sur {of}
{isoformat}
{state}</translation>
    </message>
    <message>
        <source>Session {number} of {of}: planned for {isoformat}</source>
        <translation>Séance {number} sur {of}&#xa0;: prévue le {isoformat}</translation>
    </message>
    <message>
        <source>Session {number} of {of}, {scheduled_at:%Y-%m-%d %H:%M}</source>
        <translation>Séance {number} sur {of}, {scheduled_at:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>injections {done} of {planned}</source>
        <translation>injections {done} sur {planned}</translation>
    </message>
    <message>
        <source>lot {lot_number} ({product})</source>
        <translation>lot {lot_number} ({product})</translation>
    </message>
    <message>
        <source> — expired, confirmed</source>
        <translation> — périmé, confirmé</translation>
    </message>
    <message>
        <source>adverse events: {what}</source>
        <translation>effets indésirables&#xa0;: {what}</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>pas de plan</translation>
    </message>
    <message>
        <source>cannot draw</source>
        <translation>dessin impossible</translation>
    </message>
    <message>
        <source>  ·  born {isoformat}</source>
        <translation>  ·  né(e) le {isoformat}</translation>
    </message>
    <message>
        <source>Patients — mesomap</source>
        <translation>Patients — mesomap</translation>
    </message>
    <message>
        <source>Search: name or record number</source>
        <translation>Recherche&#xa0;: nom ou n° de dossier</translation>
    </message>
    <message>
        <source>Add patient…</source>
        <translation>Ajouter un patient…</translation>
    </message>
    <message>
        <source>The database does not answer: {name__}</source>
        <translation>La base de données ne répond pas&#xa0;: {name__}</translation>
    </message>
    <message>
        <source> (first shown; type more to narrow)</source>
        <translation> (premiers affichés&#x202f;; tapez plus pour affiner)</translation>
    </message>
    <message>
        <source>No patient found</source>
        <translation>Aucun patient trouvé</translation>
    </message>
    <message>
        <source>Cannot add the patient</source>
        <translation>Impossible d’ajouter le patient</translation>
    </message>
    <message>
        <source>Kept the version saved at the other station ({name}).</source>
        <translation>Version enregistrée sur l’autre poste gardée ({name}).</translation>
    </message>
    <message>
        <source>Cannot save the patient</source>
        <translation>Impossible d’enregistrer le patient</translation>
    </message>
    <message>
        <source>Import &amp;scan…</source>
        <translation>Importer un &amp;scan…</translation>
    </message>
    <message>
        <source>Import a patient&apos;s 3D scan (OBJ, PLY, STL, GLB), place landmarks and fit the body onto it</source>
        <translation>Importer le scan 3D d’un patient (OBJ, PLY, STL, GLB), placer des repères et y ajuster le corps</translation>
    </message>
    <message>
        <source>{get} → {size} across</source>
        <translation>{get} → {size} de large</translation>
    </message>
    <message>
        <source>Import scan</source>
        <translation>Importer un scan</translation>
    </message>
    <message>
        <source>3D scans ({patterns});;All files (*)</source>
        <translation>Scans 3D ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{err}
The scan&apos;s largest extent is {size:g}. Its units are:</source>
        <translation>{err}
La plus grande dimension du scan est {size:g}. Ses unités sont&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot import scan</source>
        <translation>Impossible d’importer le scan</translation>
    </message>
    <message>
        <source>Cannot carry the plan onto the scan</source>
        <translation>Impossible de reporter le plan sur le scan</translation>
    </message>
    <message>
        <source>The plan is on {name}: {n} zones, {n2} points, {n3} injections laid out again</source>
        <translation>Le plan est sur {name}&#xa0;: {n} zones, {n2} points, {n3} injections recalculées</translation>
    </message>
    <message>
        <source>Cannot show the plan&apos;s scan</source>
        <translation>Impossible d’afficher le scan du plan</translation>
    </message>
    <message>
        <source>Nasion</source>
        <extracomment>Enough for about six landmark rows (px). The landmarks&apos; words (assets/landmarks.json names them in English), by id without its side.</extracomment>
        <translation>Nasion</translation>
    </message>
    <message>
        <source>Chin (pogonion)</source>
        <translation>Menton (pogonion)</translation>
    </message>
    <message>
        <source>Tragus</source>
        <translation>Tragus</translation>
    </message>
    <message>
        <source>Outer eye corner</source>
        <translation>Coin externe de l’œil</translation>
    </message>
    <message>
        <source>Sternal notch</source>
        <translation>Fourchette sternale</translation>
    </message>
    <message>
        <source>Nipple</source>
        <translation>Mamelon</translation>
    </message>
    <message>
        <source>Umbilicus</source>
        <translation>Ombilic</translation>
    </message>
    <message>
        <source>Anterior superior iliac spine</source>
        <translation>Épine iliaque antéro-supérieure</translation>
    </message>
    <message>
        <source>Patella</source>
        <translation>Rotule</translation>
    </message>
    <message>
        <source>C7 spinous process</source>
        <translation>Apophyse épineuse de C7</translation>
    </message>
    <message>
        <source>Acromion</source>
        <translation>Acromion</translation>
    </message>
    <message>
        <source>Scan fit</source>
        <translation>Ajustement au scan</translation>
    </message>
    <message>
        <source>Where the selected landmark goes</source>
        <translation>Où va le repère sélectionné</translation>
    </message>
    <message>
        <source>Untick a landmark the scan does not show; select one to place it (again)</source>
        <translation>Décochez un repère que le scan ne montre pas&#x202f;; sélectionnez-en un pour le placer (à nouveau)</translation>
    </message>
    <message>
        <source>Show all landmarks</source>
        <translation>Afficher tous les repères</translation>
    </message>
    <message>
        <source>List the landmarks this scan does not seem to cover too</source>
        <translation>Lister aussi les repères que ce scan ne semble pas couvrir</translation>
    </message>
    <message>
        <source>Load landmarks…</source>
        <translation>Charger des repères…</translation>
    </message>
    <message>
        <source>Place the landmarks from a 3D Slicer markups file (.mrk.json) whose point labels are landmark names, in the scan file&apos;s coordinates</source>
        <translation>Placer les repères d’un fichier de repères 3D Slicer (.mrk.json) dont les étiquettes sont des noms de repères, dans les coordonnées du fichier du scan</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the reference body onto the scan with the landmarks placed</source>
        <translation>Ajuster le corps de référence au scan avec les repères placés</translation>
    </message>
    <message>
        <source>Show fit error on the scan</source>
        <translation>Afficher l’erreur d’ajustement sur le scan</translation>
    </message>
    <message>
        <source>Plan on this scan</source>
        <translation>Plan sur ce scan</translation>
    </message>
    <message>
        <source>Carry the open plan (zones, points; grids laid out again at the same spacing) onto the fitted scan</source>
        <translation>Reporter le plan ouvert (zones, points&#x202f;; grilles recalculées au même espacement) sur le scan ajusté</translation>
    </message>
    <message>
        <source>{name} — skipped</source>
        <translation>{name} — ignoré</translation>
    </message>
    <message>
        <source>{name} — placed</source>
        <translation>{name} — placé</translation>
    </message>
    <message>
        <source>Click on the scan to place &lt;b&gt;{name}&lt;/b&gt; ({n} of {total} placed).</source>
        <translation>Cliquez sur le scan pour placer &lt;b&gt;{name}&lt;/b&gt; ({n} sur {total} placés).</translation>
    </message>
    <message>
        <source>{n} of {total} landmarks placed: press Fit.</source>
        <translation>{n} repères sur {total} placés&#xa0;: appuyez sur Ajuster.</translation>
    </message>
    <message>
        <source>Finding the landmarks this scan shows…</source>
        <translation>Recherche des repères visibles sur ce scan…</translation>
    </message>
    <message>
        <source>Load landmarks</source>
        <translation>Charger des repères</translation>
    </message>
    <message>
        <source>Cannot load landmarks: {err}</source>
        <translation>Impossible de charger les repères&#xa0;: {err}</translation>
    </message>
    <message>
        <source>{n} landmarks placed from {name}.</source>
        <translation>{n} repères placés depuis {name}.</translation>
    </message>
    <message>
        <source>Fitting the body onto the scan…</source>
        <translation>Ajustement du corps au scan…</translation>
    </message>
    <message>
        <source>Fit cancelled: nothing was changed.</source>
        <translation>Ajustement annulé&#xa0;: rien n’a changé.</translation>
    </message>
    <message>
        <source>Cannot fit: {value}</source>
        <translation>Ajustement impossible&#xa0;: {value}</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s)</source>
        <extracomment>Naming the region under a resting mouse waits this long after the last move (ms): one pick per rest, not per move.</extracomment>
        <translation>
            <numerusform>%n zone</numerusform>
            <numerusform>%n zones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n injection(s)</source>
        <translation>
            <numerusform>%n injection</numerusform>
            <numerusform>%n injections</numerusform>
        </translation>
    </message>
    <message>
        <source>{body} body</source>
        <translation>Corps&#xa0;: {body}</translation>
    </message>
    <message>
        <source>{name} (patient&apos;s scan)</source>
        <translation>{name} (scan du patient)</translation>
    </message>
    <message>
        <source>Patient&apos;s scan {name}: place the landmarks in the Scan fit panel, then press Fit to plan on the patient&apos;s own body.</source>
        <translation>Scan du patient {name}&#xa0;: placez les repères dans le panneau Ajustement au scan, puis appuyez sur Ajuster pour planifier sur le corps du patient.</translation>
    </message>
    <message>
        <source>Patient&apos;s scan {name} fitted: fit error {median:.1f} mm median, {p95:.1f} mm 95th percentile. Press Plan on this scan to plan on it.</source>
        <translation>Scan du patient {name} ajusté&#xa0;: erreur d’ajustement {median:.1f} mm en médiane, {p95:.1f} mm au 95e percentile. Appuyez sur Plan sur ce scan pour y planifier.</translation>
    </message>
    <message>
        <source>Looking at your own mesh: switch to Female or Male to plan.</source>
        <translation>Vous regardez votre propre maillage&#xa0;: passez à Femme ou Homme pour planifier.</translation>
    </message>
    <message>
        <source>a new zone</source>
        <translation>une nouvelle zone</translation>
    </message>
    <message>
        <source>Paint: drag on the skin to add to {target}; brush {radius_mm:g} mm (Ctrl+wheel resizes); E erases, N navigates.</source>
        <translation>Peindre&#xa0;: glissez sur la peau pour ajouter à {target}&#x202f;; pinceau {radius_mm:g} mm (Ctrl+molette le règle)&#x202f;; E efface, N navigue.</translation>
    </message>
    <message>
        <source>the selected zone (select one first)</source>
        <translation>la zone sélectionnée (sélectionnez-en une d’abord)</translation>
    </message>
    <message>
        <source>Erase: drag on the skin to remove it from {where}; B paints, N navigates.</source>
        <translation>Effacer&#xa0;: glissez sur la peau pour la retirer de {where}&#x202f;; B peint, N navigue.</translation>
    </message>
    <message>
        <source>Place point: click the skin to place a reflex point, drag a point to move it; N navigates.</source>
        <translation>Placer un point&#xa0;: cliquez sur la peau pour placer un point réflexe, glissez un point pour le déplacer&#x202f;; N navigue.</translation>
    </message>
    <message>
        <source>a zone with a grid</source>
        <translation>une zone avec grille</translation>
    </message>
    <message>
        <source>Injections: click inside {where} to add one, drag one to move it; Del deletes, Shift+P pins; N navigates.</source>
        <translation>Injections&#xa0;: cliquez dans {where} pour en ajouter une, glissez-en une pour la déplacer&#x202f;; Suppr supprime, Maj+P épingle&#x202f;; N navigue.</translation>
    </message>
    <message>
        <source>Drag to turn the body, wheel to zoom; click a zone or point to select it. B paints, F1 shows the guide.</source>
        <translation>Glissez pour tourner le corps, molette pour zoomer&#x202f;; cliquez une zone ou un point pour le sélectionner. B peint, F1 affiche le guide.</translation>
    </message>
    <message>
        <source>Zones, reflex points, injections laid out (grid points and reflex points) and their total volume</source>
        <translation>Zones, points réflexes, injections calculées (points de grille et points réflexes) et leur volume total</translation>
    </message>
    <message>
        <source>About: estimated from the zone&apos;s area and border until its grid is laid out (Ctrl+G)</source>
        <extracomment>Longest wait between a change and the summary showing it (ms).</extracomment>
        <translation>Environ&#xa0;: estimé d’après la surface et le bord de la zone jusqu’au calcul de sa grille (Ctrl+G)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>~ marks an estimate: the zone has no current grid yet</source>
        <translation>~ marque une estimation&#xa0;: la zone n’a pas encore de grille à jour</translation>
    </message>
    <message>
        <source>{name}: {area_cm2:.1f} cm², {technique}, {pattern} every {spacing_mm:g} mm, depth {depth_mm:g} mm</source>
        <translation>{name}&#xa0;: {area_cm2:.1f} cm², {technique}, {pattern} tous les {spacing_mm:g} mm, profondeur {depth_mm:g} mm</translation>
    </message>
    <message>
        <source>Counted from the laid-out grid</source>
        <translation>Compté sur la grille calculée</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <source>, %n reflex point(s)</source>
        <translation>
            <numerusform>, %n point réflexe</numerusform>
            <numerusform>, %n points réflexes</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} injections&lt;/b&gt; ({in_zones} in zones{reflex})</source>
        <translation>&lt;b&gt;{count} injections&lt;/b&gt; ({in_zones} dans les zones{reflex})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{volume_ml:.2f} ml&lt;/b&gt; in all</source>
        <translation>&lt;b&gt;{volume_ml:.2f} ml&lt;/b&gt; au total</translation>
    </message>
    <message>
        <source>products: </source>
        <translation>produits&#xa0;: </translation>
    </message>
    <message>
        <source>session: about {duration_min:.0f} min</source>
        <translation>séance&#xa0;: environ {duration_min:.0f} min</translation>
    </message>
    <message>
        <source>session: nothing planned yet</source>
        <translation>séance&#xa0;: rien de prévu pour l’instant</translation>
    </message>
    <message>
        <source>Blocks export — {esc}.</source>
        <translation>Bloque l’export — {esc}.</translation>
    </message>
    <message>
        <source>Technique &amp;depth</source>
        <translation>&amp;Profondeur de la technique</translation>
    </message>
    <message>
        <source>The selected zone&apos;s skin cross-section with the needle at its depth, to scale</source>
        <translation>La coupe de peau de la zone sélectionnée avec l’aiguille à sa profondeur, à l’échelle</translation>
    </message>
    <message>
        <source>T&amp;each</source>
        <translation>&amp;Enseigner</translation>
    </message>
    <message>
        <source>&amp;New lesson</source>
        <translation>&amp;Nouvelle leçon</translation>
    </message>
    <message>
        <source>Start a lesson on the open plan: record steps from what is on screen</source>
        <translation>Commencer une leçon sur le plan ouvert&#xa0;: enregistrer des étapes depuis l’écran</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>&amp;Ouvrir une leçon…</translation>
    </message>
    <message>
        <source>Open a lesson and the plan it holds, at its first step</source>
        <translation>Ouvrir une leçon et le plan qu’elle contient, à sa première étape</translation>
    </message>
    <message>
        <source>&amp;Save lesson</source>
        <translation>&amp;Enregistrer la leçon</translation>
    </message>
    <message>
        <source>Save the lesson with the open plan in it</source>
        <translation>Enregistrer la leçon avec le plan ouvert</translation>
    </message>
    <message>
        <source>Save lesson &amp;as…</source>
        <translation>Enregistrer la leçon &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>En&amp;registrer l’étape</translation>
    </message>
    <message>
        <source>Add a step: the camera, the zones and points shown, the selected zone highlighted, the caption and notes typed (Ctrl+Shift+R)</source>
        <translation>Ajouter une étape&#xa0;: la caméra, les zones et points affichés, la zone sélectionnée mise en évidence, la légende et les notes saisies (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>Étape &amp;suivante</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s next step (Page Down or →, what clickers send)</source>
        <translation>Afficher l’étape suivante de la leçon (Page suiv. ou →, ce qu’envoient les télécommandes)</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>Étape &amp;précédente</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s previous step (Page Up or ←)</source>
        <translation>Afficher l’étape précédente de la leçon (Page préc. ou ←)</translation>
    </message>
    <message>
        <source>&amp;Quiz…</source>
        <translation>&amp;Quiz…</translation>
    </message>
    <message>
        <source>Ask a student for zones and points of the open plan, on a clean body, and score them</source>
        <translation>Demander à un élève des zones et points du plan ouvert, sur un corps vierge, et les noter</translation>
    </message>
    <message>
        <source>Lesson panel</source>
        <translation>Panneau de leçon</translation>
    </message>
    <message>
        <source>Quiz panel</source>
        <translation>Panneau de quiz</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Visage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>Cou</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Tronc</translation>
    </message>
    <message>
        <source>Lymph nodes</source>
        <translation>Ganglions lymphatiques</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Jambes</translation>
    </message>
    <message>
        <source>Arms</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Spine</source>
        <translation>Colonne vertébrale</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Surface</translation>
    </message>
    <message>
        <source>Tick to show or hide a zone (view only). Click a zone to edit it; double-click its swatch to change the colour.</source>
        <translation>Cochez pour afficher ou masquer une zone (affichage seulement). Cliquez sur une zone pour la modifier&#x202f;; double-cliquez sur sa pastille pour changer la couleur.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an empty zone, then paint it (B)</source>
        <translation>Ajouter une zone vide, puis la peindre (B)</translation>
    </message>
    <message>
        <source>From template</source>
        <translation>Depuis un modèle</translation>
    </message>
    <message>
        <source>Add an anatomical zone with its faces and clinical defaults</source>
        <translation>Ajouter une zone anatomique avec ses faces et ses valeurs cliniques par défaut</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Remove all painted faces from the selected zone (undoable)</source>
        <translation>Retirer toutes les faces peintes de la zone sélectionnée (annulable)</translation>
    </message>
    <message>
        <source>Delete the selected zone (undoable)</source>
        <translation>Supprimer la zone sélectionnée (annulable)</translation>
    </message>
    <message>
        <source>Distance between neighbouring injections, measured along the skin</source>
        <translation>Distance entre injections voisines, mesurée le long de la peau</translation>
    </message>
    <message>
        <source>same as spacing</source>
        <translation>comme l’espacement</translation>
    </message>
    <message>
        <source>Rows pattern: distance between the rows (0: the same as the spacing)</source>
        <translation>Motif en rangées&#xa0;: distance entre les rangées (0&#xa0;: comme l’espacement)</translation>
    </message>
    <message>
        <source>Rows pattern: direction of the rows; 0° runs along the body, 90° across. A ring-shaped zone (around the mouth) has its rows go around it</source>
        <translation>Motif en rangées&#xa0;: direction des rangées&#x202f;; 0° suit le corps, 90° le traverse. Dans une zone en anneau (autour de la bouche), les rangées en font le tour</translation>
    </message>
    <message>
        <source>No injection closer than this to the zone&apos;s border</source>
        <translation>Aucune injection plus près que cela du bord de la zone</translation>
    </message>
    <message>
        <source>The cocktail: 2–4 products, each with its lot number</source>
        <translation>Le cocktail&#xa0;: 2 à 4 produits, chacun avec son numéro de lot</translation>
    </message>
    <message>
        <source>Notes for this zone</source>
        <translation>Notes sur cette zone</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Technique</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Espacement</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Row spacing</source>
        <translation>Écart des rangées</translation>
    </message>
    <message>
        <source>Row angle</source>
        <translation>Angle des rangées</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Injection</translation>
    </message>
    <message>
        <source>Volume / point</source>
        <translation>Volume / point</translation>
    </message>
    <message>
        <source>Needle</source>
        <translation>Aiguille</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>No zone selected.
Add one, pick one from a template, or just paint (B): the first stroke makes a zone.</source>
        <translation>Aucune zone sélectionnée.
Ajoutez-en une, choisissez-en une depuis un modèle, ou peignez simplement (B)&#xa0;: le premier trait crée une zone.</translation>
    </message>
    <message>
        <source>For: </source>
        <translation>Pour&#xa0;: </translation>
    </message>
    <message>
        <source>Colour of {name}</source>
        <translation>Couleur de {name}</translation>
    </message>
    <message>
        <source>the zone has no painted faces yet: paint it with B</source>
        <translation>la zone n’a encore aucune face peinte&#xa0;: peignez-la avec B</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>Remarque&#xa0;: </translation>
    </message>
    <message>
        <source>Drag to try spacings: a gridded zone shows a quick preview while you drag and is laid out again when you let go (one undo step)</source>
        <extracomment>The spacing slider moves in steps of this many mm.</extracomment>
        <translation>Glissez pour essayer des espacements&#xa0;: une zone quadrillée montre un aperçu rapide pendant le glissement et est recalculée au relâchement (une seule annulation)</translation>
    </message>
    <message>
        <source>Lay out this zone&apos;s injection points (Ctrl+G; pinned points are kept)</source>
        <translation>Calculer les points d’injection de cette zone (Ctrl+G&#x202f;; les points épinglés sont gardés)</translation>
    </message>
    <message>
        <source>Remove this zone&apos;s injection points (undoable)</source>
        <translation>Retirer les points d’injection de cette zone (annulable)</translation>
    </message>
    <message>
        <source>Paint the zone first; then lay out its injection points.</source>
        <translation>Peignez d’abord la zone&#x202f;; puis calculez ses points d’injection.</translation>
    </message>
    <message>
        <source>Preview at {spacing_mm:g} mm spacing: let go of the slider to lay it out.</source>
        <translation>Aperçu à {spacing_mm:g} mm d’espacement&#xa0;: relâchez le curseur pour le calculer.</translation>
    </message>
    <message>
        <source>Laying out the grid…</source>
        <translation>Calcul de la grille…</translation>
    </message>
    <message>
        <source>No grid yet. Generate lays out the injection points (spacing measured along the skin).</source>
        <translation>Pas encore de grille. Générer calcule les points d’injection (espacement mesuré le long de la peau).</translation>
    </message>
    <message>
        <source>⚠ The zone changed since its grid was laid out — regenerate ({n} points, out of date).</source>
        <translation>⚠ La zone a changé depuis le calcul de sa grille — recalculez ({n} points, périmés).</translation>
    </message>
    <message>
        <source>{n} injection points</source>
        <translation>{n} points d’injection</translation>
    </message>
    <message>
        <source>, {pinned} pinned (kept when laid out again)</source>
        <translation>, {pinned} épinglés (gardés au recalcul)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Recalculer</translation>
    </message>
    <message>
        <source>No. {n} ({value} of {n2} in the zone)</source>
        <translation>N° {n} ({value} sur {n2} dans la zone)</translation>
    </message>
</context>
</TS>
