<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="25"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="33"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="81"/>
        <source>Checking and saving…</source>
        <translation>Wird geprüft und gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="29"/>
        <source>Testing… (asking Missive who this token belongs to)</source>
        <translation>Wird getestet… (Missive wird gefragt, wem dieses Token gehört)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="103"/>
        <source>Testing… (asking the provider about these credentials)</source>
        <translation>Wird getestet… (Zugangsdaten werden beim Anbieter geprüft)</translation>
    </message>
</context>
<context>
    <name>AccountsBar</name>
    <message>
        <location filename="../../ui/accounts_bar.py" line="22"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="23"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="24"/>
        <source>retrying</source>
        <translation>wird erneut versucht</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="25"/>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="36"/>
        <source>No account added yet.</source>
        <translation>Noch kein Konto hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="74"/>
        <source> (checked {0})</source>
        <translation> (geprüft {0})</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="68"/>
        <source>No email account added yet.</source>
        <translation>Noch kein E-Mail-Konto hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="72"/>
        <source>Add account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="75"/>
        <source>Connect Missive…</source>
        <translation>Missive verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>No chat account connected yet.</source>
        <translation>Noch kein Chat-Konto verbunden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>No social account connected yet.</source>
        <translation>Noch kein Social-Media-Konto verbunden.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="73"/>
        <source>No WhatsApp account connected yet.</source>
        <translation>Noch kein WhatsApp-Konto verbunden.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="77"/>
        <source>Connect WhatsApp…</source>
        <translation>WhatsApp verbinden…</translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <location filename="../../ui/ai_panel.py" line="49"/>
        <source>Local (past replies and templates, no network)</source>
        <translation>Lokal (frühere Antworten und Vorlagen, ohne Netzwerk)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="52"/>
        <source>order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="53"/>
        <source>quote request</source>
        <translation>Angebotsanfrage</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="54"/>
        <source>complaint</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="55"/>
        <source>delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="56"/>
        <source>invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="57"/>
        <source>service request</source>
        <translation>Serviceanfrage</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="58"/>
        <source>question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="59"/>
        <source>newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="60"/>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="71"/>
        <source>not enough decisions yet</source>
        <translation>noch zu wenige Entscheidungen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="73"/>
        <source>{0} points over the last 3 days</source>
        <translation>{0} Prozentpunkte in den letzten 3 Tagen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="83"/>
        <source>{0}: {1} in / {2} out</source>
        <translation>{0}: {1} Eingabe / {2} Ausgabe</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="90"/>
        <source>Kill switch ON: nothing is sent automatically.</source>
        <translation>Not-Aus AKTIV: Es wird nichts automatisch gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="94"/>
        <source>Auto-reply is on (within the policy below).</source>
        <translation>Automatische Antworten sind an (im Rahmen der Regeln unten).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="96"/>
        <source>Auto-reply is off: every draft waits for a person.</source>
        <translation>Automatische Antworten sind aus: Jeder Entwurf wartet auf einen Menschen.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="103"/>
        <source>Last problem: {0}</source>
        <translation>Letztes Problem: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="111"/>
        <source> ({0} waiting)</source>
        <translation> ({0} wartend)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="116"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="117"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="118"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="119"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="120"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="121"/>
        <source>Acceptance</source>
        <translation>Akzeptanz</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="127"/>
        <source>Provider: {0}</source>
        <translation>Anbieter: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="133"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; messages triaged today{1}; drafts decided today: {2} ({3} sent unchanged, {4} edited, {5} rejected), {6} sent automatically.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; Nachrichten heute eingeordnet{1}; heute entschiedene Entwürfe: {2} ({3} unverändert gesendet, {4} bearbeitet, {5} abgelehnt), {6} automatisch gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="147"/>
        <source>Acceptance (sent unchanged) over 7 days: &lt;b&gt;{0}&lt;/b&gt;, trend: {1}.</source>
        <translation>Akzeptanz (unverändert gesendet) über 7 Tage: &lt;b&gt;{0}&lt;/b&gt;, Trend: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="151"/>
        <source>Time saved over 7 days: &lt;b&gt;{0} min&lt;/b&gt; ({1} min per reply); money saved: &lt;b&gt;{2} {3}&lt;/b&gt; (at {4} {3}/h).</source>
        <translation>Gesparte Zeit über 7 Tage: &lt;b&gt;{0} min&lt;/b&gt; ({1} min pro Antwort); gespartes Geld: &lt;b&gt;{2} {3}&lt;/b&gt; (bei {4} {3}/h).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="164"/>
        <source>Tokens used (7 days): {0}</source>
        <translation>Verbrauchte Tokens (7 Tage): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="171"/>
        <source>; provider cost: &lt;b&gt;{0}&lt;/b&gt; (at the prices entered below)</source>
        <translation>; Anbieterkosten: &lt;b&gt;{0}&lt;/b&gt; (zu den unten eingegebenen Preisen)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="191"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="193"/>
        <source>Stop all automatic replies (kill switch)</source>
        <translation>Alle automatischen Antworten stoppen (Not-Aus)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="196"/>
        <source>Export today&apos;s learning report…</source>
        <translation>Heutigen Lernbericht exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="204"/>
        <source>AI assistant</source>
        <translation>KI-Assistent</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="218"/>
        <source>Automatic replies (off unless you switch them on)</source>
        <translation>Automatische Antworten (aus, bis Sie sie einschalten)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="220"/>
        <source>Send drafts automatically when every rule allows</source>
        <translation>Entwürfe automatisch senden, wenn alle Regeln es erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="228"/>
        <source>also to VIP customers</source>
        <translation>auch an VIP-Kunden</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="229"/>
        <source>also to urgent messages</source>
        <translation>auch auf dringende Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="236"/>
        <source>Save rules</source>
        <translation>Regeln speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="239"/>
        <source>For these kinds of message (all channels):</source>
        <translation>Für diese Nachrichtenarten (alle Kanäle):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="240"/>
        <source>Only when the assistant is at least this sure:</source>
        <translation>Nur bei einer Sicherheit des Assistenten von mindestens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="241"/>
        <source>At most this many per customer per day:</source>
        <translation>Höchstens so viele pro Kunde und Tag:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="244"/>
        <source>Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.</source>
        <translation>Nur während der Geschäftszeiten: Mo–Fr 08:00–17:00 (Europe/Prague).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="249"/>
        <source>Drafting</source>
        <translation>Entwurfserstellung</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="252"/>
        <source>Local: past replies and templates (no network)</source>
        <translation>Lokal: frühere Antworten und Vorlagen (ohne Netzwerk)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="253"/>
        <source>OpenAI-compatible server (OpenAI, Ollama, vLLM…)</source>
        <translation>OpenAI-kompatibler Server (OpenAI, Ollama, vLLM…)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="254"/>
        <source>Lindy agent (webhook trigger and callback)</source>
        <translation>Lindy-Agent (Webhook-Trigger und Callback)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="259"/>
        <source>kept in the keyring; leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert; leer lassen, um ihn beizubehalten</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="260"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="266"/>
        <source>the trigger&apos;s secret; kept in the keyring</source>
        <translation>Geheimnis des Triggers; im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="269"/>
        <source>public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)</source>
        <translation>öffentliche Adresse, an die Lindy antwortet (z. B. ein Tunnel zu 127.0.0.1:8768)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="278"/>
        <source>What the assistant may tell customers: opening hours, delivery terms, prices it may quote, service areas…</source>
        <translation>Was der Assistent Kunden mitteilen darf: Öffnungszeiten, Lieferbedingungen, Preise, die er nennen darf, Servicegebiete…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="295"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="297"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="298"/>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="299"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="300"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="302"/>
        <source>Lindy webhook URL:</source>
        <translation>Lindy-Webhook-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="303"/>
        <source>Lindy secret:</source>
        <translation>Lindy-Geheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="304"/>
        <source>Callback address:</source>
        <translation>Callback-Adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="305"/>
        <source>Price per million prompt tokens:</source>
        <translation>Preis pro Million Eingabe-Tokens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="306"/>
        <source>Price per million answer tokens:</source>
        <translation>Preis pro Million Ausgabe-Tokens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="307"/>
        <source>Business name:</source>
        <translation>Firmenname:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="308"/>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="309"/>
        <source>Knowledge base:</source>
        <translation>Wissensbasis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="310"/>
        <source>Minutes a reply takes by hand:</source>
        <translation>Minuten pro eine manuelle Antwort:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="311"/>
        <source>Hourly rate (CZK):</source>
        <translation>Stundensatz (CZK):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="316"/>
        <source>Urgency keywords (yours; the app also learns from corrections)</source>
        <translation>Dringlichkeits-Schlüsselwörter (Ihre; die App lernt auch aus Korrekturen)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="324"/>
        <location filename="../../ui/ai_panel.py" line="406"/>
        <source>Czech</source>
        <translation>Tschechisch</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="325"/>
        <location filename="../../ui/ai_panel.py" line="407"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="326"/>
        <location filename="../../ui/ai_panel.py" line="408"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="327"/>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="331"/>
        <source>word or phrase, e.g. nefunguje chlazení</source>
        <translation>Wort oder Ausdruck, z. B. nefunguje chlazení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="336"/>
        <source>A negative weight says it is NOT (e.g. no rush)</source>
        <translation>Ein negatives Gewicht bedeutet: NICHT dringend (z. B. keine Eile)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="337"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="349"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="383"/>
        <source>Keyword not saved: </source>
        <translation>Schlüsselwort nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="397"/>
        <source>Reply templates (the local provider&apos;s first drafts)</source>
        <translation>Antwortvorlagen (erste Entwürfe des lokalen Anbieters)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="416"/>
        <source>{name}, {company}, {business} and {subject} are filled in</source>
        <translation>{name}, {company}, {business} und {subject} werden automatisch ausgefüllt</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="418"/>
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="468"/>
        <source>No learning report yet: the first is made tonight.</source>
        <translation>Noch kein Lernbericht: Der erste entsteht heute Nacht.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="473"/>
        <source>Learning report</source>
        <translation>Lernbericht</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="477"/>
        <source>The figures could not be read: </source>
        <translation>Die Zahlen konnten nicht gelesen werden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="548"/>
        <source>Enter the Lindy webhook URL first.</source>
        <translation>Geben Sie zuerst die Lindy-Webhook-URL ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="571"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="576"/>
        <source>Connected: </source>
        <translation>Verbunden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="578"/>
        <source>Not connected: </source>
        <translation>Nicht verbunden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="586"/>
        <source>{0} automatic replies were held.</source>
        <translation>{0} automatische Antworten wurden zurückgehalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="592"/>
        <source>Export learning report</source>
        <translation>Lernbericht exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="598"/>
        <source>Report saved to {0}</source>
        <translation>Bericht gespeichert unter {0}</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../ui/backups_panel.py" line="86"/>
        <source>Looking at the backups…</source>
        <translation>Sicherungen werden geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="102"/>
        <location filename="../../ui/backups_panel.py" line="296"/>
        <source>Select a set to see what it holds.</source>
        <translation>Wählen Sie einen Satz aus, um seinen Inhalt zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="112"/>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="114"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="116"/>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="118"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="120"/>
        <source>Fetch</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="122"/>
        <source>Bring a set that is only on the remote back to this computer, checked</source>
        <translation>Einen Satz, der nur im Remote liegt, geprüft auf diesen Computer zurückholen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="139"/>
        <source>Schedule, retention and off-site copy</source>
        <translation>Zeitplan, Aufbewahrung und externe Kopie</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="143"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="148"/>
        <source>an rclone remote, e.g. gdrive:Gastro Hub</source>
        <translation>ein rclone-Remote, z. B. gdrive:Gastro Hub</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="149"/>
        <source>Encrypt sets (passphrase in the keyring)</source>
        <translation>Sätze verschlüsseln (Passphrase im Schlüsselbund)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="150"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="152"/>
        <source>Show what retention would remove</source>
        <translation>Zeigen, was die Aufbewahrung entfernen würde</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="154"/>
        <source>Back up every:</source>
        <translation>Sichern alle:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="155"/>
        <source>Keep daily / weekly / monthly:</source>
        <translation>Behalten täglich / wöchentlich / monatlich:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="157"/>
        <source>Off-site copy to:</source>
        <translation>Externe Kopie nach:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="208"/>
        <source>{0} sets on the remote.</source>
        <translation>{0} Sätze im Remote.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="214"/>
        <source>The remote could not be listed: {0}</source>
        <translation>Der Inhalt des Remotes konnte nicht aufgelistet werden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="230"/>
        <source>Last verified backup: {0}.</source>
        <translation>Letzte geprüfte Sicherung: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="261"/>
        <source>on the remote (checked when fetched)</source>
        <translation>im Remote (wird beim Abrufen geprüft)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="262"/>
        <source>off-site</source>
        <translation>extern</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="263"/>
        <source>remote only</source>
        <translation>nur im Remote</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="266"/>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="268"/>
        <source>not verified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="271"/>
        <source>off-site (found on the remote)</source>
        <translation>extern (im Remote gefunden)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="273"/>
        <source>not off-site</source>
        <translation>nicht extern</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="275"/>
        <source>this computer and the remote</source>
        <translation>dieser Computer und das Remote</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="277"/>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="301"/>
        <source>{0} is encrypted: the list of what it holds is inside it.</source>
        <translation>Satz {0} ist verschlüsselt: Die Inhaltsliste liegt darin.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="303"/>
        <source>{0}: no list of its contents yet (Verify reads it).</source>
        <translation>{0}: noch keine Inhaltsliste (Prüfen liest sie).</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="308"/>
        <source>{0} holds {1} files: a {2} database (schema {3}, {4} rows).</source>
        <translation>Satz {0} enthält {1} Dateien: eine {2}-Datenbank (Schema {3}, {4} Zeilen).</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="315"/>
        <source>its key is in the set</source>
        <translation>der Schlüssel ist im Satz enthalten</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="317"/>
        <source>its key is not in the set (it stays in the keyring)</source>
        <translation>der Schlüssel ist nicht im Satz (er bleibt im Schlüsselbund)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="319"/>
        <source>n8n: {0} workflows and {1} credentials, encrypted with n8n&apos;s key; {2}.</source>
        <translation>n8n: {0} Workflows und {1} Zugangsdaten, verschlüsselt mit dem Schlüssel von n8n; {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="323"/>
        <source>n8n&apos;s workflows are not in this set.</source>
        <translation>Die Workflows von n8n sind nicht in diesem Satz.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="326"/>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="327"/>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="328"/>
        <source>n8n / extra</source>
        <translation>n8n / Sonstiges</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="368"/>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="371"/>
        <source>Backup {0} made and verified.</source>
        <translation>Sicherung {0} erstellt und geprüft.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="381"/>
        <source>Select a set that is on the remote first.</source>
        <translation>Wählen Sie zuerst einen Satz aus, der im Remote liegt.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="384"/>
        <source>{0} is already on this computer.</source>
        <translation>Satz {0} ist bereits auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="393"/>
        <source>{0} fetched from the remote and checked: it can be restored.</source>
        <translation>Satz {0} aus dem Remote abgerufen und geprüft: Er kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="403"/>
        <source>Fetching {0}…</source>
        <translation>{0} wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="408"/>
        <location filename="../../ui/backups_panel.py" line="423"/>
        <location filename="../../ui/backups_panel.py" line="455"/>
        <source>Select a set first.</source>
        <translation>Wählen Sie zuerst einen Satz aus.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="410"/>
        <source>Checking {0}…</source>
        <translation>{0} wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="414"/>
        <source>{0}: every file is intact.</source>
        <translation>{0}: Alle Dateien sind intakt.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="427"/>
        <source>{0} is only on the remote: Fetch it first.</source>
        <translation>Satz {0} liegt nur im Remote: Rufen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="432"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="434"/>
        <source>Restore {0}? Every file is checked first; the channels stop while the database is replaced, the current one is kept as a safety copy, then everything starts again.</source>
        <translation>{0} wiederherstellen? Zuerst wird jede Datei geprüft; während die Datenbank ersetzt wird, halten die Kanäle an, die aktuelle wird als Sicherheitskopie aufbewahrt, danach startet alles wieder.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="441"/>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="445"/>
        <source>Restored {0} in {1:.1f} s: {2}</source>
        <translation>{0} in {1:.1f} s wiederhergestellt: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="457"/>
        <source>Uploading {0}…</source>
        <translation>{0} wird hochgeladen…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="477"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="485"/>
        <source>Retention keeps {0} sets and would remove: {1}</source>
        <translation>Die Aufbewahrung behält {0} Sätze und würde entfernen: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="486"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="42"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="43"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="44"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="45"/>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="46"/>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="47"/>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="48"/>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="49"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/social_posts.py" line="158"/>
        <source>New post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="164"/>
        <source>a picture&apos;s https address (Instagram needs one) or a file on this PC</source>
        <translation>https-Adresse eines Bildes (für Instagram erforderlich) oder eine Datei auf diesem PC</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="166"/>
        <source>Publish now</source>
        <translation>Sofort veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="174"/>
        <source>Loading your pages…</source>
        <translation>Ihre Seiten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="179"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="183"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="184"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="185"/>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="186"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="200"/>
        <source>Connect a Facebook Page, Instagram or LinkedIn page first.</source>
        <translation>Verbinden Sie zuerst eine Facebook-Seite, ein Instagram-Konto oder eine LinkedIn-Seite.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="219"/>
        <source>Write the post first.</source>
        <translation>Schreiben Sie zuerst den Beitrag.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="222"/>
        <source>Choose at least one page.</source>
        <translation>Wählen Sie mindestens eine Seite aus.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="226"/>
        <source>That time has passed: choose a later one.</source>
        <translation>Dieser Zeitpunkt ist bereits vorbei: Wählen Sie einen späteren.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="229"/>
        <source>Keeping the post…</source>
        <translation>Beitrag wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/chat_forms.py" line="28"/>
        <source>Connect Beeper Desktop</source>
        <translation>Beeper Desktop verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="29"/>
        <source>Beeper Desktop gathers Telegram, Signal, WhatsApp and other chats on this PC. In Beeper Desktop open Settings → Developers, turn on the API and create an access token; paste it here.</source>
        <translation>Beeper Desktop bündelt Chats aus Telegram, Signal, WhatsApp und anderen Diensten auf diesem PC. Öffnen Sie in Beeper Desktop Settings → Developers, schalten Sie die API ein und erstellen Sie ein Zugriffstoken; fügen Sie es hier ein.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="36"/>
        <source>Beeper Desktop address</source>
        <translation>Adresse von Beeper Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="38"/>
        <location filename="../../ui/social_forms.py" line="130"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="40"/>
        <location filename="../../ui/chat_forms.py" line="144"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="41"/>
        <location filename="../../ui/chat_forms.py" line="145"/>
        <source>Fetch history (days)</source>
        <translation>Verlauf abrufen (Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="42"/>
        <source>New messages live (WebSocket)</source>
        <translation>Neue Nachrichten live (WebSocket)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="52"/>
        <source>Webhook mode needs the public https address Telegram posts to.</source>
        <translation>Der Webhook-Modus braucht die öffentliche https-Adresse, an die Telegram sendet.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="67"/>
        <source>Connect a Telegram bot</source>
        <translation>Telegram-Bot verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="68"/>
        <source>Customers write to your business&apos;s Telegram bot. Create one with @BotFather in Telegram (/newbot) and paste the token it gives. Polling works from any PC; webhook mode needs a public https address (e.g. a tunnel) that forwards to this PC.</source>
        <translation>Kunden schreiben dem Telegram-Bot Ihres Unternehmens. Erstellen Sie ihn in Telegram mit @BotFather (/newbot) und fügen Sie das erhaltene Token ein. Polling funktioniert von jedem PC aus; der Webhook-Modus braucht eine öffentliche https-Adresse (z. B. einen Tunnel), die an diesen PC weiterleitet.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="77"/>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="84"/>
        <source>Bot user name (optional)</source>
        <translation>Benutzername des Bots (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="89"/>
        <source>New messages by</source>
        <translation>Neue Nachrichten per</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="92"/>
        <source>Polling</source>
        <translation>Polling</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="93"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="96"/>
        <location filename="../../ui/social_forms.py" line="72"/>
        <source>Public https address (webhook)</source>
        <translation>Öffentliche https-Adresse (Webhook)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="97"/>
        <location filename="../../ui/social_forms.py" line="73"/>
        <source>Webhook port on this PC</source>
        <translation>Webhook-Port auf diesem PC</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="98"/>
        <source>Bot API address</source>
        <translation>Bot-API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="107"/>
        <source>Enter the Matrix user id in full, like @jana:example.org.</source>
        <translation>Geben Sie die vollständige Matrix-Benutzer-ID ein, z. B. @jana:example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="122"/>
        <source>Connect a Matrix account</source>
        <translation>Matrix-Konto verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="123"/>
        <source>Sign in as the business&apos;s Matrix user (on your own homeserver with its bridges, or any other). Each room becomes a conversation. End-to-end encrypted rooms cannot be read yet: they show up with a note instead.</source>
        <translation>Melden Sie sich als Matrix-Benutzer Ihres Unternehmens an (auf Ihrem eigenen Homeserver mit dessen Bridges oder einem anderen). Jeder Raum wird zu einer Unterhaltung. Ende-zu-Ende-verschlüsselte Räume können noch nicht gelesen werden: Sie erscheinen stattdessen mit einem Hinweis.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="132"/>
        <source>Matrix user id</source>
        <translation>Matrix-Benutzer-ID</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="137"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="141"/>
        <source>Homeserver address (optional)</source>
        <translation>Homeserver-Adresse (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="148"/>
        <source>Accept room invitations (bridges open new chats this way)</source>
        <translation>Raumeinladungen annehmen (Bridges öffnen so neue Chats)</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="138"/>
        <source>Enter the {0}.</source>
        <translation>Bitte „{0}“ ausfüllen.</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="25"/>
        <source>Page and Instagram ids are numbers (Meta Business Suite → Settings).</source>
        <translation>Seiten- und Instagram-IDs sind Zahlen (Meta Business Suite → Einstellungen).</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="43"/>
        <source>Connect a Facebook Page (and its Instagram)</source>
        <translation>Facebook-Seite verbinden (und ihr Instagram)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="44"/>
        <source>Messenger messages to your Facebook Page and Instagram direct messages. In Meta for Developers create an app with the Messenger and Instagram products, generate a Page access token and copy the app secret. Enter the webhook address shown after saving in the app&apos;s Webhooks settings, with the verify token below.</source>
        <translation>Messenger-Nachrichten an Ihre Facebook-Seite und Instagram-Direktnachrichten. Erstellen Sie in Meta for Developers eine App mit den Produkten Messenger und Instagram, erzeugen Sie ein Seiten-Zugriffstoken und kopieren Sie den App-Geheimcode. Tragen Sie die nach dem Speichern angezeigte Webhook-Adresse mit dem Verifizierungstoken unten in den Webhooks-Einstellungen der App ein.</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="52"/>
        <source>Page id</source>
        <translation>Seiten-ID</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="55"/>
        <source>Instagram account id (optional)</source>
        <translation>Instagram-Konto-ID (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="59"/>
        <source>Page access token</source>
        <translation>Seiten-Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="65"/>
        <source>App secret</source>
        <translation>App-Geheimcode</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="70"/>
        <source>Webhook verify token</source>
        <translation>Webhook-Verifizierungstoken</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="76"/>
        <source>Also poll every (seconds, 0 = off)</source>
        <translation>Zusätzlich abfragen alle (Sekunden, 0 = aus)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="81"/>
        <source>Page has the Human Agent permission (replies up to 7 days)</source>
        <translation>Seite hat die Human-Agent-Berechtigung (Antworten bis zu 7 Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="86"/>
        <location filename="../../ui/social_forms.py" line="137"/>
        <source>Graph API address</source>
        <translation>Graph-API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="94"/>
        <source>Facebook Page</source>
        <translation>Facebook-Seite</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="95"/>
        <source>Instagram account</source>
        <translation>Instagram-Konto</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="96"/>
        <source>LinkedIn page</source>
        <translation>LinkedIn-Seite</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="114"/>
        <source>Connect a page to post to</source>
        <translation>Seite für Beiträge verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="115"/>
        <source>Posts composed here go to your Facebook Page, Instagram professional account or LinkedIn organisation page. Facebook and Instagram need a Page access token with publishing rights; LinkedIn a page admin&apos;s access token (w_organization_social).</source>
        <translation>Hier verfasste Beiträge gehen an Ihre Facebook-Seite, Ihr professionelles Instagram-Konto oder Ihre LinkedIn-Unternehmensseite. Facebook und Instagram brauchen ein Seiten-Zugriffstoken mit Veröffentlichungsrechten; LinkedIn das Zugriffstoken eines Seitenadministrators (w_organization_social).</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="124"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="128"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="134"/>
        <source>LinkedIn API version (YYYYMM)</source>
        <translation>LinkedIn-API-Version (JJJJMM)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="139"/>
        <source>LinkedIn API address</source>
        <translation>LinkedIn-API-Adresse</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="50"/>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="51"/>
        <source>For 3 hours</source>
        <translation>Für 3 Stunden</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="52"/>
        <source>Until tomorrow 8:00</source>
        <translation>Bis morgen 8:00</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="53"/>
        <source>Until Monday 8:00</source>
        <translation>Bis Montag 8:00</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="61"/>
        <source>The customer has not written on WhatsApp yet: only an approved template can start the conversation.</source>
        <translation>Der Kunde hat noch nicht über WhatsApp geschrieben: Nur eine genehmigte Vorlage kann die Unterhaltung beginnen.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="67"/>
        <source>More than 24 hours since the customer&apos;s last message: WhatsApp allows only an approved template until they write again.</source>
        <translation>Seit der letzten Nachricht des Kunden sind mehr als 24 Stunden vergangen: WhatsApp erlaubt nur eine genehmigte Vorlage, bis er wieder schreibt.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="73"/>
        <source>Free reply possible for another {0} h {1} min (24-hour window).</source>
        <translation>Freie Antwort noch {0} h {1} min möglich (24-Stunden-Fenster).</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="91"/>
        <location filename="../../ui/conversation_pane.py" line="223"/>
        <source>Select a conversation to read it.</source>
        <translation>Wählen Sie eine Unterhaltung aus, um sie zu lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="98"/>
        <source>Write a reply… it is kept as a draft.</source>
        <translation>Antwort schreiben… sie wird als Entwurf gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="106"/>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="107"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="108"/>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="109"/>
        <source>Send template…</source>
        <translation>Vorlage senden…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="111"/>
        <source>Reject draft</source>
        <translation>Entwurf ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="113"/>
        <source>Throw this AI draft away (counted as rejected, so the assistant learns)</source>
        <translation>Diesen KI-Entwurf verwerfen (zählt als abgelehnt, damit der Assistent lernt)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="119"/>
        <source>How urgent the customer&apos;s newest message is; correct it and the assistant learns from it</source>
        <translation>Wie dringend die neueste Nachricht des Kunden ist; korrigieren Sie den Wert, lernt der Assistent daraus</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="126"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="127"/>
        <source>Mark this customer as VIP by hand (always wins)</source>
        <translation>Kunden manuell als VIP markieren (hat immer Vorrang)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="138"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="198"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="234"/>
        <source>Could not open the conversation: </source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="247"/>
        <source>snoozed until </source>
        <translation>zurückgestellt bis </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="298"/>
        <source>%1 is answering this conversation (since %2).</source>
        <translation>%1 beantwortet diese Unterhaltung (seit %2).</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="349"/>
        <location filename="../../ui/conversation_pane.py" line="359"/>
        <source>Draft saved</source>
        <translation>Entwurf gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="360"/>
        <source>Draft not saved: </source>
        <translation>Entwurf nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="369"/>
        <source>Links in messages are not opened from here: </source>
        <translation>Links in Nachrichten werden nicht von hier aus geöffnet: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="380"/>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="401"/>
        <source>Loading images…</source>
        <translation>Bilder werden geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversation_pane.py" line="408"/>
        <source>%n image(s) loaded</source>
        <translation>
            <numerusform>%n Bild geladen</numerusform>
            <numerusform>%n Bilder geladen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="413"/>
        <source>Images not loaded: </source>
        <translation>Bilder nicht geladen: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="418"/>
        <source>Saving attachment…</source>
        <translation>Anhang wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="421"/>
        <source>Attachment saved to </source>
        <translation>Anhang gespeichert unter </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="422"/>
        <source>Attachment not saved: </source>
        <translation>Anhang nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="436"/>
        <source>, confidence {0} %</source>
        <translation>, Sicherheit {0} %</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="445"/>
        <source>AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it.</source>
        <translation>KI-Entwurf ({0}{1}): {2}. Unverändert senden, zuerst bearbeiten oder ablehnen.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="457"/>
        <source>VIP not changed: </source>
        <translation>VIP-Status nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="469"/>
        <source>Urgency corrected; the assistant learns.</source>
        <translation>Dringlichkeit korrigiert; der Assistent lernt daraus.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="470"/>
        <source>Urgency not changed: </source>
        <translation>Dringlichkeit nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="482"/>
        <source>Draft rejected.</source>
        <translation>Entwurf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="486"/>
        <source>Draft not rejected: </source>
        <translation>Entwurf nicht abgelehnt: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="504"/>
        <source>Reply queued: sending…</source>
        <translation>Antwort in der Warteschlange: wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="508"/>
        <source>Reply not sent: </source>
        <translation>Antwort nicht gesendet: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="520"/>
        <source>Template queued: sending…</source>
        <translation>Vorlage in der Warteschlange: wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="532"/>
        <source>Marked done</source>
        <translation>Als erledigt markiert</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="532"/>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="535"/>
        <source>Not changed: </source>
        <translation>Nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="544"/>
        <source>Wake now</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="555"/>
        <source>Snoozed until </source>
        <translation>Zurückgestellt bis </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="555"/>
        <source>Woken up</source>
        <translation>Zurückstellung aufgehoben</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="559"/>
        <source>Not snoozed: </source>
        <translation>Nicht zurückgestellt: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="596"/>
        <source>Remote images are blocked.</source>
        <translation>Externe Bilder sind blockiert.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="599"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="606"/>
        <source>This message could not be read; shown as received.</source>
        <translation>Diese Nachricht konnte nicht gelesen werden; sie wird so angezeigt, wie sie ankam.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="626"/>
        <source>🕓 queued</source>
        <translation>🕓 in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="627"/>
        <source>✓ sent</source>
        <translation>✓ gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="628"/>
        <source>✓✓ delivered</source>
        <translation>✓✓ zugestellt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="629"/>
        <source>✓✓ read</source>
        <translation>✓✓ gelesen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="639"/>
        <source>not delivered</source>
        <translation>nicht zugestellt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="652"/>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="30"/>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="31"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="32"/>
        <source>Contact name</source>
        <translation>Kontaktname</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="33"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="34"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="35"/>
        <source>VIP (yes / no)</source>
        <translation>VIP (ja / nein)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="36"/>
        <source>Customer value (revenue)</source>
        <translation>Kundenwert (Umsatz)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="37"/>
        <source>CRM id</source>
        <translation>CRM-ID</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="38"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="53"/>
        <source>Import CRM contacts</source>
        <translation>CRM-Kontakte importieren</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="56"/>
        <source>Reading {0}…</source>
        <translation>{0} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="58"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="61"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="68"/>
        <source>Which of your columns holds what?</source>
        <translation>Welche Ihrer Spalten enthält was?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="75"/>
        <source>Not imported: </source>
        <translation>Nicht importiert: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="88"/>
        <source>{0} columns found; check the choices and press Import.</source>
        <translation>{0} Spalten gefunden; prüfen Sie die Zuordnung und klicken Sie auf Importieren.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="97"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="105"/>
        <source>{0} records matched customers you already write with, {1} new contacts; {2} records suggest merging contacts (see Customers → Same customer?).</source>
        <translation>{0} Datensätze passen zu Kunden, mit denen Sie bereits schreiben, {1} neue Kontakte; {2} Datensätze legen das Zusammenführen von Kontakten nahe (siehe Kunden → Derselbe Kunde?).</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="110"/>
        <source>line {0}: {1}</source>
        <translation>Zeile {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="114"/>
        <source> Not used: </source>
        <translation> Nicht verwendet: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="116"/>
        <source> (+{0} more)</source>
        <translation> (+{0} weitere)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="35"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="36"/>
        <source>retrying</source>
        <translation>wird erneut versucht</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="37"/>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="38"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="44"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="61"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="66"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="67"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="70"/>
        <source>Customer messages per day</source>
        <translation>Kundennachrichten pro Tag</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="71"/>
        <source>Median time to reply (minutes)</source>
        <translation>Median der Antwortzeit (Minuten)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="72"/>
        <source>AI drafts sent unchanged (%)</source>
        <translation>Unverändert gesendete KI-Entwürfe (%)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="78"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="79"/>
        <source>AI assistant</source>
        <translation>KI-Assistent</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="80"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="118"/>
        <source>The figures could not be read: </source>
        <translation>Die Zahlen konnten nicht gelesen werden: </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="132"/>
        <source>{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and {3:,.0f} {4} saved; {5}</source>
        <translation>{0} Nachrichten heute eingestuft; Akzeptanz über 7 Tage {1}; {2:.0f} Min. und {3:,.0f} {4} gespart; {5}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>kill switch ON</source>
        <translation>Not-Aus AKTIV</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="142"/>
        <source>auto-reply off</source>
        <translation>automatische Antworten aus</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144"/>
        <source>auto-reply on</source>
        <translation>automatische Antworten an</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="147"/>
        <source>checked</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="156"/>
        <source>{0} stack {1}: {2}</source>
        <translation>{0} Stack {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="160"/>
        <source>No channel connected yet.</source>
        <translation>Noch kein Kanal verbunden.</translation>
    </message>
</context>
<context>
    <name>EmailAccountDialog</name>
    <message>
        <location filename="../../ui/email_accounts.py" line="47"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="51"/>
        <source>Google refuses your normal password here: create an app password (Google account → Security → 2-Step Verification → App passwords) or use OAuth2.</source>
        <translation>Google lehnt hier Ihr normales Passwort ab: Erstellen Sie ein App-Passwort (Google-Konto → Sicherheit → Bestätigung in zwei Schritten → App-Passwörter) oder verwenden Sie OAuth2.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="56"/>
        <source>Microsoft 365 may have basic sign-in turned off: ask your admin to allow IMAP/SMTP AUTH for this mailbox, or use an app password or an OAuth2 token.</source>
        <translation>Bei Microsoft 365 ist die Standardanmeldung möglicherweise deaktiviert: Bitten Sie Ihren Administrator, IMAP/SMTP AUTH für dieses Postfach zu erlauben, oder verwenden Sie ein App-Passwort oder ein OAuth2-Token.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="106"/>
        <source>Add email account</source>
        <translation>E-Mail-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="110"/>
        <source>Other IMAP/SMTP server</source>
        <translation>Anderer IMAP/SMTP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="114"/>
        <source>the email address, if left empty</source>
        <translation>leer lassen für die E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="116"/>
        <source>Password or app password</source>
        <translation>Passwort oder App-Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="117"/>
        <source>OAuth2 access token</source>
        <translation>OAuth2-Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="118"/>
        <source>OAuth2 refresh token</source>
        <translation>OAuth2-Refresh-Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="125"/>
        <source>leave empty if the app has none</source>
        <translation>leer lassen, falls die App keines hat</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="147"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="148"/>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="149"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="150"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="151"/>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="152"/>
        <source>Password / token</source>
        <translation>Passwort / Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="153"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="154"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="155"/>
        <source>Refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="156"/>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="159"/>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="162"/>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="164"/>
        <source>Fetch history (days)</source>
        <translation>Verlauf abrufen (Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="165"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="208"/>
        <source>Enter the servers your provider gives for IMAP and SMTP.</source>
        <translation>Geben Sie die IMAP- und SMTP-Server Ihres Anbieters ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="251"/>
        <source>Enter the email address.</source>
        <translation>Geben Sie die E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="253"/>
        <source>Enter the IMAP and SMTP servers.</source>
        <translation>Geben Sie die IMAP- und SMTP-Server ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="256"/>
        <source>Enter the client id the refresh token was issued to.</source>
        <translation>Geben Sie die Client-ID ein, für die das Refresh-Token ausgestellt wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="258"/>
        <source>Enter the refresh token.</source>
        <translation>Geben Sie das Refresh-Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="260"/>
        <source>Enter the token endpoint (an https:// address).</source>
        <translation>Geben Sie den Token-Endpunkt ein (eine https://-Adresse).</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="262"/>
        <source>Enter the password, app password or token.</source>
        <translation>Geben Sie das Passwort, App-Passwort oder Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="279"/>
        <source>Testing… (logging in to IMAP and SMTP)</source>
        <translation>Wird getestet… (Anmeldung bei IMAP und SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="290"/>
        <source>Checking and saving…</source>
        <translation>Wird geprüft und gespeichert…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="54"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="56"/>
        <source>Something went wrong, but the app keeps running and nothing was lost.</source>
        <translation>Etwas ist schiefgelaufen, aber die App läuft weiter und es ist nichts verloren gegangen.</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="59"/>
        <source>What happened: {0}

The details are in the log: {1}</source>
        <translation>Was passiert ist: {0}

Details finden Sie im Protokoll: {1}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="45"/>
        <source>Welcome to Gastro Hub</source>
        <translation>Willkommen bei Gastro Hub</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="47"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="51"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="52"/>
        <source>Gastro Hub speaks Czech, German and English. You can change it later.</source>
        <translation>Gastro Hub ist auf Tschechisch, Deutsch und Englisch verfügbar. Sie können die Sprache später ändern.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="59"/>
        <source>Load sample conversations to look around first</source>
        <translation>Zuerst Beispielunterhaltungen laden, um sich umzusehen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64"/>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="66"/>
        <source>Conversations, drafts and settings are kept on this computer in:
{0}
Passwords and API keys go to the system keyring, never into that folder.</source>
        <translation>Unterhaltungen, Entwürfe und Einstellungen werden auf diesem Computer im folgenden Ordner gespeichert:
{0}
Passwörter und API-Schlüssel kommen in den Schlüsselbund des Systems, niemals in diesen Ordner.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="73"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="74"/>
        <source>Connect what you use now; each dialog tests the connection for real.</source>
        <translation>Verbinden Sie, was Sie jetzt nutzen; jeder Dialog testet die Verbindung tatsächlich.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>Connect email (Gmail, Microsoft 365, any IMAP)…</source>
        <translation>E-Mail verbinden (Gmail, Microsoft 365, beliebiger IMAP-Server)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>Connect WhatsApp (Twilio or Meta)…</source>
        <translation>WhatsApp verbinden (Twilio oder Meta)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Open the Chats tab (Beeper, Telegram, Matrix)…</source>
        <translation>Registerkarte Chats öffnen (Beeper, Telegram, Matrix)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Open the Social tab (Facebook, Instagram, LinkedIn)…</source>
        <translation>Registerkarte Social Media öffnen (Facebook, Instagram, LinkedIn)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="90"/>
        <source>AI assistant</source>
        <translation>KI-Assistent</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="92"/>
        <source>Drafts are written by the local assistant (no network) until you choose an OpenAI-compatible server or a Lindy agent in the AI tab. Automatic replies stay off until you switch them on there.</source>
        <translation>Entwürfe schreibt der lokale Assistent (ohne Netzwerk), bis Sie auf der Registerkarte KI einen OpenAI-kompatiblen Server oder einen Lindy-Agenten auswählen. Automatische Antworten bleiben aus, bis Sie sie dort einschalten.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="97"/>
        <source>Open the AI tab…</source>
        <translation>Registerkarte KI öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="103"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="105"/>
        <source>Backups run every 6 hours and are checked after writing; choose an off-site copy (any rclone remote) in the Backups tab.</source>
        <translation>Sicherungen laufen alle 6 Stunden und werden nach dem Schreiben geprüft; eine externe Kopie (beliebiges rclone-Remote) wählen Sie auf der Registerkarte Sicherungen.</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="78"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="79"/>
        <source>Subject / last message</source>
        <translation>Betreff / letzte Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="80"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="81"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../ui/inbox_panel.py" line="49"/>
        <source>Any urgency</source>
        <translation>Jede Dringlichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="50"/>
        <source>Crisis &amp; urgent</source>
        <translation>Krise &amp; dringend</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="51"/>
        <source>Crisis</source>
        <translation>Krise</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="52"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="53"/>
        <source>Financial</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="54"/>
        <source>Scheduling</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="57"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="58"/>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="59"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="60"/>
        <source>Newsletters &amp; notifications</source>
        <translation>Newsletter &amp; Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="61"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="83"/>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="93"/>
        <source>VIP only</source>
        <translation>Nur VIP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="102"/>
        <source>Search all messages…</source>
        <translation>Alle Nachrichten durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="183"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_panel.py" line="254"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindsBar</name>
    <message>
        <location filename="../../ui/chat_forms.py" line="160"/>
        <source>Connect Beeper…</source>
        <translation>Beeper verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="161"/>
        <source>Connect Matrix…</source>
        <translation>Matrix verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="162"/>
        <source>Connect Telegram…</source>
        <translation>Telegram verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="149"/>
        <source>Facebook Page messages</source>
        <translation>Nachrichten der Facebook-Seite</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="150"/>
        <source>Connect Facebook Page messages…</source>
        <translation>Nachrichten der Facebook-Seite verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="154"/>
        <source>page for posts</source>
        <translation>Seite für Beiträge</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="155"/>
        <source>Connect page for posts…</source>
        <translation>Seite für Beiträge verbinden…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>No conversations here yet.

File → Load sample data shows the app at work with a demo set, and File → Import brings in an mbox mailbox or a WhatsApp chat export.</source>
        <translation>Noch keine Unterhaltungen.

Datei → Beispieldaten laden zeigt die App mit einem Beispieldatensatz in Aktion, und Datei → Importieren übernimmt ein mbox-Postfach oder einen WhatsApp-Chat-Export.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>No email conversations yet.

Add your account above (Gmail, Microsoft 365 or any IMAP/SMTP server), or File → Import an mbox file.</source>
        <translation>Noch keine E-Mail-Unterhaltungen.

Fügen Sie oben Ihr Konto hinzu (Gmail, Microsoft 365 oder ein beliebiger IMAP/SMTP-Server) oder importieren Sie über Datei → Importieren eine mbox-Datei.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>No WhatsApp conversations yet.

Connect Twilio or the Meta Cloud API above, or File → Import a WhatsApp &quot;Export chat&quot; file.</source>
        <translation>Noch keine WhatsApp-Unterhaltungen.

Verbinden Sie oben Twilio oder die Meta Cloud API, oder importieren Sie über Datei → Importieren eine WhatsApp-Datei „Chat exportieren“.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>No chats yet.

Connect Beeper Desktop (Telegram, Signal, WhatsApp and more), a Matrix account or a Telegram bot above.</source>
        <translation>Noch keine Chats.

Verbinden Sie oben Beeper Desktop (Telegram, Signal, WhatsApp und mehr), ein Matrix-Konto oder einen Telegram-Bot.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>No social messages yet.

Connect your Facebook Page (and its Instagram account) above to answer Messenger and Instagram messages here.</source>
        <translation>Noch keine Social-Media-Nachrichten.

Verbinden Sie oben Ihre Facebook-Seite (und ihr Instagram-Konto), um hier Messenger- und Instagram-Nachrichten zu beantworten.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Social</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Next conversation</source>
        <translation>Nächste Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Previous conversation</source>
        <translation>Vorherige Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Write a reply</source>
        <translation>Antwort schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Send the reply (an AI draft unchanged: approve it)</source>
        <translation>Antwort senden (unveränderter KI-Entwurf: freigeben)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Mark done / reopen</source>
        <translation>Als erledigt markieren / wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Search every conversation</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Show these shortcuts</source>
        <translation>Diese Tastenkürzel anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Import a mailbox or chat export</source>
        <translation>Postfach oder Chat-Export importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>Load sample data</source>
        <translation>Beispieldaten laden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Mailboxes and chat exports (*.mbox *.mbx *.txt *.zip);;All files (*)</source>
        <translation>Postfächer und Chat-Exporte (*.mbox *.mbx *.txt *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <location filename="../../ui/main_window.py" line="499"/>
        <source>Inbox</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="163"/>
        <location filename="../../ui/main_window.py" line="172"/>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>&amp;Import mailbox or chat export…</source>
        <translation>Postfach oder Chat-Export &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>Load &amp;sample data</source>
        <translation>Beispiel&amp;daten laden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;Customers</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Import CRM contacts (CSV)…</source>
        <translation>CRM-Kontakte importieren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>Same customer? Merge contacts…</source>
        <translation>Derselbe Kunde? Kontakte zusammenführen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>&amp;Set-up assistant…</source>
        <translation>&amp;Einrichtungsassistent…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444"/>
        <location filename="../../ui/main_window.py" line="662"/>
        <source>Database: </source>
        <translation>Datenbank: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>Database unavailable</source>
        <translation>Datenbank nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>Stack needs you</source>
        <translation>Der Stack braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Backups need you</source>
        <translation>Die Sicherungen brauchen Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>Reply not sent: </source>
        <translation>Antwort nicht gesendet: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492"/>
        <source>Failed: </source>
        <translation>Fehlgeschlagen: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>Loading sample data…</source>
        <translation>Beispieldaten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="520"/>
        <source>Import mailbox or chat export</source>
        <translation>Postfach oder Chat-Export importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>{0} urgent or VIP messages</source>
        <translation>{0} dringende oder VIP-Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="579"/>
        <source>Automatic replies stopped</source>
        <translation>Automatische Antworten gestoppt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Automatic replies allowed</source>
        <translation>Automatische Antworten erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source> ({0} held)</source>
        <translation> ({0} zurückgehalten)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="589"/>
        <source>Kill switch not changed: </source>
        <translation>Not-Aus nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Import CRM contacts</source>
        <translation>CRM-Kontakte importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="619"/>
        <source>Importing </source>
        <translation>Wird importiert: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627"/>
        <source>Wait for the running import to finish or cancel it.</source>
        <translation>Warten Sie, bis der laufende Import abgeschlossen ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Stapel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>All customer conversations in one place.</source>
        <translation>Alle Kundenunterhaltungen an einem Ort.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="129"/>
        <source>Same customer?</source>
        <translation>Derselbe Kunde?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="132"/>
        <source>Merge into one contact</source>
        <translation>Zu einem Kontakt zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="134"/>
        <source>Undo merge</source>
        <translation>Zusammenführung rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="139"/>
        <source>These contacts look like one customer:</source>
        <translation>Diese Kontakte scheinen zu einem Kunden zu gehören:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="142"/>
        <source>Merged contacts (can be undone):</source>
        <translation>Zusammengeführte Kontakte (kann rückgängig gemacht werden):</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="158"/>
        <source> — </source>
        <translation> — </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="162"/>
        <source>No suggestions: every customer is one contact.</source>
        <translation>Keine Vorschläge: Jeder Kunde hat genau einen Kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="167"/>
        <source>Contact {0} merged into {1}</source>
        <translation>Kontakt {0} in {1} zusammengeführt</translation>
    </message>
</context>
<context>
    <name>MissiveAccountDialog</name>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="20"/>
        <source>Create a token in Missive: Settings → API → Create a new token (a paid Missive plan allows API access). Replies you write here are saved in Missive as drafts for the team to review and send.</source>
        <translation>Erstellen Sie in Missive ein Token: Settings → API → Create a new token (API-Zugriff gibt es mit einem kostenpflichtigen Missive-Tarif). Hier geschriebene Antworten werden in Missive als Entwürfe gespeichert, die das Team prüft und sendet.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="35"/>
        <source>Connect Missive</source>
        <translation>Missive verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="39"/>
        <source>info@firma.cz, obchod@firma.cz</source>
        <translation>info@firma.cz, obchod@firma.cz</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="47"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="48"/>
        <source>Team addresses</source>
        <translation>Team-Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="49"/>
        <source>Fetch history (days)</source>
        <translation>Verlauf abrufen (Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="50"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="70"/>
        <source>Enter the Missive API token.</source>
        <translation>Geben Sie das Missive-API-Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="73"/>
        <source>This is not an email address: </source>
        <translation>Das ist keine E-Mail-Adresse: </translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="75"/>
        <source>The API address must start with https://</source>
        <translation>Die API-Adresse muss mit https:// beginnen</translation>
    </message>
</context>
<context>
    <name>OfficeStatus</name>
    <message>
        <location filename="../../ui/office_status.py" line="49"/>
        <source>Office mode: this PC fetches and sends</source>
        <translation>Büromodus: Dieser PC ruft Nachrichten ab und sendet sie</translation>
    </message>
    <message>
        <location filename="../../ui/office_status.py" line="53"/>
        <source>Office mode: fetched and sent by the processor on %1</source>
        <translation>Büromodus: Abruf und Versand durch den Prozessor auf %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_status.py" line="60"/>
        <source>Office mode: no processor is running — messages are not being fetched</source>
        <translation>Büromodus: Kein Prozessor läuft — Nachrichten werden nicht abgerufen</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/search_results.py" line="30"/>
        <source>No messages contain “%s”.</source>
        <translation>Keine Nachricht enthält „%s“.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_results.py" line="32"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n Nachricht gefunden</numerusform>
            <numerusform>%n Nachrichten gefunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Quiet hours: only a crisis raises a notification</source>
        <translation>Ruhezeiten: Nur eine Krise löst eine Benachrichtigung aus</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>Closing the window keeps the app running in the tray</source>
        <translation>Beim Schließen des Fensters läuft die App im Infobereich weiter</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>Start when I log in</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Checking the keyring…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>I accept this insecure keyring (secrets kept without encryption)</source>
        <translation>Ich akzeptiere diesen unsicheren Schlüsselbund (Geheimnisse werden unverschlüsselt gespeichert)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Office mode: several PCs share this database; one processor fetches and sends (after a restart)</source>
        <translation>Büromodus: mehrere PCs teilen diese Datenbank; ein Prozessor ruft ab und versendet (nach einem Neustart)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Language (after a restart):</source>
        <translation>Sprache (gilt nach einem Neustart):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source>Keyring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103"/>
        <source>Channels, the AI provider, backups and the stack are set in their tabs.</source>
        <translation>Kanäle, KI-Anbieter, Sicherungen und Stack werden auf ihren eigenen Registerkarten eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119"/>
        <source>{0}: secrets are kept there, and it works.</source>
        <translation>{0}: Geheimnisse werden dort gespeichert, und der Schlüsselbund funktioniert.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>keyring unavailable: </source>
        <translation>Schlüsselbund nicht verfügbar: </translation>
    </message>
</context>
<context>
    <name>SocialPostsPanel</name>
    <message>
        <location filename="../../ui/social_posts.py" line="38"/>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="39"/>
        <source>publishing…</source>
        <translation>wird veröffentlicht…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="40"/>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="41"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="78"/>
        <source>New post…</source>
        <translation>Neuer Beitrag…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="79"/>
        <source>Retry failed pages</source>
        <translation>Fehlgeschlagene Seiten wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="87"/>
        <source>&lt;b&gt;Posts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beiträge&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="128"/>
        <source>No posts yet. Connect a page above, then New post…</source>
        <translation>Noch keine Beiträge. Verbinden Sie oben eine Seite und klicken Sie dann auf Neuer Beitrag…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="143"/>
        <source>Trying the failed pages again…</source>
        <translation>Fehlgeschlagene Seiten werden erneut versucht…</translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../../ui/stack_panel.py" line="34"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="35"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="36"/>
        <source>Health</source>
        <translation>Health-Status</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="37"/>
        <source>Up</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="38"/>
        <source>Restarts (Docker / app)</source>
        <translation>Neustarts (Docker / App)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="39"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="40"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="43"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="44"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="45"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="67"/>
        <source>Looking for Docker…</source>
        <translation>Docker wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="75"/>
        <source>Bring the stack up</source>
        <translation>Stack starten</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="77"/>
        <source>Update images</source>
        <translation>Images aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="89"/>
        <location filename="../../ui/stack_panel.py" line="189"/>
        <source>(all services)</source>
        <translation>(alle Dienste)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="95"/>
        <source>Follow log of the selected service</source>
        <translation>Log des ausgewählten Dienstes verfolgen</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="99"/>
        <source>Search the logs of every service…</source>
        <translation>Logs aller Dienste durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="107"/>
        <source>Stack file…</source>
        <translation>Stack-Datei…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="109"/>
        <source>Use the stack&apos;s PostgreSQL for the app&apos;s data…</source>
        <translation>PostgreSQL des Stacks für die App-Daten verwenden…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="119"/>
        <source>Docker stack</source>
        <translation>Docker-Stack</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="125"/>
        <source>What the watchdog did:</source>
        <translation>Eingriffe des Watchdogs:</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="152"/>
        <source>Docker is not available.</source>
        <translation>Docker ist nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="159"/>
        <source>{0} of {1} services healthy.</source>
        <translation>{0} von {1} Diensten funktionsfähig.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="166"/>
        <source>not created yet</source>
        <translation>noch nicht erstellt</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="196"/>
        <source>{0} {1}…</source>
        <translation>{0}: {1}…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="196"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="199"/>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="204"/>
        <source>Bringing the stack up…</source>
        <translation>Stack wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="207"/>
        <source>Downloading newer images…</source>
        <translation>Neuere Images werden heruntergeladen…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="227"/>
        <source>Select a service first.</source>
        <translation>Wählen Sie zuerst einen Dienst aus.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="251"/>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="258"/>
        <source>The stack&apos;s docker-compose.yml</source>
        <translation>docker-compose.yml des Stacks</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="271"/>
        <source>Moving the app&apos;s data to the stack&apos;s PostgreSQL…</source>
        <translation>App-Daten werden in das PostgreSQL des Stacks verschoben…</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/template_dialog.py" line="39"/>
        <source>Send an approved template</source>
        <translation>Genehmigte Vorlage senden</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="43"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="44"/>
        <source>Loading the approved templates…</source>
        <translation>Genehmigte Vorlagen werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="49"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="69"/>
        <source>This WhatsApp account has no approved templates yet. Add them in the account&apos;s settings (their names come from Twilio&apos;s Content Template Builder or Meta&apos;s WhatsApp Manager).</source>
        <translation>Dieses WhatsApp-Konto hat noch keine genehmigten Vorlagen. Fügen Sie sie in den Kontoeinstellungen hinzu (die Namen stammen aus dem Content Template Builder von Twilio oder dem WhatsApp Manager von Meta).</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="91"/>
        <source>Value {{%d}}</source>
        <translation>Wert {{%d}}</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="104"/>
        <source>Fill in every value of the template.</source>
        <translation>Füllen Sie alle Werte der Vorlage aus.</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="107"/>
        <source>Queuing…</source>
        <translation>Wird in die Warteschlange gestellt…</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="21"/>
        <source>Open %s</source>
        <translation>%s öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="23"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="25"/>
        <source>Stop all automatic replies</source>
        <translation>Alle automatischen Antworten stoppen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="60"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="60"/>
        <source>no unread</source>
        <translation>keine ungelesenen</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="52"/>
        <source>Crisis</source>
        <translation>Krise</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="53"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="54"/>
        <source>Financial</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="55"/>
        <source>Scheduling</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="56"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
</context>
<context>
    <name>WhatsAppAccountDialog</name>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="35"/>
        <source>One approved template per line: name or Content SID | language | number of variables | label, e.g.  order_update | cs | 2 | Order on its way</source>
        <translation>Eine genehmigte Vorlage pro Zeile: Name oder Content SID | Sprache | Anzahl der Variablen | Bezeichnung, z. B.  order_update | de | 2 | Bestellung unterwegs</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="53"/>
        <source>Template line {0} is not &apos;name | language | variables&apos;.</source>
        <translation>Vorlagenzeile {0} hat nicht die Form „Name | Sprache | Variablen“.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="109"/>
        <source>Connect WhatsApp</source>
        <translation>WhatsApp verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="120"/>
        <source>Twilio sandbox (one message per 3 seconds)</source>
        <translation>Twilio-Sandbox (eine Nachricht pro 3 Sekunden)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="123"/>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="124"/>
        <source>Auth Token</source>
        <translation>Auth Token</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="125"/>
        <source>API key SID (optional)</source>
        <translation>SID des API-Schlüssels (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="126"/>
        <source>API key secret</source>
        <translation>Secret des API-Schlüssels</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="127"/>
        <source>Messaging Service SID (optional)</source>
        <translation>Messaging Service SID (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="134"/>
        <source>Phone number id</source>
        <translation>Telefonnummer-ID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="135"/>
        <source>WhatsApp Business Account id</source>
        <translation>WhatsApp-Business-Konto-ID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="136"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="137"/>
        <source>App secret</source>
        <translation>App-Geheimcode</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="138"/>
        <source>Webhook verify token</source>
        <translation>Webhook-Verifizierungstoken</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="150"/>
        <source>https://your-tunnel.example (where the provider posts)</source>
        <translation>https://ihr-tunnel.example (wohin der Anbieter sendet)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="154"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="156"/>
        <source>the provider&apos;s public API</source>
        <translation>öffentliche API des Anbieters</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="165"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="166"/>
        <source>WhatsApp number</source>
        <translation>WhatsApp-Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="167"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="169"/>
        <source>Webhook receiver address</source>
        <translation>Adresse des Webhook-Empfängers</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="170"/>
        <source>Webhook receiver port</source>
        <translation>Port des Webhook-Empfängers</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="171"/>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="172"/>
        <source>Also poll every (seconds)</source>
        <translation>Zusätzlich abfragen alle (Sekunden)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="173"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="174"/>
        <source>Approved templates</source>
        <translation>Genehmigte Vorlagen</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="196"/>
        <source>Enter the number to see the webhook address.</source>
        <translation>Geben Sie die Nummer ein, um die Webhook-Adresse zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="199"/>
        <source>https://&lt;your tunnel&gt;</source>
        <translation>https://&lt;Ihr Tunnel&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="202"/>
        <source>Webhook URL to enter at the provider: </source>
        <translation>Beim Anbieter einzutragende Webhook-URL: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="205"/>
        <source>  (received on this PC at </source>
        <translation>  (auf diesem PC empfangen unter </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="243"/>
        <source>Enter the WhatsApp number with its country code (+420…).</source>
        <translation>Geben Sie die WhatsApp-Nummer mit Ländervorwahl ein (+420…).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="252"/>
        <source>Enter the Account SID and Auth Token (Twilio Console).</source>
        <translation>Geben Sie Account SID und Auth Token ein (Twilio Console).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="254"/>
        <source>Enter the API key&apos;s secret, or leave the API key SID empty.</source>
        <translation>Geben Sie das Secret des API-Schlüssels ein oder lassen Sie die SID des API-Schlüssels leer.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="263"/>
        <source>Enter the phone number id, access token and app secret.</source>
        <translation>Geben Sie Telefonnummer-ID, Zugriffstoken und App-Geheimcode ein.</translation>
    </message>
</context>
</TS>
