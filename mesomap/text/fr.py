"""Français\u00a0: code -> modèle. Les paramètres sont formatés par str.format\u202f; les nombres avec la virgule décimale
(voir :func:`mesomap.text.number`). Un message avec ``count`` a une forme par pluriel\u00a0: "one" (0 et 1), "other"."""


def plural(count: int) -> str:
    """La forme du pluriel pour ``count`` choses\u00a0: le français met 0 et 1 au singulier (CLDR)."""
    return "one" if abs(count) < 2 else "other"


MESSAGES = {
    # placement (mesomap.model.placement, mesomap.io.plan_check)
    "injection_off_zone": "zone « {zone} », injection {order}\u00a0: se trouve à {distance_mm:.1f} mm hors de la zone "
                          "(tolérance {tolerance_mm:g} mm)",
    "stored_value_differs": "{field} vaut {stored} mais sa face et ses coordonnées barycentriques donnent {derived} "
                            "(écart de {difference:.3g}{unit})",
    "stored_value_malformed": "{field} n'est pas une valeur écrite par mesomap\u202f; elle devrait être {derived}",
    # grid size (mesomap.model.grid)
    "grid_too_large": "la zone « {zone} » recevrait environ {estimate:,} injections avec cet espacement, plus que la "
                      "limite de {limit:,} par zone\u202f; élargissez l'espacement ou divisez la zone",
    "grid_too_large_for_device": "la zone « {zone} » recevrait environ {estimate:,} injections avec cet espacement, "
                                 "plus que les {limit:,} tirs qu'un programme de {device} contient\u202f; élargissez "
                                 "l'espacement ou divisez la zone",
    # treatment values (mesomap.model.techniques, mesomap.model.plan)
    "quantity_depth": "profondeur",
    "quantity_spacing": "espacement",
    "quantity_margin": "marge",
    "quantity_volume_per_point": "volume par point",
    "quantity_needle_length": "longueur d'aiguille",
    "quantity_needle_gauge": "calibre d'aiguille",
    "quantity_row_spacing": "espacement des rangées",
    "quantity_row_angle": "angle des rangées",
    "quantity_volume": "volume",
    "quantity_needle_angle": "angle de l'aiguille",
    "quantity_technique": "technique",
    "quantity_pattern": "motif",
    "quantity_side": "côté",
    "value_out_of_range": "{quantity} {value:g} {unit} est hors limites\u00a0: au moins {low:g} et au plus {high:g} {unit}",
    "value_not_above": "{quantity} {value:g} {unit} est hors limites\u00a0: plus de {low:g} et au plus {high:g} {unit}",
    "choice_unknown": "{quantity} « {value} » est inconnu\u202f; choisissez parmi {choices}",
    "depth_exceeds_needle": "la profondeur {depth_mm:g} mm dépasse l'aiguille de {needle_mm:g} mm",
    "too_many_products": {"one": "un cocktail compte 2 à 4 produits, celui-ci en a {count}",
                          "other": "un cocktail compte 2 à 4 produits, celui-ci en a {count}"},
    "depth_outside_nominal": "la profondeur {depth_mm:g} mm est hors de la plage nominale {low_mm:g}–{high_mm:g} mm "
                             "de {technique} ({technique_name})",
    "barycentric_invalid": "les coordonnées barycentriques {barycentric} doivent être trois poids positifs ou nuls "
                           "de somme 1",
    "colour_malformed": "la couleur « {colour} » doit s'écrire #rrvvbb",
    "zone_problems": "zone « {zone} »\u00a0: {problems}",
    "zone_labelled": "{zone}\u00a0: {problems}",
    "point_problems": "point {point}\u00a0: {problems}",
    "reflex_point_problems": "point réflexe {point}\u00a0: {problems}",
    # plan summary (mesomap.model.summary)
    "zone_empty": "la zone est vide\u202f; peignez-la ou supprimez-la",
    "zone_changed_since_grid": "la zone a changé depuis le calcul de sa grille\u202f; le nombre est une estimation "
                               "jusqu'au prochain calcul",
    "one_product_cocktail": "un cocktail compte habituellement 2 à 4 produits, celui-ci en a 1",
    "session_few_injections": {
        "one": "{count} injection, c'est moins que les {low}–{high} habituelles par séance",
        "other": "{count} injections, c'est moins que les {low}–{high} habituelles par séance"},
    "session_many_injections": {
        "one": "{count} injection, c'est plus que les {low}–{high} habituelles par séance\u202f; envisagez de répartir "
               "le plan sur deux séances",
        "other": "{count} injections, c'est plus que les {low}–{high} habituelles par séance\u202f; envisagez de "
                 "répartir le plan sur deux séances"},
    "session_short": "environ {minutes:.0f} min, c'est plus court que la séance habituelle de "
                     "{low_min:.0f}–{high_min:.0f} min",
    "session_long": "environ {minutes:.0f} min, c'est plus long que la séance habituelle de "
                    "{low_min:.0f}–{high_min:.0f} min",
    # edits (mesomap.model.edits)
    "zone_exists": "une zone « {zone_id} » existe déjà",
    "point_exists": "un point réflexe « {point_id} » existe déjà",
    # reflex points from a file (mesomap.model.import_points)
    "max_distance_negative": "la distance maximale à la peau doit être de 0 mm ou plus, pas {max_distance_mm}",
    "imported_point_invalid": "{label}\u00a0: {problem}\u202f; rien n'a été importé",
    "imported_point_invalid_at": "{label} ({where})\u00a0: {problem}\u202f; rien n'a été importé",
    "far_point": "{label} ({distance_mm:.1f} mm)",
    "points_too_far": {"one": "{count} point est à plus de {max_distance_mm:g} mm de la peau\u00a0: {items}",
                       "other": "{count} points sont à plus de {max_distance_mm:g} mm de la peau\u00a0: {items}"},
    "points_too_far_and_more": {
        "one": "{count} point est à plus de {max_distance_mm:g} mm de la peau\u00a0: {items} et {more} de plus",
        "other": "{count} points sont à plus de {max_distance_mm:g} mm de la peau\u00a0: {items} et {more} de plus"},
    "point_updated": "{point}\u00a0: {changes}",
    "point_moved": "déplacé de {distance_mm:.1f} mm",
    "name_changed": "nom « {before} » → « {after} »",
    "depth_changed": "profondeur {before_mm:g} → {after_mm:g} mm",
    "volume_changed": "volume {before_ml:g} → {after_ml:g} ml",
    "notes_changed": "notes modifiées",
    "import_summary": "{items}",
    # the command line (mesomap.cli)
    # les comptes rendus de la ligne de commande (mesomap.cli_words)
    "cli_imported": {"one": "{file}\u00a0: {count} point réflexe importé de {source}",
                     "other": "{file}\u00a0: {count} points réflexes importés de {source}"},
    "cli_points_updated": {"one": "{count} mis à jour", "other": "{count} mis à jour"},
    "cli_points_unchanged": {"one": "{count} inchangé", "other": "{count} inchangés"},
    "cli_step_pictures": {"one": "{file}\u00a0: {count} image d'étape ({first} … {last})",
                          "other": "{file}\u00a0: {count} images d'étapes ({first} … {last})"},
    "cli_handout": {"one": "{file}\u00a0: polycopié de {count} page", "other": "{file}\u00a0: polycopié de {count} pages"},
    "cli_class_scored": {"one": "{file}\u00a0: {count} réponse, {passed} réussie(s)",
                         "other": "{file}\u00a0: {count} réponses, {passed} réussie(s)"},
    "cli_class_unscored": {"one": "{count} impossible à noter", "other": "{count} impossibles à noter"},
    "cli_transferred": {"one": "{file}\u00a0: {zones} zones, {points} points, {count} injection replacée sur {scan}",
                        "other": "{file}\u00a0: {zones} zones, {points} points, {count} injections replacées sur {scan}"},
    "cli_recall_patients": {"one": "lot {lot}\u00a0: {count} patient", "other": "lot {lot}\u00a0: {count} patients"},
    "cli_recall_sessions": {"one": "{count} séance", "other": "{count} séances"},
    "problem_count": {"one": "{count} problème", "other": "{count} problèmes"},
    "import_new_points": {"one": "{count} nouveau point réflexe", "other": "{count} nouveaux points réflexes"},
    "import_updated_points": {"one": "{count} mis à jour ({items})", "other": "{count} mis à jour ({items})"},
    "import_updated_points_and_more": {"one": "{count} mis à jour ({items} et {more} de plus)",
                                       "other": "{count} mis à jour ({items} et {more} de plus)"},
    "import_unchanged_points": {"one": "{count} inchangé", "other": "{count} inchangés"},
    "undo_import_points": {"one": "Importer {count} point réflexe", "other": "Importer {count} points réflexes"},
    "undo_update_points": {"one": "Mettre à jour {count} point réflexe",
                           "other": "Mettre à jour {count} points réflexes"},
    # plans from templates (mesomap.io.plan_builder)
    "template_zone_problems": "zone {template}\u00a0: {problems}",
    "no_zone_template": "aucun modèle de zone {templates}\u202f; voir `mesomap zones`",
    "no_point_template": "aucun point réflexe {key}\u202f; voir `mesomap points`",
    # exports (mesomap.io.exports, export_pdf, export_interop)
    "zone_has_no_grid": "la zone « {zone} » n'a pas encore de grille d'injections\u202f; calculez-la d'abord",
    "zone_grid_stale": "la zone « {zone} » a changé depuis le calcul de sa grille\u202f; recalculez-la",
    "injections_off_zone": {
        "one": "{count} injection se trouve hors de sa zone, la première {first}\u202f; déplacez-la, supprimez-la ou "
               "recalculez la grille",
        "other": "{count} injections se trouvent hors de leurs zones, la première {first} (et {more} de plus)\u202f; "
                 "déplacez-les, supprimez-les ou recalculez les grilles"},
    "nothing_to_export": "le plan n'a aucune injection à exporter",
    "sheet_texts_unreadable": "{file}\u00a0: les textes de la fiche de séance sont illisibles ({reason})",
    "sheet_font_unreadable": "{file}\u00a0: la police de la fiche de séance est illisible\u202f; réinstallez mesomap",
    "mesh_suffix_wrong": "--format mesh écrit du .ply ou du .obj, pas {suffix}",
    "mesh_suffix_missing": "--format mesh écrit du .ply ou du .obj, pas un nom sans extension",
    # reading files (mesomap.io.json_reader and every reader built on it)
    "file_kind_plan_file": "fichier de plan",
    "file_kind_markups_file": "fichier de repères (markups)",
    "file_kind_device_program": "programme d'appareil",
    "file_kind_device_profile": "profil d'appareil",
    "file_kind_sidecar": "fichier annexe",
    "file_kind_mesh_file": "fichier de maillage",
    "file_kind_mesomap_device_program": "programme d'appareil mesomap",
    "file_kind_mesomap_device_profile": "profil d'appareil mesomap",
    "file_kind_lesson_file": "fichier de leçon",
    "field_problem": "{file}\u00a0: {field}\u00a0: {problem}",
    "field_missing": "est absent",
    "expected_object": "un objet était attendu, trouvé {found}",
    "expected_list": "une liste était attendue, trouvé {found}",
    "expected_text": "du texte était attendu, trouvé {found}",
    "expected_number": "un nombre était attendu, trouvé {found}",
    "expected_whole_number": "un nombre entier était attendu, trouvé {found}",
    "text_too_long": "dépasse {max_chars} caractères",
    "lone_surrogate": "le caractère {position} est un demi-code UTF-16 isolé (échappement {code_point:#06x}), pas un "
                      "caractère\u202f; corrigez le texte là où il a été écrit",
    "not_finite": "{value} n'est pas un nombre fini",
    "absurd_number": "est un nombre démesurément grand",
    "not_one_of": "{value} ne fait pas partie de {options}",
    "id_used_twice": "{value} est utilisé deux fois",
    "schema_newer": "la version {version} est plus récente que ce que ce mesomap comprend",
    "schema_other": "ce n'est pas un {what} ({expected} attendu, {found} trouvé)",
    "file_missing": "{file}\u00a0: fichier introuvable",
    "file_unreadable": "{file}\u00a0: lecture impossible ({reason})",
    "file_is_folder": "{file}\u00a0: c'est un dossier, pas un {what}",
    "file_not_regular": "{file}\u00a0: c'est un périphérique, un tube ou une socket, pas un fichier ordinaire\u202f; pas un "
                        "{what}",
    "file_too_large": "{file}\u00a0: plus de {size}\u202f; pas un {what}",
    "file_not_utf8": "{file}\u00a0: pas un fichier texte (pas de l'UTF-8)",
    "file_not_json": "{file}\u00a0: JSON non valide (ligne {line}, colonne {column}\u00a0: {reason})",
    "file_too_deep": "{file}\u00a0: imbriqué trop profondément pour être un {what}",
    # 3D Slicer markups (mesomap.io.import_markups)
    "markups_units_malformed": "une unité comme « mm » ou un triplet de codes [\"mm\", \"UCUM\", \"millimeter\"] "
                               "était attendu",
    "markups_units_not_text": "une unité comme « mm » était attendue, trouvé {found}",
    "markups_units_unknown": "{unit} est une unité que mesomap ne connaît pas\u202f; utilisez {known}",
    "expected_3_numbers": "3 nombres étaient attendus",
    "markups_schema_other": "{schema} n'est pas un schéma de repères 3D Slicer",
    "markups_schema_newer": "la version {version} du schéma de repères est plus récente que ce que mesomap lit "
                            "(version 1)",
    "markups_missing": "est absent (pas un fichier de repères 3D Slicer)",
    "markups_no_points": "aucun point placé dans aucune liste de points ({point_type})",
    "markups_no_points_skipped": "aucun point placé dans aucune liste de points ({point_type})\u00a0: {skipped}",
    "skipped_not_point_list": "{where} « {name} » est un {type}, pas une liste de points",
    "skipped_grid_export": "{where} « {name} » est la grille d'injections d'une zone exportée par mesomap, pas des "
                           "points réflexes",
    "skipped_not_placed": "{label} ({where}) n'est pas placé ({status})",
    # devices (mesomap.model.devices)
    "quantity_mode": "mode",
    "quantity_volume_per_shot": "volume par tir",
    "quantity_shot_rate": "cadence de tir",
    "quantity_flow": "débit",
    "step_range": "{low:g}–{high:g} {unit} par pas de {step:g} {unit}",
    "not_offered": "non proposé",
    "where_zone": "zone « {zone} »",
    "where_reflex_point": "point réflexe {point}",
    "where_plan": "plan",
    "where_program": "programme {number} ({name})",
    "at": "{where}\u00a0: {problem}",
    "mode_from_technique": "technique {technique}",
    "mode_chosen": "le mode choisi",
    "mode_from_reflex": "points réflexes (point par point)",
    "profile_field": "{field}\u00a0: {problem}",
    "mode_needed": "au moins un mode est nécessaire",
    "mode_not_known": "« {mode} » ne fait pas partie de {modes}",
    "range_malformed": "il faut 0 < min <= max et un pas > 0 (trouvé {low:g}, {high:g}, {step:g})",
    "range_max_off_step": "le max {high:g} n'est pas le min {low:g} plus un nombre entier de pas de {step:g}",
    "rate_range_needed": "les modes tir unique et multi-tirs demandent une plage de cadence avec une valeur par défaut",
    "rate_not_settable": "{rate_hz:g} n'est pas une cadence réglable ({range})",
    "flow_range_needed": "le mode continu demande une plage de débit avec une valeur par défaut",
    "flow_not_settable": "{flow_ml_min:g} n'est pas un débit réglable ({range})",
    "needle_needed": "au moins une longueur d'aiguille est nécessaire",
    "needle_length_absurd": "{length_mm:g} mm n'est pas une longueur d'aiguille ({low_mm:g}–{high_mm:g} mm)",
    "at_least_one": "{value} doit valoir au moins 1",
    "outside_device_range": "{quantity} {value:g} {unit} est hors de la plage de l'appareil {range}",
    "off_device_step": "{quantity} {value:g} {unit} n'est pas réglable\u00a0: le pas le plus proche est {nearest:g} {unit}, "
                       "un écart de {change_pct:.0f} % (au plus {max_change_pct:.0f} % est arrondi sans avertir)\u202f; "
                       "prévoyez une valeur sur les pas de l'appareil ({range})",
    "rounded": "{where}\u00a0: {quantity} {planned:g} {unit} arrondi à {rounded:g} {unit} (pas de l'appareil "
               "{step:g} {unit}, écart de {change_pct:.1f} %)",
    "mode_not_offered_by": "le mode {mode} ({mode_from}) n'est pas proposé par {device}\u202f; il propose {offered}",
    "deeper_than_longest_needle": "la profondeur {depth_mm:g} mm dépasse la plus longue aiguille que {device} "
                                  "accepte ({needles_mm} mm)",
    "needle_not_offered_by": "l'aiguille de {needle_mm:g} mm n'est pas proposée par {device}\u202f; il accepte "
                             "{needles_mm} mm",
    "deeper_than_needle_at_most": "la profondeur {depth_mm:g} mm dépasse l'aiguille de {needle_mm:g} mm\u00a0: au plus "
                                  "{needle_mm:g} mm",
    "too_many_shots": "{shots} tirs, mais {device} en contient au plus {max_shots} par programme",
    "too_many_shots_to_split": "{shots} tirs, mais {device} en contient au plus {max_shots} par programme (les points "
                               "{first_extra}–{shots} n'y entrent pas)\u202f; divisez la zone ou élargissez l'espacement",
    "too_many_programs": {"one": "{count} programme, mais {device} en stocke au plus {max_programs}",
                          "other": "{count} programmes, mais {device} en stocke au plus {max_programs}"},
    "too_many_programs_for_plan": {
        "one": "{count} programme (un par zone et par réglage de points réflexes), mais {device} en stocke au plus "
               "{max_programs}\u202f; exportez moins de zones à la fois",
        "other": "{count} programmes (un par zone et par réglage de points réflexes), mais {device} en stocke au "
                 "plus {max_programs}\u202f; exportez moins de zones à la fois"},
    "mode_not_offered": "le mode « {mode} » n'est pas proposé",
    "value_not_settable": "{field} {value:g} n'est pas réglable ({range})",
    "needle_not_offered": "l'aiguille de {needle_mm:g} mm n'est pas proposée",
    "mode_needs_only": "le mode {mode} ne demande que {field}",
    # device programs (mesomap.io.device_program)
    "mode_for_unknown_zone": "un mode a été choisi pour la zone « {zone} », que le plan n'a pas",
    "plan_does_not_fit": {"one": "le plan ne convient pas à {device}\u00a0: {count} problème, le premier\u00a0: {first}",
                          "other": "le plan ne convient pas à {device}\u00a0: {count} problèmes, le premier\u00a0: {first}"},
    "example_profile": "{device} est un profil d'exemple, pas la spécification d'un véritable appareil",
    "shortest_needle_chosen": "l'aiguille de {needle_mm:g} mm est la plus courte que {device} accepte qui atteint "
                              "{depth_mm:g} mm",
    "device_export_summary": "{programs} programmes, {shots} tirs, {volume_ml:.2f} ml pour {device} "
                             "(profil {profile})",
    "device_export_note": "remarque\u00a0: {note}",
    "device_export_rounded": "arrondi\u00a0: {rounding}",
    "nothing_rounded": "arrondi\u00a0: rien (chaque valeur est sur les pas de l'appareil)",
    "program_not_sealed": "{file}\u00a0: pas un programme d'appareil mesomap scellé (il doit finir par la ligne "
                          "content_sha256\u202f; a-t-il été modifié ou réenregistré ?)",
    "program_seal_mismatch": "{file}\u00a0: content_sha256 ne correspond pas au contenu ({expected}… attendu, {found}… "
                             "trouvé)\u00a0: le fichier a été modifié ou abîmé après l'export\u202f; refusé",
    "program_number_expected": "{number} attendu (les programmes sont numérotés 1, 2, … dans l'ordre)",
    "number_expected": "{number} attendu",
    "continuous_needs_flow": "le mode continu demande flow_ml_per_min et pas de rate_hz",
    "mode_needs_rate": "le mode {mode} demande rate_hz et pas de flow_ml_per_min",
    "shots_differ": "indique {says} mais le programme liste {listed} points",
    "not_positive": "{value:g} doit être supérieur à 0",
    "seal_field_differs": "diffère de la ligne de scellement",
    "order_used_twice": "un numéro d'ordre d'injection est utilisé deux fois",
    "not_a_date_or_empty": "{value} n'est pas une date écrite AAAA-MM-JJ (p. ex. 2026-11-23) ni vide",
    "totals_differ": "les totaux diffèrent des programmes listés",
    # device profiles (mesomap.io.device_profiles)
    "profile_problem": "{file}\u00a0: {problem}",
    "range_malformed_named": "il faut 0 < min <= max et un pas > 0 (trouvé min {low:g}, max {high:g}, "
                             "pas {step:g})",
    "max_off_step": "{high:g} n'est pas le min {low:g} plus un nombre entier de pas de {step:g}",
    "step_value_not_settable": "{value:g} n'est pas une valeur réglable ({range})",
    "profile_id_malformed": "{profile_id} n'est pas un identifiant de profil (minuscules, chiffres, - et _)",
    "no_such_profile": "aucun profil d'appareil {profile_id}\u202f; connus\u00a0: {known} (ajoutez le vôtre dans {path})",
    # sending a program (mesomap.io.device_link)
    "transfer_progress": "{acked} blocs sur {total} ont été acquittés ({done_bytes} octets sur {total_bytes})",
    "nothing_sent_yet": "rien n'a encore été envoyé",
    "keeps_previous": "{problem}\u202f; {progress}\u202f; l'appareil garde son programme précédent",
    "not_sent": "{problem}\u202f; rien n'a été envoyé",
    "stage_hello": "HELLO (la prise de contact)",
    "stage_chunk": "bloc {number} sur {total}",
    "no_answer": "aucune réponse de {device} à {what} en {timeout_s:g} s ({tries} essais)\u202f; l'appareil est-il allumé, "
                 "connecté et en mode transfert\u202f?",
    "no_answer_link_cut": "aucune réponse de {device} à {what} en {timeout_s:g} s ({tries} essais)\u00a0: la liaison est "
                          "peut-être coupée",
    "not_accepted": "{what} n'a pas été accepté par {device} en {tries} essais (dernière réponse\u00a0: {last_reply})",
    "does_not_speak": "{device} ne parle pas {protocol} (il répond\u00a0: {reply})",
    "speaks_other": "{device} parle {spoken}, pas {protocol}",
    "refused_program": "{device} a refusé le programme\u00a0: {reason}",
    "dropped_transfer": "{device} a abandonné le transfert (il répond {reply})",
    "memory_full": "la mémoire de l'appareil est pleine ({detail})\u202f; libérez de la place et renvoyez",
    "memory_full_no_reason": "la mémoire de l'appareil est pleine (sans précision)\u202f; libérez de la place et renvoyez",
    "commit_refused": "{device} a refusé de valider le programme ({reason})",
    "wrong_device": "l'appareil sur {port} est « {device_id} », mais le programme est pour « {expected} »\u202f; rien n'a "
                    "été envoyé",
    "program_too_big": "le programme fait {size} octets, mais {device_id} sur {port} en accepte au plus {max_bytes}\u202f; "
                       "rien n'a été envoyé",
    "no_program_to_send": "il n'y a aucun programme à envoyer (0 octet)",
    "already_holds": "l'appareil contient déjà ce programme\u202f; rien n'a été envoyé",
    "no_commit_reply": "aucune réponse à COMMIT (aucune en {timeout_s:g} s, {tries} essais)",
    "commit_reply_not_understood": "la réponse de l'appareil à COMMIT n'a pas été comprise ({reason})",
    "link_lost_after_commit": "liaison avec {port} perdue après l'envoi de COMMIT ({reason})",
    "cancel_after_commit": "l'annulation est arrivée après l'envoi de COMMIT",
    "holds_new": "{cause}\u202f; interrogé par STATUS, l'appareil contient le nouveau programme",
    "state_unknown": "{cause}, et {device} ne répond pas à STATUS\u00a0: le programme de l'appareil est inconnu, ce peut "
                     "être le nouveau ({new}) ou le précédent ({old})\u202f; n'utilisez pas l'appareil avant de vérifier, "
                     "reconnectez-le et renvoyez (mesomap demande d'abord à l'appareil quel programme il contient)",
    "holds_other": "{cause}\u202f; interrogé par STATUS, {device} contient {holds}, pas le nouveau programme {new}\u00a0: il n'a "
                   "pas été validé\u202f; renvoyez",
    "holds_no_program": "aucun programme",
    "holds_previous": "son programme précédent {sha256}",
    "holds_another": "un autre programme {sha256} (ni le précédent ni celui-ci)",
    "transfer_cancelled": "transfert vers {port} annulé\u202f; {progress}\u202f; l'appareil a reçu l'ordre de l'abandonner et "
                          "garde son programme précédent",
    "transfer_cancelled_before_sending": "transfert vers {port} annulé avant tout envoi\u202f; l'appareil garde son "
                                         "programme précédent",
    "link_lost": "liaison avec {port} perdue ({reason})\u202f; {progress}\u202f; l'appareil garde son programme précédent\u202f; "
                 "reconnectez-le et renvoyez",
    "cannot_open_port": "impossible d'ouvrir {port}\u00a0: {reason}",
    # writing files (mesomap.io.atomic)
    "write_target_folder": "{file}\u00a0: c'est un dossier, pas un fichier\u202f; choisissez un nom de fichier où écrire",
    "write_target_not_regular": "{file}\u00a0: c'est un périphérique, un tube ou une socket, pas un fichier ordinaire\u202f; "
                                "choisissez un fichier où écrire",
    "nothing_written": "rien n'a été écrit dans {file}",
    # plan files (mesomap.io.plan_file)
    "units_not_mm": "doit être « mm », trouvé {found}",
    "v1_injections_not_empty": "un plan de version 1 garde ses injections dans ses zones\u202f; cette liste doit être vide",
    "not_a_plan": "ce n'est pas un plan mesomap ({found} trouvé)",
    "plan_version_newer": "la version {version} est plus récente que ce que ce mesomap comprend\u202f; mettez mesomap à "
                          "jour",
    "plan_version_unknown": "{schema} n'est pas une version du fichier de plan que ce mesomap connaît",
    "not_a_share": "{parts:g} n'est pas une part entre 0 et 100",
    "face_run_outside": {"one": "les faces {first}… (+{count}) sortent de 0–{last_face}, les faces à peindre du corps",
                         "other": "les faces {first}… (+{count}) sortent de 0–{last_face}, les faces à peindre du "
                                  "corps"},
    "more_faces_than_body": "plus de faces que le corps n'en a",
    "face_outside": "{face} est hors de 0–{last_face}",
    "weights_invalid": "doit être trois poids positifs ou nuls de somme 1",
    "unknown_body": "corps inconnu {body_id}\u202f; ce mesomap a {known}",
    "other_body": "le plan a été fait sur un autre corps {body_id} (son empreinte géométrique diffère)",
    "not_a_calendar_day": "{date} n'est pas un jour du calendrier (ce jour n'existe pas dans ce mois)",
    "not_a_session_number": "{session} n'est pas un numéro de séance (1–1000)",
    # meshes (mesomap.io.meshes)
    "units_unclear": "{file}\u00a0: impossible de déduire les unités de la taille du corps {height:g} (environ 1,7 m, "
                     "17 dm, 170 cm ou 1700 mm attendu)\u202f; choisissez les unités explicitement",
    "unknown_bundled_body": "corps inconnu {body_id}\u202f; choisissez parmi {known}",
    "shape_unknown_slider": "morphologie\u00a0: il n'y a pas de curseur {slider}\u202f; les curseurs sont {known}",
    "shape_slider_out_of_range": "morphologie\u00a0: {slider} vaut {value:g}, il doit être entre {low:g} et {high:g}",
    "shape_slider_not_a_number": "morphologie\u00a0: {slider} n'est pas un nombre",
    "shape_height_out_of_reach": "morphologie\u00a0: une taille de {height_mm} mm est hors de portée du curseur de taille "
                                 "({low_mm}–{high_mm} mm avec les autres curseurs tels quels)",
    "shape_weight_out_of_reach": "morphologie\u00a0: un poids de {weight_kg:g} kg est hors de portée du curseur de poids "
                                 "({low_kg:g}–{high_kg:g} kg pour cette taille et cette corpulence)",
    "shape_directions_damaged": "les données de morphologie {path} sont absentes ou abîmées\u202f; réinstallez mesomap",
    "shape_needs_bundled_body": "Affichez un corps fourni pour le modeler\u00a0: un maillage personnel ne peut pas être "
                                "modelé.",
    "bundled_body_damaged": "le corps fourni « {body_id} » est absent ou abîmé dans {path}\u202f; réinstallez mesomap",
    "paint_topology_damaged": "la topologie de peinture est absente ou abîmée dans {path}\u202f; réinstallez mesomap",
    "mesh_empty": "{file}\u00a0: le fichier ne contient aucun triangle (vide, ou seulement des points/lignes)",
    "mesh_not_triangles": "{file}\u00a0: les faces ne sont pas des triangles après triangulation",
    "mesh_too_large": "{file}\u00a0: {triangles:,} triangles, c'est plus que les {max_triangles:,} que mesomap peut "
                      "traiter\u202f; simplifiez d'abord le maillage",
    "mesh_not_finite": {"one": "{file}\u00a0: {count} sommet a des coordonnées NaN ou infinies",
                        "other": "{file}\u00a0: {count} sommets ont des coordonnées NaN ou infinies"},
    "mesh_bad_indices": "{file}\u00a0: des faces renvoient à des sommets qui n'existent pas",
    "mesh_cut_short": "{file}\u00a0: le fichier {format} est tronqué ({rows:,} des {announced:,} lignes de sommets et de "
                      "faces annoncées par son en-tête)\u202f; exportez-le de nouveau",
    "mesh_unreadable": "{file}\u00a0: maillage illisible\u00a0: le fichier {format} est abîmé, tronqué ou d'un autre format",
    "height_implausible": "{file}\u00a0: en {units}, le corps mesurerait {height}, ce n'est pas une taille humaine "
                          "({low_m:g}–{high_m:g} m)\u202f; choisissez les unités dans lesquelles le fichier a été fait",
    "mesh_suffix_unsupported": "{file}\u00a0: type de fichier {suffix} non pris en charge\u202f; utilisez {known}",
    "mesh_suffix_none": "{file}\u00a0: type de fichier non pris en charge (sans extension)\u202f; utilisez {known}",
    "unknown_units": "unités inconnues {units}\u202f; choisissez parmi {known}",
    "units_note": "unités\u00a0: {units} (taille {height:g} dans le fichier)",
    "turned_y_up": "tourné de y vers le haut à z vers le haut",
    "turned_x_up": "tourné de x vers le haut à z vers le haut",
    # scans (mesomap.io.scans)
    "scan_units_unclear": "{file}\u00a0: sa taille {size:g} convient à plusieurs unités ({choices})\u202f; choisissez les unités "
                          "dans lesquelles le scan a été fait",
    "scan_suffix_unsupported": "{file}\u00a0: type de scan {suffix} non pris en charge\u202f; utilisez {known}",
    "scan_pieces_dropped": "la plus grande pièce du scan a été gardée\u202f; {pieces} pièces plus petites ({percent:g} % de "
                           "la surface) ont été écartées",
    "scan_holes": {"one": "le scan a {count} bord ouvert (trou ou bord coupé, {length_mm:g} mm en tout)\u202f; les repères "
                          "et l'ajustement n'utilisent que la peau présente",
                   "other": "le scan a {count} bords ouverts (trous ou bords coupés, {length_mm:g} mm en tout)\u202f; les "
                            "repères et l'ajustement n'utilisent que la peau présente"},
    "scan_non_manifold": {"one": "le scan a {count} arête partagée par trois triangles ou plus\u202f; elle a été gardée "
                                 "telle quelle",
                          "other": "le scan a {count} arêtes partagées par trois triangles ou plus\u202f; elles ont été "
                                   "gardées telles quelles"},
    "scan_simplified": "simplifié de {before:,} à {after:,} triangles pour la peinture\u202f; les positions restent sur la "
                       "surface d'origine",
    "scan_size_implausible": "{file}\u00a0: en {units}, le scan mesurerait {size_m:g} m, ni un corps ni une partie de corps "
                             "({low_m:g}–{high_m:g} m)\u202f; choisissez les unités dans lesquelles le scan a été fait",
    "scan_partial": "un scan partiel ({size_mm:g} mm)\u00a0: placez des repères dessus avant l'ajustement",
    "scan_texture_unreadable": "sa texture {image} est illisible\u202f; le scan est affiché couleur peau",
    "fit_unreadable": "{file}\u00a0: pas un fichier d'ajustement mesomap (abîmé, ou d'un autre type)",
    "scan_missing": "le scan {scan} n'est pas à côté de l'ajustement dans {folder}\u202f; remettez-le là",
    "scan_other": "{scan} n'est pas le scan sur lequel {fit} a été ajusté (son contenu diffère)\u202f; utilisez le scan "
                  "d'origine",
    "landmark_label_unknown": "{file}\u00a0: {label} n'est pas un nom de repère\u202f; utilisez {known}",
    "landmark_off_scan": "{file}\u00a0: le repère {label} est à {distance_mm:g} mm du scan\u202f; les points doivent être "
                         "dans les coordonnées propres du fichier du scan",
    "fit_summary": "ajustement\u00a0: du scan au modèle {scan_median:.1f} mm en médiane, {scan_p95:.1f} mm au 95e centile\u202f; "
                   "du modèle au scan {fit_median:.1f} mm en médiane, {fit_p95:.1f} mm au 95e centile",
    "fit_landmark_line": "repère {name}\u00a0: {residual_mm:.1f} mm",
    "transfer_other_topology": "le plan sur le corps {body} utilise une autre topologie de peinture que l'ajustement\u202f; "
                               "faites le plan et l'ajustement avec le même mesomap",
    "fit_data_damaged": "les données d'ajustement du corps de référence sont absentes ou abîmées dans {path}\u202f; "
                        "réinstallez mesomap",
    "fit_needs_landmarks": {"one": "un scan partiel demande au moins 3 repères pour l'ajustement\u202f; {count} seul placé",
                            "other": "un scan partiel demande au moins 3 repères pour l'ajustement\u202f; {count} "
                                     "seulement placés"},
    "fit_landmark_unknown": "repère inconnu {name}\u202f; les repères connus sont {known}",
    "fit_far": "l'ajustement s'écarte de {distance_mm:g} mm du scan à {region} (95e centile)\u202f; vérifiez les repères "
               "à cet endroit ou refaites le scan",
    "fit_landmark_misplaced": "le repère {name} est à {residual_mm:g} mm de là où la forme du corps le place\u202f; "
                              "vérifiez qu'il a été bien placé",
    "fit_landmark_far": "le repère {name} est à {residual_mm:g} mm de là où il a été placé\u202f; vérifiez-le",
    # file structure (mesomap.io.schema_check)
    "json_type_number": "un nombre",
    "json_type_integer": "un nombre entier",
    "json_type_string": "du texte",
    "json_type_array": "une liste",
    "json_type_object": "un objet",
    "json_type_boolean": "vrai ou faux",
    "json_type_null": "null",
    "expected_types": "{alternatives} attendu, trouvé {found}",
    "schema_says": "{text}",
    "schema_says_of": "{value} {text}",
    "must_be": "doit être {expected}, trouvé {found}",
    "text_empty": "est vide",
    "below": "{value} est inférieur à {limit}",
    "above": "{value} est supérieur à {limit}",
    "too_few_entries": {"one": "au moins {count} entrée attendue", "other": "au moins {count} entrées attendues"},
    "too_many_entries": {"one": "au plus {count} entrée attendue", "other": "au plus {count} entrées attendues"},
    "entry_twice": "une entrée figure deux fois",
    "not_valid_here": "n'est pas valide ici",
    # zone and reflex-point templates (mesomap.io.templates)
    "template_zone_at": "zone n° {index}",
    "template_zone": "zone « {zone_id} »",
    "template_point_at": "point réflexe n° {index}",
    "template_point": "point réflexe « {point_id} »",
    "template_problem": "{file}\u00a0: {where}\u00a0: {problem}",
    "template_field_missing": "champ « {field} » absent",
    "template_not_text": "le champ « {field} » doit être un texte non vide, trouvé {got}",
    "template_not_number": "le champ « {field} » doit être un nombre, trouvé {got}",
    "template_negative": "le champ « {field} » doit être >= 0, trouvé {got}",
    "template_not_positive": "le champ « {field} » doit être positif, trouvé {got}",
    "template_not_strings": "le champ « {field} » doit être une liste de textes",
    "template_not_id": "le champ « {field} » n'est pas un identifiant valide\u00a0: {got}",
    "template_not_one_of": "le champ « {field} » doit être l'un de {options}, trouvé {got}",
    "template_must_be_object": "doit être un objet",
    "template_faces_empty": "le champ « faces » doit être une liste non vide d'identifiants de faces",
    "template_faces_not_integers": "le champ « faces » ne doit contenir que des entiers",
    "template_face_out_of_range": "champ « {field} »\u00a0: l'identifiant de face {face} est hors de 0..{last_face}",
    "template_face_twice": "le champ « faces » cite deux fois un même identifiant de face",
    "template_deeper_than_needle": "depth_mm {depth_mm:g} dépasse needle_length_mm {needle_mm:g}",
    "template_not_positive_integer": "le champ « {field} » doit être un entier positif, trouvé {got}",
    "template_barycentric_not_3": "le champ « barycentric » doit contenir 3 nombres, trouvé {got}",
    "template_barycentric_negative": "le champ « barycentric » a un poids négatif\u00a0: {got}",
    "template_barycentric_sum": "la somme du champ « barycentric » doit être 1, elle vaut {total:.6g}",
    "template_angle": "le champ « angle_deg » doit être dans ]0, 90], trouvé {got}",
    "template_not_object": "{file}\u00a0: le niveau supérieur doit être un objet JSON",
    "template_schema_malformed": "{file}\u00a0: « @schema » absent ou mal formé ({expected} attendu), trouvé {got}",
    "template_schema_unknown": "{file}\u00a0: schéma inconnu {schema} ({expected} attendu)",
    "template_schema_major": "{file}\u00a0: version majeure {major} de {schema} non prise en charge\u202f; ce mesomap lit "
                             "{reads}",
    "template_units": "{file}\u00a0: « units » doit valoir « mm », trouvé {got}",
    "template_not_list": "{file}\u00a0: « {key} » doit être une liste",
    "template_topology": "{file}\u00a0: « topology » doit être un texte",
    "template_duplicate_zone": "{file}\u00a0: identifiant de zone « {item_id} » en double",
    "template_duplicate_point": "{file}\u00a0: identifiant de point réflexe « {item_id} » en double",
    "template_unreadable": "{file}\u00a0: impossible de lire le fichier des zones\u00a0: {reason}",
    "template_not_utf8": "{file}\u00a0: pas du texte UTF-8\u00a0: {reason}",
    "template_faces_do_not_fit": "{what}\u00a0: les identifiants de faces ne conviennent pas à un maillage de {n_faces} "
                                 "faces",
    # the planning session (mesomap.session.messages)
    "needs_bundled_body": "Les plans se font sur les corps fournis ou sur un scan ajusté\u00a0: "
                          "passez à Femme ou Homme, ou ajustez le scan et cliquez sur Plan sur ce scan.",
    "session_done_read_only": "La séance {number} est terminée\u00a0: son plan est en lecture seule (Fichier › "
                              "Enregistrer sous… en garde une copie modifiable).",
    "grids_need_bundled_body": "Les grilles se calculent sur les corps fournis\u00a0: passez à Femme ou Homme.",
    "select_zone_to_erase": "Sélectionnez une zone à gommer.",
    "hidden_zone_shown": "{zone} était masquée\u00a0: elle est réaffichée pendant que vous la peignez.",
    "zone_already_in_plan": "{zone} est déjà dans le plan\u00a0: elle est sélectionnée.",
    "point_already_in_plan": "{code} ({side}) est déjà dans le plan\u00a0: il est sélectionné.",
    "zone_not_painted": "{zone} n'a pas encore de peau peinte\u00a0: peignez-la d'abord (B).",
    "nothing_to_lay_out": "Il n'y a aucune zone peinte dont calculer la grille.",
    "skipped_unpainted": "{zones} ignorée(s)\u00a0: rien n'est encore peint.",
    "layout_cancelled": "Calcul annulé\u00a0: les grilles sont restées telles quelles.",
    "layout_failed": "Impossible de calculer {failures}",
    "layout_failed_zone": "{zone}\u00a0: {why}",
    "changed_while_laid_out": "{zones} a changé pendant le calcul de la grille\u00a0: sa grille n'est plus à jour — "
                              "générez-la de nouveau (Ctrl+G).",
    "laid_out": {"one": "{count} injection placée ({zones})", "other": "{count} injections placées ({zones})"},
    "no_grid_to_edit": "{zone} n'a pas encore de grille\u00a0: générez-la d'abord (Ctrl+G), puis modifiez ses points.",
    "grid_out_of_date_to_edit": "{zone} a changé depuis le calcul de sa grille\u00a0: régénérez-la (Ctrl+G) avant de "
                                "modifier ses points.",
    "injection_outside_zone": "C'est hors de {zone}\u00a0: les points d'injection s'ajoutent à l'intérieur de leur zone.",
    "click_skin_for_point": "Cliquez sur la peau pour placer un point.",
    "click_skin_for_injection": "Cliquez sur la peau à l'intérieur d'une zone pour y ajouter un point d'injection.",
    "click_zone_for_injection": "Cliquez à l'intérieur d'une zone pour ajouter un point d'injection\u202f; les points "
                                "restent dans leur zone.",
    "select_zone_to_fill": "Sélectionnez une zone au contour peint pour la remplir.",
    "click_inside_outline": "Cliquez sur la peau à l'intérieur du contour peint de {zone} pour le remplir.",
    "outline_not_closed": "Le contour de {zone} n'est pas fermé\u00a0: fermez-le et remplissez de nouveau (rien n'a été "
                          "rempli).",
    "select_zone_to_mirror": "Sélectionnez une zone gauche ou droite à reproduire en miroir.",
    "no_other_side": "{zone} est une zone {side}\u00a0: elle n'a pas d'autre côté où se refléter.",
    "no_mirror_map": "Ce corps n'a pas de correspondance gauche/droite\u00a0: les zones ne peuvent pas y être reflétées.",
    "zone_mirrored": "{zone} reproduite côté {side} sous le nom {other}.",
    "undo_switch_body": "Passer au corps {body}",
    "undo_body_shape": "Modeler le corps",
    "undo_plan_on_scan": "Reporter le plan sur {scan}",
    "undo_generate_grid": "Générer la grille de {zone}",
    "undo_generate_all": "Générer toutes les grilles",
    "undo_add_injection": "Ajouter une injection à {zone}",
    "undo_move_injection": "Déplacer l'injection {order} de {zone}",
    "undo_delete_injection": "Supprimer l'injection {order} de {zone}",
    "undo_pin_injection": "Épingler l'injection {order} de {zone}",
    "undo_unpin_injection": "Désépingler l'injection {order} de {zone}",
    "undo_clear_grid": "Effacer la grille de {zone}",
    "undo_add_point": "Ajouter le point {code}",
    "undo_place_point": "Placer le point {code}",
    "undo_move_point": "Déplacer le point {code}",
    "undo_delete_point": "Supprimer le point {code}",
    "undo_set_point_field": "Régler {field} de {point}",
    "undo_paint": "Peindre {zone}",
    "undo_erase": "Gommer {zone}",
    "undo_add_zone": "Ajouter {zone}",
    "undo_delete_zone": "Supprimer {zone}",
    "undo_clear_zone": "Vider {zone}",
    "undo_fill": "Remplir {zone}",
    "undo_mirror_zone": "Reproduire {zone} de l'autre côté",
    "undo_set_zone_field": "Régler {field} de {zone}",
    "laying_out": "Calcul de {zones}…",
    "laying_out_more": "Calcul de {zones} et {more} de plus…",
    "previewing": "Aperçu…",
    "export_needs_profile": "l'export {format} demande un profil d'appareil",
    "empty_plan": "Rien n'est encore planifié\u00a0: ajoutez une zone depuis un modèle ou peignez-en une (B), calculez sa "
                  "grille (Ctrl+G), puis exportez ou imprimez la fiche de séance.",
    # quizzes (mesomap.model.quiz)
    "quiz_other_body": "la réponse a été faite sur le corps {answer_body}, la référence sur le corps {reference_body}\u202f; "
                       "répondez sur le corps de la référence",
    "quiz_nothing_asked": "le plan de référence n'a ni zone ni point réflexe à demander",
    "quiz_threshold_bad": "le seuil de réussite {name} « {value} » est hors limites",
    "quiz_pass_marks": "Seuils de réussite\u00a0: une zone est réussie avec un Dice ≥ {dice_min:g} et une distance moyenne "
                       "des bords d'au plus {border_mean_max_mm:g} mm\u202f; un point est réussi à moins de "
                       "{point_max_mm:g} mm le long de la peau.",
    "quiz_not_asked": "Non demandé (non noté)\u00a0: {items}",
    # lessons (mesomap.model.lesson)
    "lesson_step_problem": "étape {step}\u00a0: {field}\u00a0: {problem}",
    "lesson_unknown_zone": "le plan n'a pas de zone « {zone} »",
    "lesson_unknown_point": "le plan n'a pas de point réflexe « {point} »",
    "lesson_highlight_hidden": "la zone « {zone} » est mise en évidence mais pas affichée\u202f; affichez-la aussi",
    "lesson_camera_degenerate": "la caméra se trouve sur le point qu'elle regarde, ou sa direction haute est dans "
                                "l'axe de la vue",
    "lesson_value_range": "{value} est hors limites\u00a0: au moins {low:g} et au plus {high:g} {unit}",
    "lesson_no_step": {"one": "il n'y a pas d'étape {step}\u202f; la leçon en a {count}",
                       "other": "il n'y a pas d'étape {step}\u202f; la leçon en a {count}"},
    # the records store (mesomap.store)
    "record_conflict": "{what} {row_id} a été modifié sur un autre poste (vous aviez chargé la version {base_version}, "
                       "elle est maintenant en version {stored_version})\u202f; rien n'a été enregistré\u00a0: rechargez-le et "
                       "appliquez de nouveau vos changements à {fields}",
    "record_not_found": "il n'y a pas de {what} {row_id} dans les dossiers",
    "record_number_taken": "le numéro de dossier « {record_number} » appartient à un autre patient",
    "lot_expired": "le lot {lot} de {product} a expiré le {expiry}, avant la séance du {day}\u202f; confirmez pour "
                   "l'utiliser quand même",
    "session_frozen": "la séance {number} est terminée\u00a0: son plan est figé et ne peut plus changer",
    "checklist_unknown": "la liste des contre-indications n'a pas de question {keys}\u202f; les questions sont {known}",
    "record_value_range": "{field} vaut « {value} »\u00a0: au moins {low} et au plus {high}",
    "record_text_empty": "{field} est vide\u00a0: saisissez-le",
    "record_text_too_long": "{field} compte {length:,} caractères\u202f; il en contient au plus {limit}",
    "record_text_invalid": "{field} contient un caractère qu'aucune base de données ne peut stocker (un NUL ou un "
                           "caractère cassé)\u202f; saisissez-le de nouveau",
    "database_needs_upgrade": "la base des dossiers est à la révision de schéma {current} et ce mesomap demande "
                              "{head}\u00a0: sauvegardez-la (pg_dump) et lancez `mesomap db upgrade`",
    "database_too_new": "la base des dossiers est à la révision de schéma {current}, plus récente que ce que ce "
                        "mesomap connaît\u00a0: mettez mesomap à jour",
    "database_not_records": "{path} n'est pas une base de dossiers mesomap",
    "database_network_fs": "la base des dossiers {path} est sur un système de fichiers réseau ({fs})\u202f; SQLite peut "
                           "corrompre une base partagée ainsi\u00a0: utilisez PostgreSQL pour plusieurs postes",
    "database_upgraded": "base des dossiers mise à jour de la révision de schéma {before} à {head}\u202f; l'ancienne est "
                         "conservée dans {backup}",
    "database_sqlite_only": "`mesomap db {command}` fonctionne sur une base SQLite\u202f; pour PostgreSQL utilisez pg_dump "
                            "et pg_restore",
    "password_in_settings": "{path} contient un mot de passe de base de données\u202f; retirez-le et mettez le mot de "
                            "passe dans ~/.pgpass ou PGPASSWORD",
}
