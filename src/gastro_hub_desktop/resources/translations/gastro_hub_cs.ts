<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="25"/>
        <source>Testing…</source>
        <translation>Testuji…</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="33"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="81"/>
        <source>Checking and saving…</source>
        <translation>Ověřuji a ukládám…</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="29"/>
        <source>Testing… (asking Missive who this token belongs to)</source>
        <translation>Testuji… (ptám se Missive, komu token patří)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="103"/>
        <source>Testing… (asking the provider about these credentials)</source>
        <translation>Testuji… (ověřuji přihlašovací údaje u poskytovatele)</translation>
    </message>
</context>
<context>
    <name>AccountsBar</name>
    <message>
        <location filename="../../ui/accounts_bar.py" line="22"/>
        <source>not checked yet</source>
        <translation>zatím neověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="23"/>
        <source>connected</source>
        <translation>připojeno</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="24"/>
        <source>retrying</source>
        <translation>zkouší se znovu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="25"/>
        <source>needs attention</source>
        <translation>vyžaduje pozornost</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="36"/>
        <source>No account added yet.</source>
        <translation>Zatím nebyl přidán žádný účet.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_bar.py" line="74"/>
        <source> (checked {0})</source>
        <translation> (ověřeno {0})</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="68"/>
        <source>No email account added yet.</source>
        <translation>Zatím nebyl přidán žádný e-mailový účet.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="72"/>
        <source>Add account…</source>
        <translation>Přidat účet…</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="75"/>
        <source>Connect Missive…</source>
        <translation>Připojit Missive…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>No chat account connected yet.</source>
        <translation>Zatím není připojen žádný chatovací účet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>No social account connected yet.</source>
        <translation>Zatím není připojen žádný účet sociálních sítí.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="73"/>
        <source>No WhatsApp account connected yet.</source>
        <translation>Zatím není připojen žádný účet WhatsApp.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="77"/>
        <source>Connect WhatsApp…</source>
        <translation>Připojit WhatsApp…</translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <location filename="../../ui/ai_panel.py" line="49"/>
        <source>Local (past replies and templates, no network)</source>
        <translation>Místní (dřívější odpovědi a šablony, bez sítě)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="52"/>
        <source>order</source>
        <translation>objednávka</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="53"/>
        <source>quote request</source>
        <translation>poptávka</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="54"/>
        <source>complaint</source>
        <translation>reklamace</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="55"/>
        <source>delivery</source>
        <translation>doručení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="56"/>
        <source>invoice</source>
        <translation>faktura</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="57"/>
        <source>service request</source>
        <translation>servisní požadavek</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="58"/>
        <source>question</source>
        <translation>dotaz</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="59"/>
        <source>newsletter</source>
        <translation>newsletter</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="60"/>
        <source>other</source>
        <translation>jiné</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="71"/>
        <source>not enough decisions yet</source>
        <translation>zatím málo rozhodnutí</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="73"/>
        <source>{0} points over the last 3 days</source>
        <translation>{0} p. b. za poslední 3 dny</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="83"/>
        <source>{0}: {1} in / {2} out</source>
        <translation>{0}: {1} vstup / {2} výstup</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="90"/>
        <source>Kill switch ON: nothing is sent automatically.</source>
        <translation>Nouzový vypínač ZAPNUT: nic se neodesílá automaticky.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="94"/>
        <source>Auto-reply is on (within the policy below).</source>
        <translation>Automatické odpovědi jsou zapnuté (v mezích pravidel níže).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="96"/>
        <source>Auto-reply is off: every draft waits for a person.</source>
        <translation>Automatické odpovědi jsou vypnuté: každý koncept čeká na člověka.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="103"/>
        <source>Last problem: {0}</source>
        <translation>Poslední problém: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="111"/>
        <source> ({0} waiting)</source>
        <translation> ({0} čeká)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="116"/>
        <source>Day</source>
        <translation>Den</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="117"/>
        <source>Unchanged</source>
        <translation>Beze změn</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="118"/>
        <source>Edited</source>
        <translation>Upraveno</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="119"/>
        <source>Rejected</source>
        <translation>Zamítnuto</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="120"/>
        <source>Automatic</source>
        <translation>Automaticky</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="121"/>
        <source>Acceptance</source>
        <translation>Přijetí</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="127"/>
        <source>Provider: {0}</source>
        <translation>Poskytovatel: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="133"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; messages triaged today{1}; drafts decided today: {2} ({3} sent unchanged, {4} edited, {5} rejected), {6} sent automatically.</source>
        <translation>Dnes roztříděno zpráv: &lt;b&gt;{0}&lt;/b&gt;{1}; dnes rozhodnuto o konceptech: {2} ({3} odesláno beze změn, {4} upraveno, {5} zamítnuto), {6} odesláno automaticky.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="147"/>
        <source>Acceptance (sent unchanged) over 7 days: &lt;b&gt;{0}&lt;/b&gt;, trend: {1}.</source>
        <translation>Přijetí (odesláno beze změn) za 7 dní: &lt;b&gt;{0}&lt;/b&gt;, trend: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="151"/>
        <source>Time saved over 7 days: &lt;b&gt;{0} min&lt;/b&gt; ({1} min per reply); money saved: &lt;b&gt;{2} {3}&lt;/b&gt; (at {4} {3}/h).</source>
        <translation>Ušetřený čas za 7 dní: &lt;b&gt;{0} min&lt;/b&gt; ({1} min na odpověď); ušetřeno: &lt;b&gt;{2} {3}&lt;/b&gt; (při {4} {3}/h).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="164"/>
        <source>Tokens used (7 days): {0}</source>
        <translation>Spotřebované tokeny (7 dní): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="171"/>
        <source>; provider cost: &lt;b&gt;{0}&lt;/b&gt; (at the prices entered below)</source>
        <translation>; náklady u poskytovatele: &lt;b&gt;{0}&lt;/b&gt; (podle cen zadaných níže)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="191"/>
        <source>Counting…</source>
        <translation>Počítám…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="193"/>
        <source>Stop all automatic replies (kill switch)</source>
        <translation>Zastavit všechny automatické odpovědi (nouzový vypínač)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="196"/>
        <source>Export today&apos;s learning report…</source>
        <translation>Exportovat dnešní zprávu o učení…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="204"/>
        <source>AI assistant</source>
        <translation>Asistent AI</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="218"/>
        <source>Automatic replies (off unless you switch them on)</source>
        <translation>Automatické odpovědi (vypnuté, dokud je nezapnete)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="220"/>
        <source>Send drafts automatically when every rule allows</source>
        <translation>Odesílat koncepty automaticky, pokud to dovolí všechna pravidla</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="228"/>
        <source>also to VIP customers</source>
        <translation>i VIP zákazníkům</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="229"/>
        <source>also to urgent messages</source>
        <translation>i na naléhavé zprávy</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="236"/>
        <source>Save rules</source>
        <translation>Uložit pravidla</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="239"/>
        <source>For these kinds of message (all channels):</source>
        <translation>U těchto typů zpráv (všechny kanály):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="240"/>
        <source>Only when the assistant is at least this sure:</source>
        <translation>Jen při jistotě asistenta alespoň:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="241"/>
        <source>At most this many per customer per day:</source>
        <translation>Nejvýše tolik na zákazníka za den:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="244"/>
        <source>Only in business hours: Mon–Fri 08:00–17:00 Europe/Prague.</source>
        <translation>Jen v pracovní době: po–pá 8:00–17:00 (Europe/Prague).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="249"/>
        <source>Drafting</source>
        <translation>Tvorba konceptů</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="252"/>
        <source>Local: past replies and templates (no network)</source>
        <translation>Místní: dřívější odpovědi a šablony (bez sítě)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="253"/>
        <source>OpenAI-compatible server (OpenAI, Ollama, vLLM…)</source>
        <translation>Server kompatibilní s OpenAI (OpenAI, Ollama, vLLM…)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="254"/>
        <source>Lindy agent (webhook trigger and callback)</source>
        <translation>Agent Lindy (spuštění webhookem a zpětné volání)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="259"/>
        <source>kept in the keyring; leave empty to keep it</source>
        <translation>uložen v klíčence (správci hesel); nechte prázdné, chcete-li ho ponechat</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="260"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="266"/>
        <source>the trigger&apos;s secret; kept in the keyring</source>
        <translation>tajný klíč spouštěče; uložen v klíčence</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="269"/>
        <source>public address Lindy answers to (e.g. a tunnel to 127.0.0.1:8768)</source>
        <translation>veřejná adresa, na kterou Lindy odpovídá (např. tunel na 127.0.0.1:8768)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="278"/>
        <source>What the assistant may tell customers: opening hours, delivery terms, prices it may quote, service areas…</source>
        <translation>Co smí asistent sdělit zákazníkům: otevírací dobu, dodací podmínky, ceny, které smí uvádět, servisní oblasti…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="295"/>
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="297"/>
        <source>Provider:</source>
        <translation>Poskytovatel:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="298"/>
        <source>Server address:</source>
        <translation>Adresa serveru:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="299"/>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="300"/>
        <source>API key:</source>
        <translation>Klíč API:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="302"/>
        <source>Lindy webhook URL:</source>
        <translation>URL webhooku Lindy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="303"/>
        <source>Lindy secret:</source>
        <translation>Tajný klíč Lindy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="304"/>
        <source>Callback address:</source>
        <translation>Adresa pro zpětné volání:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="305"/>
        <source>Price per million prompt tokens:</source>
        <translation>Cena za milion vstupních tokenů:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="306"/>
        <source>Price per million answer tokens:</source>
        <translation>Cena za milion výstupních tokenů:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="307"/>
        <source>Business name:</source>
        <translation>Název firmy:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="308"/>
        <source>Signature:</source>
        <translation>Podpis:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="309"/>
        <source>Knowledge base:</source>
        <translation>Znalostní báze:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="310"/>
        <source>Minutes a reply takes by hand:</source>
        <translation>Minut na ruční odpověď:</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="311"/>
        <source>Hourly rate (CZK):</source>
        <translation>Hodinová sazba (CZK):</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="316"/>
        <source>Urgency keywords (yours; the app also learns from corrections)</source>
        <translation>Klíčová slova pro naléhavost (vaše; aplikace se učí i z oprav)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="324"/>
        <location filename="../../ui/ai_panel.py" line="406"/>
        <source>Czech</source>
        <translation>Čeština</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="325"/>
        <location filename="../../ui/ai_panel.py" line="407"/>
        <source>English</source>
        <translation>Angličtina</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="326"/>
        <location filename="../../ui/ai_panel.py" line="408"/>
        <source>German</source>
        <translation>Němčina</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="327"/>
        <source>Any</source>
        <translation>Libovolný</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="331"/>
        <source>word or phrase, e.g. nefunguje chlazení</source>
        <translation>slovo nebo fráze, např. nefunguje chlazení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="336"/>
        <source>A negative weight says it is NOT (e.g. no rush)</source>
        <translation>Záporná váha znamená, že naléhavé NENÍ (např. nespěchá)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="337"/>
        <source>Add</source>
        <translation>Přidat</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="349"/>
        <source>Remove selected</source>
        <translation>Odebrat vybrané</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="383"/>
        <source>Keyword not saved: </source>
        <translation>Klíčové slovo nebylo uloženo: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="397"/>
        <source>Reply templates (the local provider&apos;s first drafts)</source>
        <translation>Šablony odpovědí (první koncepty místního poskytovatele)</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="416"/>
        <source>{name}, {company}, {business} and {subject} are filled in</source>
        <translation>{name}, {company}, {business} a {subject} se doplní automaticky</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="418"/>
        <source>Save template</source>
        <translation>Uložit šablonu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="468"/>
        <source>No learning report yet: the first is made tonight.</source>
        <translation>Zpráva o učení zatím není: první vznikne dnes v noci.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="473"/>
        <source>Learning report</source>
        <translation>Zpráva o učení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="477"/>
        <source>The figures could not be read: </source>
        <translation>Údaje se nepodařilo načíst: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="548"/>
        <source>Enter the Lindy webhook URL first.</source>
        <translation>Nejprve zadejte URL webhooku Lindy.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="571"/>
        <source>Testing…</source>
        <translation>Testuji…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="576"/>
        <source>Connected: </source>
        <translation>Připojeno: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="578"/>
        <source>Not connected: </source>
        <translation>Nepřipojeno: </translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="586"/>
        <source>{0} automatic replies were held.</source>
        <translation>Zadržené automatické odpovědi: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="592"/>
        <source>Export learning report</source>
        <translation>Exportovat zprávu o učení</translation>
    </message>
    <message>
        <location filename="../../ui/ai_panel.py" line="598"/>
        <source>Report saved to {0}</source>
        <translation>Zpráva uložena do {0}</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../ui/backups_panel.py" line="86"/>
        <source>Looking at the backups…</source>
        <translation>Prohlížím zálohy…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="102"/>
        <location filename="../../ui/backups_panel.py" line="296"/>
        <source>Select a set to see what it holds.</source>
        <translation>Vyberte sadu a uvidíte, co obsahuje.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="112"/>
        <source>Back up now</source>
        <translation>Zálohovat nyní</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="114"/>
        <source>Verify</source>
        <translation>Ověřit</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="116"/>
        <source>Restore…</source>
        <translation>Obnovit…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="118"/>
        <source>Upload</source>
        <translation>Nahrát</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="120"/>
        <source>Fetch</source>
        <translation>Stáhnout</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="122"/>
        <source>Bring a set that is only on the remote back to this computer, checked</source>
        <translation>Stáhnout sadu, která je jen ve vzdáleném úložišti, zpět do tohoto počítače a zkontrolovat ji</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="139"/>
        <source>Schedule, retention and off-site copy</source>
        <translation>Plán, uchovávání a kopie mimo pracoviště</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="143"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="148"/>
        <source>an rclone remote, e.g. gdrive:Gastro Hub</source>
        <translation>vzdálené úložiště rclone, např. gdrive:Gastro Hub</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="149"/>
        <source>Encrypt sets (passphrase in the keyring)</source>
        <translation>Šifrovat sady (heslo v klíčence)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="150"/>
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="152"/>
        <source>Show what retention would remove</source>
        <translation>Ukázat, co by uchovávání odstranilo</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="154"/>
        <source>Back up every:</source>
        <translation>Zálohovat každých:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="155"/>
        <source>Keep daily / weekly / monthly:</source>
        <translation>Ponechat denní / týdenní / měsíční:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="157"/>
        <source>Off-site copy to:</source>
        <translation>Kopie mimo pracoviště do:</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="208"/>
        <source>{0} sets on the remote.</source>
        <translation>Sady ve vzdáleném úložišti: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="214"/>
        <source>The remote could not be listed: {0}</source>
        <translation>Obsah vzdáleného úložiště se nepodařilo vypsat: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="230"/>
        <source>Last verified backup: {0}.</source>
        <translation>Poslední ověřená záloha: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="261"/>
        <source>on the remote (checked when fetched)</source>
        <translation>ve vzdáleném úložišti (zkontroluje se při stažení)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="262"/>
        <source>off-site</source>
        <translation>mimo pracoviště</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="263"/>
        <source>remote only</source>
        <translation>jen vzdáleně</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="266"/>
        <source>verified</source>
        <translation>ověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="268"/>
        <source>not verified</source>
        <translation>neověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="271"/>
        <source>off-site (found on the remote)</source>
        <translation>mimo pracoviště (nalezeno ve vzdáleném úložišti)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="273"/>
        <source>not off-site</source>
        <translation>není mimo pracoviště</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="275"/>
        <source>this computer and the remote</source>
        <translation>tento počítač i vzdálené úložiště</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="277"/>
        <source>this computer</source>
        <translation>tento počítač</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="301"/>
        <source>{0} is encrypted: the list of what it holds is inside it.</source>
        <translation>Sada {0} je šifrovaná: seznam obsahu je uvnitř.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="303"/>
        <source>{0}: no list of its contents yet (Verify reads it).</source>
        <translation>{0}: seznam obsahu zatím chybí (načte ho Ověřit).</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="308"/>
        <source>{0} holds {1} files: a {2} database (schema {3}, {4} rows).</source>
        <translation>Sada {0} obsahuje souborů: {1}; databáze {2} (schéma {3}, řádků: {4}).</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="315"/>
        <source>its key is in the set</source>
        <translation>klíč je součástí sady</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="317"/>
        <source>its key is not in the set (it stays in the keyring)</source>
        <translation>klíč v sadě není (zůstává v klíčence)</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="319"/>
        <source>n8n: {0} workflows and {1} credentials, encrypted with n8n&apos;s key; {2}.</source>
        <translation>n8n: workflowy: {0}, přihlašovací údaje: {1}, šifrováno klíčem n8n; {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="323"/>
        <source>n8n&apos;s workflows are not in this set.</source>
        <translation>Workflowy n8n v této sadě nejsou.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="326"/>
        <source>database</source>
        <translation>databáze</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="327"/>
        <source>settings</source>
        <translation>nastavení</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="328"/>
        <source>n8n / extra</source>
        <translation>n8n / další</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="368"/>
        <source>Backing up…</source>
        <translation>Zálohuji…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="371"/>
        <source>Backup {0} made and verified.</source>
        <translation>Záloha {0} vytvořena a ověřena.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="381"/>
        <source>Select a set that is on the remote first.</source>
        <translation>Nejprve vyberte sadu, která je ve vzdáleném úložišti.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="384"/>
        <source>{0} is already on this computer.</source>
        <translation>Sada {0} už v tomto počítači je.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="393"/>
        <source>{0} fetched from the remote and checked: it can be restored.</source>
        <translation>Sada {0} byla stažena ze vzdáleného úložiště a zkontrolována: lze ji obnovit.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="403"/>
        <source>Fetching {0}…</source>
        <translation>Stahuji {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="408"/>
        <location filename="../../ui/backups_panel.py" line="423"/>
        <location filename="../../ui/backups_panel.py" line="455"/>
        <source>Select a set first.</source>
        <translation>Nejprve vyberte sadu.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="410"/>
        <source>Checking {0}…</source>
        <translation>Kontroluji {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="414"/>
        <source>{0}: every file is intact.</source>
        <translation>{0}: všechny soubory jsou v pořádku.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="427"/>
        <source>{0} is only on the remote: Fetch it first.</source>
        <translation>Sada {0} je jen ve vzdáleném úložišti: nejprve ji stáhněte.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="432"/>
        <source>Restore</source>
        <translation>Obnovit</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="434"/>
        <source>Restore {0}? Every file is checked first; the channels stop while the database is replaced, the current one is kept as a safety copy, then everything starts again.</source>
        <translation>Obnovit {0}? Nejprve se zkontroluje každý soubor; během výměny databáze se kanály zastaví, současná databáze se uloží jako bezpečnostní kopie a pak se vše znovu spustí.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="441"/>
        <source>Restoring…</source>
        <translation>Obnovuji…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="445"/>
        <source>Restored {0} in {1:.1f} s: {2}</source>
        <translation>Obnoveno {0} za {1:.1f} s: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="457"/>
        <source>Uploading {0}…</source>
        <translation>Nahrávám {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="477"/>
        <source>Saved.</source>
        <translation>Uloženo.</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="485"/>
        <source>Retention keeps {0} sets and would remove: {1}</source>
        <translation>Uchovávání ponechá sad: {0} a odstranilo by: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="486"/>
        <source>nothing</source>
        <translation>nic</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="42"/>
        <source>Email</source>
        <translation>E-mail</translation>
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
        <translation>e-mail</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/social_posts.py" line="158"/>
        <source>New post</source>
        <translation>Nový příspěvek</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="164"/>
        <source>a picture&apos;s https address (Instagram needs one) or a file on this PC</source>
        <translation>https adresa obrázku (Instagram ji vyžaduje) nebo soubor v tomto počítači</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="166"/>
        <source>Publish now</source>
        <translation>Publikovat ihned</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="174"/>
        <source>Loading your pages…</source>
        <translation>Načítám vaše stránky…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="179"/>
        <source>Publish</source>
        <translation>Publikovat</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="183"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="184"/>
        <source>Link</source>
        <translation>Odkaz</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="185"/>
        <source>Picture</source>
        <translation>Obrázek</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="186"/>
        <source>Pages</source>
        <translation>Stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="200"/>
        <source>Connect a Facebook Page, Instagram or LinkedIn page first.</source>
        <translation>Nejprve připojte stránku na Facebooku, Instagramu nebo LinkedInu.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="219"/>
        <source>Write the post first.</source>
        <translation>Nejprve napište text příspěvku.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="222"/>
        <source>Choose at least one page.</source>
        <translation>Vyberte alespoň jednu stránku.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="226"/>
        <source>That time has passed: choose a later one.</source>
        <translation>Tento čas už uplynul: zvolte pozdější.</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="229"/>
        <source>Keeping the post…</source>
        <translation>Ukládám příspěvek…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/chat_forms.py" line="28"/>
        <source>Connect Beeper Desktop</source>
        <translation>Připojit Beeper Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="29"/>
        <source>Beeper Desktop gathers Telegram, Signal, WhatsApp and other chats on this PC. In Beeper Desktop open Settings → Developers, turn on the API and create an access token; paste it here.</source>
        <translation>Beeper Desktop sdružuje na tomto počítači chaty z Telegramu, Signalu, WhatsAppu a dalších sítí. V Beeper Desktop otevřete Settings → Developers, zapněte API a vytvořte přístupový token; vložte ho sem.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="36"/>
        <source>Beeper Desktop address</source>
        <translation>Adresa Beeper Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="38"/>
        <location filename="../../ui/social_forms.py" line="130"/>
        <source>Access token</source>
        <translation>Přístupový token</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="40"/>
        <location filename="../../ui/chat_forms.py" line="144"/>
        <source>Name shown</source>
        <translation>Zobrazované jméno</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="41"/>
        <location filename="../../ui/chat_forms.py" line="145"/>
        <source>Fetch history (days)</source>
        <translation>Stáhnout historii (dny)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="42"/>
        <source>New messages live (WebSocket)</source>
        <translation>Nové zprávy živě (WebSocket)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="52"/>
        <source>Webhook mode needs the public https address Telegram posts to.</source>
        <translation>Režim webhooku potřebuje veřejnou https adresu, na kterou Telegram posílá zprávy.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="67"/>
        <source>Connect a Telegram bot</source>
        <translation>Připojit bota Telegramu</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="68"/>
        <source>Customers write to your business&apos;s Telegram bot. Create one with @BotFather in Telegram (/newbot) and paste the token it gives. Polling works from any PC; webhook mode needs a public https address (e.g. a tunnel) that forwards to this PC.</source>
        <translation>Zákazníci píší botovi vaší firmy na Telegramu. Vytvořte ho v Telegramu přes @BotFather (/newbot) a vložte token, který dostanete. Dotazování (polling) funguje z jakéhokoli počítače; režim webhooku potřebuje veřejnou https adresu (např. tunel), která přesměruje na tento počítač.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="77"/>
        <source>Bot token</source>
        <translation>Token bota</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="84"/>
        <source>Bot user name (optional)</source>
        <translation>Uživatelské jméno bota (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="89"/>
        <source>New messages by</source>
        <translation>Nové zprávy přes</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="92"/>
        <source>Polling</source>
        <translation>Dotazování (polling)</translation>
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
        <translation>Veřejná https adresa (webhook)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="97"/>
        <location filename="../../ui/social_forms.py" line="73"/>
        <source>Webhook port on this PC</source>
        <translation>Port webhooku na tomto počítači</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="98"/>
        <source>Bot API address</source>
        <translation>Adresa Bot API</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="107"/>
        <source>Enter the Matrix user id in full, like @jana:example.org.</source>
        <translation>Zadejte celé ID uživatele Matrix, např. @jana:example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="122"/>
        <source>Connect a Matrix account</source>
        <translation>Připojit účet Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="123"/>
        <source>Sign in as the business&apos;s Matrix user (on your own homeserver with its bridges, or any other). Each room becomes a conversation. End-to-end encrypted rooms cannot be read yet: they show up with a note instead.</source>
        <translation>Přihlaste se jako uživatel Matrix vaší firmy (na vlastním homeserveru s jeho mosty, nebo na jakémkoli jiném). Z každé místnosti se stane konverzace. Místnosti s koncovým šifrováním zatím nelze číst: zobrazí se místo nich poznámka.</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="132"/>
        <source>Matrix user id</source>
        <translation>ID uživatele Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="137"/>
        <source>Password</source>
        <translation>Heslo</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="141"/>
        <source>Homeserver address (optional)</source>
        <translation>Adresa homeserveru (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="148"/>
        <source>Accept room invitations (bridges open new chats this way)</source>
        <translation>Přijímat pozvánky do místností (mosty tak otevírají nové chaty)</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="138"/>
        <source>Enter the {0}.</source>
        <translation>Vyplňte „{0}“.</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="25"/>
        <source>Page and Instagram ids are numbers (Meta Business Suite → Settings).</source>
        <translation>ID stránky a Instagramu jsou čísla (Meta Business Suite → Nastavení).</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="43"/>
        <source>Connect a Facebook Page (and its Instagram)</source>
        <translation>Připojit stránku na Facebooku (a její Instagram)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="44"/>
        <source>Messenger messages to your Facebook Page and Instagram direct messages. In Meta for Developers create an app with the Messenger and Instagram products, generate a Page access token and copy the app secret. Enter the webhook address shown after saving in the app&apos;s Webhooks settings, with the verify token below.</source>
        <translation>Zprávy z Messengeru pro vaši stránku na Facebooku a přímé zprávy na Instagramu. V Meta for Developers vytvořte aplikaci s produkty Messenger a Instagram, vygenerujte přístupový token stránky a zkopírujte tajný klíč aplikace. Adresu webhooku, která se zobrazí po uložení, zadejte v nastavení Webhooks aplikace spolu s ověřovacím tokenem níže.</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="52"/>
        <source>Page id</source>
        <translation>ID stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="55"/>
        <source>Instagram account id (optional)</source>
        <translation>ID účtu Instagram (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="59"/>
        <source>Page access token</source>
        <translation>Přístupový token stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="65"/>
        <source>App secret</source>
        <translation>Tajný klíč aplikace</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="70"/>
        <source>Webhook verify token</source>
        <translation>Ověřovací token webhooku</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="76"/>
        <source>Also poll every (seconds, 0 = off)</source>
        <translation>Navíc se dotazovat každých (sekund, 0 = vypnuto)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="81"/>
        <source>Page has the Human Agent permission (replies up to 7 days)</source>
        <translation>Stránka má oprávnění Human Agent (odpovědi až 7 dní)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="86"/>
        <location filename="../../ui/social_forms.py" line="137"/>
        <source>Graph API address</source>
        <translation>Adresa Graph API</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="94"/>
        <source>Facebook Page</source>
        <translation>Stránka na Facebooku</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="95"/>
        <source>Instagram account</source>
        <translation>Účet Instagram</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="96"/>
        <source>LinkedIn page</source>
        <translation>Stránka na LinkedInu</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="114"/>
        <source>Connect a page to post to</source>
        <translation>Připojit stránku pro příspěvky</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="115"/>
        <source>Posts composed here go to your Facebook Page, Instagram professional account or LinkedIn organisation page. Facebook and Instagram need a Page access token with publishing rights; LinkedIn a page admin&apos;s access token (w_organization_social).</source>
        <translation>Příspěvky napsané zde se publikují na vaši stránku na Facebooku, profesionální účet Instagram nebo firemní stránku na LinkedInu. Facebook a Instagram potřebují přístupový token stránky s právem publikovat; LinkedIn přístupový token správce stránky (w_organization_social).</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="124"/>
        <source>Page</source>
        <translation>Stránka</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="128"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="134"/>
        <source>LinkedIn API version (YYYYMM)</source>
        <translation>Verze LinkedIn API (RRRRMM)</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="139"/>
        <source>LinkedIn API address</source>
        <translation>Adresa LinkedIn API</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="50"/>
        <source>For 1 hour</source>
        <translation>Na 1 hodinu</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="51"/>
        <source>For 3 hours</source>
        <translation>Na 3 hodiny</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="52"/>
        <source>Until tomorrow 8:00</source>
        <translation>Do zítřka 8:00</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="53"/>
        <source>Until Monday 8:00</source>
        <translation>Do pondělí 8:00</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="61"/>
        <source>The customer has not written on WhatsApp yet: only an approved template can start the conversation.</source>
        <translation>Zákazník zatím na WhatsAppu nenapsal: konverzaci může zahájit jen schválená šablona.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="67"/>
        <source>More than 24 hours since the customer&apos;s last message: WhatsApp allows only an approved template until they write again.</source>
        <translation>Od poslední zprávy zákazníka uběhlo víc než 24 hodin: WhatsApp dovolí jen schválenou šablonu, dokud zákazník znovu nenapíše.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="73"/>
        <source>Free reply possible for another {0} h {1} min (24-hour window).</source>
        <translation>Volná odpověď je možná ještě {0} h {1} min (24hodinové okno).</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="91"/>
        <location filename="../../ui/conversation_pane.py" line="223"/>
        <source>Select a conversation to read it.</source>
        <translation>Vyberte konverzaci, kterou si chcete přečíst.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="98"/>
        <source>Write a reply… it is kept as a draft.</source>
        <translation>Napište odpověď… uloží se jako koncept.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="106"/>
        <source>Save draft</source>
        <translation>Uložit koncept</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="107"/>
        <source>Send reply</source>
        <translation>Odeslat odpověď</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="108"/>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Mark done</source>
        <translation>Označit jako vyřízené</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="109"/>
        <source>Send template…</source>
        <translation>Odeslat šablonu…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="111"/>
        <source>Reject draft</source>
        <translation>Zamítnout koncept</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="113"/>
        <source>Throw this AI draft away (counted as rejected, so the assistant learns)</source>
        <translation>Zahodit tento koncept AI (počítá se jako zamítnutý, aby se asistent učil)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="119"/>
        <source>How urgent the customer&apos;s newest message is; correct it and the assistant learns from it</source>
        <translation>Jak naléhavá je nejnovější zpráva zákazníka; když údaj opravíte, asistent se z toho poučí</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="126"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="127"/>
        <source>Mark this customer as VIP by hand (always wins)</source>
        <translation>Ručně označit zákazníka jako VIP (má vždy přednost)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="138"/>
        <source>Snooze</source>
        <translation>Odložit</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="198"/>
        <source>Loading…</source>
        <translation>Načítám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="234"/>
        <source>Could not open the conversation: </source>
        <translation>Konverzaci se nepodařilo otevřít: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>done</source>
        <translation>vyřízeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="245"/>
        <source>open</source>
        <translation>otevřeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="247"/>
        <source>snoozed until </source>
        <translation>odloženo do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Reopen</source>
        <translation>Znovu otevřít</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="298"/>
        <source>%1 is answering this conversation (since %2).</source>
        <translation>Na tuto konverzaci odpovídá %1 (od %2).</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="349"/>
        <location filename="../../ui/conversation_pane.py" line="359"/>
        <source>Draft saved</source>
        <translation>Koncept uložen</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="360"/>
        <source>Draft not saved: </source>
        <translation>Koncept nebyl uložen: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="369"/>
        <source>Links in messages are not opened from here: </source>
        <translation>Odkazy ve zprávách se odsud neotevírají: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="380"/>
        <source>Save attachment</source>
        <translation>Uložit přílohu</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="401"/>
        <source>Loading images…</source>
        <translation>Načítám obrázky…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversation_pane.py" line="408"/>
        <source>%n image(s) loaded</source>
        <translation>
            <numerusform>Načten %n obrázek</numerusform>
            <numerusform>Načteny %n obrázky</numerusform>
            <numerusform>Načteno %n obrázků</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="413"/>
        <source>Images not loaded: </source>
        <translation>Obrázky nebyly načteny: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="418"/>
        <source>Saving attachment…</source>
        <translation>Ukládám přílohu…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="421"/>
        <source>Attachment saved to </source>
        <translation>Příloha uložena do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="422"/>
        <source>Attachment not saved: </source>
        <translation>Příloha nebyla uložena: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="436"/>
        <source>, confidence {0} %</source>
        <translation>, jistota {0} %</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="445"/>
        <source>AI draft ({0}{1}): {2}. Send it as it is, edit it first, or reject it.</source>
        <translation>Koncept AI ({0}{1}): {2}. Odešlete ho beze změn, nejprve upravte, nebo zamítněte.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="457"/>
        <source>VIP not changed: </source>
        <translation>Stav VIP nebyl změněn: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="469"/>
        <source>Urgency corrected; the assistant learns.</source>
        <translation>Naléhavost opravena; asistent se z toho učí.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="470"/>
        <source>Urgency not changed: </source>
        <translation>Naléhavost nebyla změněna: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="482"/>
        <source>Draft rejected.</source>
        <translation>Koncept zamítnut.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="486"/>
        <source>Draft not rejected: </source>
        <translation>Koncept nebyl zamítnut: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="504"/>
        <source>Reply queued: sending…</source>
        <translation>Odpověď je ve frontě: odesílám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="508"/>
        <source>Reply not sent: </source>
        <translation>Odpověď nebyla odeslána: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="520"/>
        <source>Template queued: sending…</source>
        <translation>Šablona je ve frontě: odesílám…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="532"/>
        <source>Marked done</source>
        <translation>Označeno jako vyřízené</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="532"/>
        <source>Reopened</source>
        <translation>Znovu otevřeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="535"/>
        <source>Not changed: </source>
        <translation>Nezměněno: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="544"/>
        <source>Wake now</source>
        <translation>Zrušit odložení</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="555"/>
        <source>Snoozed until </source>
        <translation>Odloženo do </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="555"/>
        <source>Woken up</source>
        <translation>Odložení zrušeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="559"/>
        <source>Not snoozed: </source>
        <translation>Neodloženo: </translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="596"/>
        <source>Remote images are blocked.</source>
        <translation>Vzdálené obrázky jsou blokovány.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="599"/>
        <source>Load images</source>
        <translation>Načíst obrázky</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="606"/>
        <source>This message could not be read; shown as received.</source>
        <translation>Tuto zprávu se nepodařilo přečíst; zobrazuje se tak, jak přišla.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="626"/>
        <source>🕓 queued</source>
        <translation>🕓 ve frontě</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="627"/>
        <source>✓ sent</source>
        <translation>✓ odesláno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="628"/>
        <source>✓✓ delivered</source>
        <translation>✓✓ doručeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="629"/>
        <source>✓✓ read</source>
        <translation>✓✓ přečteno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="639"/>
        <source>not delivered</source>
        <translation>nedoručeno</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="652"/>
        <source>size unknown</source>
        <translation>neznámá velikost</translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="30"/>
        <source>not used</source>
        <translation>nepoužito</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="31"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="32"/>
        <source>Contact name</source>
        <translation>Jméno kontaktu</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="33"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="34"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="35"/>
        <source>VIP (yes / no)</source>
        <translation>VIP (ano / ne)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="36"/>
        <source>Customer value (revenue)</source>
        <translation>Hodnota zákazníka (obrat)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="37"/>
        <source>CRM id</source>
        <translation>ID v CRM</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="38"/>
        <source>Notes</source>
        <translation>Poznámky</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="53"/>
        <source>Import CRM contacts</source>
        <translation>Importovat kontakty z CRM</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="56"/>
        <source>Reading {0}…</source>
        <translation>Čtu {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="58"/>
        <source>Import</source>
        <translation>Importovat</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="61"/>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="68"/>
        <source>Which of your columns holds what?</source>
        <translation>Co obsahují jednotlivé sloupce?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="75"/>
        <source>Not imported: </source>
        <translation>Neimportováno: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="88"/>
        <source>{0} columns found; check the choices and press Import.</source>
        <translation>Nalezené sloupce: {0}; zkontrolujte přiřazení a klikněte na Importovat.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="97"/>
        <source>Importing…</source>
        <translation>Importuji…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="105"/>
        <source>{0} records matched customers you already write with, {1} new contacts; {2} records suggest merging contacts (see Customers → Same customer?).</source>
        <translation>Záznamy přiřazené k zákazníkům, se kterými už komunikujete: {0}; nové kontakty: {1}; záznamy s návrhem na sloučení kontaktů: {2} (viz Zákazníci → Stejný zákazník?).</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="110"/>
        <source>line {0}: {1}</source>
        <translation>řádek {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="114"/>
        <source> Not used: </source>
        <translation> Nepoužito: </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="116"/>
        <source> (+{0} more)</source>
        <translation> (+{0} dalších)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="35"/>
        <source>connected</source>
        <translation>připojeno</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="36"/>
        <source>retrying</source>
        <translation>zkouší se znovu</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="37"/>
        <source>needs attention</source>
        <translation>vyžaduje pozornost</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="38"/>
        <source>not checked yet</source>
        <translation>zatím neověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="44"/>
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Channel</source>
        <translation>Kanál</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Urgent</source>
        <translation>Naléhavé</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Normal</source>
        <translation>Běžné</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="61"/>
        <source>Counting…</source>
        <translation>Počítám…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="66"/>
        <source>Last 7 days</source>
        <translation>Posledních 7 dní</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="67"/>
        <source>Last 30 days</source>
        <translation>Posledních 30 dní</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="70"/>
        <source>Customer messages per day</source>
        <translation>Zprávy od zákazníků za den</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="71"/>
        <source>Median time to reply (minutes)</source>
        <translation>Medián doby do odpovědi (minuty)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="72"/>
        <source>AI drafts sent unchanged (%)</source>
        <translation>Koncepty AI odeslané beze změn (%)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="78"/>
        <source>Unread</source>
        <translation>Nepřečtené</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="79"/>
        <source>AI assistant</source>
        <translation>Asistent AI</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="80"/>
        <source>Health</source>
        <translation>Stav</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="118"/>
        <source>The figures could not be read: </source>
        <translation>Údaje se nepodařilo načíst: </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="132"/>
        <source>{0} messages triaged today; acceptance over 7 days {1}; {2:.0f} min and {3:,.0f} {4} saved; {5}</source>
        <translation>Dnes vyhodnoceno zpráv: {0}; míra přijetí za 7 dní {1}; ušetřeno {2:.0f} min a {3:,.0f} {4}; {5}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>kill switch ON</source>
        <translation>nouzový vypínač ZAPNUT</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="142"/>
        <source>auto-reply off</source>
        <translation>automatické odpovědi vypnuty</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144"/>
        <source>auto-reply on</source>
        <translation>automatické odpovědi zapnuty</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="147"/>
        <source>checked</source>
        <translation>ověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="156"/>
        <source>{0} stack {1}: {2}</source>
        <translation>{0} stack {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="160"/>
        <source>No channel connected yet.</source>
        <translation>Zatím není připojen žádný kanál.</translation>
    </message>
</context>
<context>
    <name>EmailAccountDialog</name>
    <message>
        <location filename="../../ui/email_accounts.py" line="47"/>
        <source>None</source>
        <translation>Žádné</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="51"/>
        <source>Google refuses your normal password here: create an app password (Google account → Security → 2-Step Verification → App passwords) or use OAuth2.</source>
        <translation>Google zde vaše běžné heslo odmítne: vytvořte heslo aplikace (Účet Google → Zabezpečení → Dvoufázové ověření → Hesla aplikací) nebo použijte OAuth2.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="56"/>
        <source>Microsoft 365 may have basic sign-in turned off: ask your admin to allow IMAP/SMTP AUTH for this mailbox, or use an app password or an OAuth2 token.</source>
        <translation>Microsoft 365 může mít základní přihlašování vypnuté: požádejte správce, aby pro tuto schránku povolil IMAP/SMTP AUTH, nebo použijte heslo aplikace či token OAuth2.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="106"/>
        <source>Add email account</source>
        <translation>Přidat e-mailový účet</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="110"/>
        <source>Other IMAP/SMTP server</source>
        <translation>Jiný server IMAP/SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="114"/>
        <source>the email address, if left empty</source>
        <translation>nevyplníte-li, použije se e-mailová adresa</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="116"/>
        <source>Password or app password</source>
        <translation>Heslo nebo heslo aplikace</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="117"/>
        <source>OAuth2 access token</source>
        <translation>Přístupový token OAuth2</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="118"/>
        <source>OAuth2 refresh token</source>
        <translation>Obnovovací token OAuth2</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="125"/>
        <source>leave empty if the app has none</source>
        <translation>nechte prázdné, pokud ho aplikace nemá</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="147"/>
        <source>Provider</source>
        <translation>Poskytovatel</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="148"/>
        <source>Email address</source>
        <translation>E-mailová adresa</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="149"/>
        <source>Your name</source>
        <translation>Vaše jméno</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="150"/>
        <source>User name</source>
        <translation>Uživatelské jméno</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="151"/>
        <source>Sign-in</source>
        <translation>Přihlášení</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="152"/>
        <source>Password / token</source>
        <translation>Heslo / token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="153"/>
        <source>Client id</source>
        <translation>ID klienta</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="154"/>
        <source>Client secret</source>
        <translation>Tajný klíč klienta</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="155"/>
        <source>Refresh token</source>
        <translation>Obnovovací token</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="156"/>
        <source>Token endpoint</source>
        <translation>Koncový bod tokenu</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="159"/>
        <source>IMAP server</source>
        <translation>Server IMAP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="162"/>
        <source>SMTP server</source>
        <translation>Server SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="164"/>
        <source>Fetch history (days)</source>
        <translation>Stáhnout historii (dny)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="165"/>
        <source>Test connection</source>
        <translation>Otestovat připojení</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="208"/>
        <source>Enter the servers your provider gives for IMAP and SMTP.</source>
        <translation>Zadejte servery IMAP a SMTP, které uvádí váš poskytovatel.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="251"/>
        <source>Enter the email address.</source>
        <translation>Zadejte e-mailovou adresu.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="253"/>
        <source>Enter the IMAP and SMTP servers.</source>
        <translation>Zadejte servery IMAP a SMTP.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="256"/>
        <source>Enter the client id the refresh token was issued to.</source>
        <translation>Zadejte ID klienta, pro kterého byl obnovovací token vydán.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="258"/>
        <source>Enter the refresh token.</source>
        <translation>Zadejte obnovovací token.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="260"/>
        <source>Enter the token endpoint (an https:// address).</source>
        <translation>Zadejte koncový bod tokenu (adresu https://).</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="262"/>
        <source>Enter the password, app password or token.</source>
        <translation>Zadejte heslo, heslo aplikace nebo token.</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="279"/>
        <source>Testing… (logging in to IMAP and SMTP)</source>
        <translation>Testuji… (přihlašuji se k IMAP a SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/email_accounts.py" line="290"/>
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
        <translation>Otevřít kartu Chaty (Beeper, Telegram, Matrix)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Open the Social tab (Facebook, Instagram, LinkedIn)…</source>
        <translation>Otevřít kartu Sociální sítě (Facebook, Instagram, LinkedIn)…</translation>
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
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="78"/>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="79"/>
        <source>Subject / last message</source>
        <translation>Předmět / poslední zpráva</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="80"/>
        <source>Channel</source>
        <translation>Kanál</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="81"/>
        <source>Time</source>
        <translation>Čas</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../ui/inbox_panel.py" line="49"/>
        <source>Any urgency</source>
        <translation>Jakákoli naléhavost</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="50"/>
        <source>Crisis &amp; urgent</source>
        <translation>Krize a naléhavé</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="51"/>
        <source>Crisis</source>
        <translation>Krize</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="52"/>
        <source>Urgent</source>
        <translation>Naléhavé</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="53"/>
        <source>Financial</source>
        <translation>Finance</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="54"/>
        <source>Scheduling</source>
        <translation>Termíny</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="57"/>
        <source>Open</source>
        <translation>Otevřené</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="58"/>
        <source>Snoozed</source>
        <translation>Odložené</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="59"/>
        <source>Done</source>
        <translation>Vyřízené</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="60"/>
        <source>Newsletters &amp; notifications</source>
        <translation>Newslettery a oznámení</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="61"/>
        <source>All</source>
        <translation>Vše</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="83"/>
        <source>All channels</source>
        <translation>Všechny kanály</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="93"/>
        <source>VIP only</source>
        <translation>Jen VIP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="102"/>
        <source>Search all messages…</source>
        <translation>Hledat ve všech zprávách…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_panel.py" line="183"/>
        <source>Searching…</source>
        <translation>Hledám…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_panel.py" line="254"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n konverzace</numerusform>
            <numerusform>%n konverzace</numerusform>
            <numerusform>%n konverzací</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindsBar</name>
    <message>
        <location filename="../../ui/chat_forms.py" line="160"/>
        <source>Connect Beeper…</source>
        <translation>Připojit Beeper…</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="161"/>
        <source>Connect Matrix…</source>
        <translation>Připojit Matrix…</translation>
    </message>
    <message>
        <location filename="../../ui/chat_forms.py" line="162"/>
        <source>Connect Telegram…</source>
        <translation>Připojit Telegram…</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="149"/>
        <source>Facebook Page messages</source>
        <translation>Zprávy stránky na Facebooku</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="150"/>
        <source>Connect Facebook Page messages…</source>
        <translation>Připojit zprávy stránky na Facebooku…</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="154"/>
        <source>page for posts</source>
        <translation>Stránka pro příspěvky</translation>
    </message>
    <message>
        <location filename="../../ui/social_forms.py" line="155"/>
        <source>Connect page for posts…</source>
        <translation>Připojit stránku pro příspěvky…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>No conversations here yet.

File → Load sample data shows the app at work with a demo set, and File → Import brings in an mbox mailbox or a WhatsApp chat export.</source>
        <translation>Zatím tu nejsou žádné konverzace.

Soubor → Načíst ukázková data ukáže aplikaci v akci na ukázkové sadě a Soubor → Importovat načte poštovní schránku mbox nebo export chatu z WhatsAppu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>No email conversations yet.

Add your account above (Gmail, Microsoft 365 or any IMAP/SMTP server), or File → Import an mbox file.</source>
        <translation>Zatím žádné e-mailové konverzace.

Přidejte svůj účet výše (Gmail, Microsoft 365 nebo libovolný server IMAP/SMTP), nebo přes Soubor → Importovat načtěte soubor mbox.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>No WhatsApp conversations yet.

Connect Twilio or the Meta Cloud API above, or File → Import a WhatsApp &quot;Export chat&quot; file.</source>
        <translation>Zatím žádné konverzace na WhatsAppu.

Výše připojte Twilio nebo Meta Cloud API, nebo přes Soubor → Importovat načtěte soubor „Exportovat chat“ z WhatsAppu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>No chats yet.

Connect Beeper Desktop (Telegram, Signal, WhatsApp and more), a Matrix account or a Telegram bot above.</source>
        <translation>Zatím žádné chaty.

Výše připojte Beeper Desktop (Telegram, Signal, WhatsApp a další), účet Matrix nebo bota Telegramu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>No social messages yet.

Connect your Facebook Page (and its Instagram account) above to answer Messenger and Instagram messages here.</source>
        <translation>Zatím žádné zprávy ze sociálních sítí.

Výše připojte svou stránku na Facebooku (a její účet Instagram) a odpovídejte zde na zprávy z Messengeru a Instagramu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Chats</source>
        <translation>Chaty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Social</source>
        <translation>Sociální sítě</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Next conversation</source>
        <translation>Další konverzace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Previous conversation</source>
        <translation>Předchozí konverzace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Write a reply</source>
        <translation>Napsat odpověď</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Send the reply (an AI draft unchanged: approve it)</source>
        <translation>Odeslat odpověď (nezměněný koncept AI: schválit)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Mark done / reopen</source>
        <translation>Označit jako vyřízené / znovu otevřít</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Search every conversation</source>
        <translation>Hledat ve všech konverzacích</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Show these shortcuts</source>
        <translation>Zobrazit tyto zkratky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Import a mailbox or chat export</source>
        <translation>Importovat poštovní schránku nebo export chatu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>Load sample data</source>
        <translation>Načíst ukázková data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Quit</source>
        <translation>Ukončit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Mailboxes and chat exports (*.mbox *.mbx *.txt *.zip);;All files (*)</source>
        <translation>Poštovní schránky a exporty chatů (*.mbox *.mbx *.txt *.zip);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <location filename="../../ui/main_window.py" line="499"/>
        <source>Inbox</source>
        <translation>Přehled</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../ui/backups_panel.py" line="163"/>
        <location filename="../../ui/main_window.py" line="172"/>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Backups</source>
        <translation>Zálohy</translation>
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
        <translation>Nástěnka</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>&amp;Import mailbox or chat export…</source>
        <translation>&amp;Importovat poštovní schránku nebo export chatu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>Load &amp;sample data</source>
        <translation>Načíst ukázková &amp;data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;Customers</source>
        <translation>&amp;Zákazníci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Import CRM contacts (CSV)…</source>
        <translation>Importovat kontakty z CRM (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>Same customer? Merge contacts…</source>
        <translation>Stejný zákazník? Sloučit kontakty…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Nastavení…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>&amp;Set-up assistant…</source>
        <translation>&amp;Průvodce nastavením…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>&amp;About</source>
        <translation>&amp;O aplikaci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Opening the database…</source>
        <translation>Otevírám databázi…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444"/>
        <location filename="../../ui/main_window.py" line="662"/>
        <source>Database: </source>
        <translation>Databáze: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>Database unavailable</source>
        <translation>Databáze není dostupná</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>Stack needs you</source>
        <translation>Stack vyžaduje vaši pozornost</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Backups need you</source>
        <translation>Zálohy vyžadují vaši pozornost</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>Reply not sent: </source>
        <translation>Odpověď nebyla odeslána: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492"/>
        <source>Failed: </source>
        <translation>Nezdařilo se: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>Loading sample data…</source>
        <translation>Načítám ukázková data…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="520"/>
        <source>Import mailbox or chat export</source>
        <translation>Importovat poštovní schránku nebo export chatu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>{0} urgent or VIP messages</source>
        <translation>Naléhavé zprávy nebo zprávy VIP: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="579"/>
        <source>Automatic replies stopped</source>
        <translation>Automatické odpovědi zastaveny</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Automatic replies allowed</source>
        <translation>Automatické odpovědi povoleny</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source> ({0} held)</source>
        <translation> (zadrženo: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="589"/>
        <source>Kill switch not changed: </source>
        <translation>Nouzový vypínač nebyl přepnut: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Import CRM contacts</source>
        <translation>Importovat kontakty z CRM</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="619"/>
        <source>Importing </source>
        <translation>Importuji </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627"/>
        <source>Wait for the running import to finish or cancel it.</source>
        <translation>Počkejte, až probíhající import skončí, nebo ho zrušte.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <source>Cancelling after the current batch…</source>
        <translation>Ruším po dokončení aktuální dávky…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>All customer conversations in one place.</source>
        <translation>Všechny konverzace se zákazníky na jednom místě.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="129"/>
        <source>Same customer?</source>
        <translation>Stejný zákazník?</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="132"/>
        <source>Merge into one contact</source>
        <translation>Sloučit do jednoho kontaktu</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="134"/>
        <source>Undo merge</source>
        <translation>Zrušit sloučení</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="139"/>
        <source>These contacts look like one customer:</source>
        <translation>Tyto kontakty vypadají jako jeden zákazník:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="142"/>
        <source>Merged contacts (can be undone):</source>
        <translation>Sloučené kontakty (lze vrátit zpět):</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="158"/>
        <source> — </source>
        <translation> — </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="162"/>
        <source>No suggestions: every customer is one contact.</source>
        <translation>Žádné návrhy: každý zákazník má jeden kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_dialogs.py" line="167"/>
        <source>Contact {0} merged into {1}</source>
        <translation>Kontakt {0} sloučen do {1}</translation>
    </message>
</context>
<context>
    <name>MissiveAccountDialog</name>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="20"/>
        <source>Create a token in Missive: Settings → API → Create a new token (a paid Missive plan allows API access). Replies you write here are saved in Missive as drafts for the team to review and send.</source>
        <translation>Token vytvoříte v Missive: Settings → API → Create a new token (přístup k API nabízí placený tarif Missive). Odpovědi, které zde napíšete, se v Missive uloží jako koncepty, které tým zkontroluje a odešle.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="35"/>
        <source>Connect Missive</source>
        <translation>Připojit Missive</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="39"/>
        <source>info@firma.cz, obchod@firma.cz</source>
        <translation>info@firma.cz, obchod@firma.cz</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="47"/>
        <source>API token</source>
        <translation>Token API</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="48"/>
        <source>Team addresses</source>
        <translation>Adresy týmu</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="49"/>
        <source>Fetch history (days)</source>
        <translation>Stáhnout historii (dny)</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="50"/>
        <source>API address</source>
        <translation>Adresa API</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="70"/>
        <source>Enter the Missive API token.</source>
        <translation>Zadejte token API pro Missive.</translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="73"/>
        <source>This is not an email address: </source>
        <translation>Toto není e-mailová adresa: </translation>
    </message>
    <message>
        <location filename="../../ui/missive_account_dialog.py" line="75"/>
        <source>The API address must start with https://</source>
        <translation>Adresa API musí začínat https://</translation>
    </message>
</context>
<context>
    <name>OfficeStatus</name>
    <message>
        <location filename="../../ui/office_status.py" line="49"/>
        <source>Office mode: this PC fetches and sends</source>
        <translation>Kancelářský režim: zprávy stahuje a odesílá tento počítač</translation>
    </message>
    <message>
        <location filename="../../ui/office_status.py" line="53"/>
        <source>Office mode: fetched and sent by the processor on %1</source>
        <translation>Kancelářský režim: zprávy stahuje a odesílá procesor na %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_status.py" line="60"/>
        <source>Office mode: no processor is running — messages are not being fetched</source>
        <translation>Kancelářský režim: neběží žádný procesor — zprávy se nestahují</translation>
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
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Office mode: several PCs share this database; one processor fetches and sends (after a restart)</source>
        <translation>Kancelářský režim: tuto databázi sdílí více počítačů; zprávy stahuje a odesílá jeden procesor (po restartu)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Language (after a restart):</source>
        <translation>Jazyk (projeví se po restartu):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Data folder:</source>
        <translation>Složka s daty:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source>Keyring:</source>
        <translation>Klíčenka:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103"/>
        <source>Channels, the AI provider, backups and the stack are set in their tabs.</source>
        <translation>Kanály, poskytovatel AI, zálohy a stack se nastavují na vlastních kartách.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119"/>
        <source>{0}: secrets are kept there, and it works.</source>
        <translation>{0}: slouží k ukládání tajných údajů a funguje.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>keyring unavailable: </source>
        <translation>klíčenka není k dispozici: </translation>
    </message>
</context>
<context>
    <name>SocialPostsPanel</name>
    <message>
        <location filename="../../ui/social_posts.py" line="38"/>
        <source>scheduled</source>
        <translation>naplánováno</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="39"/>
        <source>publishing…</source>
        <translation>publikuji…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="40"/>
        <source>published</source>
        <translation>publikováno</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="41"/>
        <source>failed</source>
        <translation>nezdařilo se</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="78"/>
        <source>New post…</source>
        <translation>Nový příspěvek…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="79"/>
        <source>Retry failed pages</source>
        <translation>Zopakovat neúspěšné stránky</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="87"/>
        <source>&lt;b&gt;Posts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Příspěvky&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="128"/>
        <source>No posts yet. Connect a page above, then New post…</source>
        <translation>Zatím žádné příspěvky. Připojte výše stránku a pak klikněte na Nový příspěvek…</translation>
    </message>
    <message>
        <location filename="../../ui/social_posts.py" line="143"/>
        <source>Trying the failed pages again…</source>
        <translation>Znovu zkouším neúspěšné stránky…</translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../../ui/stack_panel.py" line="34"/>
        <source>Service</source>
        <translation>Služba</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="35"/>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="36"/>
        <source>Health</source>
        <translation>Zdraví</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="37"/>
        <source>Up</source>
        <translation>Běží</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="38"/>
        <source>Restarts (Docker / app)</source>
        <translation>Restarty (Docker / aplikace)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="39"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="40"/>
        <source>Memory</source>
        <translation>Paměť</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="43"/>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="44"/>
        <source>Stop</source>
        <translation>Zastavit</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="45"/>
        <source>Restart</source>
        <translation>Restartovat</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="67"/>
        <source>Looking for Docker…</source>
        <translation>Hledám Docker…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="75"/>
        <source>Bring the stack up</source>
        <translation>Spustit stack</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="77"/>
        <source>Update images</source>
        <translation>Aktualizovat obrazy</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="89"/>
        <location filename="../../ui/stack_panel.py" line="189"/>
        <source>(all services)</source>
        <translation>(všechny služby)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="95"/>
        <source>Follow log of the selected service</source>
        <translation>Sledovat log vybrané služby</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="99"/>
        <source>Search the logs of every service…</source>
        <translation>Hledat v logech všech služeb…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="107"/>
        <source>Stack file…</source>
        <translation>Soubor stacku…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="109"/>
        <source>Use the stack&apos;s PostgreSQL for the app&apos;s data…</source>
        <translation>Použít pro data aplikace PostgreSQL ze stacku…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="119"/>
        <source>Docker stack</source>
        <translation>Stack Dockeru</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="125"/>
        <source>What the watchdog did:</source>
        <translation>Zásahy hlídacího procesu (watchdog):</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="152"/>
        <source>Docker is not available.</source>
        <translation>Docker není dostupný.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="159"/>
        <source>{0} of {1} services healthy.</source>
        <translation>Funkční služby: {0} z {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="166"/>
        <source>not created yet</source>
        <translation>zatím nevytvořeno</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="196"/>
        <source>{0} {1}…</source>
        <translation>{0} {1}…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="196"/>
        <source>all</source>
        <translation>vše</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="199"/>
        <source>Done.</source>
        <translation>Hotovo.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="204"/>
        <source>Bringing the stack up…</source>
        <translation>Spouštím stack…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="207"/>
        <source>Downloading newer images…</source>
        <translation>Stahuji novější obrazy…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="227"/>
        <source>Select a service first.</source>
        <translation>Nejprve vyberte službu.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="251"/>
        <source>Nothing found.</source>
        <translation>Nic nenalezeno.</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="258"/>
        <source>The stack&apos;s docker-compose.yml</source>
        <translation>Soubor docker-compose.yml stacku</translation>
    </message>
    <message>
        <location filename="../../ui/stack_panel.py" line="271"/>
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
    <name>Urgency</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="52"/>
        <source>Crisis</source>
        <translation>Krize</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="53"/>
        <source>Urgent</source>
        <translation>Naléhavé</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="54"/>
        <source>Financial</source>
        <translation>Finance</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="55"/>
        <source>Scheduling</source>
        <translation>Termíny</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="56"/>
        <source>Normal</source>
        <translation>Běžné</translation>
    </message>
</context>
<context>
    <name>WhatsAppAccountDialog</name>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="35"/>
        <source>One approved template per line: name or Content SID | language | number of variables | label, e.g.  order_update | cs | 2 | Order on its way</source>
        <translation>Jedna schválená šablona na řádek: název nebo Content SID | jazyk | počet proměnných | popisek, např.  order_update | cs | 2 | Objednávka je na cestě</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="53"/>
        <source>Template line {0} is not &apos;name | language | variables&apos;.</source>
        <translation>Řádek šablony {0} nemá tvar „název | jazyk | proměnné“.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="109"/>
        <source>Connect WhatsApp</source>
        <translation>Připojit WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="120"/>
        <source>Twilio sandbox (one message per 3 seconds)</source>
        <translation>Sandbox Twilio (jedna zpráva za 3 sekundy)</translation>
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
        <translation>SID klíče API (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="126"/>
        <source>API key secret</source>
        <translation>Tajný kód klíče API</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="127"/>
        <source>Messaging Service SID (optional)</source>
        <translation>Messaging Service SID (volitelné)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="134"/>
        <source>Phone number id</source>
        <translation>ID telefonního čísla</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="135"/>
        <source>WhatsApp Business Account id</source>
        <translation>ID účtu WhatsApp Business</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="136"/>
        <source>Access token</source>
        <translation>Přístupový token</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="137"/>
        <source>App secret</source>
        <translation>Tajný klíč aplikace</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="138"/>
        <source>Webhook verify token</source>
        <translation>Ověřovací token webhooku</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="150"/>
        <source>https://your-tunnel.example (where the provider posts)</source>
        <translation>https://vas-tunel.example (kam poskytovatel posílá)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="154"/>
        <source>off</source>
        <translation>vypnuto</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="156"/>
        <source>the provider&apos;s public API</source>
        <translation>veřejné API poskytovatele</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="165"/>
        <source>Provider</source>
        <translation>Poskytovatel</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="166"/>
        <source>WhatsApp number</source>
        <translation>Číslo WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="167"/>
        <source>Name shown</source>
        <translation>Zobrazované jméno</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="169"/>
        <source>Webhook receiver address</source>
        <translation>Adresa příjemce webhooků</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="170"/>
        <source>Webhook receiver port</source>
        <translation>Port příjemce webhooků</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="171"/>
        <source>Public URL</source>
        <translation>Veřejná URL</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="172"/>
        <source>Also poll every (seconds)</source>
        <translation>Navíc se dotazovat každých (sekund)</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="173"/>
        <source>API address</source>
        <translation>Adresa API</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="174"/>
        <source>Approved templates</source>
        <translation>Schválené šablony</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="196"/>
        <source>Enter the number to see the webhook address.</source>
        <translation>Zadejte číslo a zobrazí se adresa webhooku.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="199"/>
        <source>https://&lt;your tunnel&gt;</source>
        <translation>https://&lt;váš tunel&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="202"/>
        <source>Webhook URL to enter at the provider: </source>
        <translation>URL webhooku, kterou zadáte u poskytovatele: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="205"/>
        <source>  (received on this PC at </source>
        <translation>  (příjem na tomto počítači: </translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="243"/>
        <source>Enter the WhatsApp number with its country code (+420…).</source>
        <translation>Zadejte číslo WhatsApp včetně předvolby země (+420…).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="252"/>
        <source>Enter the Account SID and Auth Token (Twilio Console).</source>
        <translation>Zadejte Account SID a Auth Token (Twilio Console).</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="254"/>
        <source>Enter the API key&apos;s secret, or leave the API key SID empty.</source>
        <translation>Zadejte tajný kód klíče API, nebo nechte SID klíče API prázdné.</translation>
    </message>
    <message>
        <location filename="../../ui/whatsapp_accounts.py" line="263"/>
        <source>Enter the phone number id, access token and app secret.</source>
        <translation>Zadejte ID telefonního čísla, přístupový token a tajný klíč aplikace.</translation>
    </message>
</context>
</TS>
