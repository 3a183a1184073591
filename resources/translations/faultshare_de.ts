<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>ApiClient</name>
        <message>
            <source>the server's certificate has expired or is not valid yet; check this computer's date and time, and if they are right, the server's certificate must be renewed</source>
            <translation>das Zertifikat des Servers ist abgelaufen oder noch nicht gültig; prüfen Sie Datum und Uhrzeit dieses Computers, und wenn sie stimmen, muss das Zertifikat des Servers erneuert werden</translation>
        </message>
        <message>
            <source>the server's certificate is for another host name; check the API URL in Settings</source>
            <translation>das Zertifikat des Servers gilt für einen anderen Hostnamen; prüfen Sie die API-URL in den Einstellungen</translation>
        </message>
        <message>
            <source>the server's certificate is self-signed; if your company inspects TLS, set its CA file on the profile in Settings</source>
            <translation>das Zertifikat des Servers ist selbst signiert; wenn Ihr Unternehmen TLS prüft, hinterlegen Sie dessen CA-Datei im Profil in den Einstellungen</translation>
        </message>
        <message>
            <source>the server's certificate is from an unknown issuer; if your company inspects TLS, set its CA file on the profile in Settings</source>
            <translation>das Zertifikat des Servers stammt von einem unbekannten Aussteller; wenn Ihr Unternehmen TLS prüft, hinterlegen Sie dessen CA-Datei im Profil in den Einstellungen</translation>
        </message>
        <message>
            <source>the server's certificate was rejected (%1); check the API URL, the proxy and this computer's date and time</source>
            <translation>das Zertifikat des Servers wurde abgelehnt (%1); prüfen Sie die API-URL, den Proxy sowie Datum und Uhrzeit dieses Computers</translation>
        </message>
        <message>
            <source>cannot be read (%1)</source>
            <translation>kann nicht gelesen werden (%1)</translation>
        </message>
        <message>
            <source>holds no PEM certificate</source>
            <translation>enthält kein PEM-Zertifikat</translation>
        </message>
        <message>
            <source>connection refused</source>
            <translation>Verbindung abgelehnt</translation>
        </message>
        <message>
            <source>the connection was closed early</source>
            <translation>die Verbindung wurde vorzeitig geschlossen</translation>
        </message>
        <message>
            <source>host name not found</source>
            <translation>Hostname nicht gefunden</translation>
        </message>
        <message>
            <source>the TLS handshake failed; check the API URL and the proxy between this computer and the API</source>
            <translation>der TLS-Handshake ist fehlgeschlagen; prüfen Sie die API-URL und den Proxy zwischen diesem Computer und der API</translation>
        </message>
        <message>
            <source>the network is unavailable</source>
            <translation>das Netzwerk ist nicht verfügbar</translation>
        </message>
        <message>
            <source>the proxy failed</source>
            <translation>der Proxy ist fehlgeschlagen</translation>
        </message>
        <message>
            <source>unsafe or endless redirects</source>
            <translation>unsichere oder endlose Weiterleitungen</translation>
        </message>
        <message>
            <source>the answer could not be decoded</source>
            <translation>die Antwort konnte nicht dekodiert werden</translation>
        </message>
        <message>
            <source>not a valid HTTP answer</source>
            <translation>keine gültige HTTP-Antwort</translation>
        </message>
        <message>
            <source>network error %1</source>
            <translation>Netzwerkfehler %1</translation>
        </message>
        <message>
            <source>the API redirected to another host, and the key was not sent there</source>
            <translation>die API hat auf einen anderen Host weitergeleitet, und der Schlüssel wurde nicht dorthin gesendet</translation>
        </message>
        <message>
            <source>the answer is larger than %1 KiB</source>
            <translation>die Antwort ist größer als %1 KiB</translation>
        </message>
        <message>
            <source>HTTP %1, a redirect without a usable Location</source>
            <translation>HTTP %1, eine Weiterleitung ohne verwendbare Location</translation>
        </message>
        <message>
            <source>Enter the API URL, for example https://v1.api.altostrat.io.</source>
            <translation>Geben Sie die API-URL ein, zum Beispiel https://v1.api.altostrat.io.</translation>
        </message>
        <message>
            <source>The API URL must not contain a user name or password.</source>
            <translation>Die API-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
        </message>
        <message>
            <source>The API URL must not contain ? or #.</source>
            <translation>Die API-URL darf weder ? noch # enthalten.</translation>
        </message>
        <message>
            <source>The API URL must start with https:// (plain http only for this computer).</source>
            <translation>Die API-URL muss mit https:// beginnen (einfaches http nur für diesen Computer).</translation>
        </message>
        <message>
            <source>The expiry must be between 1 minute and 30 days (1 to 43200 minutes).</source>
            <translation>Die Gültigkeit muss zwischen 1 Minute und 30 Tagen liegen (1 bis 43200 Minuten).</translation>
        </message>
        <message>
            <source>There is no usable token to preview; generate a new link and try again.</source>
            <translation>Es gibt kein verwendbares Token für die Vorschau; erzeugen Sie einen neuen Link und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>of the system</source>
            <translation>des Systems</translation>
        </message>
        <message>
            <source>the proxy closed the connection</source>
            <translation>der Proxy hat die Verbindung geschlossen</translation>
        </message>
        <message>
            <source>no answer in time</source>
            <translation>keine rechtzeitige Antwort</translation>
        </message>
        <message>
            <source>Paste the API key or token.</source>
            <translation>Fügen Sie den API-Schlüssel oder das Token ein.</translation>
        </message>
        <message>
            <source>The API key or token contains spaces or control characters that cannot be sent; paste it again.</source>
            <translation>Der API-Schlüssel oder das Token enthält Leer- oder Steuerzeichen, die nicht gesendet werden können; fügen Sie ihn erneut ein.</translation>
        </message>
        <message>
            <source>The API key or token is longer than %1 KiB; paste only the key.</source>
            <translation>Der API-Schlüssel oder das Token ist länger als %1 KiB; fügen Sie nur den Schlüssel ein.</translation>
        </message>
    </context>
    <context>
        <name>ApiError</name>
        <message>
            <source>1 second</source>
            <translation>1 Sekunde</translation>
        </message>
        <message>
            <source>%1 seconds</source>
            <translation>%1 Sekunden</translation>
        </message>
        <message>
            <source>%1 minutes</source>
            <translation>%1 Minuten</translation>
        </message>
        <message>
            <source>The request is not valid; check the expiry and the API URL</source>
            <translation>Die Anfrage ist ungültig; prüfen Sie die Gültigkeit und die API-URL</translation>
        </message>
        <message>
            <source>The system keychain could not be used (%1); unlock or start it, then try again.</source>
            <translation>Der Schlüsselbund des Systems konnte nicht verwendet werden (%1); entsperren oder starten Sie ihn und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>keine Antwort</translation>
        </message>
        <message>
            <source>The API had a problem (HTTP %1); try again in %2, and check the Altostrat status page if it persists.</source>
            <translation>Die API hatte ein Problem (HTTP %1); versuchen Sie es in %2 erneut und prüfen Sie die Altostrat-Statusseite, falls es anhält.</translation>
        </message>
        <message>
            <source>The API had a problem (HTTP %1); try again in a moment, and check the Altostrat status page if it persists.</source>
            <translation>Die API hatte ein Problem (HTTP %1); versuchen Sie es gleich erneut und prüfen Sie die Altostrat-Statusseite, falls es anhält.</translation>
        </message>
        <message>
            <source>Could not reach the API (%1): check the network, VPN or proxy, then try again.</source>
            <translation>Die API ist nicht erreichbar (%1): Prüfen Sie Netzwerk, VPN oder Proxy und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>keine Verbindung</translation>
        </message>
        <message>
            <source>The secure connection was refused: check this computer's date and time, or set your company's CA file on the profile in Settings.</source>
            <translation>Die sichere Verbindung wurde abgelehnt: Prüfen Sie Datum und Uhrzeit dieses Computers oder hinterlegen Sie die CA-Datei Ihres Unternehmens im Profil in den Einstellungen.</translation>
        </message>
        <message>
            <source>The secure connection was refused: %1</source>
            <translation>Die sichere Verbindung wurde abgelehnt: %1</translation>
        </message>
        <message>
            <source>The API did not answer in time: check the network, then try again.</source>
            <translation>Die API hat nicht rechtzeitig geantwortet: Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Cancelled; nothing was created.</source>
            <translation>Abgebrochen; es wurde nichts erzeugt.</translation>
        </message>
        <message>
            <source>The API sent an answer FaultShare cannot use (%1): try again, and check the API URL if it persists.</source>
            <translation>Die API hat eine Antwort gesendet, die FaultShare nicht verwenden kann (%1): Versuchen Sie es erneut und prüfen Sie die API-URL, falls es anhält.</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>unlesbar</translation>
        </message>
        <message>
            <source>Could not reach the proxy %1; check the proxy in Settings.</source>
            <translation>Der Proxy %1 ist nicht erreichbar; prüfen Sie den Proxy in den Einstellungen.</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>(keine Antwort)</translation>
        </message>
        <message>
            <source>The proxy refused the user name or password; check them in Settings.</source>
            <translation>Der Proxy hat Benutzername oder Passwort abgelehnt; prüfen Sie sie in den Einstellungen.</translation>
        </message>
        <message>
            <source>%1: “%2”</source>
            <translation>%1: „%2“</translation>
        </message>
        <message>
            <source>No API key or token is set: paste your Altostrat API key or token, or try the demo server.</source>
            <translation>Es ist kein API-Schlüssel und kein Token hinterlegt: Fügen Sie Ihren Altostrat-API-Schlüssel oder Ihr Token ein oder probieren Sie den Demo-Server aus.</translation>
        </message>
        <message>
            <source>The API rejected the API key or token (%1): check or replace it in Settings.</source>
            <translation>Die API hat den API-Schlüssel oder das Token abgelehnt (%1): Prüfen oder ersetzen Sie ihn in den Einstellungen.</translation>
        </message>
        <message>
            <source>The API key or token is not allowed to create fault tokens (%1): ask your team admin for one with that permission.</source>
            <translation>Der API-Schlüssel oder das Token darf keine Störungs-Token erzeugen (%1): Bitten Sie Ihren Team-Admin um einen mit dieser Berechtigung.</translation>
        </message>
        <message>
            <source>The API answered Not Found (%1): check the API URL in Settings.</source>
            <translation>Die API hat mit Not Found geantwortet (%1): Prüfen Sie die API-URL in den Einstellungen.</translation>
        </message>
        <message>
            <source>The API rejected the request (HTTP %1): check the expiry and try again.</source>
            <translation>Die API hat die Anfrage abgelehnt (HTTP %1): Prüfen Sie die Gültigkeit und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Too many requests (the API allows %1 in its period)</source>
            <translation>Zu viele Anfragen (die API erlaubt %1 pro Zeitraum)</translation>
        </message>
        <message>
            <source>Too many requests</source>
            <translation>Zu viele Anfragen</translation>
        </message>
        <message>
            <source>%1; try again in %2.</source>
            <translation>%1; versuchen Sie es in %2 erneut.</translation>
        </message>
        <message>
            <source>%1; wait a minute and try again.</source>
            <translation>%1; warten Sie eine Minute und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The API does not know this link, or it has expired (%1); generate a new one.</source>
            <translation>Die API kennt diesen Link nicht, oder er ist abgelaufen (%1); erzeugen Sie einen neuen.</translation>
        </message>
        <message>
            <source>The API refused to show this link (%1); generate a new one.</source>
            <translation>Die API verweigert die Anzeige dieses Links (%1); erzeugen Sie einen neuen.</translation>
        </message>
        <message>
            <source>The API wants an API key or token to show this link (%1): save the key of the profile that made it, then try again.</source>
            <translation>Die API verlangt einen API-Schlüssel oder ein Token, um diesen Link zu zeigen (%1): Hinterlegen Sie den Schlüssel des Profils, das ihn erzeugt hat, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>A stored secret belongs to another server and was not sent; enter it again in Settings.</source>
            <translation>Ein gespeichertes Geheimnis gehört zu einem anderen Server und wurde nicht gesendet; geben Sie es in den Einstellungen erneut ein.</translation>
        </message>
        <message>
            <source>The history file could not be used (%1).</source>
            <translation>Die Verlaufsdatei konnte nicht verwendet werden (%1).</translation>
        </message>
        <message>
            <source>This link was not kept when it was made, so the history cannot open it; make a new link.</source>
            <translation>Dieser Link wurde beim Erzeugen nicht gespeichert, daher kann der Verlauf ihn nicht öffnen; erzeugen Sie einen neuen Link.</translation>
        </message>
    </context>
    <context>
        <name>ApiKeyPage</name>
        <message>
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <source>Where the key is stored</source>
            <translation>Wo der Schlüssel gespeichert wird</translation>
        </message>
        <message>
            <source>&amp;New key:</source>
            <translation>Neuer &amp;Schlüssel:</translation>
        </message>
        <message>
            <source>A new team API key (tokenId:teamId:secret) or token (a JWT)</source>
            <translation>Ein neuer API-Schlüssel (tokenId:teamId:secret) oder ein neues Token (ein JWT) des Teams</translation>
        </message>
        <message>
            <source>New API key or token</source>
            <translation>Neuer API-Schlüssel oder neues Token</translation>
        </message>
        <message>
            <source>tokenId:teamId:secret or eyJ…</source>
            <translation>tokenId:teamId:secret oder eyJ…</translation>
        </message>
        <message>
            <source>Check the new key and store it in place of the old one</source>
            <translation>Den neuen Schlüssel prüfen und anstelle des alten speichern</translation>
        </message>
        <message>
            <source>Replace key</source>
            <translation>Schlüssel ersetzen</translation>
        </message>
        <message>
            <source>&amp;Replace key</source>
            <translation>Schlüssel e&amp;rsetzen</translation>
        </message>
        <message>
            <source>Key status</source>
            <translation>Status des Schlüssels</translation>
        </message>
        <message>
            <source>Remove the stored key of this profile from the keychain</source>
            <translation>Den gespeicherten Schlüssel dieses Profils aus dem Schlüsselbund entfernen</translation>
        </message>
        <message>
            <source>Forget stored key</source>
            <translation>Gespeicherten Schlüssel vergessen</translation>
        </message>
        <message>
            <source>&amp;Forget stored key…</source>
            <translation>Gespeicherten Schlüssel &amp;vergessen…</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>Could not write to standard output.</source>
            <translation>Die Standardausgabe konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>Label:   %1
</source>
            <translation>Name:    %1
</translation>
        </message>
        <message>
            <source>Link:    %1
</source>
            <translation>Link:    %1
</translation>
        </message>
        <message>
            <source>Expires: %1
</source>
            <translation>Ablauf:  %1
</translation>
        </message>
        <message>
            <source>Token:   %1
</source>
            <translation>Token:   %1
</translation>
        </message>
        <message>
            <source>Create a link.</source>
            <translation>Einen Link erzeugen.</translation>
        </message>
        <message>
            <source>Show this help.</source>
            <translation>Diese Hilfe anzeigen.</translation>
        </message>
        <message>
            <source>Lifetime in minutes, 1 to 43200 (default: the profile's).</source>
            <translation>Gültigkeit in Minuten, 1 bis 43200 (Standard: die des Profils).</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>Settings and keychain profile (default: default).</source>
            <translation>Profil für Einstellungen und Schlüsselbund (Standard: default).</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>NAME</translation>
        </message>
        <message>
            <source>API base URL (default: the profile's).</source>
            <translation>Basis-URL der API (Standard: die des Profils).</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Output: text, json, link, qr-ansi, qr-png or qr-svg (default: text).</source>
            <translation>Ausgabe: text, json, link, qr-ansi, qr-png oder qr-svg (Standard: text).</translation>
        </message>
        <message>
            <source>FORMAT</source>
            <translation>FORMAT</translation>
        </message>
        <message>
            <source>Write to FILE (owner-only permissions) instead of standard output.</source>
            <translation>In DATEI (nur für den Eigentümer lesbar) statt in die Standardausgabe schreiben.</translation>
        </message>
        <message>
            <source>FILE</source>
            <translation>DATEI</translation>
        </message>
        <message>
            <source>A name for the link, e.g. "NOC wall 2".</source>
            <translation>Ein Name für den Link, z. B. „NOC-Wand 2“.</translation>
        </message>
        <message>
            <source>TEXT</source>
            <translation>TEXT</translation>
        </message>
        <message>
            <source>Do not keep the link in the history (faultshare history).</source>
            <translation>Den Link nicht im Verlauf behalten (faultshare history).</translation>
        </message>
        <message>
            <source>Unexpected argument: %1.</source>
            <translation>Unerwartetes Argument: %1.</translation>
        </message>
        <message>
            <source>The profile name must not be empty.</source>
            <translation>Der Profilname darf nicht leer sein.</translation>
        </message>
        <message>
            <source>No profile named "%1"; faultshare profiles lists them.</source>
            <translation>Es gibt kein Profil „%1“; faultshare profiles listet alle auf.</translation>
        </message>
        <message>
            <source>--minutes must be a whole number from 1 to 43200 (30 days).</source>
            <translation>--minutes muss eine ganze Zahl von 1 bis 43200 (30 Tage) sein.</translation>
        </message>
        <message>
            <source>Unknown format "%1"; use one of %2.</source>
            <translation>Unbekanntes Format „%1“; verwenden Sie eines von %2.</translation>
        </message>
        <message>
            <source>A PNG is not for the terminal: add --output FILE or redirect standard output.</source>
            <translation>Ein PNG gehört nicht ins Terminal: Geben Sie --output DATEI an oder leiten Sie die Standardausgabe um.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2.</source>
            <translation>%1 kann nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <source>the link was not kept in the history: %1</source>
            <translation>der Link wurde nicht im Verlauf behalten: %1</translation>
        </message>
        <message>
            <source>List the issued links.</source>
            <translation>Die erzeugten Links auflisten.</translation>
        </message>
        <message>
            <source>Also list expired links.</source>
            <translation>Auch abgelaufene Links auflisten.</translation>
        </message>
        <message>
            <source>Output: text or json (default: text).</source>
            <translation>Ausgabe: text oder json (Standard: text).</translation>
        </message>
        <message>
            <source>Only the links of this profile.</source>
            <translation>Nur die Links dieses Profils.</translation>
        </message>
        <message>
            <source>Unknown format "%1"; use text or json.</source>
            <translation>Unbekanntes Format „%1“; verwenden Sie text oder json.</translation>
        </message>
        <message>
            <source>No links.</source>
            <translation>Keine Links.</translation>
        </message>
        <message>
            <source>LABEL</source>
            <translation>BEZEICHNUNG</translation>
        </message>
        <message>
            <source>PROFILE</source>
            <translation>PROFIL</translation>
        </message>
        <message>
            <source>EXPIRES</source>
            <translation>ABLAUF</translation>
        </message>
        <message>
            <source>REMAINING</source>
            <translation>RESTZEIT</translation>
        </message>
        <message>
            <source>LINK</source>
            <translation>LINK</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>(see faultshare %1 --help)</source>
            <translation>(siehe faultshare %1 --help)</translation>
        </message>
        <message>
            <source>The settings file %1 could not be written; check its permissions and try again.</source>
            <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden; prüfen Sie ihre Berechtigungen und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>List the profiles: name, API URL, default validity in minutes and CA file. Keys are never shown.</source>
            <translation>Listet die Profile auf: Name, API-URL, Standard-Gültigkeit in Minuten und CA-Datei. Schlüssel werden nie angezeigt.</translation>
        </message>
        <message>
            <source>List the profiles.</source>
            <translation>Die Profile auflisten.</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>MINUTES</source>
            <translation>MINUTEN</translation>
        </message>
        <message>
            <source>CA FILE</source>
            <translation>CA-DATEI</translation>
        </message>
        <message>
            <source>-</source>
            <translation>-</translation>
        </message>
        <message>
            <source>Write profiles as JSON, to import on another computer with faultshare profiles import. Keys are never exported.</source>
            <translation>Schreibt Profile als JSON, zum Import auf einem anderen Computer mit faultshare profiles import. Schlüssel werden nie exportiert.</translation>
        </message>
        <message>
            <source>Manage profiles.</source>
            <translation>Profile verwalten.</translation>
        </message>
        <message>
            <source>Export profiles.</source>
            <translation>Profile exportieren.</translation>
        </message>
        <message>
            <source>Profiles to export (default: all).</source>
            <translation>Zu exportierende Profile (Standard: alle).</translation>
        </message>
        <message>
            <source>Write to FILE instead of standard output.</source>
            <translation>In DATEI statt in die Standardausgabe schreiben.</translation>
        </message>
        <message>
            <source>Create or update profiles from a file written by faultshare profiles export ("-" reads standard input). Nothing is imported when any profile in the file is invalid. Keys are never imported: store each profile's key in the FaultShare window.</source>
            <translation>Legt Profile aus einer mit faultshare profiles export geschriebenen Datei an oder aktualisiert sie („-“ liest die Standardeingabe). Ist ein Profil der Datei ungültig, wird nichts importiert. Schlüssel werden nie importiert: Speichern Sie den Schlüssel jedes Profils im FaultShare-Fenster.</translation>
        </message>
        <message>
            <source>Import profiles.</source>
            <translation>Profile importieren.</translation>
        </message>
        <message>
            <source>The JSON file to import.</source>
            <translation>Die zu importierende JSON-Datei.</translation>
        </message>
        <message>
            <source>Name the file to import.</source>
            <translation>Geben Sie die zu importierende Datei an.</translation>
        </message>
        <message>
            <source>Cannot read %1: %2.</source>
            <translation>%1 kann nicht gelesen werden: %2.</translation>
        </message>
        <message>
            <source>%1 is too large to be a profiles export; choose a file made by faultshare profiles export.</source>
            <translation>%1 ist zu groß für einen Profilexport; wählen Sie eine mit faultshare profiles export erstellte Datei.</translation>
        </message>
        <message>
            <source>The proxy of profile "%1" cannot be used: %2 Fix it in Settings.</source>
            <translation>Der Proxy des Profils „%1“ kann nicht verwendet werden: %2 Korrigieren Sie ihn in den Einstellungen.</translation>
        </message>
        <message>
            <source>Unknown command "%1"; the commands are %2, and faultshare --help lists the window's options.</source>
            <translation>Unbekannter Befehl „%1“; die Befehle sind %2, und faultshare --help listet die Optionen des Fensters.</translation>
        </message>
        <message>
            <source>Link:    none (%1)
</source>
            <translation>Link:    keiner (%1)
</translation>
        </message>
        <message>
            <source>The API created a token but sent no link to share (%1): use --format text or json to get the token.</source>
            <translation>Die API hat ein Token erzeugt, aber keinen Link zum Teilen gesendet (%1): Verwenden Sie --format text oder json, um das Token zu erhalten.</translation>
        </message>
        <message>
            <source>The link is too long for a QR code (%1 bytes): use --format link instead.</source>
            <translation>Der Link ist zu lang für einen QR-Code (%1 Bytes): Verwenden Sie stattdessen --format link.</translation>
        </message>
        <message>
            <source>Create a short-lived, read-only Altostrat fault link.

The API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from
standard input with --api-key-stdin, then from the profile's keychain entry.

Exit codes: 0 ok, 2 invalid input, 3 key missing or rejected, 4 rate limited,
5 network, TLS or timeout, 6 server error or invalid response.</source>
            <translation>Erzeugt einen kurzlebigen, schreibgeschützten Altostrat-Störungslink.

Der API-Schlüssel oder das Token wird aus der Umgebungsvariablen FAULTSHARE_API_KEY genommen, dann aus
der Standardeingabe mit --api-key-stdin, dann aus dem Schlüsselbund-Eintrag des Profils.

Exit-Codes: 0 ok, 2 ungültige Eingabe, 3 Schlüssel fehlt oder abgelehnt, 4 Ratenlimit,
5 Netzwerk, TLS oder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort.</translation>
        </message>
        <message>
            <source>Read the API key or token from the first line of standard input.</source>
            <translation>Den API-Schlüssel oder das Token aus der ersten Zeile der Standardeingabe lesen.</translation>
        </message>
        <message>
            <source>No API key or token for profile "%1": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.</source>
            <translation>Kein API-Schlüssel und kein Token für das Profil „%1“: Setzen Sie FAULTSHARE_API_KEY, verwenden Sie --api-key-stdin oder speichern Sie einen im FaultShare-Fenster.</translation>
        </message>
        <message>
            <source>Show the faults a link exposes right now (GET /fault/token/{token}).

LINK_OR_TOKEN is a token, or a short link kept in the history of this computer.
The API key or token of the profile goes along as Bearer credential: from
FAULTSHARE_API_KEY, standard input with --api-key-stdin, or the keychain; without one
the API is asked without.

Exit codes: 0 ok, 2 invalid input, 3 link unknown, expired or rejected, or key
rejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or invalid response.</source>
            <translation>Zeigt die Störungen, die ein Link gerade zeigt (GET /fault/token/{token}).

LINK_OR_TOKEN ist ein Token oder ein Kurzlink aus dem Verlauf dieses Computers.
Der API-Schlüssel oder das Token des Profils wird als Bearer-Anmeldung mitgesendet: aus
FAULTSHARE_API_KEY, der Standardeingabe mit --api-key-stdin oder dem Schlüsselbund; ohne
wird die API ohne gefragt.

Exit-Codes: 0 ok, 2 ungültige Eingabe, 3 Link unbekannt, abgelaufen oder abgelehnt, oder
Schlüssel abgelehnt, 4 Ratenlimit, 5 Netzwerk, TLS oder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort.</translation>
        </message>
        <message>
            <source>Show what a link shows.</source>
            <translation>Zeigen, was ein Link zeigt.</translation>
        </message>
        <message>
            <source>The link or token to preview.</source>
            <translation>Der Link oder das Token für die Vorschau.</translation>
        </message>
        <message>
            <source>Settings and keychain profile (default: default, or the one that made the link).</source>
            <translation>Einstellungs- und Schlüsselbund-Profil (Standard: default oder das Profil, das den Link erzeugt hat).</translation>
        </message>
        <message>
            <source>Give the link or token to preview.</source>
            <translation>Geben Sie den Link oder das Token für die Vorschau an.</translation>
        </message>
        <message>
            <source>The link is not in the history of this computer; pass its token instead.</source>
            <translation>Der Link ist nicht im Verlauf dieses Computers; übergeben Sie stattdessen sein Token.</translation>
        </message>
        <message>
            <source>Store, forget or check the API key or token of a profile in the keychain, for
provisioning a machine by script.

  set     reads the key from the first line of standard input (never from an argument)
          and binds it to the profile's API URL: it is sent nowhere else
  forget  removes it from the keychain
  status  says whether a key is stored and for which API, never the key

Exit codes: 0 ok, 2 invalid input, 3 no usable key (status) or the keychain failed.</source>
            <translation>Den API-Schlüssel oder das Token eines Profils im Schlüsselbund speichern, vergessen oder prüfen,
um einen Rechner per Skript einzurichten.

  set     liest den Schlüssel aus der ersten Zeile der Standardeingabe (nie aus einem Argument)
          und bindet ihn an die API-URL des Profils: er wird nirgendwohin sonst gesendet
  forget  entfernt ihn aus dem Schlüsselbund
  status  sagt, ob ein Schlüssel gespeichert ist und für welche API, nie den Schlüssel

Exit-Codes: 0 ok, 2 ungültige Eingabe, 3 kein verwendbarer Schlüssel (status) oder Schlüsselbund-Fehler.</translation>
        </message>
        <message>
            <source>Manage the stored key.</source>
            <translation>Den gespeicherten Schlüssel verwalten.</translation>
        </message>
        <message>
            <source>set, forget or status.</source>
            <translation>set, forget oder status.</translation>
        </message>
        <message>
            <source>Say what to do: set, forget or status.</source>
            <translation>Sagen Sie, was zu tun ist: set, forget oder status.</translation>
        </message>
        <message>
            <source>The API key or token of profile "%1" is no longer stored.</source>
            <translation>Der API-Schlüssel oder das Token des Profils „%1“ ist nicht mehr gespeichert.</translation>
        </message>
        <message>
            <source>The API key or token of profile "%1" is stored in %2, for %3 only.</source>
            <translation>Der API-Schlüssel oder das Token des Profils „%1“ ist in %2 gespeichert, nur für %3.</translation>
        </message>
        <message>
            <source>No API key or token is stored for profile "%1".</source>
            <translation>Für das Profil „%1“ ist kein API-Schlüssel und kein Token gespeichert.</translation>
        </message>
        <message>
            <source>An API key or token is stored for profile "%1" (from before keys were bound to an API; it is used for %2).</source>
            <translation>Für das Profil „%1“ ist ein API-Schlüssel oder Token gespeichert (aus der Zeit, bevor Schlüssel an eine API gebunden wurden; er wird für %2 verwendet).</translation>
        </message>
        <message>
            <source>An API key or token is stored for profile "%1", for %2.</source>
            <translation>Für das Profil „%1“ ist ein API-Schlüssel oder Token gespeichert, für %2.</translation>
        </message>
        <message>
            <source>Also apply changes that point an existing profile at another API or proxy (its stored key or password then waits to be confirmed).</source>
            <translation>Auch Änderungen übernehmen, die ein vorhandenes Profil auf eine andere API oder einen anderen Proxy richten (sein gespeicherter Schlüssel oder sein Passwort wartet dann auf Bestätigung).</translation>
        </message>
        <message>
            <source>The API key or token of profile "%1" was stored for %2, and the profile now points to %3: confirm it in the FaultShare window, or store it again with faultshare key set.</source>
            <translation>Der API-Schlüssel oder das Token des Profils „%1“ wurde für %2 gespeichert, und das Profil zeigt jetzt auf %3: Bestätigen Sie ihn im FaultShare-Fenster oder speichern Sie ihn erneut mit faultshare key set.</translation>
        </message>
        <message>
            <source>List the links issued on this computer, newest first: label, profile, expiry, time left
and the short link (opened with the history's key from the keychain). Tokens are never shown. Links are forgotten
some days after they expired (Settings, History).</source>
            <translation>Listet die auf diesem Computer erzeugten Links auf, die neuesten zuerst: Bezeichnung, Profil, Ablauf, Restzeit
und den Kurzlink (geöffnet mit dem Schlüssel des Verlaufs aus dem Schlüsselbund). Tokens werden nie angezeigt. Links werden
einige Tage nach ihrem Ablauf vergessen (Einstellungen, Verlauf).</translation>
        </message>
        <message>
            <source>The links are not shown (%1): unlock the keychain and run the command again.</source>
            <translation>Die Links werden nicht angezeigt (%1): Entsperren Sie den Schlüsselbund und führen Sie den Befehl erneut aus.</translation>
        </message>
        <message>
            <source>The link of "%1" is not shown: %2</source>
            <translation>Der Link von „%1“ wird nicht angezeigt: %2</translation>
        </message>
        <message>
            <source>Expired links stay in the history for now: %1</source>
            <translation>Abgelaufene Links bleiben vorerst im Verlauf: %1</translation>
        </message>
        <message>
            <source>it was not kept in the history</source>
            <translation>er wurde nicht im Verlauf gespeichert</translation>
        </message>
        <message>
            <source>%1 · renewal %2</source>
            <translation>%1 · Erneuerung %2</translation>
        </message>
        <message>
            <source>Keep a short-lived Altostrat fault link alive: make a link, then a new one shortly before
each expires, until stopped (SIGINT, SIGTERM) or --count links were made. Each new link is
printed as one line, or replaces the --output file atomically, and --exec runs a command.

The API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from
standard input with --api-key-stdin, then from the profile's keychain entry.

Exit codes: 0 stopped or --count reached, 2 invalid input, and when the first link cannot be
made: 3 key missing or rejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or
invalid response. Later failures are reported on standard error and retried.</source>
            <translation>Hält einen kurzlebigen Altostrat-Störungslink am Leben: erzeugt einen Link und kurz vor
dessen Ablauf jeweils einen neuen, bis zum Stopp (SIGINT, SIGTERM) oder bis --count Links
erzeugt sind. Jeder neue Link wird als eine Zeile ausgegeben oder ersetzt die --output-Datei
atomar, und --exec führt einen Befehl aus.

Der API-Schlüssel oder das Token kommt aus der Umgebungsvariablen FAULTSHARE_API_KEY, dann
mit --api-key-stdin aus der Standardeingabe, dann aus dem Schlüsselbund-Eintrag des Profils.

Exit-Codes: 0 gestoppt oder --count erreicht, 2 ungültige Eingabe, und wenn der erste Link
nicht erzeugt werden kann: 3 Schlüssel fehlt oder abgelehnt, 4 Ratenlimit, 5 Netzwerk, TLS
oder Zeitüberschreitung, 6 Serverfehler oder ungültige Antwort. Spätere Fehler werden auf der
Standardfehlerausgabe gemeldet und erneut versucht.</translation>
        </message>
        <message>
            <source>Keep renewing a link.</source>
            <translation>Einen Link laufend erneuern.</translation>
        </message>
        <message>
            <source>Lifetime of each link in minutes, 1 to 43200 (default: the profile's).</source>
            <translation>Gültigkeit jedes Links in Minuten, 1 bis 43200 (Standard: die des Profils).</translation>
        </message>
        <message>
            <source>Make the next link when the current one has this much left, e.g. 90s, 10m or 2h (default: a tenth of the lifetime, at least 1m where the lifetime allows).</source>
            <translation>Den nächsten Link erzeugen, wenn der aktuelle nur noch so lange gilt, z. B. 90s, 10m oder 2h (Standard: ein Zehntel der Gültigkeit, mindestens 1m, wo die Gültigkeit es zulässt).</translation>
        </message>
        <message>
            <source>DURATION</source>
            <translation>DAUER</translation>
        </message>
        <message>
            <source>Stop after K links (default: run until stopped).</source>
            <translation>Nach K Links aufhören (Standard: bis zum Stopp laufen).</translation>
        </message>
        <message>
            <source>K</source>
            <translation>K</translation>
        </message>
        <message>
            <source>Output: link, json (one object a line), qr-png or qr-svg (these need --output) (default: link).</source>
            <translation>Ausgabe: link, json (ein Objekt je Zeile), qr-png oder qr-svg (diese brauchen --output) (Standard: link).</translation>
        </message>
        <message>
            <source>Replace FILE (owner-only permissions) with each new link instead of printing it; removed while there is no live link.</source>
            <translation>DATEI (nur für den Eigentümer lesbar) mit jedem neuen Link ersetzen, statt ihn auszugeben; entfernt, solange kein gültiger Link besteht.</translation>
        </message>
        <message>
            <source>Run COMMAND with /bin/sh after each new link, with FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL and FAULTSHARE_QR_FILE set (FAULTSHARE_PROBLEM when the link expired with no successor).</source>
            <translation>BEFEHL nach jedem neuen Link mit /bin/sh ausführen, mit FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL und FAULTSHARE_QR_FILE (FAULTSHARE_PROBLEM, wenn der Link ohne Nachfolger abgelaufen ist).</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>BEFEHL</translation>
        </message>
        <message>
            <source>A name for the links, e.g. "NOC wall 2".</source>
            <translation>Ein Name für die Links, z. B. „NOC-Wand 2“.</translation>
        </message>
        <message>
            <source>Do not keep the links in the history (faultshare history).</source>
            <translation>Die Links nicht im Verlauf speichern (faultshare history).</translation>
        </message>
        <message>
            <source>--renew-before must be a duration such as 90s, 10m or 2h.</source>
            <translation>--renew-before muss eine Dauer wie 90s, 10m oder 2h sein.</translation>
        </message>
        <message>
            <source>--count must be a whole number of at least 1.</source>
            <translation>--count muss eine ganze Zahl ab 1 sein.</translation>
        </message>
        <message>
            <source>--renew-before: %1</source>
            <translation>--renew-before: %1</translation>
        </message>
        <message>
            <source>--output must name a file.</source>
            <translation>--output muss eine Datei nennen.</translation>
        </message>
        <message>
            <source>--format %1 needs --output FILE: each new QR code replaces the file.</source>
            <translation>--format %1 braucht --output DATEI: jeder neue QR-Code ersetzt die Datei.</translation>
        </message>
        <message>
            <source>--exec must name a command.</source>
            <translation>--exec muss einen Befehl nennen.</translation>
        </message>
        <message>
            <source>The link was not renewed (the current one stays until %1; next try at %2): %3</source>
            <translation>Der Link wurde nicht erneuert (der aktuelle gilt noch bis %1; nächster Versuch um %2): %3</translation>
        </message>
        <message>
            <source>Still no new link (next try at %1): %2</source>
            <translation>Noch immer kein neuer Link (nächster Versuch um %1): %2</translation>
        </message>
        <message>
            <source>The link expired and no new one could be made: %1</source>
            <translation>Der Link ist abgelaufen, und es konnte kein neuer erzeugt werden: %1</translation>
        </message>
        <message>
            <source>Cannot remove %1: %2.</source>
            <translation>%1 kann nicht entfernt werden: %2.</translation>
        </message>
        <message>
            <source>The --exec command did not end within %1 seconds and was stopped.</source>
            <translation>Der --exec-Befehl endete nicht innerhalb von %1 Sekunden und wurde gestoppt.</translation>
        </message>
        <message>
            <source>The --exec command was stopped: a newer link came before it ended.</source>
            <translation>Der --exec-Befehl wurde gestoppt: ein neuerer Link kam, bevor er endete.</translation>
        </message>
        <message>
            <source>The --exec command was stopped: faultshare rotate is ending.</source>
            <translation>Der --exec-Befehl wurde gestoppt: faultshare rotate wird beendet.</translation>
        </message>
        <message>
            <source>The --exec command was ended by a signal.</source>
            <translation>Der --exec-Befehl wurde durch ein Signal beendet.</translation>
        </message>
        <message>
            <source>The --exec command failed with exit status %1.</source>
            <translation>Der --exec-Befehl ist mit Exit-Status %1 fehlgeschlagen.</translation>
        </message>
        <message>
            <source>The --exec command could not be started: %1.</source>
            <translation>Der --exec-Befehl konnte nicht gestartet werden: %1.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Profile:</source>
            <translation>Profil:</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>API &amp;URL:</source>
            <translation>API-&amp;URL:</translation>
        </message>
        <message>
            <source>Address of the Altostrat API; https is required except on this computer</source>
            <translation>Adresse der Altostrat-API; https ist Pflicht, außer auf diesem Computer</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>API URL problem</source>
            <translation>Problem mit der API-URL</translation>
        </message>
        <message>
            <source>&amp;CA file:</source>
            <translation>&amp;CA-Datei:</translation>
        </message>
        <message>
            <source>Extra CA certificates (PEM) to trust besides the system ones, e.g. for a company proxy; empty for none</source>
            <translation>Zusätzliche CA-Zertifikate (PEM), denen neben denen des Systems vertraut wird, z. B. für einen Firmen-Proxy; leer für keine</translation>
        </message>
        <message>
            <source>CA certificate file</source>
            <translation>CA-Zertifikatsdatei</translation>
        </message>
        <message>
            <source>None (system certificates only)</source>
            <translation>Keine (nur Zertifikate des Systems)</translation>
        </message>
        <message>
            <source>Choose a PEM file of CA certificates</source>
            <translation>Eine PEM-Datei mit CA-Zertifikaten wählen</translation>
        </message>
        <message>
            <source>Browse for a CA file</source>
            <translation>Nach einer CA-Datei suchen</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <source>CA file problem</source>
            <translation>Problem mit der CA-Datei</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Netzwerk</translation>
        </message>
        <message>
            <source>Prox&amp;y:</source>
            <translation>Prox&amp;y:</translation>
        </message>
        <message>
            <source>How this profile reaches the API: the system's proxy settings, directly, or through an HTTP or SOCKS5 proxy</source>
            <translation>Wie dieses Profil die API erreicht: über die Proxy-Einstellungen des Systems, direkt oder über einen HTTP- oder SOCKS5-Proxy</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <source>How this profile reaches the API; host, port, user name and password apply to an HTTP or SOCKS5 proxy</source>
            <translation>Wie dieses Profil die API erreicht; Host, Port, Benutzername und Passwort gelten für einen HTTP- oder SOCKS5-Proxy</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>H&amp;ost:</translation>
        </message>
        <message>
            <source>Host name or address of the proxy, without a scheme or path</source>
            <translation>Hostname oder Adresse des Proxys, ohne Schema oder Pfad</translation>
        </message>
        <message>
            <source>Proxy host</source>
            <translation>Proxy-Host</translation>
        </message>
        <message>
            <source>P&amp;ort:</source>
            <translation>Portnu&amp;mmer:</translation>
        </message>
        <message>
            <source>Port of the proxy, 1 to 65535</source>
            <translation>Port des Proxys, 1 bis 65535</translation>
        </message>
        <message>
            <source>Proxy port</source>
            <translation>Proxy-Port</translation>
        </message>
        <message>
            <source>U&amp;ser name:</source>
            <translation>Benut&amp;zername:</translation>
        </message>
        <message>
            <source>The user name the proxy asks for; empty when it asks for none</source>
            <translation>Der Benutzername, den der Proxy verlangt; leer, wenn er keinen verlangt</translation>
        </message>
        <message>
            <source>Proxy user name</source>
            <translation>Proxy-Benutzername</translation>
        </message>
        <message>
            <source>P&amp;assword:</source>
            <translation>P&amp;asswort:</translation>
        </message>
        <message>
            <source>The proxy password, kept in the keychain and never in the settings file; leave empty to keep the stored one</source>
            <translation>Das Proxy-Passwort, im Schlüsselbund aufbewahrt und nie in der Einstellungsdatei; leer lassen, um das gespeicherte zu behalten</translation>
        </message>
        <message>
            <source>Proxy password</source>
            <translation>Proxy-Passwort</translation>
        </message>
        <message>
            <source>Kept in the keychain, never in the settings file; leave empty to keep the stored password</source>
            <translation>Im Schlüsselbund aufbewahrt, nie in der Einstellungsdatei; leer lassen, um das gespeicherte Passwort zu behalten</translation>
        </message>
        <message>
            <source>Remove the stored proxy password of this profile from the keychain when you press OK</source>
            <translation>Das gespeicherte Proxy-Passwort dieses Profils beim Klick auf OK aus dem Schlüsselbund entfernen</translation>
        </message>
        <message>
            <source>Forget proxy password</source>
            <translation>Proxy-Passwort entfernen</translation>
        </message>
        <message>
            <source>For&amp;get password</source>
            <translation>Passwort ent&amp;fernen</translation>
        </message>
        <message>
            <source>Proxy problem</source>
            <translation>Proxy-Problem</translation>
        </message>
        <message>
            <source>Proxy status</source>
            <translation>Proxy-Status</translation>
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>%1 d %2:%3:%4</source>
            <translation>%1 T %2:%3:%4</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Gültig</translation>
        </message>
        <message>
            <source>Expiring soon</source>
            <translation>Läuft bald ab</translation>
        </message>
        <message>
            <source>About to expire</source>
            <translation>Läuft gleich ab</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 T</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 Std.</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 UTC</source>
            <translation>%1 UTC</translation>
        </message>
        <message>
            <source>%1 %2 (%3 UTC)</source>
            <translation>%1 %2 (%3 UTC)</translation>
        </message>
    </context>
    <context>
        <name>ExpiryForm</name>
        <message>
            <source>&amp;Valid for:</source>
            <translation>&amp;Gültig für:</translation>
        </message>
        <message>
            <source>How long the link keeps working</source>
            <translation>Wie lange der Link funktioniert</translation>
        </message>
        <message>
            <source>Valid for</source>
            <translation>Gültig für</translation>
        </message>
        <message>
            <source>C&amp;ustom:</source>
            <translation>Ben&amp;utzerdefiniert:</translation>
        </message>
        <message>
            <source>Custom validity, between 1 minute and 30 days</source>
            <translation>Eigene Gültigkeit, zwischen 1 Minute und 30 Tagen</translation>
        </message>
        <message>
            <source>Custom validity</source>
            <translation>Eigene Gültigkeit</translation>
        </message>
        <message>
            <source>Unit of the custom validity</source>
            <translation>Einheit der eigenen Gültigkeit</translation>
        </message>
        <message>
            <source>Custom validity unit</source>
            <translation>Einheit der eigenen Gültigkeit</translation>
        </message>
        <message>
            <source>Un&amp;til:</source>
            <translation>&amp;Bis:</translation>
        </message>
        <message>
            <source>Local date and time until which the link works, at most 30 days ahead</source>
            <translation>Lokales Datum und Uhrzeit, bis zu denen der Link funktioniert, höchstens 30 Tage im Voraus</translation>
        </message>
        <message>
            <source>Valid until, local time</source>
            <translation>Gültig bis, Ortszeit</translation>
        </message>
        <message>
            <source>Validity check</source>
            <translation>Prüfung der Gültigkeit</translation>
        </message>
    </context>
    <context>
        <name>Fault</name>
        <message>
            <source>Low</source>
            <translation>Niedrig</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Mittel</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Hoch</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Kritisch</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
        <message>
            <source>1 fault could not be read</source>
            <translation>1 Störung konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>%1 faults could not be read</source>
            <translation>%1 Störungen konnten nicht gelesen werden</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <source>Links</source>
            <translation>Links</translation>
        </message>
        <message>
            <source>Default &amp;validity:</source>
            <translation>Standard-&amp;Gültigkeit:</translation>
        </message>
        <message>
            <source>Validity preselected for new links, in minutes (1 minute to 30 days)</source>
            <translation>Für neue Links vorgewählte Gültigkeit, in Minuten (1 Minute bis 30 Tage)</translation>
        </message>
        <message>
            <source>Default validity in minutes</source>
            <translation>Standard-Gültigkeit in Minuten</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Default validity</source>
            <translation>Standard-Gültigkeit</translation>
        </message>
        <message>
            <source>Clear copied &amp;token after:</source>
            <translation>Kopiertes &amp;Token löschen nach:</translation>
        </message>
        <message>
            <source>A copied token is removed from the clipboard after this many seconds, unless something else was copied since</source>
            <translation>Ein kopiertes Token wird nach so vielen Sekunden aus der Zwischenablage entfernt, sofern inzwischen nichts anderes kopiert wurde</translation>
        </message>
        <message>
            <source>Clipboard clear delay in seconds</source>
            <translation>Verzögerung bis zum Leeren der Zwischenablage in Sekunden</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <source>Show a tray icon and notify before and when a link expires</source>
            <translation>Ein Symbol im Infobereich zeigen und vor und bei Ablauf eines Links benachrichtigen</translation>
        </message>
        <message>
            <source>Expiry notifications</source>
            <translation>Ablaufbenachrichtigungen</translation>
        </message>
        <message>
            <source>Notify when a lin&amp;k is about to expire</source>
            <translation>&amp;Benachrichtigen, bevor ein Link abläuft</translation>
        </message>
        <message>
            <source>&amp;Warn:</source>
            <translation>&amp;Warnen:</translation>
        </message>
        <message>
            <source>How many minutes before expiry to warn; 0 notifies only at expiry</source>
            <translation>Wie viele Minuten vor Ablauf gewarnt wird; 0 benachrichtigt nur beim Ablauf</translation>
        </message>
        <message>
            <source>Warning time in minutes before expiry</source>
            <translation>Vorwarnzeit in Minuten vor Ablauf</translation>
        </message>
        <message>
            <source>Only at expiry</source>
            <translation>Nur beim Ablauf</translation>
        </message>
        <message>
            <source> min before expiry</source>
            <translation> Min. vor Ablauf</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Forget expire&amp;d links:</source>
            <translation>Abgelaufene &amp;Links vergessen:</translation>
        </message>
        <message>
            <source>How long an expired link stays in the history; 0 forgets it as soon as it expires</source>
            <translation>Wie lange ein abgelaufener Link im Verlauf bleibt; 0 vergisst ihn, sobald er abläuft</translation>
        </message>
        <message>
            <source>Days an expired link stays in the history</source>
            <translation>Tage, die ein abgelaufener Link im Verlauf bleibt</translation>
        </message>
        <message>
            <source>At once</source>
            <translation>Sofort</translation>
        </message>
        <message>
            <source>after </source>
            <translation>nach </translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tagen</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>Sprac&amp;he:</translation>
        </message>
        <message>
            <source>The language of FaultShare's windows and messages; the system default follows the desktop's language</source>
            <translation>Die Sprache der Fenster und Meldungen von FaultShare; der Systemstandard folgt der Sprache des Desktops</translation>
        </message>
        <message>
            <source>Takes effect when FaultShare restarts</source>
            <translation>Wirkt nach einem Neustart von FaultShare</translation>
        </message>
        <message>
            <source>Takes effect when FaultShare restarts.</source>
            <translation>Wirkt nach einem Neustart von FaultShare.</translation>
        </message>
    </context>
    <context>
        <name>IframeSizeDialog</name>
        <message>
            <source>Embed size</source>
            <translation>Einbettungsgröße</translation>
        </message>
        <message>
            <source>&amp;Width:</source>
            <translation>&amp;Breite:</translation>
        </message>
        <message>
            <source>Embed width</source>
            <translation>Breite der Einbettung</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>&amp;Height:</source>
            <translation>&amp;Höhe:</translation>
        </message>
        <message>
            <source>Embed height</source>
            <translation>Höhe der Einbettung</translation>
        </message>
    </context>
    <context>
        <name>KeyPage</name>
        <message>
            <source>API key setup</source>
            <translation>API-Schlüssel einrichten</translation>
        </message>
        <message>
            <source>Connect FaultShare to Altostrat</source>
            <translation>FaultShare mit Altostrat verbinden</translation>
        </message>
        <message>
            <source>Where the key is stored</source>
            <translation>Wo der Schlüssel gespeichert wird</translation>
        </message>
        <message>
            <source>Key problem</source>
            <translation>Problem mit dem Schlüssel</translation>
        </message>
        <message>
            <source>Check the key and store it in the keychain</source>
            <translation>Den Schlüssel prüfen und im Schlüsselbund speichern</translation>
        </message>
        <message>
            <source>Save key</source>
            <translation>Schlüssel speichern</translation>
        </message>
        <message>
            <source>&amp;Save key</source>
            <translation>Schlüssel s&amp;peichern</translation>
        </message>
        <message>
            <source>Read the stored key from the keychain again</source>
            <translation>Den gespeicherten Schlüssel erneut aus dem Schlüsselbund lesen</translation>
        </message>
        <message>
            <source>Retry keychain</source>
            <translation>Schlüsselbund erneut lesen</translation>
        </message>
        <message>
            <source>&amp;Retry keychain</source>
            <translation>Schlüsselbund &amp;erneut lesen</translation>
        </message>
        <message>
            <source>Try FaultShare with a built-in demo server on this computer; nothing is stored</source>
            <translation>FaultShare mit einem eingebauten Demo-Server auf diesem Computer ausprobieren; nichts wird gespeichert</translation>
        </message>
        <message>
            <source>Try the demo server</source>
            <translation>Demo-Server ausprobieren</translation>
        </message>
        <message>
            <source>Try the &amp;demo server</source>
            <translation>Demo-Server &amp;testen</translation>
        </message>
        <message>
            <source>Paste your team's Altostrat API key or token. FaultShare uses it only to create short-lived, read-only links to your fault data.</source>
            <translation>Fügen Sie den Altostrat-API-Schlüssel oder das Token Ihres Teams ein. FaultShare verwendet ihn nur, um kurzlebige, schreibgeschützte Links zu Ihren Störungsdaten zu erzeugen.</translation>
        </message>
        <message>
            <source>API &amp;key or token:</source>
            <translation>API-&amp;Schlüssel oder Token:</translation>
        </message>
        <message>
            <source>Your team API key (tokenId:teamId:secret) or token (a JWT)</source>
            <translation>Der API-Schlüssel (tokenId:teamId:secret) oder das Token (ein JWT) Ihres Teams</translation>
        </message>
        <message>
            <source>API key or token</source>
            <translation>API-Schlüssel oder Token</translation>
        </message>
        <message>
            <source>tokenId:teamId:secret or eyJ…</source>
            <translation>tokenId:teamId:secret oder eyJ…</translation>
        </message>
    </context>
    <context>
        <name>LinkDetails</name>
        <message>
            <source>Token and details</source>
            <translation>Token und Details</translation>
        </message>
        <message>
            <source>The embed token itself; treat it like a password</source>
            <translation>Das Einbettungs-Token selbst; behandeln Sie es wie ein Passwort</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Show or hide the token</source>
            <translation>Das Token anzeigen oder verbergen</translation>
        </message>
        <message>
            <source>Reveal token</source>
            <translation>Token anzeigen</translation>
        </message>
        <message>
            <source>&amp;Reveal</source>
            <translation>Anze&amp;igen</translation>
        </message>
        <message>
            <source>Copy the token; the clipboard is cleared again after a while</source>
            <translation>Das Token kopieren; die Zwischenablage wird nach einer Weile wieder geleert</translation>
        </message>
        <message>
            <source>Copy token</source>
            <translation>Token kopieren</translation>
        </message>
        <message>
            <source>Copy &amp;token</source>
            <translation>&amp;Token kopieren</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Typ:</translation>
        </message>
        <message>
            <source>Token type</source>
            <translation>Token-Typ</translation>
        </message>
        <message>
            <source>Clock:</source>
            <translation>Uhr:</translation>
        </message>
        <message>
            <source>Clock difference to the server</source>
            <translation>Zeitunterschied zum Server</translation>
        </message>
        <message>
            <source>Clai&amp;ms:</source>
            <translation>Clai&amp;ms:</translation>
        </message>
        <message>
            <source>What the token says about itself (its signature is not checked here)</source>
            <translation>Was das Token über sich selbst aussagt (seine Signatur wird hier nicht geprüft)</translation>
        </message>
        <message>
            <source>Token claims</source>
            <translation>Claims des Tokens</translation>
        </message>
    </context>
    <context>
        <name>LinkResultPanel</name>
        <message>
            <source>The QR code and the link of a new link appear here.</source>
            <translation>QR-Code und Adresse eines neuen Links erscheinen hier.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Link label</source>
            <translation>Bezeichnung des Links</translation>
        </message>
        <message>
            <source>Scan to open the link</source>
            <translation>Scannen, um den Link zu öffnen</translation>
        </message>
        <message>
            <source>QR code of the link</source>
            <translation>QR-Code des Links</translation>
        </message>
        <message>
            <source>Error correctio&amp;n:</source>
            <translation>&amp;Fehlerkorrektur:</translation>
        </message>
        <message>
            <source>Higher levels still scan when part of the code is damaged or covered, but need more modules</source>
            <translation>Höhere Stufen lassen sich auch scannen, wenn ein Teil des Codes beschädigt oder verdeckt ist, brauchen aber mehr Module</translation>
        </message>
        <message>
            <source>QR error correction level</source>
            <translation>Fehlerkorrekturstufe des QR-Codes</translation>
        </message>
        <message>
            <source>Save, copy or print the QR code</source>
            <translation>Den QR-Code speichern, kopieren oder drucken</translation>
        </message>
        <message>
            <source>QR code export</source>
            <translation>QR-Code exportieren</translation>
        </message>
        <message>
            <source>&amp;QR code</source>
            <translation>&amp;QR-Code</translation>
        </message>
        <message>
            <source>The link to share</source>
            <translation>Der zu teilende Link</translation>
        </message>
        <message>
            <source>Short link</source>
            <translation>Kurzlink</translation>
        </message>
        <message>
            <source>Copy confirmation</source>
            <translation>Kopierbestätigung</translation>
        </message>
        <message>
            <source>Copy the link (Ctrl+Shift+C)</source>
            <translation>Den Link kopieren (Strg+Umschalt+C)</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Link kopieren</translation>
        </message>
        <message>
            <source>&amp;Copy link</source>
            <translation>Link &amp;kopieren</translation>
        </message>
        <message>
            <source>Copy the link as Markdown, HTML or an embeddable iframe</source>
            <translation>Den Link als Markdown, HTML oder einbettbaren iframe kopieren</translation>
        </message>
        <message>
            <source>Copy as</source>
            <translation>Kopieren als</translation>
        </message>
        <message>
            <source>Copy &amp;as</source>
            <translation>Kopieren al&amp;s</translation>
        </message>
        <message>
            <source>Open the link in the web browser</source>
            <translation>Den Link im Webbrowser öffnen</translation>
        </message>
        <message>
            <source>Open link</source>
            <translation>Link öffnen</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Öff&amp;nen</translation>
        </message>
        <message>
            <source>Show the faults this link exposes before it goes on a wall</source>
            <translation>Die Störungen zeigen, die dieser Link freigibt, bevor er an die Wand geht</translation>
        </message>
        <message>
            <source>Preview faults</source>
            <translation>Störungen ansehen</translation>
        </message>
        <message>
            <source>Pre&amp;view…</source>
            <translation>Stö&amp;rungen ansehen…</translation>
        </message>
        <message>
            <source>Time remaining</source>
            <translation>Verbleibende Zeit</translation>
        </message>
        <message>
            <source>Link state</source>
            <translation>Linkstatus</translation>
        </message>
        <message>
            <source>Lifetime left</source>
            <translation>Verbleibende Gültigkeit</translation>
        </message>
        <message>
            <source>Expires at</source>
            <translation>Läuft ab um</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>FaultShare</source>
            <translation>FaultShare</translation>
        </message>
        <message>
            <source>Demo mode: a throwaway server on this computer, nothing is stored</source>
            <translation>Demo-Modus: ein Wegwerf-Server auf diesem Computer, nichts wird gespeichert</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>Demo-Modus</translation>
        </message>
        <message>
            <source>DEMO</source>
            <translation>DEMO</translation>
        </message>
        <message>
            <source>About demo mode</source>
            <translation>Über den Demo-Modus</translation>
        </message>
        <message>
            <source>Links come from the demo server inside FaultShare, show sample faults and work only on this computer while FaultShare runs.</source>
            <translation>Links kommen vom Demo-Server in FaultShare, zeigen Beispielstörungen und funktionieren nur auf diesem Computer, solange FaultShare läuft.</translation>
        </message>
        <message>
            <source>New link</source>
            <translation>Neuer Link</translation>
        </message>
        <message>
            <source>&amp;Profile:</source>
            <translation>&amp;Profil:</translation>
        </message>
        <message>
            <source>The profile (API URL, key, CA file) the next link is made with</source>
            <translation>Das Profil (API-URL, Schlüssel, CA-Datei), mit dem der nächste Link erzeugt wird</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>&amp;Label:</source>
            <translation>Be&amp;zeichnung:</translation>
        </message>
        <message>
            <source>Optional name for this link, e.g. the display it is for</source>
            <translation>Optionaler Name für diesen Link, z. B. das Display, für das er bestimmt ist</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <source>Optional, e.g. NOC wall 2</source>
            <translation>Optional, z. B. NOC-Wand 2</translation>
        </message>
        <message>
            <source>Create a new link (Ctrl+Return)</source>
            <translation>Einen neuen Link erzeugen (Strg+Eingabe)</translation>
        </message>
        <message>
            <source>Generate link</source>
            <translation>Link erzeugen</translation>
        </message>
        <message>
            <source>&amp;Generate link</source>
            <translation>Link &amp;erzeugen</translation>
        </message>
        <message>
            <source>Stop waiting for the server (Esc)</source>
            <translation>Nicht länger auf den Server warten (Esc)</translation>
        </message>
        <message>
            <source>Cancel request</source>
            <translation>Anfrage abbrechen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Waiting for the server</source>
            <translation>Warten auf den Server</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Copy &amp;token</source>
            <translation>&amp;Token kopieren</translation>
        </message>
        <message>
            <source>&amp;Copy link</source>
            <translation>Link &amp;kopieren</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Create a new link</source>
            <translation>Einen neuen Link erzeugen</translation>
        </message>
        <message>
            <source>Ctrl+Return</source>
            <translation>Ctrl+Return</translation>
        </message>
        <message>
            <source>&amp;Cancel request</source>
            <translation>Anfrage &amp;abbrechen</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Ctrl+Shift+C</source>
            <translation>Ctrl+Shift+C</translation>
        </message>
        <message>
            <source>Copy as &amp;Markdown link</source>
            <translation>Als &amp;Markdown-Link kopieren</translation>
        </message>
        <message>
            <source>Copy as &amp;HTML link</source>
            <translation>Als &amp;HTML-Link kopieren</translation>
        </message>
        <message>
            <source>Copy as &amp;embed (iframe)…</source>
            <translation>Als E&amp;inbettung (iframe) kopieren…</translation>
        </message>
        <message>
            <source>&amp;Save QR code…</source>
            <translation>QR-Code &amp;speichern…</translation>
        </message>
        <message>
            <source>Save the QR code as a PNG or SVG file</source>
            <translation>Den QR-Code als PNG- oder SVG-Datei speichern</translation>
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation>Ctrl+S</translation>
        </message>
        <message>
            <source>Copy QR &amp;image</source>
            <translation>QR-Code als Bil&amp;d kopieren</translation>
        </message>
        <message>
            <source>&amp;Print QR code…</source>
            <translation>QR-Code dr&amp;ucken…</translation>
        </message>
        <message>
            <source>Ctrl+P</source>
            <translation>Ctrl+P</translation>
        </message>
        <message>
            <source>Pre&amp;view faults…</source>
            <translation>Störungen &amp;vorab ansehen…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+V</source>
            <translation>Ctrl+Shift+V</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>&amp;Verlauf</translation>
        </message>
        <message>
            <source>Ctrl+H</source>
            <translation>Ctrl+H</translation>
        </message>
        <message>
            <source>&amp;Open link in browser</source>
            <translation>Link im Br&amp;owser öffnen</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>&amp;About FaultShare</source>
            <translation>Ü&amp;ber FaultShare</translation>
        </message>
        <message>
            <source>&amp;Present on a wall display…</source>
            <translation>Auf &amp;Wanddisplay zeigen…</translation>
        </message>
        <message>
            <source>Show the QR code fullscreen, with the link, label and countdown</source>
            <translation>Den QR-Code im Vollbild zeigen, mit Link, Bezeichnung und Countdown</translation>
        </message>
        <message>
            <source>F11</source>
            <translation>F11</translation>
        </message>
    </context>
    <context>
        <name>Module</name>
        <message>
            <source>%1 cannot be loaded (%2)</source>
            <translation>%1 kann nicht geladen werden (%2)</translation>
        </message>
        <message>
            <source>%1 is not a FaultShare module</source>
            <translation>%1 ist kein FaultShare-Modul</translation>
        </message>
        <message>
            <source>%1 is from another version of FaultShare</source>
            <translation>%1 stammt aus einer anderen FaultShare-Version</translation>
        </message>
        <message>
            <source>FaultShare is not installed completely: %1. Install FaultShare again.</source>
            <translation>FaultShare ist nicht vollständig installiert: %1. Installieren Sie FaultShare erneut.</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Link preview</source>
            <translation>Linkvorschau</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Wird geladen</translation>
        </message>
        <message>
            <source>Loading the faults this link shows…</source>
            <translation>Die Störungen, die dieser Link zeigt, werden geladen…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <source>Stop loading the preview</source>
            <translation>Das Laden der Vorschau abbrechen</translation>
        </message>
        <message>
            <source>Cancel loading</source>
            <translation>Laden abbrechen</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Erneut versuchen</translation>
        </message>
        <message>
            <source>Load the preview again</source>
            <translation>Die Vorschau erneut laden</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Critical faults</source>
            <translation>Kritische Störungen</translation>
        </message>
        <message>
            <source>High faults</source>
            <translation>Hohe Störungen</translation>
        </message>
        <message>
            <source>Medium faults</source>
            <translation>Mittlere Störungen</translation>
        </message>
        <message>
            <source>Low faults</source>
            <translation>Niedrige Störungen</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Gesamt</translation>
        </message>
        <message>
            <source>Faults</source>
            <translation>Störungen</translation>
        </message>
        <message>
            <source>Warning faults</source>
            <translation>Störungen mit Warnung</translation>
        </message>
        <message>
            <source>Faults of another severity</source>
            <translation>Störungen mit anderem Schweregrad</translation>
        </message>
        <message>
            <source>Unreadable faults</source>
            <translation>Nicht lesbare Störungen</translation>
        </message>
        <message>
            <source>Details of the selected fault</source>
            <translation>Details der gewählten Störung</translation>
        </message>
        <message>
            <source>Select a fault to see its cause, where it is and its comments.</source>
            <translation>Wählen Sie eine Störung, um Ursache, Ort und Kommentare zu sehen.</translation>
        </message>
    </context>
    <context>
        <name>Profiles</name>
        <message>
            <source>Profile "%1" cannot be imported: %2</source>
            <translation>Das Profil „%1“ kann nicht importiert werden: %2</translation>
        </message>
        <message>
            <source>Profile "%1" has a proxy setting of the wrong kind ("proxy_mode" is system, none, http or socks5; "proxy_port" a whole number up to 65535); fix it and import again.</source>
            <translation>Das Profil „%1“ hat eine Proxy-Einstellung der falschen Art („proxy_mode“ ist system, none, http oder socks5; „proxy_port“ eine ganze Zahl bis 65535); korrigieren Sie sie und importieren Sie erneut.</translation>
        </message>
    </context>
    <context>
        <name>ProfilesPage</name>
        <message>
            <source>&amp;Profiles</source>
            <translation>&amp;Profile</translation>
        </message>
        <message>
            <source>Every profile; the one in use is marked. This dialog edits the profile in use.</source>
            <translation>Alle Profile; das verwendete ist markiert. Dieser Dialog bearbeitet das verwendete Profil.</translation>
        </message>
        <message>
            <source>Profiles</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>Every profile; the one in use is marked</source>
            <translation>Alle Profile; das verwendete ist markiert</translation>
        </message>
        <message>
            <source>Create a profile with default settings</source>
            <translation>Ein Profil mit Standardeinstellungen anlegen</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>Neues Profil</translation>
        </message>
        <message>
            <source>N&amp;ew…</source>
            <translation>&amp;Neu…</translation>
        </message>
        <message>
            <source>Remove the selected profile and its stored key (not "default", not the profile in use)</source>
            <translation>Das ausgewählte Profil und seinen gespeicherten Schlüssel entfernen (nicht „default“, nicht das verwendete Profil)</translation>
        </message>
        <message>
            <source>Remove profile</source>
            <translation>Profil entfernen</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>&amp;Entfernen…</translation>
        </message>
        <message>
            <source>Save every profile's settings to a JSON file; keys are never exported</source>
            <translation>Die Einstellungen aller Profile in einer JSON-Datei speichern; Schlüssel werden nie exportiert</translation>
        </message>
        <message>
            <source>Export profiles</source>
            <translation>Profile exportieren</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xportieren…</translation>
        </message>
        <message>
            <source>Create or update profiles from an exported JSON file; keys are never imported</source>
            <translation>Profile aus einer exportierten JSON-Datei anlegen oder aktualisieren; Schlüssel werden nie importiert</translation>
        </message>
        <message>
            <source>Import profiles</source>
            <translation>Profile importieren</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <source>Profiles status</source>
            <translation>Status der Profile</translation>
        </message>
    </context>
    <context>
        <name>ProxySettings</name>
        <message>
            <source>Enter the proxy's host name or address.</source>
            <translation>Geben Sie den Hostnamen oder die Adresse des Proxys ein.</translation>
        </message>
        <message>
            <source>The proxy host must be a host name or an address, without a scheme, path or user name.</source>
            <translation>Der Proxy-Host muss ein Hostname oder eine Adresse sein, ohne Schema, Pfad oder Benutzernamen.</translation>
        </message>
        <message>
            <source>The proxy port must be a number from 1 to 65535.</source>
            <translation>Der Proxy-Port muss eine Zahl von 1 bis 65535 sein.</translation>
        </message>
    </context>
    <context>
        <name>QrExportDialog</name>
        <message>
            <source>QR code size</source>
            <translation>QR-Code-Größe</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>&amp;Größe:</translation>
        </message>
        <message>
            <source>Width and height; rounded down to whole modules</source>
            <translation>Breite und Höhe; auf ganze Module abgerundet</translation>
        </message>
        <message>
            <source>QR code size in pixels</source>
            <translation>QR-Code-Größe in Pixeln</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
    </context>
    <context>
        <name>ShareFormats</name>
        <message>
            <source>Altostrat faults</source>
            <translation>Altostrat-Störungen</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ApiKeyPage</name>
        <message>
            <source>The key of this profile is stored in %1, never in a file.</source>
            <translation>Der Schlüssel dieses Profils wird in %1 gespeichert, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Demo mode: the connection and the key belong to the demo server and cannot be changed.</source>
            <translation>Demo-Modus: Verbindung und Schlüssel gehören zum Demo-Server und können nicht geändert werden.</translation>
        </message>
        <message>
            <source>Storing the key in %1…</source>
            <translation>Der Schlüssel wird in %1 gespeichert…</translation>
        </message>
        <message>
            <source>The new key is stored in %1 and in use.</source>
            <translation>Der neue Schlüssel ist in %1 gespeichert und in Gebrauch.</translation>
        </message>
        <message>
            <source>The new key is stored in %1; this session keeps using the key from FAULTSHARE_API_KEY.</source>
            <translation>Der neue Schlüssel ist in %1 gespeichert; diese Sitzung verwendet weiter den Schlüssel aus FAULTSHARE_API_KEY.</translation>
        </message>
        <message>
            <source>Forget the stored key?</source>
            <translation>Gespeicherten Schlüssel vergessen?</translation>
        </message>
        <message>
            <source>Remove the API key or token of profile “%1” from %2? You will need to paste it again to create links.</source>
            <translation>Den API-Schlüssel oder das Token des Profils „%1“ aus %2 entfernen? Sie müssen ihn erneut einfügen, um Links zu erzeugen.</translation>
        </message>
        <message>
            <source>&amp;Forget key</source>
            <translation>Schlüssel &amp;vergessen</translation>
        </message>
        <message>
            <source>Removing the key from %1…</source>
            <translation>Der Schlüssel wird aus %1 entfernt…</translation>
        </message>
        <message>
            <source>The stored key was removed from %1.</source>
            <translation>Der gespeicherte Schlüssel wurde aus %1 entfernt.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ConnectionPage</name>
        <message>
            <source>Use the system settings</source>
            <translation>Einstellungen des Systems verwenden</translation>
        </message>
        <message>
            <source>No proxy (direct)</source>
            <translation>Kein Proxy (direkt)</translation>
        </message>
        <message>
            <source>HTTP proxy</source>
            <translation>HTTP-Proxy</translation>
        </message>
        <message>
            <source>SOCKS5 proxy</source>
            <translation>SOCKS5-Proxy</translation>
        </message>
        <message>
            <source>Demo mode: the demo server is reached without a proxy.</source>
            <translation>Demo-Modus: Der Demo-Server wird ohne Proxy erreicht.</translation>
        </message>
        <message>
            <source>The file %1, so only the system's certificates are trusted; choose another or clear the field.</source>
            <translation>Die Datei %1, daher wird nur den Zertifikaten des Systems vertraut; wählen Sie eine andere oder leeren Sie das Feld.</translation>
        </message>
        <message>
            <source>The file cannot be read; choose an existing PEM file.</source>
            <translation>Die Datei kann nicht gelesen werden; wählen Sie eine vorhandene PEM-Datei.</translation>
        </message>
        <message>
            <source>The file holds no PEM certificate; choose the CA bundle your IT provides.</source>
            <translation>Die Datei enthält kein PEM-Zertifikat; wählen Sie das CA-Bundle, das Ihre IT bereitstellt.</translation>
        </message>
        <message>
            <source>Storing the proxy password in %1…</source>
            <translation>Das Proxy-Passwort wird in %1 gespeichert…</translation>
        </message>
        <message>
            <source>The proxy password could not be stored: %1</source>
            <translation>Das Proxy-Passwort konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>Removing the proxy password from %1…</source>
            <translation>Das Proxy-Passwort wird aus %1 entfernt…</translation>
        </message>
        <message>
            <source>The stored proxy password could not be removed: %1</source>
            <translation>Das gespeicherte Proxy-Passwort konnte nicht entfernt werden: %1</translation>
        </message>
        <message>
            <source>Enter the user name that goes with the proxy password, or clear the password.</source>
            <translation>Geben Sie den Benutzernamen zum Proxy-Passwort ein, oder löschen Sie das Passwort.</translation>
        </message>
        <message>
            <source>Removed from %1 when you press OK</source>
            <translation>Wird beim Klick auf OK aus %1 entfernt</translation>
        </message>
        <message>
            <source>Stored in %1; unchanged unless you type a new one</source>
            <translation>Gespeichert in %1; bleibt, solange Sie kein neues eingeben</translation>
        </message>
        <message>
            <source>None stored</source>
            <translation>Keines gespeichert</translation>
        </message>
        <message>
            <source>Unchanged unless you type one</source>
            <translation>Bleibt unverändert, solange Sie keines eingeben</translation>
        </message>
        <message>
            <source>The stored proxy password will be removed from %1 when you press OK.</source>
            <translation>Das gespeicherte Proxy-Passwort wird beim Klick auf OK aus %1 entfernt.</translation>
        </message>
        <message>
            <source>Choose a CA certificate file</source>
            <translation>CA-Zertifikatsdatei wählen</translation>
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
        </message>
    </context>
    <context>
        <name>faultshare::CredentialStore</name>
        <message>
            <source>the macOS Keychain</source>
            <translation>dem macOS-Schlüsselbund</translation>
        </message>
        <message>
            <source>the Windows Credential Manager</source>
            <translation>der Windows-Anmeldeinformationsverwaltung</translation>
        </message>
        <message>
            <source>your keyring (Secret Service)</source>
            <translation>Ihrem Schlüsselbund (Secret Service)</translation>
        </message>
        <message>
            <source>access was denied by the user</source>
            <translation>der Zugriff wurde vom Benutzer verweigert</translation>
        </message>
        <message>
            <source>access was denied (is the keyring locked?)</source>
            <translation>der Zugriff wurde verweigert (ist der Schlüsselbund gesperrt?)</translation>
        </message>
        <message>
            <source>no keychain service is available</source>
            <translation>kein Schlüsselbund-Dienst verfügbar</translation>
        </message>
        <message>
            <source>the keychain does not support this operation</source>
            <translation>der Schlüsselbund unterstützt diesen Vorgang nicht</translation>
        </message>
        <message>
            <source>the entry could not be deleted</source>
            <translation>der Eintrag konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <source>the entry was not found</source>
            <translation>der Eintrag wurde nicht gefunden</translation>
        </message>
        <message>
            <source>the keychain reported an error</source>
            <translation>der Schlüsselbund hat einen Fehler gemeldet</translation>
        </message>
        <message>
            <source>no answer in %1 s; a prompt may be waiting on the screen</source>
            <translation>keine Antwort in %1 s; vielleicht wartet eine Abfrage auf dem Bildschirm</translation>
        </message>
        <message>
            <source>the keyring is locked</source>
            <translation>der Schlüsselbund ist gesperrt</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ExpiryForm</name>
        <message>
            <source>15 minutes</source>
            <translation>15 Minuten</translation>
        </message>
        <message>
            <source>1 hour</source>
            <translation>1 Stunde</translation>
        </message>
        <message>
            <source>8 hours (a shift)</source>
            <translation>8 Stunden (eine Schicht)</translation>
        </message>
        <message>
            <source>12 hours</source>
            <translation>12 Stunden</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 Stunden</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 Tage</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 Tage</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert…</translation>
        </message>
        <message>
            <source>Until…</source>
            <translation>Bis…</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <source>days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>The link works for %1 (until %2)</source>
            <translation>Der Link funktioniert %1 lang (bis %2)</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ExpiryInput</name>
        <message>
            <source>At least 1 minute</source>
            <translation>Mindestens 1 Minute</translation>
        </message>
        <message>
            <source>At most 30 days (%1 minutes)</source>
            <translation>Höchstens 30 Tage (%1 Minuten)</translation>
        </message>
        <message>
            <source>Choose a date and time</source>
            <translation>Wählen Sie Datum und Uhrzeit</translation>
        </message>
        <message>
            <source>%1 does not exist on that day (clocks go forward); choose another time</source>
            <translation>%1 gibt es an diesem Tag nicht (Zeitumstellung vor); wählen Sie eine andere Uhrzeit</translation>
        </message>
        <message>
            <source>That time has passed</source>
            <translation>Dieser Zeitpunkt ist vorbei</translation>
        </message>
        <message>
            <source>%1 happens twice on that day (clocks go back); the earlier one is used</source>
            <translation>%1 gibt es an diesem Tag zweimal (Zeitumstellung zurück); der frühere Zeitpunkt gilt</translation>
        </message>
    </context>
    <context>
        <name>faultshare::FaultModel</name>
        <message>
            <source>Resolved</source>
            <translation>Behoben</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Cause: %1</source>
            <translation>Ursache: %1</translation>
        </message>
        <message>
            <source>Type: %1</source>
            <translation>Typ: %1</translation>
        </message>
        <message>
            <source>Since: %1 (%2 UTC)</source>
            <translation>Seit: %1 (%2 UTC)</translation>
        </message>
        <message>
            <source>Resolved: %1 (%2 UTC)</source>
            <translation>Behoben: %1 (%2 UTC)</translation>
        </message>
        <message>
            <source>Path: %1</source>
            <translation>Pfad: %1</translation>
        </message>
        <message>
            <source>Fault: %1</source>
            <translation>Störung: %1</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>Keine Kommentare.</translation>
        </message>
        <message>
            <source>Comments:</source>
            <translation>Kommentare:</translation>
        </message>
        <message>
            <source>someone</source>
            <translation>jemand</translation>
        </message>
        <message>
            <source>%1, %2: %3</source>
            <translation>%1, %2: %3</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Unresolved</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Wo</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>Ursache</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Seit</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Kommentare</translation>
        </message>
    </context>
    <context>
        <name>faultshare::GeneralPage</name>
        <message>
            <source>System default</source>
            <translation>Systemstandard</translation>
        </message>
    </context>
    <context>
        <name>faultshare::History</name>
        <message>
            <source>The history file %1 cannot be used (%2); FaultShare shows no history and leaves the file as it is.</source>
            <translation>Die Verlaufsdatei %1 ist nicht verwendbar (%2); FaultShare zeigt keinen Verlauf und lässt die Datei unverändert.</translation>
        </message>
        <message>
            <source>The history file was damaged (%1); it was set aside as %2, and the history starts empty.</source>
            <translation>Die Verlaufsdatei war beschädigt (%1); sie wurde als %2 beiseitegelegt, und der Verlauf beginnt leer.</translation>
        </message>
        <message>
            <source>The history file was sealed with a key the keychain no longer holds; it was set aside as %1, and the history starts empty.</source>
            <translation>Die Verlaufsdatei wurde mit einem Schlüssel versiegelt, den der Schlüsselbund nicht mehr enthält; sie wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.</translation>
        </message>
        <message>
            <source>An entry of the history file does not match its seal (the file was changed outside FaultShare, or damaged); it was set aside as %1, and the history starts empty.</source>
            <translation>Ein Eintrag der Verlaufsdatei passt nicht zu seinem Siegel (die Datei wurde außerhalb von FaultShare geändert oder ist beschädigt); sie wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.</translation>
        </message>
        <message>
            <source>The history file %1 cannot be used and could not be set aside (%2); FaultShare shows no history until it is moved away.</source>
            <translation>Die Verlaufsdatei %1 ist nicht verwendbar und konnte nicht beiseitegelegt werden (%2); FaultShare zeigt keinen Verlauf, bis sie entfernt ist.</translation>
        </message>
        <message>
            <source>the history file %1 is left as it is</source>
            <translation>die Verlaufsdatei %1 bleibt unverändert</translation>
        </message>
        <message>
            <source>The history file was damaged; it was set aside as %1, and the history starts again.</source>
            <translation>Die Verlaufsdatei war beschädigt; sie wurde als %1 beiseitegelegt, und der Verlauf beginnt neu.</translation>
        </message>
        <message>
            <source>the link could not be sealed</source>
            <translation>der Link konnte nicht versiegelt werden</translation>
        </message>
        <message>
            <source>no keychain</source>
            <translation>kein Schlüsselbund</translation>
        </message>
        <message>
            <source>The keychain no longer holds the history's key; the history file was set aside as %1, and the history starts empty.</source>
            <translation>Der Schlüsselbund enthält den Schlüssel des Verlaufs nicht mehr; die Verlaufsdatei wurde als %1 beiseitegelegt, und der Verlauf beginnt leer.</translation>
        </message>
        <message>
            <source>Links kept by an earlier version of FaultShare wait in the keychain until it can be read (%1).</source>
            <translation>Links, die eine frühere Version von FaultShare gespeichert hat, warten im Schlüsselbund, bis er gelesen werden kann (%1).</translation>
        </message>
        <message>
            <source>the link kept in the history file cannot be read</source>
            <translation>der in der Verlaufsdatei gespeicherte Link kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>Links kept by an earlier version of FaultShare could not be moved into the history file (%1); FaultShare tries again at the next start.</source>
            <translation>Links, die eine frühere Version von FaultShare gespeichert hat, konnten nicht in die Verlaufsdatei übernommen werden (%1); FaultShare versucht es beim nächsten Start erneut.</translation>
        </message>
        <message>
            <source>Links kept by an earlier version of FaultShare are not all moved into the history file yet (%1); FaultShare tries again at the next start.</source>
            <translation>Noch nicht alle Links, die eine frühere Version von FaultShare gespeichert hat, sind in die Verlaufsdatei übernommen (%1); FaultShare versucht es beim nächsten Start erneut.</translation>
        </message>
        <message>
            <source>the history file %1 was written by a newer FaultShare and is left as it is</source>
            <translation>die Verlaufsdatei %1 wurde von einem neueren FaultShare geschrieben und bleibt unverändert</translation>
        </message>
        <message>
            <source>The history's key could not be stored in the keychain; links added meanwhile were set aside as %1.</source>
            <translation>Der Schlüssel des Verlaufs konnte nicht im Schlüsselbund gespeichert werden; inzwischen hinzugefügte Links wurden als %1 beiseitegelegt.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::HistoryDock</name>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
    </context>
    <context>
        <name>faultshare::HistoryFile</name>
        <message>
            <source>another program</source>
            <translation>ein anderes Programm</translation>
        </message>
        <message>
            <source>%1 (process %2)</source>
            <translation>%1 (Prozess %2)</translation>
        </message>
        <message>
            <source>the history file is being changed by %1; try again</source>
            <translation>die Verlaufsdatei wird gerade von %1 geändert; versuchen Sie es erneut</translation>
        </message>
        <message>
            <source>the history file's lock %1 cannot be made</source>
            <translation>die Sperrdatei %1 der Verlaufsdatei kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>it ends in the middle of a line</source>
            <translation>sie endet mitten in einer Zeile</translation>
        </message>
        <message>
            <source>its first line is not a FaultShare history's</source>
            <translation>ihre erste Zeile ist nicht die eines FaultShare-Verlaufs</translation>
        </message>
        <message>
            <source>it was written by a newer FaultShare</source>
            <translation>sie wurde von einem neueren FaultShare geschrieben</translation>
        </message>
        <message>
            <source>line %1 is not a history entry</source>
            <translation>Zeile %1 ist kein Verlaufseintrag</translation>
        </message>
        <message>
            <source>line %1 holds no readable link</source>
            <translation>Zeile %1 enthält keinen lesbaren Link</translation>
        </message>
        <message>
            <source>the folder of %1 cannot be made</source>
            <translation>der Ordner von %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>%1 cannot be written: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>faultshare::HistoryKey</name>
        <message>
            <source>OpenSSL's libcrypto %1 cannot be loaded (%2)</source>
            <translation>libcrypto %1 von OpenSSL kann nicht geladen werden (%2)</translation>
        </message>
        <message>
            <source>OpenSSL's libcrypto has no %1</source>
            <translation>libcrypto von OpenSSL enthält kein %1</translation>
        </message>
        <message>
            <source>the history's key in the keychain is not a key</source>
            <translation>der Schlüssel des Verlaufs im Schlüsselbund ist kein Schlüssel</translation>
        </message>
        <message>
            <source>the history file's public key is not a key</source>
            <translation>der öffentliche Schlüssel der Verlaufsdatei ist kein Schlüssel</translation>
        </message>
    </context>
    <context>
        <name>faultshare::HistoryModel</name>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>Expires %1</source>
            <translation>Läuft ab %1</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Erzeugt</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Läuft ab</translation>
        </message>
        <message>
            <source>Remaining</source>
            <translation>Restzeit</translation>
        </message>
        <message>
            <source>%1 · renewal %2</source>
            <translation>%1 · Erneuerung %2</translation>
        </message>
    </context>
    <context>
        <name>faultshare::HistoryPanel</name>
        <message>
            <source>Cop&amp;y link</source>
            <translation>&amp;Link kopieren</translation>
        </message>
        <message>
            <source>Copies the short link of the selected row</source>
            <translation>Kopiert den Kurzlink der ausgewählten Zeile</translation>
        </message>
        <message>
            <source>Sho&amp;w QR</source>
            <translation>QR-C&amp;ode zeigen</translation>
        </message>
        <message>
            <source>Shows the selected link in the main window</source>
            <translation>Zeigt den ausgewählten Link im Hauptfenster</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>Präsentieren</translation>
        </message>
        <message>
            <source>Shows the selected link's QR code on a wall display</source>
            <translation>Zeigt den QR-Code des ausgewählten Links auf einem Wanddisplay</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>Vorschau…</translation>
        </message>
        <message>
            <source>Shows the faults the selected link exposes</source>
            <translation>Zeigt die Störungen, die der ausgewählte Link freigibt</translation>
        </message>
        <message>
            <source>Forget</source>
            <translation>Vergessen</translation>
        </message>
        <message>
            <source>Search labels</source>
            <translation>Bezeichnungen durchsuchen</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Show links</source>
            <translation>Links anzeigen</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>Aus&amp;wahl:</translation>
        </message>
        <message>
            <source>Issued links</source>
            <translation>Erzeugte Links</translation>
        </message>
        <message>
            <source>Copy Link</source>
            <translation>Link kopieren</translation>
        </message>
        <message>
            <source>Show QR Code</source>
            <translation>QR-Code zeigen</translation>
        </message>
        <message>
            <source>Preview Faults…</source>
            <translation>Störungen ansehen…</translation>
        </message>
        <message>
            <source>That link has expired; generate a new one.</source>
            <translation>Dieser Link ist abgelaufen; erzeugen Sie einen neuen.</translation>
        </message>
        <message>
            <source>Forget Link</source>
            <translation>Link vergessen</translation>
        </message>
        <message>
            <source>The link "%1" still works. Forget it anyway? It keeps working until it expires, but FaultShare can no longer copy or show it.</source>
            <translation>Der Link „%1“ funktioniert noch. Trotzdem vergessen? Er funktioniert weiter, bis er abläuft, aber FaultShare kann ihn dann nicht mehr kopieren oder anzeigen.</translation>
        </message>
        <message>
            <source>Removes the selected link, its token with it, from the history</source>
            <translation>Entfernt den ausgewählten Link samt seinem Token aus dem Verlauf</translation>
        </message>
        <message>
            <source>History notice</source>
            <translation>Hinweis zum Verlauf</translation>
        </message>
        <message>
            <source>&amp;Dismiss</source>
            <translation>Schl&amp;ießen</translation>
        </message>
        <message>
            <source>Hides this notice</source>
            <translation>Blendet diesen Hinweis aus</translation>
        </message>
    </context>
    <context>
        <name>faultshare::IframeSizeDialog</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
    </context>
    <context>
        <name>faultshare::KeyPage</name>
        <message>
            <source>The key is stored in %1 on this computer, never in a file.</source>
            <translation>Der Schlüssel wird in %1 auf diesem Computer gespeichert, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Send the key to another API?</source>
            <translation>Den Schlüssel an eine andere API senden?</translation>
        </message>
        <message>
            <source>The API key or token of profile “%1” was stored for %2, and the profile now points to %3. Send it to %3?</source>
            <translation>Der API-Schlüssel oder das Token des Profils „%1“ wurde für %2 gespeichert, und das Profil zeigt jetzt auf %3. An %3 senden?</translation>
        </message>
        <message>
            <source>&amp;Use it for %1</source>
            <translation>Für %1 &amp;verwenden</translation>
        </message>
        <message>
            <source>&amp;Enter a new key</source>
            <translation>Neuen Schlüssel &amp;eingeben</translation>
        </message>
    </context>
    <context>
        <name>faultshare::KioskStart</name>
        <message>
            <source>Trying again at %1</source>
            <translation>Neuer Versuch um %1</translation>
        </message>
    </context>
    <context>
        <name>faultshare::LinkResultPanel</name>
        <message>
            <source>L (7%)</source>
            <translation>L (7 %)</translation>
        </message>
        <message>
            <source>M (15%)</source>
            <translation>M (15 %)</translation>
        </message>
        <message>
            <source>Q (25%)</source>
            <translation>Q (25 %)</translation>
        </message>
        <message>
            <source>H (30%)</source>
            <translation>H (30 %)</translation>
        </message>
        <message>
            <source>The API sent no link to share (%1); the token below is all there is.</source>
            <translation>Die API hat keinen Link zum Teilen gesendet (%1); es gibt nur das Token unten.</translation>
        </message>
        <message>
            <source>Expires %1</source>
            <translation>Läuft ab %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>The token is not a JWT whose claims can be read.</source>
            <translation>Das Token ist kein JWT, dessen Claims sich lesen lassen.</translation>
        </message>
        <message>
            <source>Unknown: the server did not send its time</source>
            <translation>Unbekannt: Der Server hat seine Uhrzeit nicht gesendet</translation>
        </message>
        <message>
            <source>Server %1 ahead; countdown follows it</source>
            <translation>Server %1 voraus; der Countdown richtet sich nach ihm</translation>
        </message>
        <message>
            <source>Server %1 behind; countdown follows it</source>
            <translation>Server %1 zurück; der Countdown richtet sich nach ihm</translation>
        </message>
        <message>
            <source>In sync</source>
            <translation>Synchron</translation>
        </message>
        <message>
            <source>Expired — generate a new link</source>
            <translation>Abgelaufen — erzeugen Sie einen neuen Link</translation>
        </message>
        <message>
            <source>The link is too long for a QR code (%1 bytes) at this error correction; copy the link instead, or choose a lower level.</source>
            <translation>Der Link ist bei dieser Fehlerkorrektur zu lang für einen QR-Code (%1 Bytes); kopieren Sie stattdessen den Link oder wählen Sie eine niedrigere Stufe.</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
        <message>
            <source>Hid&amp;e</source>
            <translation>&amp;Verbergen</translation>
        </message>
        <message>
            <source>&amp;Reveal</source>
            <translation>Anze&amp;igen</translation>
        </message>
        <message>
            <source>Hide token</source>
            <translation>Token verbergen</translation>
        </message>
        <message>
            <source>Reveal token</source>
            <translation>Token anzeigen</translation>
        </message>
    </context>
    <context>
        <name>faultshare::LinkSession</name>
        <message>
            <source>The key of this profile is no longer in %1; enter it again.</source>
            <translation>Der Schlüssel dieses Profils ist nicht mehr in %1; bitte erneut eingeben.</translation>
        </message>
        <message>
            <source>The link was not kept in the history: %1</source>
            <translation>Der Link wurde nicht im Verlauf behalten: %1</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Enter the API key or token for %1.</source>
            <translation>Geben Sie den API-Schlüssel oder das Token für %1 ein.</translation>
        </message>
        <message>
            <source>No profile uses %1, the API that made this link; add a profile for it to preview the link.</source>
            <translation>Kein Profil verwendet %1, die API, die diesen Link erzeugt hat; legen Sie ein Profil dafür an, um den Link in der Vorschau zu sehen.</translation>
        </message>
        <message>
            <source>The link stays in the history: %1</source>
            <translation>Der Link bleibt im Verlauf: %1</translation>
        </message>
        <message>
            <source>Choose how long each link is valid first.</source>
            <translation>Wählen Sie zuerst, wie lange jeder Link gültig ist.</translation>
        </message>
        <message>
            <source>Starting to renew…</source>
            <translation>Erneuern beginnt…</translation>
        </message>
        <message>
            <source>Making a link…</source>
            <translation>Link wird erzeugt…</translation>
        </message>
        <message>
            <source>Renewing…</source>
            <translation>Wird erneuert…</translation>
        </message>
        <message>
            <source>Renewal failed; trying again at %1</source>
            <translation>Erneuern fehlgeschlagen; neuer Versuch um %1</translation>
        </message>
        <message>
            <source>No link yet; trying again at %1</source>
            <translation>Noch kein Link; neuer Versuch um %1</translation>
        </message>
        <message>
            <source>Renews at %1</source>
            <translation>Erneuert um %1</translation>
        </message>
    </context>
    <context>
        <name>faultshare::MainWindow</name>
        <message>
            <source>Storing the key in %1…</source>
            <translation>Der Schlüssel wird in %1 gespeichert…</translation>
        </message>
        <message>
            <source>The key is stored in %1.</source>
            <translation>Der Schlüssel ist in %1 gespeichert.</translation>
        </message>
        <message>
            <source>FaultShare — Demo</source>
            <translation>FaultShare — Demo</translation>
        </message>
        <message>
            <source>FaultShare — %1</source>
            <translation>FaultShare — %1</translation>
        </message>
        <message>
            <source>FaultShare</source>
            <translation>FaultShare</translation>
        </message>
        <message>
            <source>Reading the API key or token from %1…</source>
            <translation>Der API-Schlüssel oder das Token wird aus %1 gelesen …</translation>
        </message>
        <message>
            <source>No answer yet from %1: a prompt to unlock it may be waiting on the screen.</source>
            <translation>Noch keine Antwort von %1: Vielleicht wartet eine Abfrage zum Entsperren auf dem Bildschirm.</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>(at %1).</source>
            <translation>(um %1).</translation>
        </message>
        <message>
            <source>About FaultShare</source>
            <translation>Über FaultShare</translation>
        </message>
        <message>
            <source>FaultShare %1</source>
            <translation>FaultShare %1</translation>
        </message>
        <message>
            <source>Share short-lived, read-only Altostrat fault links as links and QR codes.</source>
            <translation>Kurzlebige, schreibgeschützte Altostrat-Störungslinks als Link und QR-Code teilen.</translation>
        </message>
        <message>
            <source>The profile cannot change in demo mode or with FAULTSHARE_API_KEY</source>
            <translation>Im Demo-Modus oder mit FAULTSHARE_API_KEY lässt sich das Profil nicht wechseln</translation>
        </message>
        <message>
            <source>The profile (API URL, key, CA file) the next link is made with</source>
            <translation>Das Profil (API-URL, Schlüssel, CA-Datei), mit dem der nächste Link erzeugt wird</translation>
        </message>
        <message>
            <source>The link expired before a new one could be made: %1</source>
            <translation>Der Link ist abgelaufen, bevor ein neuer erzeugt werden konnte: %1</translation>
        </message>
        <message>
            <source>No API key or token is stored for this profile: enter it in the window, or store it with faultshare key set.</source>
            <translation>Für dieses Profil ist kein API-Schlüssel und kein Token gespeichert: geben Sie ihn im Fenster ein oder speichern Sie ihn mit faultshare key set.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::PresentWindow</name>
        <message>
            <source>%1 (%2 × %3)</source>
            <translation>%1 (%2 × %3)</translation>
        </message>
        <message>
            <source>In a &amp;Window</source>
            <translation>In einem &amp;Fenster</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <source>FaultShare — Present</source>
            <translation>FaultShare — Präsentation</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Restzeit</translation>
        </message>
        <message>
            <source>Short link</source>
            <translation>Kurzlink</translation>
        </message>
        <message>
            <source>The link is too long for a QR code</source>
            <translation>Der Link ist zu lang für einen QR-Code</translation>
        </message>
        <message>
            <source>The API sent no link to share</source>
            <translation>Die API hat keinen Link zum Teilen gesendet</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Expired — generate a new link</source>
            <translation>Abgelaufen — erzeugen Sie einen neuen Link</translation>
        </message>
        <message>
            <source>In a window</source>
            <translation>In einem Fenster</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>Präsentieren</translation>
        </message>
        <message>
            <source>Show the QR code on:</source>
            <translation>QR-Code zeigen auf:</translation>
        </message>
        <message>
            <source>Next renewal</source>
            <translation>Nächste Erneuerung</translation>
        </message>
        <message>
            <source>Making a link…</source>
            <translation>Link wird erzeugt…</translation>
        </message>
        <message>
            <source>Expired — waiting for a new link</source>
            <translation>Abgelaufen — warte auf einen neuen Link</translation>
        </message>
    </context>
    <context>
        <name>faultshare::PreviewDialog</name>
        <message>
            <source>Preview — unnamed link</source>
            <translation>Vorschau — unbenannter Link</translation>
        </message>
        <message>
            <source>Preview — %1</source>
            <translation>Vorschau — %1</translation>
        </message>
        <message>
            <source>Loading was cancelled; press Retry to try again.</source>
            <translation>Das Laden wurde abgebrochen; klicken Sie auf „Erneut versuchen“.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Andere</translation>
        </message>
        <message>
            <source>This link shows no faults right now.</source>
            <translation>Dieser Link zeigt derzeit keine Störungen.</translation>
        </message>
        <message numerus="yes">
            <source>%n fault(s): %1 active, %2 resolved</source>
            <translation>
                <numerusform>%n Störung: %1 aktiv, %2 behoben</numerusform>
                <numerusform>%n Störungen: %1 aktiv, %2 behoben</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>faultshare::ProfileConnection</name>
        <message>
            <source>The CA file of profile “%1” (%2) %3, so only the system's certificates are trusted; choose another file in Settings, or clear it.</source>
            <translation>Die CA-Datei des Profils „%1“ (%2) %3, daher wird nur den Zertifikaten des Systems vertraut; wählen Sie in den Einstellungen eine andere Datei oder leeren Sie das Feld.</translation>
        </message>
        <message>
            <source>The proxy password of profile “%1” was stored for %2, and the proxy is now %3: enter the password again in Settings.</source>
            <translation>Das Proxy-Passwort des Profils „%1“ wurde für %2 gespeichert, und der Proxy ist jetzt %3: Geben Sie das Passwort in den Einstellungen erneut ein.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::Profiles</name>
        <message>
            <source>is empty</source>
            <translation>leer ist</translation>
        </message>
        <message>
            <source>is longer than %1 characters</source>
            <translation>länger als %1 Zeichen ist</translation>
        </message>
        <message>
            <source>contains "/"</source>
            <translation>„/“ enthält</translation>
        </message>
        <message>
            <source>contains "\"</source>
            <translation>„\“ enthält</translation>
        </message>
        <message>
            <source>contains a control character</source>
            <translation>ein Steuerzeichen enthält</translation>
        </message>
        <message>
            <source>starts or ends with a space</source>
            <translation>mit einem Leerzeichen beginnt oder endet</translation>
        </message>
        <message>
            <source>The file is not a FaultShare profiles export (it is not a JSON object); choose a file that FaultShare exported.</source>
            <translation>Die Datei ist kein FaultShare-Profilexport (sie ist kein JSON-Objekt); wählen Sie eine von FaultShare exportierte Datei.</translation>
        </message>
        <message>
            <source>The file is not a FaultShare profiles export (its format is not "%1"); choose a file that FaultShare exported.</source>
            <translation>Die Datei ist kein FaultShare-Profilexport (ihr Format ist nicht „%1“); wählen Sie eine von FaultShare exportierte Datei.</translation>
        </message>
        <message>
            <source>The file is a profiles export of an unknown version; import it with the FaultShare that wrote it, or export again.</source>
            <translation>Die Datei ist ein Profilexport unbekannter Version; importieren Sie sie mit dem FaultShare, das sie geschrieben hat, oder exportieren Sie erneut.</translation>
        </message>
        <message>
            <source>The file holds "%1", which looks like a secret, and keys are never imported; remove it and import again.</source>
            <translation>Die Datei enthält „%1“, das wie ein Geheimnis aussieht, und Schlüssel werden nie importiert; entfernen Sie es und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>The file has no list of profiles; choose a file that FaultShare exported.</source>
            <translation>Die Datei enthält keine Profilliste; wählen Sie eine von FaultShare exportierte Datei.</translation>
        </message>
        <message>
            <source>Profile %1 in the file has no name; give every profile a "name" and import again.</source>
            <translation>Profil %1 in der Datei hat keinen Namen; geben Sie jedem Profil einen „name“ und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" cannot be imported because its name %2.</source>
            <translation>Das Profil „%1“ kann nicht importiert werden, weil sein Name %2.</translation>
        </message>
        <message>
            <source>Profile "%1" appears twice in the file; keep one and import again.</source>
            <translation>Das Profil „%1“ kommt in der Datei zweimal vor; behalten Sie eines und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" holds "%2", which looks like a secret, and keys are never imported; remove it and import again.</source>
            <translation>Das Profil „%1“ enthält „%2“, das wie ein Geheimnis aussieht, und Schlüssel werden nie importiert; entfernen Sie es und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" has an unknown setting "%2"; remove it and import again.</source>
            <translation>Das Profil „%1“ hat eine unbekannte Einstellung „%2“; entfernen Sie sie und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" has no API URL text ("api_url"); add it and import again.</source>
            <translation>Das Profil „%1“ hat keine API-URL („api_url“); ergänzen Sie sie und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" cannot be imported: %2</source>
            <translation>Das Profil „%1“ kann nicht importiert werden: %2</translation>
        </message>
        <message>
            <source>Profile "%1" needs "default_minutes" as a whole number from 1 to 43200; fix it and import again.</source>
            <translation>Das Profil „%1“ braucht „default_minutes“ als ganze Zahl von 1 bis 43200; korrigieren Sie es und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>Profile "%1" has a "ca_file" that is not a file path; fix it and import again.</source>
            <translation>Das Profil „%1“ hat eine „ca_file“, die kein Dateipfad ist; korrigieren Sie sie und importieren Sie erneut.</translation>
        </message>
        <message>
            <source>“%1”: %2 %3 → %4</source>
            <translation>„%1“: %2 %3 → %4</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>API URL</source>
            <translation>API-URL</translation>
        </message>
        <message>
            <source>proxy</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <source>proxy user</source>
            <translation>Proxy-Benutzer</translation>
        </message>
        <message>
            <source>CA file</source>
            <translation>CA-Datei</translation>
        </message>
        <message>
            <source>default minutes</source>
            <translation>Standard-Minuten</translation>
        </message>
        <message>
            <source>The file points existing profiles at another API or proxy (%1); nothing was imported. Check the changes, then import with --replace to apply them.</source>
            <translation>Die Datei richtet vorhandene Profile auf eine andere API oder einen anderen Proxy (%1); nichts wurde importiert. Prüfen Sie die Änderungen und importieren Sie dann mit --replace, um sie zu übernehmen.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ProfilesPage</name>
        <message>
            <source>%1 (in use)</source>
            <translation>%1 (in Gebrauch)</translation>
        </message>
        <message>
            <source>The profile in use: this dialog edits its settings</source>
            <translation>Das verwendete Profil: Dieser Dialog bearbeitet seine Einstellungen</translation>
        </message>
        <message>
            <source>Profile “%1” is set up for everyone on this computer by its administrator; it cannot be removed here.</source>
            <translation>Das Profil „%1“ hat die Administration dieses Computers für alle eingerichtet; es kann hier nicht entfernt werden.</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>Neues Profil</translation>
        </message>
        <message>
            <source>Name of the new profile (for example “staging”):</source>
            <translation>Name des neuen Profils (zum Beispiel „staging“):</translation>
        </message>
        <message>
            <source>That profile name %1; choose another.</source>
            <translation>Dieser Profilname %1; wählen Sie einen anderen.</translation>
        </message>
        <message>
            <source>A profile named “%1” already exists; choose another name.</source>
            <translation>Ein Profil „%1“ gibt es bereits; wählen Sie einen anderen Namen.</translation>
        </message>
        <message>
            <source>Profile “%1” was created; switch to it in the main window to set its API URL and key.</source>
            <translation>Das Profil „%1“ wurde angelegt; wechseln Sie im Hauptfenster dorthin, um API-URL und Schlüssel festzulegen.</translation>
        </message>
        <message>
            <source>Remove the profile?</source>
            <translation>Profil entfernen?</translation>
        </message>
        <message>
            <source>Remove profile “%1” with its settings and its API key or token in %2?</source>
            <translation>Profil „%1“ mit seinen Einstellungen und seinem API-Schlüssel oder Token in %2 entfernen?</translation>
        </message>
        <message>
            <source>&amp;Remove profile</source>
            <translation>Profil &amp;entfernen</translation>
        </message>
        <message>
            <source>The profile “%1” cannot be removed; it is always there.</source>
            <translation>Das Profil „%1“ kann nicht entfernt werden; es ist immer vorhanden.</translation>
        </message>
        <message>
            <source>Profile “%1” is in use; switch to another profile first to remove it.</source>
            <translation>Das Profil „%1“ ist in Gebrauch; wechseln Sie zuerst zu einem anderen Profil, um es zu entfernen.</translation>
        </message>
        <message>
            <source>There is no profile named “%1”; it may have been removed already.</source>
            <translation>Es gibt kein Profil „%1“; es wurde vielleicht schon entfernt.</translation>
        </message>
        <message>
            <source>Profile “%1” and its key were removed.</source>
            <translation>Das Profil „%1“ und sein Schlüssel wurden entfernt.</translation>
        </message>
        <message>
            <source>Profile “%1” was kept because its key or proxy password could not be removed from the keychain: %2</source>
            <translation>Das Profil „%1“ wurde behalten, weil sein Schlüssel oder Proxy-Passwort nicht aus dem Schlüsselbund entfernt werden konnte: %2</translation>
        </message>
        <message>
            <source>Removing the key of profile “%1” from %2…</source>
            <translation>Der Schlüssel des Profils „%1“ wird aus %2 entfernt…</translation>
        </message>
        <message>
            <source>Export profiles</source>
            <translation>Profile exportieren</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Import profiles</source>
            <translation>Profile importieren</translation>
        </message>
        <message>
            <source>The profiles could not be written to %1 (%2); choose another place.</source>
            <translation>Die Profile konnten nicht nach %1 geschrieben werden (%2); wählen Sie einen anderen Ort.</translation>
        </message>
        <message numerus="yes">
            <source>%n profile(s) exported to %1, without keys.</source>
            <translation>
                <numerusform>%n Profil nach %1 exportiert, ohne Schlüssel.</numerusform>
                <numerusform>%n Profile nach %1 exportiert, ohne Schlüssel.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file %1 is too large to be a profiles export; choose a file made by Export.</source>
            <translation>Die Datei %1 ist zu groß für einen Profilexport; wählen Sie eine mit „Exportieren“ erstellte Datei.</translation>
        </message>
        <message>
            <source>The file %1 cannot be read (%2); choose another.</source>
            <translation>Die Datei %1 kann nicht gelesen werden (%2); wählen Sie eine andere.</translation>
        </message>
        <message>
            <source>Change existing profiles?</source>
            <translation>Vorhandene Profile ändern?</translation>
        </message>
        <message>
            <source>The file changes profiles that exist:

%1

%2</source>
            <translation>Die Datei ändert vorhandene Profile:

%1

%2</translation>
        </message>
        <message>
            <source>A profile pointed at another API or proxy keeps its stored key or password only once you confirm it there.</source>
            <translation>Ein Profil, das auf eine andere API oder einen anderen Proxy zeigt, behält seinen gespeicherten Schlüssel oder sein Passwort erst, wenn Sie es dort bestätigen.</translation>
        </message>
        <message>
            <source>&amp;Apply changes</source>
            <translation>Änderungen &amp;übernehmen</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Nichts wurde importiert.</translation>
        </message>
        <message>
            <source>The file holds no profile, so nothing changed.</source>
            <translation>Die Datei enthält kein Profil, daher hat sich nichts geändert.</translation>
        </message>
        <message>
            <source>Imported %1; their keys are not in the file, so store them after switching to each.</source>
            <translation>%1 importiert; ihre Schlüssel sind nicht in der Datei, speichern Sie sie also nach dem Wechsel zu jedem Profil.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::QrExportDialog</name>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Datei wählen…</translation>
        </message>
    </context>
    <context>
        <name>faultshare::QrView</name>
        <message>
            <source>QR code of the short link</source>
            <translation>QR-Code des Kurzlinks</translation>
        </message>
        <message>
            <source>Scan it with a phone camera to open the short link.</source>
            <translation>Mit der Handykamera scannen, um den Kurzlink zu öffnen.</translation>
        </message>
        <message>
            <source>No QR code is shown.</source>
            <translation>Es wird kein QR-Code angezeigt.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::RenewControl</name>
        <message>
            <source>&amp;Keep renewing:</source>
            <translation>S&amp;tändig erneuern:</translation>
        </message>
        <message>
            <source>before the end</source>
            <translation>vor dem Ablauf</translation>
        </message>
        <message>
            <source>&amp;Keep Renewing</source>
            <translation>S&amp;tändig erneuern</translation>
        </message>
        <message>
            <source>Keep renewing</source>
            <translation>Ständig erneuern</translation>
        </message>
        <message>
            <source>Make the next link before this one expires, again and again, so a wall display or dashboard never shows a dead link (Ctrl+R)</source>
            <translation>Vor jedem Ablauf den nächsten Link erzeugen, immer wieder, damit ein Wanddisplay oder Dashboard nie einen abgelaufenen Link zeigt (Strg+R)</translation>
        </message>
        <message>
            <source>Renew before the end</source>
            <translation>Erneuern vor dem Ablauf</translation>
        </message>
        <message>
            <source>How long before a link's end the next one is made: 90s, 6m, 1h30m</source>
            <translation>Wie lange vor dem Ablauf eines Links der nächste erzeugt wird: 90s, 6m, 1h30m</translation>
        </message>
        <message>
            <source>Keep renewing problem</source>
            <translation>Problem beim ständigen Erneuern</translation>
        </message>
        <message>
            <source>Next renewal</source>
            <translation>Nächste Erneuerung</translation>
        </message>
        <message>
            <source>Write how long before the end to renew as 90s, 6m or 1h30m.</source>
            <translation>Geben Sie an, wie lange vor dem Ablauf erneuert wird, etwa 90s, 6m oder 1h30m.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::Rotation</name>
        <message>
            <source>The lifetime must be from 1 to 43200 minutes (30 days).</source>
            <translation>Die Gültigkeit muss 1 bis 43200 Minuten (30 Tage) betragen.</translation>
        </message>
        <message>
            <source>The time to renew before the end must be more than zero.</source>
            <translation>Die Zeit zum Erneuern vor dem Ablauf muss größer als null sein.</translation>
        </message>
        <message>
            <source>The time to renew before the end (%1) must be shorter than each link's lifetime (%2).</source>
            <translation>Die Zeit zum Erneuern vor dem Ablauf (%1) muss kürzer sein als die Gültigkeit jedes Links (%2).</translation>
        </message>
        <message>
            <source>The number of links must not be negative.</source>
            <translation>Die Anzahl der Links darf nicht negativ sein.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::SecretLineEdit</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Alles auswählen</translation>
        </message>
    </context>
    <context>
        <name>faultshare::ShareActions</name>
        <message>
            <source>No web browser could open the link; copy it instead.</source>
            <translation>Kein Webbrowser konnte den Link öffnen; kopieren Sie ihn stattdessen.</translation>
        </message>
        <message>
            <source>Token copied; the clipboard is cleared in %1 s.</source>
            <translation>Token kopiert; die Zwischenablage wird in %1 s geleert.</translation>
        </message>
        <message>
            <source>There is no live link whose QR code could be saved.</source>
            <translation>Es gibt keinen gültigen Link, dessen QR-Code gespeichert werden könnte.</translation>
        </message>
        <message>
            <source>Choose a file name ending in .png or .svg.</source>
            <translation>Wählen Sie einen Dateinamen, der auf .png oder .svg endet.</translation>
        </message>
        <message>
            <source>Choose a size between %1 and %2 pixels for this QR code.</source>
            <translation>Wählen Sie für diesen QR-Code eine Größe zwischen %1 und %2 Pixeln.</translation>
        </message>
        <message>
            <source>Could not save the QR code to %1: %2</source>
            <translation>Der QR-Code konnte nicht unter %1 gespeichert werden: %2</translation>
        </message>
        <message>
            <source>QR code saved to %1</source>
            <translation>QR-Code unter %1 gespeichert</translation>
        </message>
        <message>
            <source>Save QR code</source>
            <translation>QR-Code speichern</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG-Bild (*.png)</translation>
        </message>
        <message>
            <source>SVG image (*.svg)</source>
            <translation>SVG-Bild (*.svg)</translation>
        </message>
        <message>
            <source>QR code sent to the printer</source>
            <translation>QR-Code an den Drucker gesendet</translation>
        </message>
        <message>
            <source>The printer could not be started; check it and try again.</source>
            <translation>Der Drucker konnte nicht gestartet werden; prüfen Sie ihn und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Printing the QR code failed.</source>
            <translation>Das Drucken des QR-Codes ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Link copied.</source>
            <translation>Link kopiert.</translation>
        </message>
        <message>
            <source>Link of "%1" copied.</source>
            <translation>Link von „%1“ kopiert.</translation>
        </message>
    </context>
    <context>
        <name>faultshare::TrayNotifier</name>
        <message>
            <source>The link expires in %1 min</source>
            <translation>Der Link läuft in %1 Min. ab</translation>
        </message>
        <message>
            <source>The link “%1” expires in %2 min</source>
            <translation>Der Link „%1“ läuft in %2 Min. ab</translation>
        </message>
        <message>
            <source>The link has expired; generate a new one</source>
            <translation>Der Link ist abgelaufen; erzeugen Sie einen neuen</translation>
        </message>
        <message>
            <source>The link “%1” has expired; generate a new one</source>
            <translation>Der Link „%1“ ist abgelaufen; erzeugen Sie einen neuen</translation>
        </message>
        <message>
            <source>FaultShare</source>
            <translation>FaultShare</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Use the built-in demo server; nothing is stored.</source>
            <translation>Den eingebauten Demo-Server verwenden; nichts wird gespeichert.</translation>
        </message>
        <message>
            <source>API URL for this session.</source>
            <translation>API-URL für diese Sitzung.</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Profile to start with (default: the one used last).</source>
            <translation>Profil beim Start (Standard: das zuletzt verwendete).</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>NAME</translation>
        </message>
        <message>
            <source>No profile named "%1"; faultshare profiles lists them.</source>
            <translation>Es gibt kein Profil „%1“; faultshare profiles listet alle auf.</translation>
        </message>
        <message>
            <source>FAULTSHARE_API_KEY: %1</source>
            <translation>FAULTSHARE_API_KEY: %1</translation>
        </message>
        <message>
            <source>--api-url: %1</source>
            <translation>--api-url: %1</translation>
        </message>
        <message>
            <source>The demo server could not listen on 127.0.0.1.</source>
            <translation>Der Demo-Server konnte nicht auf 127.0.0.1 lauschen.</translation>
        </message>
        <message>
            <source>Start in present mode, fullscreen, and make a link at once.</source>
            <translation>Im Präsentationsmodus im Vollbild starten und sofort einen Link erzeugen.</translation>
        </message>
        <message>
            <source>With --present: keep renewing the link before it expires.</source>
            <translation>Mit --present: den Link vor seinem Ablauf ständig erneuern.</translation>
        </message>
        <message>
            <source>With --present: each link's lifetime, 1 to 43200 (default: the profile's).</source>
            <translation>Mit --present: die Gültigkeit jedes Links, 1 bis 43200 (Standard: die des Profils).</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>With --rotate: renew this long before the end, such as 90s, 10m or 2h (default: a tenth of the lifetime, at least a minute).</source>
            <translation>Mit --rotate: so lange vor dem Ablauf erneuern, etwa 90s, 10m oder 2h (Standard: ein Zehntel der Gültigkeit, mindestens eine Minute).</translation>
        </message>
        <message>
            <source>DURATION</source>
            <translation>DAUER</translation>
        </message>
        <message>
            <source>With --present: the screen to fill, by name, such as HDMI-1 (default: the one chosen last, else the primary).</source>
            <translation>Mit --present: der zu füllende Bildschirm, nach Namen, etwa HDMI-1 (Standard: der zuletzt gewählte, sonst der primäre).</translation>
        </message>
        <message>
            <source>Share short-lived, read-only Altostrat fault links as links and QR codes.
Headless use: faultshare generate --help
Wall display: faultshare --present --rotate --minutes 60 --screen HDMI-1</source>
            <translation>Kurzlebige, schreibgeschützte Altostrat-Störungslinks als Links und QR-Codes teilen.
Ohne Fenster: faultshare generate --help
Wanddisplay: faultshare --present --rotate --minutes 60 --screen HDMI-1</translation>
        </message>
        <message>
            <source>--rotate, --minutes, --renew-before and --screen need --present.</source>
            <translation>--rotate, --minutes, --renew-before und --screen brauchen --present.</translation>
        </message>
        <message>
            <source>--minutes must be a whole number from 1 to 43200 (30 days).</source>
            <translation>--minutes muss eine ganze Zahl von 1 bis 43200 (30 Tage) sein.</translation>
        </message>
        <message>
            <source>--renew-before needs --rotate.</source>
            <translation>--renew-before braucht --rotate.</translation>
        </message>
        <message>
            <source>--renew-before: "%1" is not a duration such as 90s, 10m or 2h.</source>
            <translation>--renew-before: „%1“ ist keine Dauer wie 90s, 10m oder 2h.</translation>
        </message>
        <message>
            <source>--screen: no screen is named "%1"; the screens are: %2.</source>
            <translation>--screen: kein Bildschirm heißt „%1“; die Bildschirme sind: %2.</translation>
        </message>
    </context>
</TS>
