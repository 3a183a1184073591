#!/usr/bin/env python3
"""Fills resources/translations/faultshare_de.ts (and the plural forms of
faultshare_en.ts) from the dictionaries below.

Run lupdate first (cmake --build <dir> --target update_translations), then
    python3 resources/translations/fill_translations.py
and run update_translations once more so that lupdate writes the files in its own
layout. Review the dictionaries, not the XML. A message the dictionary does not know stays
unfinished and is listed; tests/i18n/check_translations.cmake fails on it.

Terminology (NOC German): fault = Störung, link = Link, generate = erzeugen,
valid for = gültig für, expiry = Ablauf, key = API-Schlüssel, keychain = Schlüsselbund,
history = Verlauf, label = Bezeichnung, wall display = Wanddisplay, clipboard =
Zwischenablage, profile = Profil, settings = Einstellungen, demo server = Demo-Server.
Mnemonics (&) are unique per window, dialog and menu (Alt+D/A/H open the menus).
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# Same text, same translation in every context unless CONTEXT_DE says otherwise.
DE = {
    # --- ApiClient: fragments that end up inside one-sentence errors ---
    "the server's certificate has expired or is not valid yet; check this computer's date and time, and if they are right, the server's certificate must be renewed":
        "das Zertifikat des Servers ist abgelaufen oder noch nicht gültig; prüfen Sie Datum und Uhrzeit dieses Computers, und wenn sie stimmen, muss das Zertifikat des Servers erneuert werden",
    "the server's certificate is for another host name; check the API URL in Settings":
        "das Zertifikat des Servers gilt für einen anderen Hostnamen; prüfen Sie die API-URL in den Einstellungen",
    "the server's certificate is self-signed; if your company inspects TLS, set its CA file on the profile in Settings":
        "das Zertifikat des Servers ist selbst signiert; wenn Ihr Unternehmen TLS prüft, hinterlegen Sie dessen CA-Datei im Profil in den Einstellungen",
    "the server's certificate is from an unknown issuer; if your company inspects TLS, set its CA file on the profile in Settings":
        "das Zertifikat des Servers stammt von einem unbekannten Aussteller; wenn Ihr Unternehmen TLS prüft, hinterlegen Sie dessen CA-Datei im Profil in den Einstellungen",
    "the server's certificate was rejected (%1); check the API URL, the proxy and this computer's date and time":
        "das Zertifikat des Servers wurde abgelehnt (%1); prüfen Sie die API-URL, den Proxy sowie Datum und Uhrzeit dieses Computers",
    "cannot be read (%1)": "kann nicht gelesen werden (%1)",
    "holds no PEM certificate": "enthält kein PEM-Zertifikat",
    "connection refused": "Verbindung abgelehnt",
    "the connection was closed early": "die Verbindung wurde vorzeitig geschlossen",
    "host name not found": "Hostname nicht gefunden",
    "the TLS handshake failed; check the API URL and the proxy between this computer and the API":
        "der TLS-Handshake ist fehlgeschlagen; prüfen Sie die API-URL und den Proxy zwischen diesem Computer und der API",
    "the network is unavailable": "das Netzwerk ist nicht verfügbar",
    "the proxy failed": "der Proxy ist fehlgeschlagen",
    "unsafe or endless redirects": "unsichere oder endlose Weiterleitungen",
    "the answer could not be decoded": "die Antwort konnte nicht dekodiert werden",
    "not a valid HTTP answer": "keine gültige HTTP-Antwort",
    "network error %1": "Netzwerkfehler %1",
    "the API redirected to another host, and the key was not sent there":
        "die API hat auf einen anderen Host weitergeleitet, und der Schlüssel wurde nicht dorthin gesendet",
    "the answer is larger than %1 KiB": "die Antwort ist größer als %1 KiB",
    "HTTP %1, a redirect without a usable Location": "HTTP %1, eine Weiterleitung ohne verwendbare Location",
    "Enter the API URL, for example https://v1.api.altostrat.io.":
        "Geben Sie die API-URL ein, zum Beispiel https://v1.api.altostrat.io.",
    "The API URL must not contain a user name or password.":
        "Die API-URL darf keinen Benutzernamen und kein Passwort enthalten.",
    "The API URL must not contain ? or #.": "Die API-URL darf weder ? noch # enthalten.",
    "The API URL must start with https:// (plain http only for this computer).":
        "Die API-URL muss mit https:// beginnen (einfaches http nur für diesen Computer).",
    "The expiry must be between 1 minute and 30 days (1 to 43200 minutes).":
        "Die Gültigkeit muss zwischen 1 Minute und 30 Tagen liegen (1 bis 43200 Minuten).",
    "There is no usable token to preview; generate a new link and try again.":
        "Es gibt kein verwendbares Token für die Vorschau; erzeugen Sie einen neuen Link und versuchen Sie es erneut.",

    # --- ApiError: one sentence, what happened and what to do ---
    "1 second": "1 Sekunde",
    "%1 seconds": "%1 Sekunden",
    "%1 minutes": "%1 Minuten",
    "The request is not valid; check the expiry and the API URL":
        "Die Anfrage ist ungültig; prüfen Sie die Gültigkeit und die API-URL",
    "The system keychain could not be used (%1); unlock or start it, then try again.":
        "Der Schlüsselbund des Systems konnte nicht verwendet werden (%1); entsperren oder starten Sie ihn und versuchen Sie es erneut.",
    "no answer": "keine Antwort",
    "The API had a problem (HTTP %1); try again in %2, and check the Altostrat status page if it persists.":
        "Die API hatte ein Problem (HTTP %1); versuchen Sie es in %2 erneut und prüfen Sie die Altostrat-Statusseite, falls es anhält.",
    "The API had a problem (HTTP %1); try again in a moment, and check the Altostrat status page if it persists.":
        "Die API hatte ein Problem (HTTP %1); versuchen Sie es gleich erneut und prüfen Sie die Altostrat-Statusseite, falls es anhält.",
    "Could not reach the API (%1): check the network, VPN or proxy, then try again.":
        "Die API ist nicht erreichbar (%1): Prüfen Sie Netzwerk, VPN oder Proxy und versuchen Sie es erneut.",
    "no connection": "keine Verbindung",
    "The secure connection was refused: check this computer's date and time, or set your company's CA file on the profile in Settings.":
        "Die sichere Verbindung wurde abgelehnt: Prüfen Sie Datum und Uhrzeit dieses Computers oder hinterlegen Sie die CA-Datei Ihres Unternehmens im Profil in den Einstellungen.",
    "The secure connection was refused: %1": "Die sichere Verbindung wurde abgelehnt: %1",
    "The API did not answer in time: check the network, then try again.":
        "Die API hat nicht rechtzeitig geantwortet: Prüfen Sie das Netzwerk und versuchen Sie es erneut.",
    "Cancelled; nothing was created.": "Abgebrochen; es wurde nichts erzeugt.",
    "The API sent an answer FaultShare cannot use (%1): try again, and check the API URL if it persists.":
        "Die API hat eine Antwort gesendet, die FaultShare nicht verwenden kann (%1): Versuchen Sie es erneut und prüfen Sie die API-URL, falls es anhält.",
    "unreadable": "unlesbar",
    "The link is no longer valid: it has expired or was revoked; generate a new one.":
        "Der Link ist nicht mehr gültig: Er ist abgelaufen oder wurde widerrufen; erzeugen Sie einen neuen.",

    # --- Cli: messages may be German; the output formats stay (column 9 kept) ---
    "Could not write to standard output.": "Die Standardausgabe konnte nicht geschrieben werden.",
    "Label:   %1\n": "Name:    %1\n",
    "Link:    %1\n": "Link:    %1\n",
    "Expires: %1\n": "Ablauf:  %1\n",
    "Token:   %1\n": "Token:   %1\n",
    "Create a link.": "Einen Link erzeugen.",
    "Show this help.": "Diese Hilfe anzeigen.",
    "Lifetime in minutes, 1 to 43200 (default: the profile's).": "Gültigkeit in Minuten, 1 bis 43200 (Standard: die des Profils).",
    "N": "N",
    "Settings and keychain profile (default: default).": "Profil für Einstellungen und Schlüsselbund (Standard: default).",
    "NAME": "NAME",
    "API base URL (default: the profile's).": "Basis-URL der API (Standard: die des Profils).",
    "URL": "URL",
    "Output: text, json, link, qr-ansi, qr-png or qr-svg (default: text).":
        "Ausgabe: text, json, link, qr-ansi, qr-png oder qr-svg (Standard: text).",
    "FORMAT": "FORMAT",
    "Write to FILE (owner-only permissions) instead of standard output.":
        "In DATEI (nur für den Eigentümer lesbar) statt in die Standardausgabe schreiben.",
    "FILE": "DATEI",
    'A name for the link, e.g. "NOC wall 2".': "Ein Name für den Link, z. B. „NOC-Wand 2“.",
    "TEXT": "TEXT",
    "Do not keep the link in the history (faultshare history).": "Den Link nicht im Verlauf behalten (faultshare history).",
    "(see faultshare generate --help)": "(siehe faultshare generate --help)",
    "Unexpected argument: %1.": "Unerwartetes Argument: %1.",
    "The profile name must not be empty.": "Der Profilname darf nicht leer sein.",
    'No profile named "%1"; faultshare profiles lists them.': "Es gibt kein Profil „%1“; faultshare profiles listet alle auf.",
    "--minutes must be a whole number from 1 to 43200 (30 days).": "--minutes muss eine ganze Zahl von 1 bis 43200 (30 Tage) sein.",
    'Unknown format "%1"; use one of %2.': "Unbekanntes Format „%1“; verwenden Sie eines von %2.",
    "A PNG is not for the terminal: add --output FILE or redirect standard output.":
        "Ein PNG gehört nicht ins Terminal: Geben Sie --output DATEI an oder leiten Sie die Standardausgabe um.",
    'The CA file of profile "%1" (%2) %3; fix it, or clear it in Settings.':
        "Die CA-Datei des Profils „%1“ (%2) %3; korrigieren Sie sie oder leeren Sie das Feld in den Einstellungen.",
    "Cannot write %1: %2.": "%1 kann nicht geschrieben werden: %2.",
    "the link was not kept in the history: %1": "der Link wurde nicht im Verlauf behalten: %1",
    "List the links issued on this computer, newest first: label, profile, expiry, time left\nand the short link (read from the keychain). Tokens are never shown. Links are forgotten\nsome days after they expired (Settings, History).":
        "Listet die auf diesem Computer erzeugten Links auf, die neuesten zuerst: Bezeichnung, Profil, Ablauf,\nRestzeit und Kurzlink (aus dem Schlüsselbund gelesen). Token werden nie angezeigt. Links werden\neinige Tage nach ihrem Ablauf vergessen (Einstellungen, Verlauf).",
    "List the issued links.": "Die erzeugten Links auflisten.",
    "Also list expired links.": "Auch abgelaufene Links auflisten.",
    "Output: text or json (default: text).": "Ausgabe: text oder json (Standard: text).",
    "Only the links of this profile.": "Nur die Links dieses Profils.",
    "(see faultshare history --help)": "(siehe faultshare history --help)",
    'Unknown format "%1"; use text or json.': "Unbekanntes Format „%1“; verwenden Sie text oder json.",
    'The link of "%1" is not shown (%2): unlock the keychain and run the command again, or forget the link in the FaultShare window.':
        "Der Link von „%1“ wird nicht angezeigt (%2): Entsperren Sie den Schlüsselbund und führen Sie den Befehl erneut aus, oder vergessen Sie den Link im FaultShare-Fenster.",
    "No links.": "Keine Links.",
    "LABEL": "BEZEICHNUNG",
    "PROFILE": "PROFIL",
    "EXPIRES": "ABLAUF",
    "REMAINING": "RESTZEIT",
    "LINK": "LINK",
    "Expired": "Abgelaufen",
    "(see faultshare %1 --help)": "(siehe faultshare %1 --help)",
    "The settings file %1 could not be written; check its permissions and try again.":
        "Die Einstellungsdatei %1 konnte nicht geschrieben werden; prüfen Sie ihre Berechtigungen und versuchen Sie es erneut.",
    "List the profiles: name, API URL, default validity in minutes and CA file. Keys are never shown.":
        "Listet die Profile auf: Name, API-URL, Standard-Gültigkeit in Minuten und CA-Datei. Schlüssel werden nie angezeigt.",
    "List the profiles.": "Die Profile auflisten.",
    "API URL": "API-URL",
    "MINUTES": "MINUTEN",
    "CA FILE": "CA-DATEI",
    "-": "-",
    "Write profiles as JSON, to import on another computer with faultshare profiles import. Keys are never exported.":
        "Schreibt Profile als JSON, zum Import auf einem anderen Computer mit faultshare profiles import. Schlüssel werden nie exportiert.",
    "Manage profiles.": "Profile verwalten.",
    "Export profiles.": "Profile exportieren.",
    "Profiles to export (default: all).": "Zu exportierende Profile (Standard: alle).",
    "Write to FILE instead of standard output.": "In DATEI statt in die Standardausgabe schreiben.",
    "Create or update profiles from a file written by faultshare profiles export (\"-\" reads standard input). Nothing is imported when any profile in the file is invalid. Keys are never imported: store each profile's key in the FaultShare window.":
        "Legt Profile aus einer mit faultshare profiles export geschriebenen Datei an oder aktualisiert sie („-“ liest die Standardeingabe). Ist ein Profil der Datei ungültig, wird nichts importiert. Schlüssel werden nie importiert: Speichern Sie den Schlüssel jedes Profils im FaultShare-Fenster.",
    "Import profiles.": "Profile importieren.",
    "The JSON file to import.": "Die zu importierende JSON-Datei.",
    "Name the file to import.": "Geben Sie die zu importierende Datei an.",
    "Cannot read %1: %2.": "%1 kann nicht gelesen werden: %2.",
    "%1 is too large to be a profiles export; choose a file made by faultshare profiles export.":
        "%1 ist zu groß für einen Profilexport; wählen Sie eine mit faultshare profiles export erstellte Datei.",

    # --- Countdown ---
    "%1 d %2:%3:%4": "%1 T %2:%3:%4",
    "Valid": "Gültig",
    "Expiring soon": "Läuft bald ab",
    "About to expire": "Läuft gleich ab",
    "%1 d": "%1 T",
    "%1 h": "%1 Std.",
    "%1 min": "%1 Min.",
    "%1 s": "%1 s",
    "%1 UTC": "%1 UTC",
    "%1 %2 (%3 UTC)": "%1 %2 (%3 UTC)",

    # --- CredentialStore ---
    "access was denied by the user": "der Zugriff wurde vom Benutzer verweigert",
    "access was denied (is the keyring locked?)": "der Zugriff wurde verweigert (ist der Schlüsselbund gesperrt?)",
    "no keychain service is available": "kein Schlüsselbund-Dienst verfügbar",
    "the keychain does not support this operation": "der Schlüsselbund unterstützt diesen Vorgang nicht",
    "the entry could not be deleted": "der Eintrag konnte nicht gelöscht werden",
    "the entry was not found": "der Eintrag wurde nicht gefunden",
    "the keychain reported an error": "der Schlüsselbund hat einen Fehler gemeldet",
    "the macOS Keychain": "dem macOS-Schlüsselbund",
    "the Windows Credential Manager": "der Windows-Anmeldeinformationsverwaltung",
    "your keyring (Secret Service)": "Ihrem Schlüsselbund (Secret Service)",
    "the keyring is locked": "der Schlüsselbund ist gesperrt",

    # --- ExpiryInput ---
    "At least 1 minute": "Mindestens 1 Minute",
    "At most 30 days (%1 minutes)": "Höchstens 30 Tage (%1 Minuten)",
    "Choose a date and time": "Wählen Sie Datum und Uhrzeit",
    "%1 does not exist on that day (clocks go forward); choose another time":
        "%1 gibt es an diesem Tag nicht (Zeitumstellung vor); wählen Sie eine andere Uhrzeit",
    "That time has passed": "Dieser Zeitpunkt ist vorbei",
    "%1 happens twice on that day (clocks go back); the earlier one is used":
        "%1 gibt es an diesem Tag zweimal (Zeitumstellung zurück); der frühere Zeitpunkt gilt",

    # --- Fault, FaultModel, History, HistoryModel ---
    "Low": "Niedrig",
    "Medium": "Mittel",
    "High": "Hoch",
    "Critical": "Kritisch",
    "Unknown": "Unbekannt",
    "Resolved": "Behoben",
    "Active": "Aktiv",
    "Cause: %1": "Ursache: %1",
    "Severity": "Schweregrad",
    "Message": "Meldung",
    "Site / resource": "Standort / Ressource",
    "Created": "Erstellt",
    "the link kept in the keychain cannot be read": "der im Schlüsselbund gespeicherte Link kann nicht gelesen werden",
    "the link is no longer in the keychain": "der Link ist nicht mehr im Schlüsselbund",
    "The key of this profile is no longer in %1; enter it again.":
        "Der Schlüssel dieses Profils ist nicht mehr in %1; bitte erneut eingeben.",
    "the link was not kept": "der Link wurde nicht behalten",
    "Expires %1": "Läuft ab %1",
    "Label": "Bezeichnung",
    "Profile": "Profil",
    "General": "Allgemein",
    "Issued": "Erzeugt",
    "Expires": "Läuft ab",
    "Remaining": "Restzeit",

    # --- HistoryPanel (a dock of the main window: mnemonics L, O, W) ---
    "Cop&y link": "&Link kopieren",
    "Copies the short link of the selected row": "Kopiert den Kurzlink der ausgewählten Zeile",
    "Sho&w QR": "QR-C&ode zeigen",
    "Shows the selected link in the main window": "Zeigt den ausgewählten Link im Hauptfenster",
    "Present": "Präsentieren",
    "Shows the selected link's QR code on a wall display": "Zeigt den QR-Code des ausgewählten Links auf einem Wanddisplay",
    "Preview…": "Vorschau…",
    "Shows the faults the selected link exposes": "Zeigt die Störungen, die der ausgewählte Link freigibt",
    "Forget": "Vergessen",
    "Removes the selected link from the history and the keychain": "Entfernt den ausgewählten Link aus dem Verlauf und dem Schlüsselbund",
    "Search labels": "Bezeichnungen durchsuchen",
    "All": "Alle",
    "Show links": "Links anzeigen",
    "&Show:": "Aus&wahl:",
    "Issued links": "Erzeugte Links",
    "Copy Link": "Link kopieren",
    "Show QR Code": "QR-Code zeigen",
    "Preview Faults…": "Störungen ansehen…",
    "That link has expired; generate a new one.": "Dieser Link ist abgelaufen; erzeugen Sie einen neuen.",
    "Forget Link": "Link vergessen",
    'The link "%1" still works. Forget it anyway? It keeps working until it expires, but FaultShare can no longer copy or show it.':
        "Der Link „%1“ funktioniert noch. Trotzdem vergessen? Er funktioniert weiter, bis er abläuft, aber FaultShare kann ihn dann nicht mehr kopieren oder anzeigen.",

    # --- MainWindow (menubar D A H; main page P G U B Z E I/V T M F Q K S N R;
    #     key page S P E T; File menu R A K M H I O T S D U W V E B) ---
    "FaultShare": "FaultShare",
    "Demo mode: a throwaway server on this computer, nothing is stored":
        "Demo-Modus: ein Wegwerf-Server auf diesem Computer, nichts wird gespeichert",
    "Demo mode": "Demo-Modus",
    "DEMO": "DEMO",
    "About demo mode": "Über den Demo-Modus",
    "Links come from the demo server inside FaultShare, show sample faults and work only on this computer while FaultShare runs.":
        "Links kommen vom Demo-Server in FaultShare, zeigen Beispielstörungen und funktionieren nur auf diesem Computer, solange FaultShare läuft.",
    "API key setup": "API-Schlüssel einrichten",
    "Connect FaultShare to Altostrat": "FaultShare mit Altostrat verbinden",
    "Paste your team's Altostrat API key. FaultShare uses it only to create short-lived, read-only links to your fault data.":
        "Fügen Sie den Altostrat-API-Schlüssel Ihres Teams ein. FaultShare verwendet ihn nur, um kurzlebige, schreibgeschützte Links zu Ihren Störungsdaten zu erzeugen.",
    "API &key:": "API-&Schlüssel:",
    "Your team API key, in the form tokenId:teamId:secret": "Der API-Schlüssel Ihres Teams, in der Form tokenId:teamId:secret",
    "API key": "API-Schlüssel",
    "tokenId:teamId:secret": "tokenId:teamId:secret",
    "Where the key is stored": "Wo der Schlüssel gespeichert wird",
    "Key problem": "Problem mit dem Schlüssel",
    "Check the key and store it in the keychain": "Den Schlüssel prüfen und im Schlüsselbund speichern",
    "Save key": "Schlüssel speichern",
    "&Save key": "Schlüssel s&peichern",
    "Read the stored key from the keychain again": "Den gespeicherten Schlüssel erneut aus dem Schlüsselbund lesen",
    "Retry keychain": "Schlüsselbund erneut lesen",
    "&Retry keychain": "Schlüsselbund &erneut lesen",
    "Try FaultShare with a built-in demo server on this computer; nothing is stored":
        "FaultShare mit einem eingebauten Demo-Server auf diesem Computer ausprobieren; nichts wird gespeichert",
    "Try the demo server": "Demo-Server ausprobieren",
    "Try the &demo server": "Demo-Server &testen",
    "New link": "Neuer Link",
    "&Profile:": "&Profil:",
    "The profile (API URL, key, CA file) the next link is made with": "Das Profil (API-URL, Schlüssel, CA-Datei), mit dem der nächste Link erzeugt wird",
    "&Valid for:": "&Gültig für:",
    "How long the link keeps working": "Wie lange der Link funktioniert",
    "Valid for": "Gültig für",
    "C&ustom:": "Ben&utzerdefiniert:",
    "Custom validity, between 1 minute and 30 days": "Eigene Gültigkeit, zwischen 1 Minute und 30 Tagen",
    "Custom validity": "Eigene Gültigkeit",
    "Unit of the custom validity": "Einheit der eigenen Gültigkeit",
    "Custom validity unit": "Einheit der eigenen Gültigkeit",
    "Un&til:": "&Bis:",
    "Local date and time until which the link works, at most 30 days ahead":
        "Lokales Datum und Uhrzeit, bis zu denen der Link funktioniert, höchstens 30 Tage im Voraus",
    "Valid until, local time": "Gültig bis, Ortszeit",
    "Validity check": "Prüfung der Gültigkeit",
    "&Label:": "Be&zeichnung:",
    "Optional name for this link, e.g. the display it is for": "Optionaler Name für diesen Link, z. B. das Display, für das er bestimmt ist",
    "Optional, e.g. NOC wall 2": "Optional, z. B. NOC-Wand 2",
    "Create a new link (Ctrl+Return)": "Einen neuen Link erzeugen (Strg+Eingabe)",
    "Generate link": "Link erzeugen",
    "&Generate link": "Link &erzeugen",
    "Stop waiting for the server (Esc)": "Nicht länger auf den Server warten (Esc)",
    "Cancel request": "Anfrage abbrechen",
    "Cancel": "Abbrechen",
    "Waiting for the server": "Warten auf den Server",
    "Error": "Fehler",
    "Token and details": "Token und Details",
    "The embed token itself; treat it like a password": "Das Einbettungs-Token selbst; behandeln Sie es wie ein Passwort",
    "Token": "Token",
    "Show or hide the token": "Das Token anzeigen oder verbergen",
    "Reveal token": "Token anzeigen",
    "&Reveal": "Anze&igen",
    "Copy the token; the clipboard is cleared again after a while": "Das Token kopieren; die Zwischenablage wird nach einer Weile wieder geleert",
    "Copy token": "Token kopieren",
    "Copy &token": "&Token kopieren",
    "Type:": "Typ:",
    "Token type": "Token-Typ",
    "Clock:": "Uhr:",
    "Clock difference to the server": "Zeitunterschied zum Server",
    "Clai&ms:": "Clai&ms:",
    "What the token says about itself (its signature is not checked here)":
        "Was das Token über sich selbst aussagt (seine Signatur wird hier nicht geprüft)",
    "Token claims": "Claims des Tokens",
    "The QR code and the link of a new link appear here.": "QR-Code und Adresse eines neuen Links erscheinen hier.",
    "Result": "Ergebnis",
    "Link label": "Bezeichnung des Links",
    "Scan to open the link": "Scannen, um den Link zu öffnen",
    "QR code of the link": "QR-Code des Links",
    "Error correctio&n:": "&Fehlerkorrektur:",
    "Higher levels still scan when part of the code is damaged or covered, but need more modules":
        "Höhere Stufen lassen sich auch scannen, wenn ein Teil des Codes beschädigt oder verdeckt ist, brauchen aber mehr Module",
    "QR error correction level": "Fehlerkorrekturstufe des QR-Codes",
    "Save, copy or print the QR code": "Den QR-Code speichern, kopieren oder drucken",
    "QR code export": "QR-Code exportieren",
    "&QR code": "&QR-Code",
    "The link to share": "Der zu teilende Link",
    "Short link": "Kurzlink",
    "Copy confirmation": "Kopierbestätigung",
    "Copy the link (Ctrl+Shift+C)": "Den Link kopieren (Strg+Umschalt+C)",
    "Copy link": "Link kopieren",
    "&Copy link": "Link &kopieren",
    "Copy the link as Markdown, HTML or an embeddable iframe": "Den Link als Markdown, HTML oder einbettbaren iframe kopieren",
    "Copy as": "Kopieren als",
    "Copy &as": "Kopieren al&s",
    "Open the link in the web browser": "Den Link im Webbrowser öffnen",
    "Open link": "Link öffnen",
    "&Open": "Öff&nen",
    "Show the faults this link exposes before it goes on a wall": "Die Störungen zeigen, die dieser Link freigibt, bevor er an die Wand geht",
    "Preview faults": "Störungen ansehen",
    "Pre&view…": "Stö&rungen ansehen…",
    "Time remaining": "Verbleibende Zeit",
    "Link state": "Linkstatus",
    "Lifetime left": "Verbleibende Gültigkeit",
    "Expires at": "Läuft ab um",
    "&File": "&Datei",
    "&View": "&Ansicht",
    "&Help": "&Hilfe",
    "Create a new link": "Einen neuen Link erzeugen",
    "Ctrl+Return": "Ctrl+Return",
    "&Cancel request": "Anfrage &abbrechen",
    "Esc": "Esc",
    "Ctrl+Shift+C": "Ctrl+Shift+C",
    "Copy as &Markdown link": "Als &Markdown-Link kopieren",
    "Copy as &HTML link": "Als &HTML-Link kopieren",
    "Copy as &embed (iframe)…": "Als E&inbettung (iframe) kopieren…",
    "&Save QR code…": "QR-Code &speichern…",
    "Save the QR code as a PNG or SVG file": "Den QR-Code als PNG- oder SVG-Datei speichern",
    "Ctrl+S": "Ctrl+S",
    "Copy QR &image": "QR-Code als Bil&d kopieren",
    "&Print QR code…": "QR-Code dr&ucken…",
    "Ctrl+P": "Ctrl+P",
    "Pre&view faults…": "Störungen &vorab ansehen…",
    "Ctrl+Shift+V": "Ctrl+Shift+V",
    "&History": "&Verlauf",
    "Ctrl+H": "Ctrl+H",
    "&Open link in browser": "Link im Br&owser öffnen",
    "&Settings…": "&Einstellungen…",
    "Ctrl+,": "Ctrl+,",
    "&Quit": "&Beenden",
    "Ctrl+Q": "Ctrl+Q",
    "&About FaultShare": "Ü&ber FaultShare",
    "&Present on a wall display…": "Auf &Wanddisplay zeigen…",
    "Show the QR code fullscreen, with the link, label and countdown": "Den QR-Code im Vollbild zeigen, mit Link, Bezeichnung und Countdown",
    "F11": "F11",
    "The key is stored in %1 on this computer, never in a file.": "Der Schlüssel wird in %1 auf diesem Computer gespeichert, nie in einer Datei.",
    "15 minutes": "15 Minuten",
    "1 hour": "1 Stunde",
    "8 hours (a shift)": "8 Stunden (eine Schicht)",
    "12 hours": "12 Stunden",
    "24 hours": "24 Stunden",
    "7 days": "7 Tage",
    "30 days": "30 Tage",
    "Custom…": "Benutzerdefiniert…",
    "Until…": "Bis…",
    "minutes": "Minuten",
    "hours": "Stunden",
    "days": "Tage",
    "The key is stored in %1.": "Der Schlüssel ist in %1 gespeichert.",
    "Reading the API key from %1…": "Der API-Schlüssel wird aus %1 gelesen…",
    "The CA file of this profile (%1) %2, so only the system's certificates are trusted; choose another file in Settings.":
        "Die CA-Datei dieses Profils (%1) %2, daher wird nur den Zertifikaten des Systems vertraut; wählen Sie in den Einstellungen eine andere Datei.",
    "FaultShare — Demo": "FaultShare — Demo",
    "FaultShare — %1": "FaultShare — %1",
    "Storing the key in %1…": "Der Schlüssel wird in %1 gespeichert…",
    "The link works for %1 (until %2)": "Der Link funktioniert %1 lang (bis %2)",
    "Cancelled": "Abgebrochen",
    "Demo": "Demo",
    "(at %1).": "(um %1).",
    "%1 (%2)": "%1 (%2)",
    "%1: %2": "%1: %2",
    "The token is not a JWT whose claims can be read.": "Das Token ist kein JWT, dessen Claims sich lesen lassen.",
    "Unknown: the server did not send its time": "Unbekannt: Der Server hat seine Uhrzeit nicht gesendet",
    "Server %1 ahead; countdown follows it": "Server %1 voraus; der Countdown richtet sich nach ihm",
    "Server %1 behind; countdown follows it": "Server %1 zurück; der Countdown richtet sich nach ihm",
    "In sync": "Synchron",
    "Expired — generate a new link": "Abgelaufen — erzeugen Sie einen neuen Link",
    "Copied": "Kopiert",
    "No web browser could open the link; copy it instead.": "Kein Webbrowser konnte den Link öffnen; kopieren Sie ihn stattdessen.",
    "Token copied; the clipboard is cleared in %1 s.": "Token kopiert; die Zwischenablage wird in %1 s geleert.",
    "Hid&e": "&Verbergen",
    "Hide token": "Token verbergen",
    "L (7%)": "L (7 %)",
    "M (15%)": "M (15 %)",
    "Q (25%)": "Q (25 %)",
    "H (30%)": "H (30 %)",
    "Embed size": "Einbettungsgröße",
    " px": " px",
    "Embed width": "Breite der Einbettung",
    "Embed height": "Höhe der Einbettung",
    "&Copy": "&Kopieren",
    "&Width:": "&Breite:",
    "&Height:": "&Höhe:",
    "There is no live link whose QR code could be saved.": "Es gibt keinen gültigen Link, dessen QR-Code gespeichert werden könnte.",
    "Choose a file name ending in .png or .svg.": "Wählen Sie einen Dateinamen, der auf .png oder .svg endet.",
    "Choose a size between %1 and %2 pixels for this QR code.": "Wählen Sie für diesen QR-Code eine Größe zwischen %1 und %2 Pixeln.",
    "Could not save the QR code to %1: %2": "Der QR-Code konnte nicht unter %1 gespeichert werden: %2",
    "QR code saved to %1": "QR-Code unter %1 gespeichert",
    "QR code size": "QR-Code-Größe",
    "QR code size in pixels": "QR-Code-Größe in Pixeln",
    "Width and height; rounded down to whole modules": "Breite und Höhe; auf ganze Module abgerundet",
    "&Choose file…": "&Datei wählen…",
    "&Size:": "&Größe:",
    "Save QR code": "QR-Code speichern",
    "PNG image (*.png)": "PNG-Bild (*.png)",
    "SVG image (*.svg)": "SVG-Bild (*.svg)",
    "The printer could not be started; check it and try again.": "Der Drucker konnte nicht gestartet werden; prüfen Sie ihn und versuchen Sie es erneut.",
    "Printing the QR code failed.": "Das Drucken des QR-Codes ist fehlgeschlagen.",
    "QR code sent to the printer": "QR-Code an den Drucker gesendet",
    "About FaultShare": "Über FaultShare",
    "FaultShare %1": "FaultShare %1",
    "Share short-lived, read-only Altostrat fault links as links and QR codes.":
        "Kurzlebige, schreibgeschützte Altostrat-Störungslinks als Link und QR-Code teilen.",
    "The link expires in %1 min": "Der Link läuft in %1 Min. ab",
    "The link “%1” expires in %2 min": "Der Link „%1“ läuft in %2 Min. ab",
    "The link has expired; generate a new one": "Der Link ist abgelaufen; erzeugen Sie einen neuen",
    "The link “%1” has expired; generate a new one": "Der Link „%1“ ist abgelaufen; erzeugen Sie einen neuen",
    "The link was not kept in the history: %1": "Der Link wurde nicht im Verlauf behalten: %1",
    "History": "Verlauf",
    "Link copied.": "Link kopiert.",
    'Link of "%1" copied.': "Link von „%1“ kopiert.",
    "The profile cannot change in demo mode or with FAULTSHARE_API_KEY":
        "Im Demo-Modus oder mit FAULTSHARE_API_KEY lässt sich das Profil nicht wechseln",

    # --- PresentWindow (mnemonics F S) ---
    "%1 (%2 × %3)": "%1 (%2 × %3)",
    "In a &Window": "In einem &Fenster",
    "&Close": "&Schließen",
    "FaultShare — Present": "FaultShare — Präsentation",
    "Time left": "Restzeit",
    "%1 · %2": "%1 · %2",
    "In a window": "In einem Fenster",
    "Show the QR code on:": "QR-Code zeigen auf:",

    # --- PreviewDialog (mnemonics A E) ---
    "Preview": "Vorschau",
    "Link preview": "Linkvorschau",
    "Loading": "Wird geladen",
    "Loading the faults this link shows…": "Die Störungen, die dieser Link zeigt, werden geladen…",
    "Status": "Status",
    "&Cancel": "&Abbrechen",
    "Stop loading the preview": "Das Laden der Vorschau abbrechen",
    "Cancel loading": "Laden abbrechen",
    "&Retry": "&Erneut versuchen",
    "Load the preview again": "Die Vorschau erneut laden",
    "Retry": "Erneut versuchen",
    "Summary": "Übersicht",
    "Critical faults": "Kritische Störungen",
    "High faults": "Hohe Störungen",
    "Medium faults": "Mittlere Störungen",
    "Low faults": "Niedrige Störungen",
    "Total": "Gesamt",
    "Faults": "Störungen",
    "Preview — unnamed link": "Vorschau — unbenannter Link",
    "Preview — %1": "Vorschau — %1",
    "Loading was cancelled; press Retry to try again.": "Das Laden wurde abgebrochen; klicken Sie auf „Erneut versuchen“.",
    "This link shows no faults right now.": "Dieser Link zeigt derzeit keine Störungen.",
    "%n fault(s): %1 active, %2 resolved": ["%n Störung: %1 aktiv, %2 behoben", "%n Störungen: %1 aktiv, %2 behoben"],

    # --- Profiles: "Profile "x" cannot be imported because its name %2." ---
    "is empty": "leer ist",
    "is longer than %1 characters": "länger als %1 Zeichen ist",
    'contains "/"': "„/“ enthält",
    'contains "\\"': "„\\“ enthält",
    "contains a control character": "ein Steuerzeichen enthält",
    "starts or ends with a space": "mit einem Leerzeichen beginnt oder endet",
    "The file is not a FaultShare profiles export (it is not a JSON object); choose a file that FaultShare exported.":
        "Die Datei ist kein FaultShare-Profilexport (sie ist kein JSON-Objekt); wählen Sie eine von FaultShare exportierte Datei.",
    'The file is not a FaultShare profiles export (its format is not "%1"); choose a file that FaultShare exported.':
        "Die Datei ist kein FaultShare-Profilexport (ihr Format ist nicht „%1“); wählen Sie eine von FaultShare exportierte Datei.",
    "The file is a profiles export of an unknown version; import it with the FaultShare that wrote it, or export again.":
        "Die Datei ist ein Profilexport unbekannter Version; importieren Sie sie mit dem FaultShare, das sie geschrieben hat, oder exportieren Sie erneut.",
    'The file holds "%1", which looks like a secret, and keys are never imported; remove it and import again.':
        "Die Datei enthält „%1“, das wie ein Geheimnis aussieht, und Schlüssel werden nie importiert; entfernen Sie es und importieren Sie erneut.",
    "The file has no list of profiles; choose a file that FaultShare exported.":
        "Die Datei enthält keine Profilliste; wählen Sie eine von FaultShare exportierte Datei.",
    'Profile %1 in the file has no name; give every profile a "name" and import again.':
        "Profil %1 in der Datei hat keinen Namen; geben Sie jedem Profil einen „name“ und importieren Sie erneut.",
    'Profile "%1" cannot be imported because its name %2.':
        "Das Profil „%1“ kann nicht importiert werden, weil sein Name %2.",
    'Profile "%1" appears twice in the file; keep one and import again.':
        "Das Profil „%1“ kommt in der Datei zweimal vor; behalten Sie eines und importieren Sie erneut.",
    'Profile "%1" holds "%2", which looks like a secret, and keys are never imported; remove it and import again.':
        "Das Profil „%1“ enthält „%2“, das wie ein Geheimnis aussieht, und Schlüssel werden nie importiert; entfernen Sie es und importieren Sie erneut.",
    'Profile "%1" has an unknown setting "%2"; remove it and import again.':
        "Das Profil „%1“ hat eine unbekannte Einstellung „%2“; entfernen Sie sie und importieren Sie erneut.",
    'Profile "%1" has no API URL text ("api_url"); add it and import again.':
        "Das Profil „%1“ hat keine API-URL („api_url“); ergänzen Sie sie und importieren Sie erneut.",
    'Profile "%1" cannot be imported: %2': "Das Profil „%1“ kann nicht importiert werden: %2",
    'Profile "%1" needs "default_minutes" as a whole number from 1 to 43200; fix it and import again.':
        "Das Profil „%1“ braucht „default_minutes“ als ganze Zahl von 1 bis 43200; korrigieren Sie es und importieren Sie erneut.",
    'Profile "%1" has a "ca_file" that is not a file path; fix it and import again.':
        "Das Profil „%1“ hat eine „ca_file“, die kein Dateipfad ist; korrigieren Sie sie und importieren Sie erneut.",

    # --- QrView ---
    "QR code of the short link": "QR-Code des Kurzlinks",
    "Scan it with a phone camera to open the short link.": "Mit der Handykamera scannen, um den Kurzlink zu öffnen.",
    "No QR code is shown.": "Es wird kein QR-Code angezeigt.",

    # --- SettingsDialog and its pages (mnemonics P N E X I U C D S R V G T B W L H; buttons OK, Abbrechen) ---
    "Settings": "Einstellungen",
    "&Profiles": "&Profile",
    "Every profile; the one in use is marked. This dialog edits the profile in use.":
        "Alle Profile; das verwendete ist markiert. Dieser Dialog bearbeitet das verwendete Profil.",
    "Profiles": "Profile",
    "Every profile; the one in use is marked": "Alle Profile; das verwendete ist markiert",
    "Create a profile with default settings": "Ein Profil mit Standardeinstellungen anlegen",
    "New profile": "Neues Profil",
    "N&ew…": "&Neu…",
    'Remove the selected profile and its stored key (not "default", not the profile in use)':
        "Das ausgewählte Profil und seinen gespeicherten Schlüssel entfernen (nicht „default“, nicht das verwendete Profil)",
    "Remove profile": "Profil entfernen",
    "Re&move…": "&Entfernen…",
    "Save every profile's settings to a JSON file; keys are never exported":
        "Die Einstellungen aller Profile in einer JSON-Datei speichern; Schlüssel werden nie exportiert",
    "Export profiles": "Profile exportieren",
    "E&xport…": "E&xportieren…",
    "Create or update profiles from an exported JSON file; keys are never imported":
        "Profile aus einer exportierten JSON-Datei anlegen oder aktualisieren; Schlüssel werden nie importiert",
    "Import profiles": "Profile importieren",
    "&Import…": "&Importieren…",
    "Profiles status": "Status der Profile",
    "Connection": "Verbindung",
    "Profile:": "Profil:",
    "API &URL:": "API-&URL:",
    "Address of the Altostrat API; https is required except on this computer":
        "Adresse der Altostrat-API; https ist Pflicht, außer auf diesem Computer",
    "API URL problem": "Problem mit der API-URL",
    "&CA file:": "&CA-Datei:",
    "Extra CA certificates (PEM) to trust besides the system ones, e.g. for a company proxy; empty for none":
        "Zusätzliche CA-Zertifikate (PEM), denen neben denen des Systems vertraut wird, z. B. für einen Firmen-Proxy; leer für keine",
    "CA certificate file": "CA-Zertifikatsdatei",
    "None (system certificates only)": "Keine (nur Zertifikate des Systems)",
    "Choose a PEM file of CA certificates": "Eine PEM-Datei mit CA-Zertifikaten wählen",
    "Browse for a CA file": "Nach einer CA-Datei suchen",
    "&Browse…": "&Durchsuchen…",
    "CA file problem": "Problem mit der CA-Datei",
    "&New key:": "Neuer &Schlüssel:",
    "A new team API key, in the form tokenId:teamId:secret": "Ein neuer Team-API-Schlüssel, in der Form tokenId:teamId:secret",
    "New API key": "Neuer API-Schlüssel",
    "Check the new key and store it in place of the old one": "Den neuen Schlüssel prüfen und anstelle des alten speichern",
    "Replace key": "Schlüssel ersetzen",
    "&Replace key": "Schlüssel e&rsetzen",
    "Key status": "Status des Schlüssels",
    "Remove the stored key of this profile from the keychain": "Den gespeicherten Schlüssel dieses Profils aus dem Schlüsselbund entfernen",
    "Forget stored key": "Gespeicherten Schlüssel vergessen",
    "&Forget stored key…": "Gespeicherten Schlüssel &vergessen…",
    "Links": "Links",
    "Default &validity:": "Standard-&Gültigkeit:",
    "Validity preselected for new links, in minutes (1 minute to 30 days)":
        "Für neue Links vorgewählte Gültigkeit, in Minuten (1 Minute bis 30 Tage)",
    "Default validity in minutes": "Standard-Gültigkeit in Minuten",
    " min": " Min.",
    "Default validity": "Standard-Gültigkeit",
    "Clear copied &token after:": "Kopiertes &Token löschen nach:",
    "A copied token is removed from the clipboard after this many seconds, unless something else was copied since":
        "Ein kopiertes Token wird nach so vielen Sekunden aus der Zwischenablage entfernt, sofern inzwischen nichts anderes kopiert wurde",
    "Clipboard clear delay in seconds": "Verzögerung bis zum Leeren der Zwischenablage in Sekunden",
    " s": " s",
    "Notifications": "Benachrichtigungen",
    "Show a tray icon and notify before and when a link expires":
        "Ein Symbol im Infobereich zeigen und vor und bei Ablauf eines Links benachrichtigen",
    "Expiry notifications": "Ablaufbenachrichtigungen",
    "Notify when a lin&k is about to expire": "&Benachrichtigen, bevor ein Link abläuft",
    "&Warn:": "&Warnen:",
    "How many minutes before expiry to warn; 0 notifies only at expiry":
        "Wie viele Minuten vor Ablauf gewarnt wird; 0 benachrichtigt nur beim Ablauf",
    "Warning time in minutes before expiry": "Vorwarnzeit in Minuten vor Ablauf",
    "Only at expiry": "Nur beim Ablauf",
    " min before expiry": " Min. vor Ablauf",
    "Forget expire&d links:": "Abgelaufene &Links vergessen:",
    "How long an expired link stays in the history; 0 forgets it as soon as it expires":
        "Wie lange ein abgelaufener Link im Verlauf bleibt; 0 vergisst ihn, sobald er abläuft",
    "Days an expired link stays in the history": "Tage, die ein abgelaufener Link im Verlauf bleibt",
    "At once": "Sofort",
    "after ": "nach ",
    " days": " Tagen",
    "The key of this profile is stored in %1, never in a file.": "Der Schlüssel dieses Profils wird in %1 gespeichert, nie in einer Datei.",
    "The file %1, so only the system's certificates are trusted; choose another or clear the field.":
        "Die Datei %1, daher wird nur den Zertifikaten des Systems vertraut; wählen Sie eine andere oder leeren Sie das Feld.",
    "The new key is stored in %1 and in use.": "Der neue Schlüssel ist in %1 gespeichert und in Gebrauch.",
    "The new key is stored in %1; this session keeps using the key from FAULTSHARE_API_KEY.":
        "Der neue Schlüssel ist in %1 gespeichert; diese Sitzung verwendet weiter den Schlüssel aus FAULTSHARE_API_KEY.",
    "Profile “%1” and its key were removed.": "Das Profil „%1“ und sein Schlüssel wurden entfernt.",
    "Profile “%1” was kept because its key or proxy password could not be removed from the keychain: %2":
        "Das Profil „%1“ wurde behalten, weil sein Schlüssel oder Proxy-Passwort nicht aus dem Schlüsselbund entfernt werden konnte: %2",
    "The stored key was removed from %1.": "Der gespeicherte Schlüssel wurde aus %1 entfernt.",
    "Demo mode: the connection and the key belong to the demo server and cannot be changed.":
        "Demo-Modus: Verbindung und Schlüssel gehören zum Demo-Server und können nicht geändert werden.",
    "Forget the stored key?": "Gespeicherten Schlüssel vergessen?",
    "Remove the API key of profile “%1” from %2? You will need to paste it again to create links.":
        "Den API-Schlüssel des Profils „%1“ aus %2 entfernen? Um Links zu erzeugen, müssen Sie ihn dann erneut einfügen.",
    "&Forget key": "Schlüssel &vergessen",
    "Removing the key from %1…": "Der Schlüssel wird aus %1 entfernt…",
    "Choose a CA certificate file": "CA-Zertifikatsdatei wählen",
    "PEM certificates (*.pem *.crt *.cer);;All files (*)": "PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)",
    "The file cannot be read; choose an existing PEM file.": "Die Datei kann nicht gelesen werden; wählen Sie eine vorhandene PEM-Datei.",
    "The file holds no PEM certificate; choose the CA bundle your IT provides.":
        "Die Datei enthält kein PEM-Zertifikat; wählen Sie das CA-Bundle, das Ihre IT bereitstellt.",
    "%1 (in use)": "%1 (in Gebrauch)",
    "The profile in use: this dialog edits its settings": "Das verwendete Profil: Dieser Dialog bearbeitet seine Einstellungen",
    "Name of the new profile (for example “staging”):": "Name des neuen Profils (zum Beispiel „staging“):",
    "That profile name %1; choose another.": "Dieser Profilname %1; wählen Sie einen anderen.",
    "A profile named “%1” already exists; choose another name.": "Ein Profil „%1“ gibt es bereits; wählen Sie einen anderen Namen.",
    "Profile “%1” was created; switch to it in the main window to set its API URL and key.":
        "Das Profil „%1“ wurde angelegt; wechseln Sie im Hauptfenster dorthin, um API-URL und Schlüssel festzulegen.",
    "Remove the profile?": "Profil entfernen?",
    "Remove profile “%1” with its settings and its API key in %2?": "Das Profil „%1“ mit seinen Einstellungen und seinem API-Schlüssel in %2 entfernen?",
    "&Remove profile": "Profil &entfernen",
    "The profile “%1” cannot be removed; it is always there.": "Das Profil „%1“ kann nicht entfernt werden; es ist immer vorhanden.",
    "Profile “%1” is set up for everyone on this computer by its administrator; it cannot be removed here.": "Das Profil „%1“ hat die Administration dieses Computers für alle eingerichtet; es kann hier nicht entfernt werden.",
    "Profile “%1” is in use; switch to another profile first to remove it.":
        "Das Profil „%1“ ist in Gebrauch; wechseln Sie zuerst zu einem anderen Profil, um es zu entfernen.",
    "There is no profile named “%1”; it may have been removed already.": "Es gibt kein Profil „%1“; es wurde vielleicht schon entfernt.",
    "Removing the key of profile “%1” from %2…": "Der Schlüssel des Profils „%1“ wird aus %2 entfernt…",
    "JSON files (*.json);;All files (*)": "JSON-Dateien (*.json);;Alle Dateien (*)",
    "The profiles could not be written to %1 (%2); choose another place.":
        "Die Profile konnten nicht nach %1 geschrieben werden (%2); wählen Sie einen anderen Ort.",
    "%n profile(s) exported to %1, without keys.": ["%n Profil nach %1 exportiert, ohne Schlüssel.", "%n Profile nach %1 exportiert, ohne Schlüssel."],
    "The file %1 cannot be read (%2); choose another.": "Die Datei %1 kann nicht gelesen werden (%2); wählen Sie eine andere.",
    "The file %1 is too large to be a profiles export; choose a file made by Export.":
        "Die Datei %1 ist zu groß für einen Profilexport; wählen Sie eine mit „Exportieren“ erstellte Datei.",
    "The file holds no profile, so nothing changed.": "Die Datei enthält kein Profil, daher hat sich nichts geändert.",
    "Imported %1; their keys are not in the file, so store them after switching to each.":
        "%1 importiert; ihre Schlüssel sind nicht in der Datei, speichern Sie sie also nach dem Wechsel zu jedem Profil.",

    # --- ShareFormats, main ---
    "Altostrat faults": "Altostrat-Störungen",
    "Use the built-in demo server; nothing is stored.": "Den eingebauten Demo-Server verwenden; nichts wird gespeichert.",
    "API URL for this session.": "API-URL für diese Sitzung.",
    "Profile to start with (default: the one used last).": "Profil beim Start (Standard: das zuletzt verwendete).",
    "Share short-lived, read-only Altostrat fault links as links and QR codes.\nHeadless use: faultshare generate --help":
        "Kurzlebige, schreibgeschützte Altostrat-Störungslinks als Link und QR-Code teilen.\nOhne Fenster: faultshare generate --help",
    "FAULTSHARE_API_KEY: %1": "FAULTSHARE_API_KEY: %1",
    "--api-url: %1": "--api-url: %1",
    "The demo server could not listen on 127.0.0.1.": "Der Demo-Server konnte nicht auf 127.0.0.1 lauschen.",

    # --- Language (GeneralPage) ---
    "Language": "Sprache",
    "&Language:": "Sprac&he:",
    "The language of FaultShare's windows and messages; the system default follows the desktop's language":
        "Die Sprache der Fenster und Meldungen von FaultShare; der Systemstandard folgt der Sprache des Desktops",
    "Takes effect when FaultShare restarts": "Wirkt nach einem Neustart von FaultShare",
    "Takes effect when FaultShare restarts.": "Wirkt nach einem Neustart von FaultShare.",
    "System default": "Systemstandard",

    # --- Proxy (ApiClient, ApiError, Profiles, ProxySettings) ---
    "of the system": "des Systems",
    "the proxy closed the connection": "der Proxy hat die Verbindung geschlossen",
    "no answer in time": "keine rechtzeitige Antwort",
    "Could not reach the proxy %1; check the proxy in Settings.": "Der Proxy %1 ist nicht erreichbar; prüfen Sie den Proxy in den Einstellungen.",
    "(no answer)": "(keine Antwort)",
    "The proxy refused the user name or password; check them in Settings.":
        "Der Proxy hat Benutzername oder Passwort abgelehnt; prüfen Sie sie in den Einstellungen.",
    'Profile "%1" has a proxy setting of the wrong kind ("proxy_mode" is system, none, http or socks5; "proxy_port" a whole number up to 65535); fix it and import again.':
        "Das Profil „%1“ hat eine Proxy-Einstellung der falschen Art („proxy_mode“ ist system, none, http oder socks5; „proxy_port“ eine ganze Zahl bis 65535); korrigieren Sie sie und importieren Sie erneut.",
    'The proxy of profile "%1" cannot be used: %2 Fix it in Settings.':
        "Der Proxy des Profils „%1“ kann nicht verwendet werden: %2 Korrigieren Sie ihn in den Einstellungen.",
    # --- ProxySettings ---
    "Enter the proxy's host name or address.": "Geben Sie den Hostnamen oder die Adresse des Proxys ein.",
    "The proxy host must be a host name or an address, without a scheme, path or user name.":
        "Der Proxy-Host muss ein Hostname oder eine Adresse sein, ohne Schema, Pfad oder Benutzernamen.",
    "The proxy port must be a number from 1 to 65535.": "Der Proxy-Port muss eine Zahl von 1 bis 65535 sein.",

    # --- Network group (ConnectionPage); mnemonics unique in the dialog ---
    "Network": "Netzwerk",
    "Prox&y:": "Prox&y:",
    "Proxy": "Proxy",
    "How this profile reaches the API: the system's proxy settings, directly, or through an HTTP or SOCKS5 proxy":
        "Wie dieses Profil die API erreicht: über die Proxy-Einstellungen des Systems, direkt oder über einen HTTP- oder SOCKS5-Proxy",
    "How this profile reaches the API; host, port, user name and password apply to an HTTP or SOCKS5 proxy":
        "Wie dieses Profil die API erreicht; Host, Port, Benutzername und Passwort gelten für einen HTTP- oder SOCKS5-Proxy",
    "Use the system settings": "Einstellungen des Systems verwenden",
    "No proxy (direct)": "Kein Proxy (direkt)",
    "HTTP proxy": "HTTP-Proxy",
    "SOCKS5 proxy": "SOCKS5-Proxy",
    "&Host:": "H&ost:",
    "Proxy host": "Proxy-Host",
    "Host name or address of the proxy, without a scheme or path": "Hostname oder Adresse des Proxys, ohne Schema oder Pfad",
    "P&ort:": "Portnu&mmer:",
    "Proxy port": "Proxy-Port",
    "Port of the proxy, 1 to 65535": "Port des Proxys, 1 bis 65535",
    "U&ser name:": "Benut&zername:",
    "Proxy user name": "Proxy-Benutzername",
    "The user name the proxy asks for; empty when it asks for none":
        "Der Benutzername, den der Proxy verlangt; leer, wenn er keinen verlangt",
    "P&assword:": "P&asswort:",
    "Proxy password": "Proxy-Passwort",
    "The proxy password, kept in the keychain and never in the settings file; leave empty to keep the stored one":
        "Das Proxy-Passwort, im Schlüsselbund aufbewahrt und nie in der Einstellungsdatei; leer lassen, um das gespeicherte zu behalten",
    "Kept in the keychain, never in the settings file; leave empty to keep the stored password":
        "Im Schlüsselbund aufbewahrt, nie in der Einstellungsdatei; leer lassen, um das gespeicherte Passwort zu behalten",
    "For&get password": "Passwort ent&fernen",
    "Forget proxy password": "Proxy-Passwort entfernen",
    "Remove the stored proxy password of this profile from the keychain when you press OK":
        "Das gespeicherte Proxy-Passwort dieses Profils beim Klick auf OK aus dem Schlüsselbund entfernen",
    "Proxy problem": "Proxy-Problem",
    "Proxy status": "Proxy-Status",
    "Unchanged unless you type one": "Bleibt unverändert, solange Sie keines eingeben",
    "Stored in %1; unchanged unless you type a new one": "Gespeichert in %1; bleibt, solange Sie kein neues eingeben",
    "None stored": "Keines gespeichert",
    "Removed from %1 when you press OK": "Wird beim Klick auf OK aus %1 entfernt",
    "The stored proxy password will be removed from %1 when you press OK.":
        "Das gespeicherte Proxy-Passwort wird beim Klick auf OK aus %1 entfernt.",
    "Enter the user name that goes with the proxy password, or clear the password.":
        "Geben Sie den Benutzernamen zum Proxy-Passwort ein, oder löschen Sie das Passwort.",
    "Storing the proxy password in %1…": "Das Proxy-Passwort wird in %1 gespeichert…",
    "Removing the proxy password from %1…": "Das Proxy-Passwort wird aus %1 entfernt…",
    "The proxy password could not be stored: %1": "Das Proxy-Passwort konnte nicht gespeichert werden: %1",
    "The stored proxy password could not be removed: %1": "Das gespeicherte Proxy-Passwort konnte nicht entfernt werden: %1",
    "Demo mode: the demo server is reached without a proxy.":
        "Demo-Modus: Der Demo-Server wird ohne Proxy erreicht.",

    # --- Trust boundaries: bound secrets, deadlines, the secret token field ---
    "proxy password":
        "Proxy-Passwort",
    "no answer in %1 s; a prompt may be waiting on the screen":
        "keine Antwort in %1 s; vielleicht wartet eine Abfrage auf dem Bildschirm",
    "Select All":
        "Alles auswählen",

    "Store, forget or check the API key or token of a profile in the keychain, for\nprovisioning a machine by script.\n\n  set     reads the key from the first line of standard input (never from an argument)\n          and binds it to the profile's API URL: it is sent nowhere else\n  forget  removes it from the keychain\n  status  says whether a key is stored and for which API, never the key\n\nExit codes: 0 ok, 2 invalid input, 3 no usable key (status) or the keychain failed.":
        "Den API-Schlüssel oder das Token eines Profils im Schlüsselbund speichern, vergessen oder prüfen,\num einen Rechner per Skript einzurichten.\n\n  set     liest den Schlüssel aus der ersten Zeile der Standardeingabe (nie aus einem Argument)\n          und bindet ihn an die API-URL des Profils: er wird nirgendwohin sonst gesendet\n  forget  entfernt ihn aus dem Schlüsselbund\n  status  sagt, ob ein Schlüssel gespeichert ist und für welche API, nie den Schlüssel\n\nExit-Codes: 0 ok, 2 ungültige Eingabe, 3 kein verwendbarer Schlüssel (status) oder Schlüsselbund-Fehler.",
    "Manage the stored key.":
        "Den gespeicherten Schlüssel verwalten.",
    "set, forget or status.":
        "set, forget oder status.",
    "Say what to do: set, forget or status.":
        "Sagen Sie, was zu tun ist: set, forget oder status.",
    "The API key or token of profile \"%1\" is no longer stored.":
        "Der API-Schlüssel oder das Token des Profils „%1“ ist nicht mehr gespeichert.",
    "The API key or token of profile \"%1\" is stored in %2, for %3 only.":
        "Der API-Schlüssel oder das Token des Profils „%1“ ist in %2 gespeichert, nur für %3.",
    "No API key or token is stored for profile \"%1\".":
        "Für das Profil „%1“ ist kein API-Schlüssel und kein Token gespeichert.",
    "An API key or token is stored for profile \"%1\" (from before keys were bound to an API; it is used for %2).":
        "Für das Profil „%1“ ist ein API-Schlüssel oder Token gespeichert (aus der Zeit, bevor Schlüssel an eine API gebunden wurden; er wird für %2 verwendet).",
    "An API key or token is stored for profile \"%1\", for %2.":
        "Für das Profil „%1“ ist ein API-Schlüssel oder Token gespeichert, für %2.",
    "Send the key to another API?":
        "Den Schlüssel an eine andere API senden?",
    "The API key or token of profile “%1” was stored for %2, and the profile now points to %3. Send it to %3?":
        "Der API-Schlüssel oder das Token des Profils „%1“ wurde für %2 gespeichert, und das Profil zeigt jetzt auf %3. An %3 senden?",
    "&Use it for %1":
        "Für %1 &verwenden",
    "&Enter a new key":
        "Neuen Schlüssel &eingeben",
    "Enter the API key or token for %1.":
        "Geben Sie den API-Schlüssel oder das Token für %1 ein.",

    "Also apply changes that point an existing profile at another API or proxy (its stored key or password then waits to be confirmed).":
        "Auch Änderungen übernehmen, die ein vorhandenes Profil auf eine andere API oder einen anderen Proxy richten (sein gespeicherter Schlüssel oder sein Passwort wartet dann auf Bestätigung).",
    "“%1”: %2 %3 → %4":
        "„%1“: %2 %3 → %4",
    "(none)":
        "(keine)",
    "proxy":
        "Proxy",
    "proxy user":
        "Proxy-Benutzer",
    "CA file":
        "CA-Datei",
    "default minutes":
        "Standard-Minuten",
    "The file points existing profiles at another API or proxy (%1); nothing was imported. Check the changes, then import with --replace to apply them.":
        "Die Datei richtet vorhandene Profile auf eine andere API oder einen anderen Proxy (%1); nichts wurde importiert. Prüfen Sie die Änderungen und importieren Sie dann mit --replace, um sie zu übernehmen.",
    "Change existing profiles?":
        "Vorhandene Profile ändern?",
    "The file changes profiles that exist:\n\n%1\n\n%2":
        "Die Datei ändert vorhandene Profile:\n\n%1\n\n%2",
    "A profile pointed at another API or proxy keeps its stored key or password only once you confirm it there.":
        "Ein Profil, das auf eine andere API oder einen anderen Proxy zeigt, behält seinen gespeicherten Schlüssel oder sein Passwort erst, wenn Sie es dort bestätigen.",
    "&Apply changes":
        "Änderungen &übernehmen",
    "Nothing was imported.":
        "Nichts wurde importiert.",

    "An expired link stays in the history until the keychain removes it (%1); the next run tries again.":
        "Ein abgelaufener Link bleibt im Verlauf, bis der Schlüsselbund ihn entfernt (%1); der nächste Lauf versucht es erneut.",
    "The link stays in the history until the keychain removes it; FaultShare tries again at the next start: %1":
        "Der Link bleibt im Verlauf, bis der Schlüsselbund ihn entfernt; FaultShare versucht es beim nächsten Start erneut: %1",

    "No profile uses %1, the API that made this link; add a profile for it to preview the link.":
        "Kein Profil verwendet %1, die API, die diesen Link erzeugt hat; legen Sie ein Profil dafür an, um den Link in der Vorschau zu sehen.",

    "No answer yet from %1: a prompt to unlock it may be waiting on the screen.":
        "Noch keine Antwort von %1: Vielleicht wartet eine Abfrage zum Entsperren auf dem Bildschirm.",

    "The %1 of profile \"%2\" was stored for %3, and the profile now points to %4":
        "Das Geheimnis (%1) des Profils „%2“ wurde für %3 gespeichert, und das Profil zeigt jetzt auf %4",
    "%1: confirm it in the FaultShare window, or store it again with faultshare key set.":
        "%1: Bestätigen Sie es im FaultShare-Fenster oder speichern Sie es erneut mit faultshare key set.",
    "%1: enter the password again in the FaultShare window's Settings.":
        "%1: Geben Sie das Passwort in den Einstellungen des FaultShare-Fensters erneut ein.",
    "The proxy password of profile “%1” was stored for %2, and the proxy is now %3: enter the password again in Settings.":
        "Das Proxy-Passwort des Profils „%1“ wurde für %2 gespeichert, und der Proxy ist jetzt %3: Geben Sie das Passwort in den Einstellungen erneut ein.",

    "A stored secret belongs to another server and was not sent; enter it again in Settings.":
        "Ein gespeichertes Geheimnis gehört zu einem anderen Server und wurde nicht gesendet; geben Sie es in den Einstellungen erneut ein.",
    'The API key or token of profile "%1" was stored for %2, and the profile now points to %3: confirm it in the FaultShare window, or store it again with faultshare key set.':
        "Der API-Schlüssel oder das Token des Profils „%1“ wurde für %2 gespeichert, und das Profil zeigt jetzt auf %3: Bestätigen Sie ihn im FaultShare-Fenster oder speichern Sie ihn erneut mit faultshare key set.",
    "The CA file of profile “%1” (%2) %3, so only the system's certificates are trusted; choose another file in Settings, or clear it.":
        "Die CA-Datei des Profils „%1“ (%2) %3, daher wird nur den Zertifikaten des Systems vertraut; wählen Sie in den Einstellungen eine andere Datei oder leeren Sie das Feld.",
    # --- The history file (issue 15) ---
    "The history file was sealed with a key the keychain no longer holds; it was set aside as %1, and the history starts empty.":
        "Die Verlaufsdatei wurde mit einem Schlüssel versiegelt, den der Schlüsselbund nicht mehr enthält; sie wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.",
    "An entry of the history file does not match its seal (the file was changed outside FaultShare, or damaged); it was set aside as %1, and the history starts empty.":
        "Ein Eintrag der Verlaufsdatei passt nicht zu seinem Siegel (die Datei wurde außerhalb von FaultShare geändert oder ist beschädigt); sie wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.",
    "The history file %1 cannot be used and could not be set aside (%2); FaultShare shows no history until it is moved away.":
        "Die Verlaufsdatei %1 ist nicht verwendbar und konnte nicht beiseitegelegt werden (%2); FaultShare zeigt keinen Verlauf, bis sie entfernt ist.",
    "The history file %1 cannot be used (%2); FaultShare shows no history and leaves the file as it is.":
        "Die Verlaufsdatei %1 ist nicht verwendbar (%2); FaultShare zeigt keinen Verlauf und lässt die Datei unverändert.",
    "The history file was damaged (%1); it was set aside as %2, and the history starts empty.":
        "Die Verlaufsdatei war beschädigt (%1); sie wurde als %2 beiseitegelegt, und der Verlauf beginnt leer.",
    "the history file %1 is left as it is":
        "die Verlaufsdatei %1 bleibt unverändert",
    "The history file was damaged; it was set aside as %1, and the history starts again.":
        "Die Verlaufsdatei war beschädigt; sie wurde als %1 beiseitegelegt, und der Verlauf beginnt neu.",
    "the link could not be sealed":
        "der Link konnte nicht versiegelt werden",
    "no keychain":
        "kein Schlüsselbund",
    "The keychain no longer holds the history's key; the history file was set aside as %1, and the history starts empty.":
        "Der Schlüsselbund enthält den Schlüssel des Verlaufs nicht mehr; die Verlaufsdatei wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.",
    "Links kept by an earlier version of FaultShare wait in the keychain until it can be read (%1).":
        "Links, die eine frühere Version von FaultShare gespeichert hat, warten im Schlüsselbund, bis er gelesen werden kann (%1).",
    "the link kept in the history file cannot be read":
        "der in der Verlaufsdatei gespeicherte Link kann nicht gelesen werden",
    "the link was not kept":
        "der Link wurde nicht gespeichert",
    "Links kept by an earlier version of FaultShare could not be moved into the history file (%1); FaultShare tries again at the next start.":
        "Links, die eine frühere Version von FaultShare gespeichert hat, konnten nicht in die Verlaufsdatei übernommen werden (%1); FaultShare versucht es beim nächsten Start erneut.",
    "Links kept by an earlier version of FaultShare are not all moved into the history file yet (%1); FaultShare tries again at the next start.":
        "Noch nicht alle Links, die eine frühere Version von FaultShare gespeichert hat, sind in die Verlaufsdatei übernommen (%1); FaultShare versucht es beim nächsten Start erneut.",
    "another program":
        "ein anderes Programm",
    "%1 (process %2)":
        "%1 (Prozess %2)",
    "the history file is being changed by %1; try again":
        "die Verlaufsdatei wird gerade von %1 geändert; versuchen Sie es erneut",
    "the history file's lock %1 cannot be made":
        "die Sperrdatei %1 der Verlaufsdatei kann nicht angelegt werden",
    "it ends in the middle of a line":
        "sie endet mitten in einer Zeile",
    "its first line is not a FaultShare history's":
        "ihre erste Zeile ist nicht die eines FaultShare-Verlaufs",
    "it was written by a newer FaultShare":
        "sie wurde von einem neueren FaultShare geschrieben",
    "its first line holds no key":
        "ihre erste Zeile enthält keinen Schlüssel",
    "line %1 is not a history entry":
        "Zeile %1 ist kein Verlaufseintrag",
    "line %1 holds no readable link":
        "Zeile %1 enthält keinen lesbaren Link",
    "the folder of %1 cannot be made":
        "der Ordner von %1 kann nicht angelegt werden",
    "%1 cannot be read: %2":
        "%1 kann nicht gelesen werden: %2",
    "%1 cannot be written: %2":
        "%1 kann nicht geschrieben werden: %2",
    "OpenSSL's libcrypto %1 cannot be loaded (%2)":
        "libcrypto %1 von OpenSSL kann nicht geladen werden (%2)",
    "OpenSSL's libcrypto has no %1":
        "libcrypto von OpenSSL enthält kein %1",
    "the history's key in the keychain is not a key":
        "der Schlüssel des Verlaufs im Schlüsselbund ist kein Schlüssel",
    "the history file's public key is not a key":
        "der öffentliche Schlüssel der Verlaufsdatei ist kein Schlüssel",
    "The link stays in the history: %1":
        "Der Link bleibt im Verlauf: %1",
    "The history file could not be used (%1).":
        "Die Verlaufsdatei konnte nicht verwendet werden (%1).",
    "List the links issued on this computer, newest first: label, profile, expiry, time left\nand the short link (opened with the history's key from the keychain). Tokens are never shown. Links are forgotten\nsome days after they expired (Settings, History).":
        "Listet die auf diesem Computer erzeugten Links auf, die neuesten zuerst: Bezeichnung, Profil, Ablauf, Restzeit\nund den Kurzlink (geöffnet mit dem Schlüssel des Verlaufs aus dem Schlüsselbund). Tokens werden nie angezeigt. Links werden\neinige Tage nach ihrem Ablauf vergessen (Einstellungen, Verlauf).",
    "The links are not shown (%1): unlock the keychain and run the command again.":
        "Die Links werden nicht angezeigt (%1): Entsperren Sie den Schlüsselbund und führen Sie den Befehl erneut aus.",
    'The link of "%1" is not shown: %2':
        "Der Link von „%1“ wird nicht angezeigt: %2",
    "the history file %1 was written by a newer FaultShare and is left as it is":
        "die Verlaufsdatei %1 wurde von einem neueren FaultShare geschrieben und bleibt unverändert",
    "The history's key could not be stored in the keychain; links added meanwhile were set aside as %1.":
        "Der Schlüssel des Verlaufs konnte nicht im Schlüsselbund gespeichert werden; inzwischen hinzugefügte Links wurden als %1 beiseitegelegt.",
    "Removes the selected link, its token with it, from the history":
        "Entfernt den ausgewählten Link samt seinem Token aus dem Verlauf",
    "it was not kept in the history":
        "er wurde nicht im Verlauf gespeichert",
    "Expired links stay in the history for now: %1":
        "Abgelaufene Links bleiben vorerst im Verlauf: %1",
    # --- Rotation: faultshare rotate, Keep renewing, the wall-display start ---
    "This link was not kept when it was made, so the history cannot open it; make a new link.":
        "Dieser Link wurde beim Erzeugen nicht gespeichert, daher kann der Verlauf ihn nicht öffnen; erzeugen Sie einen neuen Link.",
    "%1 · renewal %2": "%1 · Erneuerung %2",
    "Keep a short-lived Altostrat fault link alive: make a link, then a new one shortly before\neach expires, until stopped (SIGINT, SIGTERM) or --count links were made. Each new link is\nprinted as one line, or replaces the --output file atomically, and --exec runs a command.\n\nThe API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from\nstandard input with --api-key-stdin, then from the profile's keychain entry.\n\nExit codes: 0 stopped or --count reached, 2 invalid input, and when the first link cannot be\nmade: 3 key missing or rejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or\ninvalid response. Later failures are reported on standard error and retried.":
        "Hält einen kurzlebigen Altostrat-Störungslink am Leben: erzeugt einen Link und kurz vor\ndessen Ablauf jeweils einen neuen, bis zum Stopp (SIGINT, SIGTERM) oder bis --count Links\nerzeugt sind. Jeder neue Link wird als eine Zeile ausgegeben oder ersetzt die --output-Datei\natomar, und --exec führt einen Befehl aus.\n\nDer API-Schlüssel oder das Token kommt aus der Umgebungsvariablen FAULTSHARE_API_KEY, dann\nmit --api-key-stdin aus der Standardeingabe, dann aus dem Schlüsselbund-Eintrag des Profils.\n\nExit-Codes: 0 gestoppt oder --count erreicht, 2 ungültige Eingabe, und wenn der erste Link\nnicht erzeugt werden kann: 3 Schlüssel fehlt oder abgelehnt, 4 Ratenlimit, 5 Netzwerk, TLS\noder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort. Spätere Fehler werden auf der\nStandardfehlerausgabe gemeldet und erneut versucht.",
    "Keep renewing a link.": "Einen Link laufend erneuern.",
    "Lifetime of each link in minutes, 1 to 43200 (default: the profile's).":
        "Gültigkeit jedes Links in Minuten, 1 bis 43200 (Standard: die des Profils).",
    "Make the next link when the current one has this much left, e.g. 90s, 10m or 2h (default: a tenth of the lifetime, at least 1m where the lifetime allows).":
        "Den nächsten Link erzeugen, wenn der aktuelle nur noch so lange gilt, z. B. 90s, 10m oder 2h (Standard: ein Zehntel der Gültigkeit, mindestens 1m, wo die Gültigkeit es zulässt).",
    "DURATION": "DAUER",
    "Stop after K links (default: run until stopped).": "Nach K Links aufhören (Standard: bis zum Stopp laufen).",
    "K": "K",
    "Output: link, json (one object a line), qr-png or qr-svg (these need --output) (default: link).":
        "Ausgabe: link, json (ein Objekt je Zeile), qr-png oder qr-svg (diese brauchen --output) (Standard: link).",
    "Replace FILE (owner-only permissions) with each new link instead of printing it; removed while there is no live link.":
        "DATEI (nur für den Eigentümer lesbar) mit jedem neuen Link ersetzen, statt ihn auszugeben; entfernt, solange kein gültiger Link besteht.",
    "Run COMMAND with /bin/sh after each new link, with FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL and FAULTSHARE_QR_FILE set (FAULTSHARE_PROBLEM when the link expired with no successor).":
        "BEFEHL nach jedem neuen Link mit /bin/sh ausführen, mit FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL und FAULTSHARE_QR_FILE (FAULTSHARE_PROBLEM, wenn der Link ohne Nachfolger abgelaufen ist).",
    "COMMAND": "BEFEHL",
    "A name for the links, e.g. \"NOC wall 2\".": "Ein Name für die Links, z. B. „NOC-Wand 2“.",
    "Do not keep the links in the history (faultshare history).": "Die Links nicht im Verlauf speichern (faultshare history).",
    "--renew-before must be a duration such as 90s, 10m or 2h.": "--renew-before muss eine Dauer wie 90s, 10m oder 2h sein.",
    "--count must be a whole number of at least 1.": "--count muss eine ganze Zahl ab 1 sein.",
    "--renew-before: %1": "--renew-before: %1",
    "--output must name a file.": "--output muss eine Datei nennen.",
    "--format %1 needs --output FILE: each new QR code replaces the file.":
        "--format %1 braucht --output DATEI: jeder neue QR-Code ersetzt die Datei.",
    "--exec must name a command.": "--exec muss einen Befehl nennen.",
    "The link was not renewed (the current one stays until %1; next try at %2): %3":
        "Der Link wurde nicht erneuert (der aktuelle gilt noch bis %1; nächster Versuch um %2): %3",
    "Still no new link (next try at %1): %2": "Noch immer kein neuer Link (nächster Versuch um %1): %2",
    "The link expired and no new one could be made: %1": "Der Link ist abgelaufen, und es konnte kein neuer erzeugt werden: %1",
    "Cannot remove %1: %2.": "%1 kann nicht entfernt werden: %2.",
    "The --exec command did not end within %1 seconds and was stopped.":
        "Der --exec-Befehl endete nicht innerhalb von %1 Sekunden und wurde gestoppt.",
    "The --exec command was stopped: a newer link came before it ended.":
        "Der --exec-Befehl wurde gestoppt: ein neuerer Link kam, bevor er endete.",
    "The --exec command was stopped: faultshare rotate is ending.":
        "Der --exec-Befehl wurde gestoppt: faultshare rotate wird beendet.",
    "The --exec command was ended by a signal.": "Der --exec-Befehl wurde durch ein Signal beendet.",
    "The --exec command failed with exit status %1.": "Der --exec-Befehl ist mit Exit-Status %1 fehlgeschlagen.",
    "The --exec command could not be started: %1.": "Der --exec-Befehl konnte nicht gestartet werden: %1.",
    "History notice": "Hinweis zum Verlauf",
    "&Dismiss": "Schl&ießen",
    "Hides this notice": "Blendet diesen Hinweis aus",
    "Trying again at %1": "Neuer Versuch um %1",
    "Choose how long each link is valid first.": "Wählen Sie zuerst, wie lange jeder Link gültig ist.",
    "Starting to renew…": "Erneuern beginnt…",
    "Making a link…": "Link wird erzeugt…",
    "Renewing…": "Wird erneuert…",
    "Renewal failed; trying again at %1": "Erneuern fehlgeschlagen; neuer Versuch um %1",
    "No link yet; trying again at %1": "Noch kein Link; neuer Versuch um %1",
    "Renews at %1": "Erneuert um %1",
    "The link expired before a new one could be made: %1":
        "Der Link ist abgelaufen, bevor ein neuer erzeugt werden konnte: %1",
    "No API key or token is stored for this profile: enter it in the window, or store it with faultshare key set.":
        "Für dieses Profil ist kein API-Schlüssel und kein Token gespeichert: geben Sie ihn im Fenster ein oder speichern Sie ihn mit faultshare key set.",
    "Next renewal": "Nächste Erneuerung",
    "Expired — waiting for a new link": "Abgelaufen — warte auf einen neuen Link",
    "&Keep renewing:": "S&tändig erneuern:",
    "before the end": "vor dem Ablauf",
    "&Keep Renewing": "S&tändig erneuern",
    "Keep renewing": "Ständig erneuern",
    "Make the next link before this one expires, again and again, so a wall display or dashboard never shows a dead link (Ctrl+R)":
        "Vor jedem Ablauf den nächsten Link erzeugen, immer wieder, damit ein Wanddisplay oder Dashboard nie einen abgelaufenen Link zeigt (Strg+R)",
    "Renew before the end": "Erneuern vor dem Ablauf",
    "How long before a link's end the next one is made: 90s, 6m, 1h30m":
        "Wie lange vor dem Ablauf eines Links der nächste erzeugt wird: 90s, 6m, 1h30m",
    "Keep renewing problem": "Problem beim ständigen Erneuern",
    "Write how long before the end to renew as 90s, 6m or 1h30m.":
        "Geben Sie an, wie lange vor dem Ablauf erneuert wird, etwa 90s, 6m oder 1h30m.",
    "The lifetime must be from 1 to 43200 minutes (30 days).": "Die Gültigkeit muss 1 bis 43200 Minuten (30 Tage) betragen.",
    "The time to renew before the end must be more than zero.": "Die Zeit zum Erneuern vor dem Ablauf muss größer als null sein.",
    "The time to renew before the end (%1) must be shorter than each link's lifetime (%2).":
        "Die Zeit zum Erneuern vor dem Ablauf (%1) muss kürzer sein als die Gültigkeit jedes Links (%2).",
    "The number of links must not be negative.": "Die Anzahl der Links darf nicht negativ sein.",
    "Start in present mode, fullscreen, and make a link at once.":
        "Im Präsentationsmodus im Vollbild starten und sofort einen Link erzeugen.",
    "With --present: keep renewing the link before it expires.":
        "Mit --present: den Link vor seinem Ablauf ständig erneuern.",
    "With --present: each link's lifetime, 1 to 43200 (default: the profile's).":
        "Mit --present: die Gültigkeit jedes Links, 1 bis 43200 (Standard: die des Profils).",
    "With --rotate: renew this long before the end, such as 90s, 10m or 2h (default: a tenth of the lifetime, at least a minute).":
        "Mit --rotate: so lange vor dem Ablauf erneuern, etwa 90s, 10m oder 2h (Standard: ein Zehntel der Gültigkeit, mindestens eine Minute).",
    "With --present: the screen to fill, by name, such as HDMI-1 (default: the one chosen last, else the primary).":
        "Mit --present: der zu füllende Bildschirm, nach Namen, etwa HDMI-1 (Standard: der zuletzt gewählte, sonst der primäre).",
    "Share short-lived, read-only Altostrat fault links as links and QR codes.\nHeadless use: faultshare generate --help\nWall display: faultshare --present --rotate --minutes 60 --screen HDMI-1":
        "Kurzlebige, schreibgeschützte Altostrat-Störungslinks als Links und QR-Codes teilen.\nOhne Fenster: faultshare generate --help\nWanddisplay: faultshare --present --rotate --minutes 60 --screen HDMI-1",
    "--rotate, --minutes, --renew-before and --screen need --present.":
        "--rotate, --minutes, --renew-before und --screen brauchen --present.",
    "--renew-before needs --rotate.": "--renew-before braucht --rotate.",
    "--renew-before: \"%1\" is not a duration such as 90s, 10m or 2h.":
        "--renew-before: „%1“ ist keine Dauer wie 90s, 10m oder 2h.",
    "--screen: no screen is named \"%1\"; the screens are: %2.":
        "--screen: kein Bildschirm heißt „%1“; die Bildschirme sind: %2.",
    # --- Modules: the parts loaded on first use (printing, the demo API) ---
    "%1 cannot be loaded (%2)": "%1 kann nicht geladen werden (%2)",
    "%1 is not a FaultShare module": "%1 ist kein FaultShare-Modul",
    "%1 is from another version of FaultShare": "%1 stammt aus einer anderen FaultShare-Version",
    "FaultShare is not installed completely: %1. Install FaultShare again.":
        "FaultShare ist nicht vollständig installiert: %1. Installieren Sie FaultShare erneut.",
    # --- The published API (API keys or tokens, the reference's faults, preview) ---
    "Paste the API key or token.":
        "Fügen Sie den API-Schlüssel oder das Token ein.",
    "The API key or token contains spaces or control characters that cannot be sent; paste it again.":
        "Der API-Schlüssel oder das Token enthält Leer- oder Steuerzeichen, die nicht gesendet werden können; fügen Sie ihn erneut ein.",
    "The API key or token is longer than %1 KiB; paste only the key.":
        "Der API-Schlüssel oder das Token ist länger als %1 KiB; fügen Sie nur den Schlüssel ein.",
    "%1: “%2”":
        "%1: „%2“",
    "No API key or token is set: paste your Altostrat API key or token, or try the demo server.":
        "Es ist kein API-Schlüssel und kein Token hinterlegt: Fügen Sie Ihren Altostrat-API-Schlüssel oder Ihr Token ein oder probieren Sie den Demo-Server aus.",
    "The API rejected the API key or token (%1): check or replace it in Settings.":
        "Die API hat den API-Schlüssel oder das Token abgelehnt (%1): Prüfen oder ersetzen Sie ihn in den Einstellungen.",
    "The API key or token is not allowed to create fault tokens (%1): ask your team admin for one with that permission.":
        "Der API-Schlüssel oder das Token darf keine Störungs-Token erzeugen (%1): Bitten Sie Ihren Team-Admin um einen mit dieser Berechtigung.",
    "The API answered Not Found (%1): check the API URL in Settings.":
        "Die API hat mit Not Found geantwortet (%1): Prüfen Sie die API-URL in den Einstellungen.",
    "The API rejected the request (HTTP %1): check the expiry and try again.":
        "Die API hat die Anfrage abgelehnt (HTTP %1): Prüfen Sie die Gültigkeit und versuchen Sie es erneut.",
    "Too many requests (the API allows %1 in its period)":
        "Zu viele Anfragen (die API erlaubt %1 pro Zeitraum)",
    "Too many requests":
        "Zu viele Anfragen",
    "%1; try again in %2.":
        "%1; versuchen Sie es in %2 erneut.",
    "%1; wait a minute and try again.":
        "%1; warten Sie eine Minute und versuchen Sie es erneut.",
    "The API does not know this link, or it has expired (%1); generate a new one.":
        "Die API kennt diesen Link nicht, oder er ist abgelaufen (%1); erzeugen Sie einen neuen.",
    "The API refused to show this link (%1); generate a new one.":
        "Die API verweigert die Anzeige dieses Links (%1); erzeugen Sie einen neuen.",
    "The API wants an API key or token to show this link (%1): save the key of the profile that made it, then try again.":
        "Die API verlangt einen API-Schlüssel oder ein Token, um diesen Link zu zeigen (%1): Hinterlegen Sie den Schlüssel des Profils, das ihn erzeugt hat, und versuchen Sie es erneut.",
    "Unknown command \"%1\"; the commands are %2, and faultshare --help lists the window's options.":
        "Unbekannter Befehl „%1“; die Befehle sind %2, und faultshare --help listet die Optionen des Fensters.",
    "Link:    none (%1)\n":
        "Link:    keiner (%1)\n",
    "The API created a token but sent no link to share (%1): use --format text or json to get the token.":
        "Die API hat ein Token erzeugt, aber keinen Link zum Teilen gesendet (%1): Verwenden Sie --format text oder json, um das Token zu erhalten.",
    "The link is too long for a QR code (%1 bytes): use --format link instead.":
        "Der Link ist zu lang für einen QR-Code (%1 Bytes): Verwenden Sie stattdessen --format link.",
    "Create a short-lived, read-only Altostrat fault link.\n\nThe API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from\nstandard input with --api-key-stdin, then from the profile's keychain entry.\n\nExit codes: 0 ok, 2 invalid input, 3 key missing or rejected, 4 rate limited,\n5 network, TLS or timeout, 6 server error or invalid response.":
        "Erzeugt einen kurzlebigen, schreibgeschützten Altostrat-Störungslink.\n\nDer API-Schlüssel oder das Token wird aus der Umgebungsvariablen FAULTSHARE_API_KEY genommen, dann aus\nder Standardeingabe mit --api-key-stdin, dann aus dem Schlüsselbund-Eintrag des Profils.\n\nExit-Codes: 0 ok, 2 ungültige Eingabe, 3 Schlüssel fehlt oder abgelehnt, 4 Ratenlimit,\n5 Netzwerk, TLS oder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort.",
    "Read the API key or token from the first line of standard input.":
        "Den API-Schlüssel oder das Token aus der ersten Zeile der Standardeingabe lesen.",
    "No API key or token for profile \"%1\": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.":
        "Kein API-Schlüssel und kein Token für das Profil „%1“: Setzen Sie FAULTSHARE_API_KEY, verwenden Sie --api-key-stdin oder speichern Sie einen im FaultShare-Fenster.",
    "Show the faults a link exposes right now (GET /fault/token/{token}).\n\nLINK_OR_TOKEN is a token, or a short link kept in the history of this computer.\nThe API key or token of the profile goes along as Bearer credential: from\nFAULTSHARE_API_KEY, standard input with --api-key-stdin, or the keychain; without one\nthe API is asked without.\n\nExit codes: 0 ok, 2 invalid input, 3 link unknown, expired or rejected, or key\nrejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or invalid response.":
        "Zeigt die Störungen, die ein Link gerade zeigt (GET /fault/token/{token}).\n\nLINK_OR_TOKEN ist ein Token oder ein Kurzlink aus dem Verlauf dieses Computers.\nDer API-Schlüssel oder das Token des Profils wird als Bearer-Anmeldung mitgesendet: aus\nFAULTSHARE_API_KEY, der Standardeingabe mit --api-key-stdin oder dem Schlüsselbund; ohne\nwird die API ohne gefragt.\n\nExit-Codes: 0 ok, 2 ungültige Eingabe, 3 Link unbekannt, abgelaufen oder abgelehnt, oder\nSchlüssel abgelehnt, 4 Ratenlimit, 5 Netzwerk, TLS oder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort.",
    "Show what a link shows.":
        "Zeigen, was ein Link zeigt.",
    "The link or token to preview.":
        "Der Link oder das Token für die Vorschau.",
    "Settings and keychain profile (default: default, or the one that made the link).":
        "Einstellungs- und Schlüsselbund-Profil (Standard: default oder das Profil, das den Link erzeugt hat).",
    "Give the link or token to preview.":
        "Geben Sie den Link oder das Token für die Vorschau an.",
    "The link is not in the history of this computer; pass its token instead.":
        "Der Link ist nicht im Verlauf dieses Computers; übergeben Sie stattdessen sein Token.",
    "1 fault could not be read":
        "1 Störung konnte nicht gelesen werden",
    "%1 faults could not be read":
        "%1 Störungen konnten nicht gelesen werden",
    "Warning":
        "Warnung",
    "Type: %1":
        "Typ: %1",
    "Since: %1 (%2 UTC)":
        "Seit: %1 (%2 UTC)",
    "Resolved: %1 (%2 UTC)":
        "Behoben: %1 (%2 UTC)",
    "Path: %1":
        "Pfad: %1",
    "Fault: %1":
        "Störung: %1",
    "No comments.":
        "Keine Kommentare.",
    "Comments:":
        "Kommentare:",
    "someone":
        "jemand",
    "%1, %2: %3":
        "%1, %2: %3",
    "Unresolved":
        "Offen",
    "Where":
        "Wo",
    "Cause":
        "Ursache",
    "Type":
        "Typ",
    "Since":
        "Seit",
    "Comments":
        "Kommentare",
    "Paste your team's Altostrat API key or token. FaultShare uses it only to create short-lived, read-only links to your fault data.":
        "Fügen Sie den Altostrat-API-Schlüssel oder das Token Ihres Teams ein. FaultShare verwendet ihn nur, um kurzlebige, schreibgeschützte Links zu Ihren Störungsdaten zu erzeugen.",
    "API &key or token:":
        "API-&Schlüssel oder Token:",
    "Your team API key (tokenId:teamId:secret) or token (a JWT)":
        "Der API-Schlüssel (tokenId:teamId:secret) oder das Token (ein JWT) Ihres Teams",
    "API key or token":
        "API-Schlüssel oder Token",
    "tokenId:teamId:secret or eyJ…":
        "tokenId:teamId:secret oder eyJ…",
    "Reading the API key or token from %1…":
        "Der API-Schlüssel oder das Token wird aus %1 gelesen …",
    "The API sent no link to share (%1); the token below is all there is.":
        "Die API hat keinen Link zum Teilen gesendet (%1); es gibt nur das Token unten.",
    "The link is too long for a QR code (%1 bytes) at this error correction; copy the link instead, or choose a lower level.":
        "Der Link ist bei dieser Fehlerkorrektur zu lang für einen QR-Code (%1 Bytes); kopieren Sie stattdessen den Link oder wählen Sie eine niedrigere Stufe.",
    "The link is too long for a QR code":
        "Der Link ist zu lang für einen QR-Code",
    "The API sent no link to share":
        "Die API hat keinen Link zum Teilen gesendet",
    "Warning faults":
        "Störungen mit Warnung",
    "Faults of another severity":
        "Störungen mit anderem Schweregrad",
    "Unreadable faults":
        "Nicht lesbare Störungen",
    "Details of the selected fault":
        "Details der gewählten Störung",
    "Select a fault to see its cause, where it is and its comments.":
        "Wählen Sie eine Störung, um Ursache, Ort und Kommentare zu sehen.",
    "Other":
        "Andere",
    "A new team API key (tokenId:teamId:secret) or token (a JWT)":
        "Ein neuer API-Schlüssel (tokenId:teamId:secret) oder ein neues Token (ein JWT) des Teams",
    "New API key or token":
        "Neuer API-Schlüssel oder neues Token",
    "Remove the API key or token of profile “%1” from %2? You will need to paste it again to create links.":
        "Den API-Schlüssel oder das Token des Profils „%1“ aus %2 entfernen? Sie müssen ihn erneut einfügen, um Links zu erzeugen.",
    "Remove profile “%1” with its settings and its API key or token in %2?":
        "Profil „%1“ mit seinen Einstellungen und seinem API-Schlüssel oder Token in %2 entfernen?",
}

# (context, source) -> translation where one context needs other words.
CONTEXT_DE = {
}

# English is the source language: only its plural forms need words.
EN = {
    "%n fault(s): %1 active, %2 resolved": ["%n fault: %1 active, %2 resolved", "%n faults: %1 active, %2 resolved"],
    "%n profile(s) exported to %1, without keys.": ["%n profile exported to %1, without keys.", "%n profiles exported to %1, without keys."],
}

# Where German needs more than two forms it would list them; German has two (1, other).
PLURAL_FORMS = 2


def fill(path: Path) -> list:
    tree = ET.parse(path)
    english = tree.getroot().get("language", "").startswith("en")
    words, context_words = (EN, {}) if english else (DE, CONTEXT_DE)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = context_words.get((name, source), words.get(source))
            if text is None:
                missing.append((name, source))
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if message.get("numerus") == "yes":
                forms = text if isinstance(text, list) else [text] * PLURAL_FORMS
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


if __name__ == "__main__":
    here = Path(__file__).parent
    files = [Path(a) for a in sys.argv[1:]] or [here / "faultshare_de.ts", here / "faultshare_en.ts"]
    left = []
    for ts in files:
        for name, source in fill(ts):
            left.append((name, source))
            print(f"untranslated: {ts.name}: {name}: {source!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
