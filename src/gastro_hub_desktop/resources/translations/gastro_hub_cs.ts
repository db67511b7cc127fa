<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="31"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="75"/>
        <source>Checking and saving…</source>
        <translation>Ověřuji a ukládám…</translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <location filename="../../ui/ai_panel.py" line="107"/>
        <source>Counting…</source>
        <translation>Počítám…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="109"/>
        <source>Stop all automatic replies (kill switch)</source>
        <translation>Zastavit všechny automatické odpovědi (nouzový vypínač)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="112"/>
        <source>Export today&apos;s learning report…</source>
        <translation>Exportovat dnešní zprávu o učení…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="134"/>
        <source>Automatic replies (off unless you switch them on)</source>
        <translation>Automatické odpovědi (vypnuté, dokud je nezapnete)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="136"/>
        <source>Send drafts automatically when every rule allows</source>
        <translation>Odesílat koncepty automaticky, pokud to dovolí všechna pravidla</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="144"/>
        <source>also to VIP customers</source>
        <translation>i VIP zákazníkům</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="145"/>
        <source>also to urgent messages</source>
        <translation>i na naléhavé zprávy</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="152"/>
        <source>Save rules</source>
        <translation>Uložit pravidla</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="155"/>
        <source>For these kinds of message (all channels):</source>
        <translation>U těchto typů zpráv (všechny kanály):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="156"/>
        <source>Only when the assistant is at least this sure:</source>
        <translation>Jen při jistotě asistenta alespoň:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="157"/>
        <source>At most this many per customer per day:</source>
        <translation>Nejvýše tolik na zákazníka za den:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="160"/>
        <source>Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.</source>
        <translation>Jen v pracovní době: po–pá 8:00–17:00 (Europe/Prague).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="165"/>
        <source>Drafting</source>
        <translation>Tvorba konceptů</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="168"/>
        <source>Local: past replies and templates (no network)</source>
        <translation>Místní: dřívější odpovědi a šablony (bez sítě)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="169"/>
        <source>OpenAI-compatible server (OpenAI, Ollama, vLLM…)</source>
        <translation>Server kompatibilní s OpenAI (OpenAI, Ollama, vLLM…)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="170"/>
        <source>Lindy agent (webhook trigger and callback)</source>
        <translation>Agent Lindy (spuštění webhookem a zpětné volání)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="175"/>
        <source>kept in the keyring; leave empty to keep it</source>
        <translation>uložen v klíčence (správci hesel); nechte prázdné, chcete-li ho ponechat</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="176"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="182"/>
        <source>the trigger&apos;s secret; kept in the keyring</source>
        <translation>tajný klíč spouštěče; uložen v klíčence</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="185"/>
        <source>public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)</source>
        <translation>veřejná adresa, na kterou Lindy odpovídá (např. tunel na 127.0.0.1:8768)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="194"/>
        <source>What the assistant may tell customers: opening hours, delivery terms, prices it may quote, service areas…</source>
        <translation>Co smí asistent sdělit zákazníkům: otevírací dobu, dodací podmínky, ceny, které smí uvádět, servisní oblasti…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="211"/>
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="213"/>
        <source>Provider:</source>
        <translation>Poskytovatel:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="214"/>
        <source>Server address:</source>
        <translation>Adresa serveru:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="215"/>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="216"/>
        <source>API key:</source>
        <translation>Klíč API:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="218"/>
        <source>Lindy webhook URL:</source>
        <translation>URL webhooku Lindy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="219"/>
        <source>Lindy secret:</source>
        <translation>Tajný klíč Lindy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="220"/>
        <source>Callback address:</source>
        <translation>Adresa pro zpětné volání:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="221"/>
        <source>Price per million prompt tokens:</source>
        <translation>Cena za milion vstupních tokenů:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="222"/>
        <source>Price per million answer tokens:</source>
        <translation>Cena za milion výstupních tokenů:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="223"/>
        <source>Business name:</source>
        <translation>Název firmy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="224"/>
        <source>Signature:</source>
        <translation>Podpis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="225"/>
        <source>Knowledge base:</source>
        <translation>Znalostní báze:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="226"/>
        <source>Minutes a reply takes by hand:</source>
        <translation>Minut na ruční odpověď:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="227"/>
        <source>Hourly rate (CZK):</source>
        <translation>Hodinová sazba (CZK):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="232"/>
        <source>Urgency keywords (yours; the app also learns from corrections)</source>
        <translation>Klíčová slova pro naléhavost (vaše; aplikace se učí i z oprav)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="242"/>
        <source>word or phrase, e.g. nefunguje chlazení</source>
        <translation>slovo nebo fráze, např. nefunguje chlazení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="247"/>
        <source>A negative weight says it is NOT (e.g. no rush)</source>
        <translation>Záporná váha znamená, že naléhavé NENÍ (např. nespěchá)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="248"/>
        <source>Add</source>
        <translation>Přidat</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="260"/>
        <source>Remove selected</source>
        <translation>Odebrat vybrané</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="293"/>
        <source>Keyword not saved: </source>
        <translation>Klíčové slovo nebylo uloženo: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="307"/>
        <source>Reply templates (the local provider&apos;s first drafts)</source>
        <translation>Šablony odpovědí (první koncepty místního poskytovatele)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="322"/>
        <source>{name}, {company}, {business} and {subject} are filled in</source>
        <translation>{name}, {company}, {business} a {subject} se doplní automaticky</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="324"/>
        <source>Save template</source>
        <translation>Uložit šablonu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="374"/>
        <source>No learning report yet: the first is made tonight.</source>
        <translation>Zpráva o učení zatím není: první vznikne dnes v noci.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="383"/>
        <source>The figures could not be read: </source>
        <translation>Údaje se nepodařilo načíst: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="454"/>
        <source>Enter the Lindy webhook URL first.</source>
        <translation>Nejprve zadejte URL webhooku Lindy.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="477"/>
        <source>Testing…</source>
        <translation>Testuji…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="482"/>
        <source>Connected: </source>
        <translation>Připojeno: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="484"/>
        <source>Not connected: </source>
        <translation>Nepřipojeno: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="492"/>
        <source>{0} automatic replies were held.</source>
        <translation>Zadržené automatické odpovědi: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="498"/>
        <source>Export learning report</source>
        <translation>Exportovat zprávu o učení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="504"/>
        <source>Report saved to {0}</source>
        <translation>Zpráva uložena do {0}</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/social_posts.py" line="145"/>
        <source>New post</source>
        <translation>Nový příspěvek</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="151"/>
        <source>a picture&apos;s https address (Instagram needs one) or a file on this PC</source>
        <translation>https adresa obrázku (Instagram ji vyžaduje) nebo soubor v tomto počítači</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="153"/>
        <source>Publish now</source>
        <translation>Publikovat ihned</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="161"/>
        <source>Loading your pages…</source>
        <translation>Načítám vaše stránky…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="166"/>
        <source>Publish</source>
        <translation>Publikovat</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="170"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="171"/>
        <source>Link</source>
        <translation>Odkaz</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="172"/>
        <source>Picture</source>
        <translation>Obrázek</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="173"/>
        <source>Pages</source>
        <translation>Stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="187"/>
        <source>Connect a Facebook Page, Instagram or LinkedIn page first.</source>
        <translation>Nejprve připojte stránku na Facebooku, Instagramu nebo LinkedInu.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="206"/>
        <source>Write the post first.</source>
        <translation>Nejprve napište text příspěvku.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="209"/>
        <source>Choose at least one page.</source>
        <translation>Vyberte alespoň jednu stránku.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="213"/>
        <source>That time has passed: choose a later one.</source>
        <translation>Tento čas už uplynul: zvolte pozdější.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="216"/>
        <source>Keeping the post…</source>
        <translation>Ukládám příspěvek…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="133"/>
        <source>Enter the </source>
        <translation>Vyplňte: </translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="71"/>
        <location filename="../../ui/conversation_pane.py" line="193"/>
        <source>Select a conversation to read it.</source>
        <translation>Vyberte konverzaci, kterou si chcete přečíst.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="78"/>
        <source>Write a reply… it is kept as a draft.</source>
        <translation>Napište odpověď… uloží se jako koncept.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="80"/>
        <source>Save draft</source>
        <translation>Uložit koncept</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="81"/>
        <source>Send reply</source>
        <translation>Odeslat odpověď</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="82"/>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Mark done</source>
        <translation>Označit jako vyřízené</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="83"/>
        <source>Send template…</source>
        <translation>Odeslat šablonu…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="85"/>
        <source>Reject draft</source>
        <translation>Zamítnout koncept</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="87"/>
        <source>Throw this AI draft away (counted as rejected, so the assistant learns)</source>
        <translation>Zahodit tento koncept AI (počítá se jako zamítnutý, aby se asistent učil)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="93"/>
        <source>How urgent the customer&apos;s newest message is; correct it and the assistant learns from it</source>
        <translation>Jak naléhavá je nejnovější zpráva zákazníka; když údaj opravíte, asistent se z toho poučí</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="100"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="101"/>
        <source>Mark this customer as VIP by hand (always wins)</source>
        <translation>Ručně označit zákazníka jako VIP (má vždy přednost)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="112"/>
        <source>Snooze</source>
        <translation>Odložit</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="170"/>
        <source>Loading…</source>
        <translation>Načítám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="204"/>
        <source>Could not open the conversation: </source>
        <translation>Konverzaci se nepodařilo otevřít: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>done</source>
        <translation>vyřízeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="215"/>
        <source>open</source>
        <translation>otevřeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="217"/>
        <source>snoozed until </source>
        <translation>odloženo do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>Reopen</source>
        <translation>Znovu otevřít</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="274"/>
        <location filename="../../ui/conversation_pane.py" line="284"/>
        <source>Draft saved</source>
        <translation>Koncept uložen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="285"/>
        <source>Draft not saved: </source>
        <translation>Koncept nebyl uložen: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="294"/>
        <source>Links in messages are not opened from here: </source>
        <translation>Odkazy ve zprávách se odsud neotevírají: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="305"/>
        <source>Save attachment</source>
        <translation>Uložit přílohu</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="326"/>
        <source>Loading images…</source>
        <translation>Načítám obrázky…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversation_pane.py" line="333"/>
        <source>%n image(s) loaded</source>
        <translation>
            <numerusform>Načten %n obrázek</numerusform>
            <numerusform>Načteny %n obrázky</numerusform>
            <numerusform>Načteno %n obrázků</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="338"/>
        <source>Images not loaded: </source>
        <translation>Obrázky nebyly načteny: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="343"/>
        <source>Saving attachment…</source>
        <translation>Ukládám přílohu…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="346"/>
        <source>Attachment saved to </source>
        <translation>Příloha uložena do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="347"/>
        <source>Attachment not saved: </source>
        <translation>Příloha nebyla uložena: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="361"/>
        <source>, confidence {0} %</source>
        <translation>, jistota {0} %</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="370"/>
        <source>AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it.</source>
        <translation>Koncept AI ({0}{1}): {2}. Odešlete ho beze změn, nejprve upravte, nebo zamítněte.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="382"/>
        <source>VIP not changed: </source>
        <translation>Stav VIP nebyl změněn: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="394"/>
        <source>Urgency corrected; the assistant learns.</source>
        <translation>Naléhavost opravena; asistent se z toho učí.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="395"/>
        <source>Urgency not changed: </source>
        <translation>Naléhavost nebyla změněna: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="407"/>
        <source>Draft rejected.</source>
        <translation>Koncept zamítnut.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="411"/>
        <source>Draft not rejected: </source>
        <translation>Koncept nebyl zamítnut: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="428"/>
        <source>Reply queued: sending…</source>
        <translation>Odpověď je ve frontě: odesílám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="432"/>
        <source>Reply not sent: </source>
        <translation>Odpověď nebyla odeslána: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="444"/>
        <source>Template queued: sending…</source>
        <translation>Šablona je ve frontě: odesílám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Marked done</source>
        <translation>Označeno jako vyřízené</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="456"/>
        <source>Reopened</source>
        <translation>Znovu otevřeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="459"/>
        <source>Not changed: </source>
        <translation>Nezměněno: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="468"/>
        <source>Wake now</source>
        <translation>Zrušit odložení</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Snoozed until </source>
        <translation>Odloženo do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="479"/>
        <source>Woken up</source>
        <translation>Odložení zrušeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="483"/>
        <source>Not snoozed: </source>
        <translation>Neodloženo: </translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="52"/>
        <source>Import CRM contacts</source>
        <translation>Importovat kontakty z CRM</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="55"/>
        <source>Reading {0}…</source>
        <translation>Čtu {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="57"/>
        <source>Import</source>
        <translation>Importovat</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="60"/>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="67"/>
        <source>Which of your columns holds what?</source>
        <translation>Co obsahují jednotlivé sloupce?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="74"/>
        <source>Not imported: </source>
        <translation>Neimportováno: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="87"/>
        <source>{0} columns found; check the choices and press Import.</source>
        <translation>Nalezené sloupce: {0}; zkontrolujte přiřazení a klikněte na Importovat.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="96"/>
        <source>Importing…</source>
        <translation>Importuji…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="104"/>
        <source>{0} records matched customers you already write with, {1} new contacts; {2} records suggest merging contacts (see Customers → Same customer?).</source>
        <translation>Záznamy přiřazené k zákazníkům, se kterými už komunikujete: {0}; nové kontakty: {1}; záznamy s návrhem na sloučení kontaktů: {2} (viz Zákazníci → Stejný zákazník?).</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="110"/>
        <source> Not used: </source>
        <translation> Nepoužito: </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Channel</source>
        <translation>Kanál</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Urgent</source>
        <translation>Naléhavé</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="55"/>
        <source>Normal</source>
        <translation>Běžné</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Counting…</source>
        <translation>Počítám…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="63"/>
        <source>Last 7 days</source>
        <translation>Posledních 7 dní</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64"/>
        <source>Last 30 days</source>
        <translation>Posledních 30 dní</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="67"/>
        <source>Customer messages per day</source>
        <translation>Zprávy od zákazníků za den</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="68"/>
        <source>Median time to reply (minutes)</source>
        <translation>Medián doby do odpovědi (minuty)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="69"/>
        <source>AI drafts sent unchanged (%)</source>
        <translation>Koncepty AI odeslané beze změn (%)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>The figures could not be read: </source>
        <translation>Údaje se nepodařilo načíst: </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="128"/>
        <source>{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and {3:,.0f} {4} saved; {5}</source>
        <translation>Dnes vyhodnoceno zpráv: {0}; míra přijetí za 7 dní {1}; ušetřeno {2:.0f} min a {3:,.0f} {4}; {5}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>kill switch ON</source>
        <translation>nouzový vypínač ZAPNUT</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="138"/>
        <source>auto-reply off</source>
        <translation>automatické odpovědi vypnuty</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>auto-reply on</source>
        <translation>automatické odpovědi zapnuty</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="148"/>
        <source>No channel connected yet.</source>
        <translation>Zatím není připojen žádný kanál.</translation>
    </message>
</context>
<context>
    <name>EmailAccountDialog</name>
    <message>
        <location filename="../../ui/email_accounts.py" line="86"/>
        <source>Add email account</source>
        <translation>Přidat e-mailový účet</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="90"/>
        <source>Other IMAP/SMTP server</source>
        <translation>Jiný server IMAP/SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="94"/>
        <source>the email address, if left empty</source>
        <translation>nevyplníte-li, použije se e-mailová adresa</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="96"/>
        <source>Password or app password</source>
        <translation>Heslo nebo heslo aplikace</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="97"/>
        <source>OAuth2 access token</source>
        <translation>Přístupový token OAuth2</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="98"/>
        <source>OAuth2 refresh token</source>
        <translation>Obnovovací token OAuth2</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="105"/>
        <source>leave empty if the app has none</source>
        <translation>nechte prázdné, pokud ho aplikace nemá</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="127"/>
        <source>Provider</source>
        <translation>Poskytovatel</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="128"/>
        <source>Email address</source>
        <translation>E-mailová adresa</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="129"/>
        <source>Your name</source>
        <translation>Vaše jméno</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="130"/>
        <source>User name</source>
        <translation>Uživatelské jméno</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="131"/>
        <source>Sign-in</source>
        <translation>Přihlášení</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="132"/>
        <source>Password / token</source>
        <translation>Heslo / token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="133"/>
        <source>Client id</source>
        <translation>ID klienta</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="134"/>
        <source>Client secret</source>
        <translation>Tajný klíč klienta</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="135"/>
        <source>Refresh token</source>
        <translation>Obnovovací token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="136"/>
        <source>Token endpoint</source>
        <translation>Koncový bod tokenu</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="139"/>
        <source>IMAP server</source>
        <translation>Server IMAP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="142"/>
        <source>SMTP server</source>
        <translation>Server SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="144"/>
        <source>Fetch history (days)</source>
        <translation>Stáhnout historii (dny)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="145"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="188"/>
        <source>Enter the servers your provider gives for IMAP and SMTP.</source>
        <translation>Zadejte servery IMAP a SMTP, které uvádí váš poskytovatel.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="231"/>
        <source>Enter the email address.</source>
        <translation>Zadejte e-mailovou adresu.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="233"/>
        <source>Enter the IMAP and SMTP servers.</source>
        <translation>Zadejte servery IMAP a SMTP.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="236"/>
        <source>Enter the client id the refresh token was issued to.</source>
        <translation>Zadejte ID klienta, pro kterého byl obnovovací token vydán.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="238"/>
        <source>Enter the refresh token.</source>
        <translation>Zadejte obnovovací token.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="240"/>
        <source>Enter the token endpoint (an https:// address).</source>
        <translation>Zadejte koncový bod tokenu (adresu https://).</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="242"/>
        <source>Enter the password, app password or token.</source>
        <translation>Zadejte heslo, heslo aplikace nebo token.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="259"/>
        <source>Testing… (logging in to IMAP and SMTP)</source>
        <translation>Testuji… (přihlašuji se k IMAP a SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="270"/>
        <source>Checking and saving…</source>
        <translation>Ověřuji a ukládám…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="54"/>
        <source>Something went wrong</source>
        <translation>Něco se pokazilo</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="56"/>
        <source>Something went wrong, but the app keeps running and nothing was lost.</source>
        <translation>Něco se pokazilo, ale aplikace běží dál a nic se neztratilo.</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="59"/>
        <source>What happened: {0}

The details are in the log: {1}</source>
        <translation>Co se stalo: {0}

Podrobnosti najdete v protokolu: {1}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="45"/>
        <source>Welcome to Gastro Hub</source>
        <translation>Vítejte v aplikaci Gastro Hub</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="47"/>
        <source>Skip</source>
        <translation>Přeskočit</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="51"/>
        <source>Language</source>
        <translation>Jazyk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="52"/>
        <source>Gastro Hub speaks Czech, German and English. You can change it later.</source>
        <translation>Gastro Hub je k dispozici v češtině, němčině a angličtině. Jazyk můžete později změnit.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="59"/>
        <source>Load sample conversations to look around first</source>
        <translation>Nejprve načíst ukázkové konverzace a seznámit se s aplikací</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64"/>
        <source>Your data</source>
        <translation>Vaše data</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="66"/>
        <source>Conversations, drafts and settings are kept on this computer in:
{0}
Passwords and API keys go to the system keyring, never into that folder.</source>
        <translation>Konverzace, koncepty a nastavení se ukládají v tomto počítači do složky:
{0}
Hesla a klíče API se ukládají do systémové klíčenky, nikdy do této složky.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="73"/>
        <source>Channels</source>
        <translation>Kanály</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="74"/>
        <source>Connect what you use now; each dialog tests the connection for real.</source>
        <translation>Připojte, co právě používáte; každé dialogové okno připojení skutečně otestuje.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>Connect email (Gmail, Microsoft 365, any IMAP)…</source>
        <translation>Připojit e-mail (Gmail, Microsoft 365, libovolný server IMAP)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>Connect WhatsApp (Twilio or Meta)…</source>
        <translation>Připojit WhatsApp (Twilio nebo Meta)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Open the Chats tab (Beeper, Telegram, Matrix)…</source>
        <translation>Otevřít kartu Chats (Beeper, Telegram, Matrix)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Open the Social tab (Facebook, Instagram, LinkedIn)…</source>
        <translation>Otevřít kartu Social (Facebook, Instagram, LinkedIn)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="90"/>
        <source>AI assistant</source>
        <translation>Asistent AI</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="92"/>
        <source>Drafts are written by the local assistant (no network) until you choose an OpenAI-compatible server or a Lindy agent in the AI tab. Automatic replies stay off until you switch them on there.</source>
        <translation>Koncepty píše místní asistent (bez sítě), dokud na kartě AI nezvolíte server kompatibilní s OpenAI nebo agenta Lindy. Automatické odpovědi zůstanou vypnuté, dokud je tam nezapnete.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="97"/>
        <source>Open the AI tab…</source>
        <translation>Otevřít kartu AI…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="103"/>
        <source>Backups</source>
        <translation>Zálohy</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="105"/>
        <source>Backups run every 6 hours and are checked after writing; choose an off-site copy (any rclone remote) in the Backups tab.</source>
        <translation>Zálohy se vytvářejí každých 6 hodin a po zápisu se ověřují; kopii mimo provozovnu (libovolné vzdálené úložiště rclone) nastavíte na kartě Zálohy.</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../ui/inbox_panel.py" line="75"/>
        <source>All channels</source>
        <translation>Všechny kanály</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="85"/>
        <source>VIP only</source>
        <translation>Jen VIP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="94"/>
        <source>Search all messages…</source>
        <translation>Hledat ve všech zprávách…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="175"/>
        <source>Searching…</source>
        <translation>Hledám…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_panel.py" line="237"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n konverzace</numerusform>
            <numerusform>%n konverzace</numerusform>
            <numerusform>%n konverzací</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>Inbox</source>
        <translation>Přehled</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Backups</source>
        <translation>Zálohy</translation>
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
        <translation>Nástěnka</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Import mailbox or chat export…</source>
        <translation>&amp;Importovat poštovní schránku nebo export chatu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Load &amp;sample data</source>
        <translation>Načíst ukázková &amp;data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Customers</source>
        <translation>&amp;Zákazníci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Import CRM contacts (CSV)…</source>
        <translation>Importovat kontakty z CRM (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Same customer? Merge contacts…</source>
        <translation>Stejný zákazník? Sloučit kontakty…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Nastavení…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>&amp;Set-up assistant…</source>
        <translation>&amp;Průvodce nastavením…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>&amp;About</source>
        <translation>&amp;O aplikaci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Opening the database…</source>
        <translation>Otevírám databázi…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>Database: </source>
        <translation>Databáze: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Database unavailable</source>
        <translation>Databáze není dostupná</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Stack needs you</source>
        <translation>Stack vyžaduje vaši pozornost</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>Reply not sent: </source>
        <translation>Odpověď nebyla odeslána: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>Failed: </source>
        <translation>Nezdařilo se: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>Loading sample data…</source>
        <translation>Načítám ukázková data…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>Import mailbox or chat export</source>
        <translation>Importovat poštovní schránku nebo export chatu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>{0} urgent or VIP messages</source>
        <translation>Naléhavé zprávy nebo zprávy VIP: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>Automatic replies stopped</source>
        <translation>Automatické odpovědi zastaveny</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>Automatic replies allowed</source>
        <translation>Automatické odpovědi povoleny</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source> ({0} held)</source>
        <translation> (zadrženo: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>Kill switch not changed: </source>
        <translation>Nouzový vypínač nebyl přepnut: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source>Import CRM contacts</source>
        <translation>Importovat kontakty z CRM</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>Importing </source>
        <translation>Importuji </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Wait for the running import to finish or cancel it.</source>
        <translation>Počkejte, až probíhající import skončí, nebo ho zrušte.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="588"/>
        <source>Cancelling after the current batch…</source>
        <translation>Ruším po dokončení aktuální dávky…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>All customer conversations in one place.</source>
        <translation>Všechny konverzace se zákazníky na jednom místě.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="122"/>
        <source>Same customer?</source>
        <translation>Stejný zákazník?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="125"/>
        <source>Merge into one contact</source>
        <translation>Sloučit do jednoho kontaktu</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="127"/>
        <source>Undo merge</source>
        <translation>Zrušit sloučení</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="132"/>
        <source>These contacts look like one customer:</source>
        <translation>Tyto kontakty vypadají jako jeden zákazník:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="135"/>
        <source>Merged contacts (can be undone):</source>
        <translation>Sloučené kontakty (lze vrátit zpět):</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="151"/>
        <source> — </source>
        <translation> — </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="155"/>
        <source>No suggestions: every customer is one contact.</source>
        <translation>Žádné návrhy: každý zákazník má jeden kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="160"/>
        <source>Contact {0} merged into {1}</source>
        <translation>Kontakt {0} sloučen do {1}</translation>
    </message>
</context>
<context>
    <name>MissiveAccountDialog</name>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="31"/>
        <source>Connect Missive</source>
        <translation>Připojit Missive</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="35"/>
        <source>info@firma.cz, obchod@firma.cz</source>
        <translation>info@firma.cz, obchod@firma.cz</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="43"/>
        <source>API token</source>
        <translation>Token API</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="44"/>
        <source>Team addresses</source>
        <translation>Adresy týmu</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="45"/>
        <source>Fetch history (days)</source>
        <translation>Stáhnout historii (dny)</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="46"/>
        <source>API address</source>
        <translation>Adresa API</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="66"/>
        <source>Enter the Missive API token.</source>
        <translation>Zadejte token API pro Missive.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="69"/>
        <source>This is not an email address: </source>
        <translation>Toto není e-mailová adresa: </translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="71"/>
        <source>The API address must start with https://</source>
        <translation>Adresa API musí začínat https://</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/search_results.py" line="30"/>
        <source>No messages contain “%s”.</source>
        <translation>Žádná zpráva neobsahuje „%s“.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_results.py" line="32"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>Nalezena %n zpráva</numerusform>
            <numerusform>Nalezeny %n zprávy</numerusform>
            <numerusform>Nalezeno %n zpráv</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Quiet hours: only a crisis raises a notification</source>
        <translation>Doba klidu: oznámení jen při krizové situaci</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>from</source>
        <translation>od</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>until</source>
        <translation>do</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>Closing the window keeps the app running in the tray</source>
        <translation>Po zavření okna aplikace dál poběží v oznamovací oblasti</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>Start when I log in</source>
        <translation>Spustit po přihlášení</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Checking the keyring…</source>
        <translation>Kontroluji klíčenku…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>I accept this insecure keyring (secrets kept without encryption)</source>
        <translation>Přijímám tuto nezabezpečenou klíčenku (tajné údaje se ukládají bez šifrování)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>Language (after a restart):</source>
        <translation>Jazyk (projeví se po restartu):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>Data folder:</source>
        <translation>Složka s daty:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Keyring:</source>
        <translation>Klíčenka:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Channels, the AI provider, backups and the stack are set in their tabs.</source>
        <translation>Kanály, poskytovatel AI, zálohy a stack se nastavují na vlastních kartách.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104"/>
        <source>{0}: secrets are kept there, and it works.</source>
        <translation>{0}: slouží k ukládání tajných údajů a funguje.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>keyring unavailable: </source>
        <translation>klíčenka není k dispozici: </translation>
    </message>
</context>
<context>
    <name>SocialPostsPanel</name>
    <message>
        <location filename="../../ui/social_posts.py" line="65"/>
        <source>New post…</source>
        <translation>Nový příspěvek…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="66"/>
        <source>Retry failed pages</source>
        <translation>Zopakovat neúspěšné stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="74"/>
        <source>&lt;b&gt;Posts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Příspěvky&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="115"/>
        <source>No posts yet. Connect a page above, then New post…</source>
        <translation>Zatím žádné příspěvky. Připojte výše stránku a pak klikněte na Nový příspěvek…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="130"/>
        <source>Trying the failed pages again…</source>
        <translation>Znovu zkouším neúspěšné stránky…</translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../../ui/stack_panel.py" line="54"/>
        <source>Looking for Docker…</source>
        <translation>Hledám Docker…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="62"/>
        <source>Bring the stack up</source>
        <translation>Spustit stack</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="64"/>
        <source>Update images</source>
        <translation>Aktualizovat obrazy</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="76"/>
        <location filename="../../ui/stack_panel.py" line="176"/>
        <source>(all services)</source>
        <translation>(všechny služby)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="82"/>
        <source>Follow log of the selected service</source>
        <translation>Sledovat log vybrané služby</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="86"/>
        <source>Search the logs of every service…</source>
        <translation>Hledat v logech všech služeb…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="94"/>
        <source>Stack file…</source>
        <translation>Soubor stacku…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="96"/>
        <source>Use the stack&apos;s PostgreSQL for the app&apos;s data…</source>
        <translation>Použít pro data aplikace PostgreSQL ze stacku…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="112"/>
        <source>What the watchdog did:</source>
        <translation>Zásahy hlídacího procesu (watchdog):</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="139"/>
        <source>Docker is not available.</source>
        <translation>Docker není dostupný.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="146"/>
        <source>{0} of {1} services healthy.</source>
        <translation>Funkční služby: {0} z {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="153"/>
        <source>not created yet</source>
        <translation>zatím nevytvořeno</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="182"/>
        <source>{0} {1}…</source>
        <translation>{0} {1}…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="185"/>
        <source>Done.</source>
        <translation>Hotovo.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="190"/>
        <source>Bringing the stack up…</source>
        <translation>Spouštím stack…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="193"/>
        <source>Downloading newer images…</source>
        <translation>Stahuji novější obrazy…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="213"/>
        <source>Select a service first.</source>
        <translation>Nejprve vyberte službu.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="237"/>
        <source>Nothing found.</source>
        <translation>Nic nenalezeno.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="244"/>
        <source>The stack&apos;s docker-compose.yml</source>
        <translation>Soubor docker-compose.yml stacku</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="257"/>
        <source>Moving the app&apos;s data to the stack&apos;s PostgreSQL…</source>
        <translation>Přesouvám data aplikace do PostgreSQL ve stacku…</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/template_dialog.py" line="39"/>
        <source>Send an approved template</source>
        <translation>Odeslat schválenou šablonu</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="43"/>
        <source>Template</source>
        <translation>Šablona</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="44"/>
        <source>Loading the approved templates…</source>
        <translation>Načítám schválené šablony…</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="49"/>
        <source>Send</source>
        <translation>Odeslat</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="69"/>
        <source>This WhatsApp account has no approved templates yet. Add them in the account&apos;s settings (their names come from Twilio&apos;s Content Template Builder or Meta&apos;s WhatsApp Manager).</source>
        <translation>Tento účet WhatsApp zatím nemá žádné schválené šablony. Přidejte je v nastavení účtu (jejich názvy najdete v Content Template Builderu služby Twilio nebo ve WhatsApp Manageru od Meta).</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="91"/>
        <source>Value {{%d}}</source>
        <translation>Hodnota {{%d}}</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="104"/>
        <source>Fill in every value of the template.</source>
        <translation>Vyplňte všechny hodnoty šablony.</translation>
    </message>
    <message>
        <location filename="../../ui/template_dialog.py" line="107"/>
        <source>Queuing…</source>
        <translation>Zařazuji do fronty…</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="21"/>
        <source>Open %s</source>
        <translation>Otevřít %s</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="23"/>
        <source>Quit</source>
        <translation>Ukončit</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="25"/>
        <source>Stop all automatic replies</source>
        <translation>Zastavit všechny automatické odpovědi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="60"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n nepřečtená</numerusform>
            <numerusform>%n nepřečtené</numerusform>
            <numerusform>%n nepřečtených</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="60"/>
        <source>no unread</source>
        <translation>žádné nepřečtené</translation>
    </message>
</context>
<context>
    <name>WhatsAppAccountDialog</name>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="101"/>
        <source>Connect WhatsApp</source>
        <translation>Připojit WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="112"/>
        <source>Twilio sandbox (one message per 3 seconds)</source>
        <translation>Sandbox Twilio (jedna zpráva za 3 sekundy)</translation>
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
        <translation>SID klíče API (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="118"/>
        <source>API key secret</source>
        <translation>Tajný kód klíče API</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="119"/>
        <source>Messaging Service SID (optional)</source>
        <translation>Messaging Service SID (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="126"/>
        <source>Phone number id</source>
        <translation>ID telefonního čísla</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="127"/>
        <source>WhatsApp Business Account id</source>
        <translation>ID účtu WhatsApp Business</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="128"/>
        <source>Access token</source>
        <translation>Přístupový token</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="129"/>
        <source>App secret</source>
        <translation>Tajný klíč aplikace</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="130"/>
        <source>Webhook verify token</source>
        <translation>Ověřovací token webhooku</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="144"/>
        <source>off</source>
        <translation>vypnuto</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="146"/>
        <source>the provider&apos;s public API</source>
        <translation>veřejné API poskytovatele</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="155"/>
        <source>Provider</source>
        <translation>Poskytovatel</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="156"/>
        <source>WhatsApp number</source>
        <translation>Číslo WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="157"/>
        <source>Name shown</source>
        <translation>Zobrazované jméno</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="159"/>
        <source>Webhook receiver address</source>
        <translation>Adresa příjemce webhooků</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="160"/>
        <source>Webhook receiver port</source>
        <translation>Port příjemce webhooků</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="161"/>
        <source>Public URL</source>
        <translation>Veřejná URL</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="162"/>
        <source>Also poll every (seconds)</source>
        <translation>Navíc se dotazovat každých (sekund)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="163"/>
        <source>API address</source>
        <translation>Adresa API</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="164"/>
        <source>Approved templates</source>
        <translation>Schválené šablony</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="186"/>
        <source>Enter the number to see the webhook address.</source>
        <translation>Zadejte číslo a zobrazí se adresa webhooku.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="192"/>
        <source>Webhook URL to enter at the provider: </source>
        <translation>URL webhooku, kterou zadáte u poskytovatele: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="195"/>
        <source>  (received on this PC at </source>
        <translation>  (příjem na tomto počítači: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="233"/>
        <source>Enter the WhatsApp number with its country code (+420…).</source>
        <translation>Zadejte číslo WhatsApp včetně předvolby země (+420…).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="242"/>
        <source>Enter the Account SID and Auth Token (Twilio Console).</source>
        <translation>Zadejte Account SID a Auth Token (Twilio Console).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="244"/>
        <source>Enter the API key&apos;s secret, or leave the API key SID empty.</source>
        <translation>Zadejte tajný kód klíče API, nebo nechte SID klíče API prázdné.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="253"/>
        <source>Enter the phone number id, access token and app secret.</source>
        <translation>Zadejte ID telefonního čísla, přístupový token a tajný klíč aplikace.</translation>
    </message>
</context>
</TS>
