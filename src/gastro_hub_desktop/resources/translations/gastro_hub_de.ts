<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="31"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="75"/>
        <source>Checking and saving…</source>
        <translation>Wird geprüft und gespeichert…</translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <location filename="../../ui/ai_panel.py" line="107"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="109"/>
        <source>Stop all automatic replies (kill switch)</source>
        <translation>Alle automatischen Antworten stoppen (Not-Aus)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="112"/>
        <source>Export today&apos;s learning report…</source>
        <translation>Heutigen Lernbericht exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="134"/>
        <source>Automatic replies (off unless you switch them on)</source>
        <translation>Automatische Antworten (aus, bis Sie sie einschalten)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="136"/>
        <source>Send drafts automatically when every rule allows</source>
        <translation>Entwürfe automatisch senden, wenn alle Regeln es erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="144"/>
        <source>also to VIP customers</source>
        <translation>auch an VIP-Kunden</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="145"/>
        <source>also to urgent messages</source>
        <translation>auch auf dringende Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="152"/>
        <source>Save rules</source>
        <translation>Regeln speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="155"/>
        <source>For these kinds of message (all channels):</source>
        <translation>Für diese Nachrichtenarten (alle Kanäle):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="156"/>
        <source>Only when the assistant is at least this sure:</source>
        <translation>Nur bei einer Sicherheit des Assistenten von mindestens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="157"/>
        <source>At most this many per customer per day:</source>
        <translation>Höchstens so viele pro Kunde und Tag:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="160"/>
        <source>Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.</source>
        <translation>Nur während der Geschäftszeiten: Mo–Fr 08:00–17:00 (Europe/Prague).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="165"/>
        <source>Drafting</source>
        <translation>Entwurfserstellung</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="168"/>
        <source>Local: past replies and templates (no network)</source>
        <translation>Lokal: frühere Antworten und Vorlagen (ohne Netzwerk)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="169"/>
        <source>OpenAI-compatible server (OpenAI, Ollama, vLLM…)</source>
        <translation>OpenAI-kompatibler Server (OpenAI, Ollama, vLLM…)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="170"/>
        <source>Lindy agent (webhook trigger and callback)</source>
        <translation>Lindy-Agent (Webhook-Trigger und Callback)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="175"/>
        <source>kept in the keyring; leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert; leer lassen, um ihn beizubehalten</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="176"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="182"/>
        <source>the trigger&apos;s secret; kept in the keyring</source>
        <translation>Geheimnis des Triggers; im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="185"/>
        <source>public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)</source>
        <translation>öffentliche Adresse, an die Lindy antwortet (z. B. ein Tunnel zu 127.0.0.1:8768)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="194"/>
        <source>What the assistant may tell customers: opening hours, delivery terms, prices it may quote, service areas…</source>
        <translation>Was der Assistent Kunden mitteilen darf: Öffnungszeiten, Lieferbedingungen, Preise, die er nennen darf, Servicegebiete…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="211"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="213"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="214"/>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="215"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="216"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="218"/>
        <source>Lindy webhook URL:</source>
        <translation>Lindy-Webhook-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="219"/>
        <source>Lindy secret:</source>
        <translation>Lindy-Geheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="220"/>
        <source>Callback address:</source>
        <translation>Callback-Adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="221"/>
        <source>Price per million prompt tokens:</source>
        <translation>Preis pro Million Eingabe-Tokens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="222"/>
        <source>Price per million answer tokens:</source>
        <translation>Preis pro Million Ausgabe-Tokens:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="223"/>
        <source>Business name:</source>
        <translation>Firmenname:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="224"/>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="225"/>
        <source>Knowledge base:</source>
        <translation>Wissensbasis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="226"/>
        <source>Minutes a reply takes by hand:</source>
        <translation>Minuten pro eine manuelle Antwort:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="227"/>
        <source>Hourly rate (CZK):</source>
        <translation>Stundensatz (CZK):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="232"/>
        <source>Urgency keywords (yours; the app also learns from corrections)</source>
        <translation>Dringlichkeits-Schlüsselwörter (Ihre; die App lernt auch aus Korrekturen)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="242"/>
        <source>word or phrase, e.g. nefunguje chlazení</source>
        <translation>Wort oder Ausdruck, z. B. nefunguje chlazení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="247"/>
        <source>A negative weight says it is NOT (e.g. no rush)</source>
        <translation>Ein negatives Gewicht bedeutet: NICHT dringend (z. B. keine Eile)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="248"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="260"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="293"/>
        <source>Keyword not saved: </source>
        <translation>Schlüsselwort nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="307"/>
        <source>Reply templates (the local provider&apos;s first drafts)</source>
        <translation>Antwortvorlagen (erste Entwürfe des lokalen Anbieters)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="322"/>
        <source>{name}, {company}, {business} and {subject} are filled in</source>
        <translation>{name}, {company}, {business} und {subject} werden automatisch ausgefüllt</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="324"/>
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="374"/>
        <source>No learning report yet: the first is made tonight.</source>
        <translation>Noch kein Lernbericht: Der erste entsteht heute Nacht.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="383"/>
        <source>The figures could not be read: </source>
        <translation>Die Zahlen konnten nicht gelesen werden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="454"/>
        <source>Enter the Lindy webhook URL first.</source>
        <translation>Geben Sie zuerst die Lindy-Webhook-URL ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="477"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="482"/>
        <source>Connected: </source>
        <translation>Verbunden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="484"/>
        <source>Not connected: </source>
        <translation>Nicht verbunden: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="492"/>
        <source>{0} automatic replies were held.</source>
        <translation>{0} automatische Antworten wurden zurückgehalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="498"/>
        <source>Export learning report</source>
        <translation>Lernbericht exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="504"/>
        <source>Report saved to {0}</source>
        <translation>Bericht gespeichert unter {0}</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/social_posts.py" line="145"/>
        <source>New post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="151"/>
        <source>a picture&apos;s https address (Instagram needs one) or a file on this PC</source>
        <translation>https-Adresse eines Bildes (für Instagram erforderlich) oder eine Datei auf diesem PC</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="153"/>
        <source>Publish now</source>
        <translation>Sofort veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="161"/>
        <source>Loading your pages…</source>
        <translation>Ihre Seiten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="166"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="170"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="171"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="172"/>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="173"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="187"/>
        <source>Connect a Facebook Page, Instagram or LinkedIn page first.</source>
        <translation>Verbinden Sie zuerst eine Facebook-Seite, ein Instagram-Konto oder eine LinkedIn-Seite.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="206"/>
        <source>Write the post first.</source>
        <translation>Schreiben Sie zuerst den Beitrag.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="209"/>
        <source>Choose at least one page.</source>
        <translation>Wählen Sie mindestens eine Seite aus.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="213"/>
        <source>That time has passed: choose a later one.</source>
        <translation>Dieser Zeitpunkt ist bereits vorbei: Wählen Sie einen späteren.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="216"/>
        <source>Keeping the post…</source>
        <translation>Beitrag wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="133"/>
        <source>Enter the </source>
        <translation>Bitte ausfüllen: </translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="71"/>
        <location filename="../../ui/conversation_pane.py" line="193"/>
        <source>Select a conversation to read it.</source>
        <translation>Wählen Sie eine Unterhaltung aus, um sie zu lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="78"/>
        <source>Write a reply… it is kept as a draft.</source>
        <translation>Antwort schreiben… sie wird als Entwurf gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="80"/>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="81"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="82"/>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="83"/>
        <source>Send template…</source>
        <translation>Vorlage senden…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="85"/>
        <source>Reject draft</source>
        <translation>Entwurf ablehnen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="87"/>
        <source>Throw this AI draft away (counted as rejected, so the assistant learns)</source>
        <translation>Diesen KI-Entwurf verwerfen (zählt als abgelehnt, damit der Assistent lernt)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="93"/>
        <source>How urgent the customer&apos;s newest message is; correct it and the assistant learns from it</source>
        <translation>Wie dringend die neueste Nachricht des Kunden ist; korrigieren Sie den Wert, lernt der Assistent daraus</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="100"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="101"/>
        <source>Mark this customer as VIP by hand (always wins)</source>
        <translation>Kunden manuell als VIP markieren (hat immer Vorrang)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="112"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="170"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="204"/>
        <source>Could not open the conversation: </source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="217"/>
        <source>snoozed until </source>
        <translation>zurückgestellt bis </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="274"/>
        <location filename="../../ui/conversation_pane.py" line="284"/>
        <source>Draft saved</source>
        <translation>Entwurf gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="285"/>
        <source>Draft not saved: </source>
        <translation>Entwurf nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="294"/>
        <source>Links in messages are not opened from here: </source>
        <translation>Links in Nachrichten werden nicht von hier aus geöffnet: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="305"/>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="326"/>
        <source>Loading images…</source>
        <translation>Bilder werden geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversation_pane.py" line="333"/>
        <source>%n image(s) loaded</source>
        <translation>
            <numerusform>%n Bild geladen</numerusform>
            <numerusform>%n Bilder geladen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="338"/>
        <source>Images not loaded: </source>
        <translation>Bilder nicht geladen: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="343"/>
        <source>Saving attachment…</source>
        <translation>Anhang wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="346"/>
        <source>Attachment saved to </source>
        <translation>Anhang gespeichert unter </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="347"/>
        <source>Attachment not saved: </source>
        <translation>Anhang nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="361"/>
        <source>, confidence {0} %</source>
        <translation>, Sicherheit {0} %</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="370"/>
        <source>AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it.</source>
        <translation>KI-Entwurf ({0}{1}): {2}. Unverändert senden, zuerst bearbeiten oder ablehnen.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="382"/>
        <source>VIP not changed: </source>
        <translation>VIP-Status nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="394"/>
        <source>Urgency corrected; the assistant learns.</source>
        <translation>Dringlichkeit korrigiert; der Assistent lernt daraus.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="395"/>
        <source>Urgency not changed: </source>
        <translation>Dringlichkeit nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="407"/>
        <source>Draft rejected.</source>
        <translation>Entwurf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="411"/>
        <source>Draft not rejected: </source>
        <translation>Entwurf nicht abgelehnt: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="428"/>
        <source>Reply queued: sending…</source>
        <translation>Antwort in der Warteschlange: wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="432"/>
        <source>Reply not sent: </source>
        <translation>Antwort nicht gesendet: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="444"/>
        <source>Template queued: sending…</source>
        <translation>Vorlage in der Warteschlange: wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Marked done</source>
        <translation>Als erledigt markiert</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="459"/>
        <source>Not changed: </source>
        <translation>Nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="468"/>
        <source>Wake now</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Snoozed until </source>
        <translation>Zurückgestellt bis </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Woken up</source>
        <translation>Zurückstellung aufgehoben</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="483"/>
        <source>Not snoozed: </source>
        <translation>Nicht zurückgestellt: </translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="52"/>
        <source>Import CRM contacts</source>
        <translation>CRM-Kontakte importieren</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="55"/>
        <source>Reading {0}…</source>
        <translation>{0} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="57"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="60"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="67"/>
        <source>Which of your columns holds what?</source>
        <translation>Welche Ihrer Spalten enthält was?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="74"/>
        <source>Not imported: </source>
        <translation>Nicht importiert: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="87"/>
        <source>{0} columns found; check the choices and press Import.</source>
        <translation>{0} Spalten gefunden; prüfen Sie die Zuordnung und klicken Sie auf Importieren.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="96"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="104"/>
        <source>{0} records matched customers you already write with, {1} new contacts; {2} records suggest merging contacts (see Customers → Same customer?).</source>
        <translation>{0} Datensätze passen zu Kunden, mit denen Sie bereits schreiben, {1} neue Kontakte; {2} Datensätze legen das Zusammenführen von Kontakten nahe (siehe Kunden → Derselbe Kunde?).</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="110"/>
        <source> Not used: </source>
        <translation> Nicht verwendet: </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="63"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="67"/>
        <source>Customer messages per day</source>
        <translation>Kundennachrichten pro Tag</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="68"/>
        <source>Median time to reply (minutes)</source>
        <translation>Median der Antwortzeit (Minuten)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="69"/>
        <source>AI drafts sent unchanged (%)</source>
        <translation>Unverändert gesendete KI-Entwürfe (%)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>The figures could not be read: </source>
        <translation>Die Zahlen konnten nicht gelesen werden: </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="128"/>
        <source>{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and {3:,.0f} {4} saved; {5}</source>
        <translation>{0} Nachrichten heute eingestuft; Akzeptanz über 7 Tage {1}; {2:.0f} Min. und {3:,.0f} {4} gespart; {5}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>kill switch ON</source>
        <translation>Not-Aus AKTIV</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="138"/>
        <source>auto-reply off</source>
        <translation>automatische Antworten aus</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>auto-reply on</source>
        <translation>automatische Antworten an</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="148"/>
        <source>No channel connected yet.</source>
        <translation>Noch kein Kanal verbunden.</translation>
    </message>
</context>
<context>
    <name>EmailAccountDialog</name>
    <message>
        <location filename="../../ui/email_accounts.py" line="86"/>
        <source>Add email account</source>
        <translation>E-Mail-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="90"/>
        <source>Other IMAP/SMTP server</source>
        <translation>Anderer IMAP/SMTP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="94"/>
        <source>the email address, if left empty</source>
        <translation>leer lassen für die E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="96"/>
        <source>Password or app password</source>
        <translation>Passwort oder App-Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="97"/>
        <source>OAuth2 access token</source>
        <translation>OAuth2-Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="98"/>
        <source>OAuth2 refresh token</source>
        <translation>OAuth2-Refresh-Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="105"/>
        <source>leave empty if the app has none</source>
        <translation>leer lassen, falls die App keines hat</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="127"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="128"/>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="129"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="130"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="131"/>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="132"/>
        <source>Password / token</source>
        <translation>Passwort / Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="133"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="134"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="135"/>
        <source>Refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="136"/>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="139"/>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="142"/>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="144"/>
        <source>Fetch history (days)</source>
        <translation>Verlauf abrufen (Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="145"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="188"/>
        <source>Enter the servers your provider gives for IMAP and SMTP.</source>
        <translation>Geben Sie die IMAP- und SMTP-Server Ihres Anbieters ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="231"/>
        <source>Enter the email address.</source>
        <translation>Geben Sie die E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="233"/>
        <source>Enter the IMAP and SMTP servers.</source>
        <translation>Geben Sie die IMAP- und SMTP-Server ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="236"/>
        <source>Enter the client id the refresh token was issued to.</source>
        <translation>Geben Sie die Client-ID ein, für die das Refresh-Token ausgestellt wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="238"/>
        <source>Enter the refresh token.</source>
        <translation>Geben Sie das Refresh-Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="240"/>
        <source>Enter the token endpoint (an https:// address).</source>
        <translation>Geben Sie den Token-Endpunkt ein (eine https://-Adresse).</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="242"/>
        <source>Enter the password, app password or token.</source>
        <translation>Geben Sie das Passwort, App-Passwort oder Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="259"/>
        <source>Testing… (logging in to IMAP and SMTP)</source>
        <translation>Wird getestet… (Anmeldung bei IMAP und SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="270"/>
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
        <translation>Registerkarte Social öffnen (Facebook, Instagram, LinkedIn)…</translation>
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
    <name>InboxPanel</name>
    <message>
        <location filename="../../ui/inbox_panel.py" line="75"/>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="85"/>
        <source>VIP only</source>
        <translation>Nur VIP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="94"/>
        <source>Search all messages…</source>
        <translation>Alle Nachrichten durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="175"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_panel.py" line="237"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>Inbox</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Import mailbox or chat export…</source>
        <translation>Postfach oder Chat-Export &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Load &amp;sample data</source>
        <translation>Beispiel&amp;daten laden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Customers</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Import CRM contacts (CSV)…</source>
        <translation>CRM-Kontakte importieren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Same customer? Merge contacts…</source>
        <translation>Derselbe Kunde? Kontakte zusammenführen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>&amp;Set-up assistant…</source>
        <translation>&amp;Einrichtungsassistent…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>Database: </source>
        <translation>Datenbank: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Database unavailable</source>
        <translation>Datenbank nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Stack needs you</source>
        <translation>Der Stack braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>Reply not sent: </source>
        <translation>Antwort nicht gesendet: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>Failed: </source>
        <translation>Fehlgeschlagen: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>Loading sample data…</source>
        <translation>Beispieldaten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>Import mailbox or chat export</source>
        <translation>Postfach oder Chat-Export importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>{0} urgent or VIP messages</source>
        <translation>{0} dringende oder VIP-Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>Automatic replies stopped</source>
        <translation>Automatische Antworten gestoppt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>Automatic replies allowed</source>
        <translation>Automatische Antworten erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source> ({0} held)</source>
        <translation> ({0} zurückgehalten)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>Kill switch not changed: </source>
        <translation>Not-Aus nicht geändert: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source>Import CRM contacts</source>
        <translation>CRM-Kontakte importieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>Importing </source>
        <translation>Wird importiert: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Wait for the running import to finish or cancel it.</source>
        <translation>Warten Sie, bis der laufende Import abgeschlossen ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="588"/>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Stapel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>All customer conversations in one place.</source>
        <translation>Alle Kundenunterhaltungen an einem Ort.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="122"/>
        <source>Same customer?</source>
        <translation>Derselbe Kunde?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="125"/>
        <source>Merge into one contact</source>
        <translation>Zu einem Kontakt zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="127"/>
        <source>Undo merge</source>
        <translation>Zusammenführung rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="132"/>
        <source>These contacts look like one customer:</source>
        <translation>Diese Kontakte scheinen zu einem Kunden zu gehören:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="135"/>
        <source>Merged contacts (can be undone):</source>
        <translation>Zusammengeführte Kontakte (kann rückgängig gemacht werden):</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="151"/>
        <source> — </source>
        <translation> — </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="155"/>
        <source>No suggestions: every customer is one contact.</source>
        <translation>Keine Vorschläge: Jeder Kunde hat genau einen Kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="160"/>
        <source>Contact {0} merged into {1}</source>
        <translation>Kontakt {0} in {1} zusammengeführt</translation>
    </message>
</context>
<context>
    <name>MissiveAccountDialog</name>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="31"/>
        <source>Connect Missive</source>
        <translation>Missive verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="35"/>
        <source>info@firma.cz, obchod@firma.cz</source>
        <translation>info@firma.cz, obchod@firma.cz</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="43"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="44"/>
        <source>Team addresses</source>
        <translation>Team-Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="45"/>
        <source>Fetch history (days)</source>
        <translation>Verlauf abrufen (Tage)</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="46"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="66"/>
        <source>Enter the Missive API token.</source>
        <translation>Geben Sie das Missive-API-Token ein.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="69"/>
        <source>This is not an email address: </source>
        <translation>Das ist keine E-Mail-Adresse: </translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="71"/>
        <source>The API address must start with https://</source>
        <translation>Die API-Adresse muss mit https:// beginnen</translation>
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
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>Language (after a restart):</source>
        <translation>Sprache (gilt nach einem Neustart):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Keyring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Channels, the AI provider, backups and the stack are set in their tabs.</source>
        <translation>Kanäle, KI-Anbieter, Sicherungen und Stack werden auf ihren eigenen Registerkarten eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104"/>
        <source>{0}: secrets are kept there, and it works.</source>
        <translation>{0}: Geheimnisse werden dort gespeichert, und der Schlüsselbund funktioniert.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>keyring unavailable: </source>
        <translation>Schlüsselbund nicht verfügbar: </translation>
    </message>
</context>
<context>
    <name>SocialPostsPanel</name>
    <message>
        <location filename="../../ui/social_posts.py" line="65"/>
        <source>New post…</source>
        <translation>Neuer Beitrag…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="66"/>
        <source>Retry failed pages</source>
        <translation>Fehlgeschlagene Seiten wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="74"/>
        <source>&lt;b&gt;Posts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beiträge&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="115"/>
        <source>No posts yet. Connect a page above, then New post…</source>
        <translation>Noch keine Beiträge. Verbinden Sie oben eine Seite und klicken Sie dann auf Neuer Beitrag…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="130"/>
        <source>Trying the failed pages again…</source>
        <translation>Fehlgeschlagene Seiten werden erneut versucht…</translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../../ui/stack_panel.py" line="54"/>
        <source>Looking for Docker…</source>
        <translation>Docker wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="62"/>
        <source>Bring the stack up</source>
        <translation>Stack starten</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="64"/>
        <source>Update images</source>
        <translation>Images aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="76"/>
        <location filename="../../ui/stack_panel.py" line="176"/>
        <source>(all services)</source>
        <translation>(alle Dienste)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="82"/>
        <source>Follow log of the selected service</source>
        <translation>Log des ausgewählten Dienstes verfolgen</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="86"/>
        <source>Search the logs of every service…</source>
        <translation>Logs aller Dienste durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="94"/>
        <source>Stack file…</source>
        <translation>Stack-Datei…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="96"/>
        <source>Use the stack&apos;s PostgreSQL for the app&apos;s data…</source>
        <translation>PostgreSQL des Stacks für die App-Daten verwenden…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="112"/>
        <source>What the watchdog did:</source>
        <translation>Eingriffe des Watchdogs:</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="139"/>
        <source>Docker is not available.</source>
        <translation>Docker ist nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="146"/>
        <source>{0} of {1} services healthy.</source>
        <translation>{0} von {1} Diensten funktionsfähig.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="153"/>
        <source>not created yet</source>
        <translation>noch nicht erstellt</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="182"/>
        <source>{0} {1}…</source>
        <translation>{0} {1}…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="185"/>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="190"/>
        <source>Bringing the stack up…</source>
        <translation>Stack wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="193"/>
        <source>Downloading newer images…</source>
        <translation>Neuere Images werden heruntergeladen…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="213"/>
        <source>Select a service first.</source>
        <translation>Wählen Sie zuerst einen Dienst aus.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="237"/>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="244"/>
        <source>The stack&apos;s docker-compose.yml</source>
        <translation>docker-compose.yml des Stacks</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="257"/>
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
    <name>WhatsAppAccountDialog</name>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="101"/>
        <source>Connect WhatsApp</source>
        <translation>WhatsApp verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="112"/>
        <source>Twilio sandbox (one message per 3 seconds)</source>
        <translation>Twilio-Sandbox (eine Nachricht pro 3 Sekunden)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="115"/>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="116"/>
        <source>Auth Token</source>
        <translation>Auth Token</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="117"/>
        <source>API key SID (optional)</source>
        <translation>SID des API-Schlüssels (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="118"/>
        <source>API key secret</source>
        <translation>Secret des API-Schlüssels</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="119"/>
        <source>Messaging Service SID (optional)</source>
        <translation>Messaging Service SID (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="126"/>
        <source>Phone number id</source>
        <translation>Telefonnummer-ID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="127"/>
        <source>WhatsApp Business Account id</source>
        <translation>WhatsApp-Business-Konto-ID</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="128"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="129"/>
        <source>App secret</source>
        <translation>App-Geheimcode</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="130"/>
        <source>Webhook verify token</source>
        <translation>Webhook-Verifizierungstoken</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="144"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="146"/>
        <source>the provider&apos;s public API</source>
        <translation>öffentliche API des Anbieters</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="155"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="156"/>
        <source>WhatsApp number</source>
        <translation>WhatsApp-Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="157"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="159"/>
        <source>Webhook receiver address</source>
        <translation>Adresse des Webhook-Empfängers</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="160"/>
        <source>Webhook receiver port</source>
        <translation>Port des Webhook-Empfängers</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="161"/>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="162"/>
        <source>Also poll every (seconds)</source>
        <translation>Zusätzlich abfragen alle (Sekunden)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="163"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="164"/>
        <source>Approved templates</source>
        <translation>Genehmigte Vorlagen</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="186"/>
        <source>Enter the number to see the webhook address.</source>
        <translation>Geben Sie die Nummer ein, um die Webhook-Adresse zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="192"/>
        <source>Webhook URL to enter at the provider: </source>
        <translation>Beim Anbieter einzutragende Webhook-URL: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="195"/>
        <source>  (received on this PC at </source>
        <translation>  (auf diesem PC empfangen unter </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="233"/>
        <source>Enter the WhatsApp number with its country code (+420…).</source>
        <translation>Geben Sie die WhatsApp-Nummer mit Ländervorwahl ein (+420…).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="242"/>
        <source>Enter the Account SID and Auth Token (Twilio Console).</source>
        <translation>Geben Sie Account SID und Auth Token ein (Twilio Console).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="244"/>
        <source>Enter the API key&apos;s secret, or leave the API key SID empty.</source>
        <translation>Geben Sie das Secret des API-Schlüssels ein oder lassen Sie die SID des API-Schlüssels leer.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="253"/>
        <source>Enter the phone number id, access token and app secret.</source>
        <translation>Geben Sie Telefonnummer-ID, Zugriffstoken und App-Geheimcode ein.</translation>
    </message>
</context>
</TS>
